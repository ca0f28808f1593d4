import { EmailStatus, EmailTemplateKey } from '@irm/contracts';
import { Client } from 'pg';
import { MailService } from '../../src/mail/mail.service';
import { RecoverEmailsHandler } from '../../src/mail/recover-emails.handler';
import { OutboxRelay } from '../../src/queue/outbox.relay';
import { QueueName } from '../../src/queue/queue-names';
import { WorkerHost } from '../../src/queue/worker-host';
import { SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { emailRow, insertUser } from './support/mail-fixtures';
import { QueueHarness, startQueueHarness, waitFor } from './support/queue-harness';

/** Emails whose job Redis lost, or whose job ended without settling them, are sent anyway, and once. */
describe('email recovery', () => {
  let sink: SmtpSink;
  let h: QueueHarness;
  let userId: string;

  beforeEach(async () => {
    sink = await startSmtpSink();
    h = await startQueueHarness({ env: { SMTP_URL: sink.url, MAIL_RETRY_DELAY_MS: '50' } });
    userId = (await insertUser(h.dataSource, { name: 'Recovered', language: 'en' })).id;
  });
  afterEach(async () => {
    await h.close();
    await sink.close();
  });

  const queueEmails = (count: number) =>
    h.dataSource.transaction(async (manager) => {
      const emails = [];
      for (let i = 0; i < count; i++)
        emails.push(
          await h.app.get(MailService).queue(manager, {
            idempotencyKey: `recovery:${i}`,
            template: EmailTemplateKey.Notification,
            data: { subject: `Pending ${i}`, paragraphs: ['Hello'] },
            to: { userId },
          }),
        );
      return emails;
    });
  const status = async (id: string) => (await emailRow(h.dataSource, id)).status;
  const recover = () => h.app.get(RecoverEmailsHandler).handle({ reason: 'schedule' });

  it('re-creates the jobs of pending emails when Redis comes back empty', async () => {
    const emails = await queueEmails(5);
    // Relayed to Redis, then Redis loses everything before a worker runs them.
    await h.app.get(OutboxRelay).relayPending();
    expect(await h.jobCount(QueueName.Email)).toBe(5);
    await h.queue(QueueName.Email).obliterate({ force: true });

    await h.app.get(WorkerHost).start();
    await sink.waitForCount(5);
    await waitFor('all sent', async () =>
      (await Promise.all(emails.map((e) => status(e.id)))).every((s) => s === 'sent'),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received.map((m) => m.messageId).sort()).toEqual(emails.map((e) => e.messageId).sort());
  });

  it('gives each email of a lost batch job a job of its own, and sends each once', async () => {
    const emails = await h.dataSource.transaction((manager) =>
      h.app.get(MailService).queueMany(
        manager,
        Array.from({ length: 4 }, (_, i) => ({
          idempotencyKey: `recovery-batch:${i}`,
          template: EmailTemplateKey.Notification,
          data: { subject: `Batch ${i}`, paragraphs: ['Hello'] },
          to: { userId },
        })),
      ),
    );
    await h.app.get(OutboxRelay).relayPending();
    expect(await h.jobCount(QueueName.Email)).toBe(1);
    await h.queue(QueueName.Email).obliterate({ force: true });

    await recover();
    const jobs = await Promise.all(emails.map(async (e) => (await emailRow(h.dataSource, e.id)).job_id));
    expect(new Set(jobs).size).toBe(4);
    expect(await h.jobCount(QueueName.Email)).toBe(4);
    await h.app.get(WorkerHost).start();
    await waitFor('all sent', async () =>
      (await Promise.all(emails.map((e) => status(e.id)))).every((s) => s === 'sent'),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received.map((m) => m.messageId).sort()).toEqual(emails.map((e) => e.messageId).sort());
  });

  it('leaves alone emails whose job is still in the outbox or still queued in Redis', async () => {
    const [unrelayed] = await queueEmails(1);
    const queued = (await emailRow(h.dataSource, unrelayed.id)).job_id;
    await recover();
    expect((await emailRow(h.dataSource, unrelayed.id)).job_id).toBe(queued);
    expect(await h.jobCount(QueueName.Email)).toBe(0);
    await h.app.get(OutboxRelay).relayPending();
    const before = (await emailRow(h.dataSource, unrelayed.id)).job_id;
    await recover();
    expect((await emailRow(h.dataSource, unrelayed.id)).job_id).toBe(before);
    expect(await h.jobCount(QueueName.Email)).toBe(1);
  });

  it('takes over an email left in sending by a job that has ended, and sends it once', async () => {
    const [email] = await queueEmails(1);
    await h.app.get(OutboxRelay).relayPending();
    await h.queue(QueueName.Email).obliterate({ force: true });
    // A job that BullMQ failed (here: its payload was unreadable) while the email was in `sending`.
    const dead = await h
      .queue(QueueName.Email)
      .add('email.send', { emailMessageId: 'unreadable' }, { jobId: 'dead-job' });
    await h.dataSource.query(
      `UPDATE email_message SET status = 'sending', attempts = 1, claimed_by = 'dead-job', claimed_at = now(),
              job_id = 'dead-job' WHERE id = $1`,
      [email.id],
    );
    await h.app.get(WorkerHost).start();
    await waitFor('the dead job to fail', async () => (await dead.getState()) === 'failed');
    await recover();
    await waitFor('the email to be sent', async () => (await status(email.id)) === EmailStatus.Sent);
    expect(await emailRow(h.dataSource, email.id)).toMatchObject({ attempts: 2, job_id: `email-${email.id}-r1` });
    expect(sink.received.map((m) => m.messageId)).toEqual([email.messageId]);
  });

  it('waits out the claim of a job that Redis lost, since it may still be sending somewhere', async () => {
    const [email] = await queueEmails(1);
    await h.app.get(OutboxRelay).relayPending();
    await h.queue(QueueName.Email).obliterate({ force: true });
    await h.dataSource.query(
      `UPDATE email_message SET status = 'sending', attempts = 1, claimed_by = 'lost-job', claimed_at = now(),
              job_id = 'lost-job' WHERE id = $1`,
      [email.id],
    );
    await h.app.get(WorkerHost).start();
    await waitFor('a new job', async () => (await emailRow(h.dataSource, email.id)).job_id !== 'lost-job');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await status(email.id)).toBe(EmailStatus.Sending);
    expect(sink.received).toHaveLength(0);

    // Once the claim is older than the lease, the next recovery's job takes it.
    await h.dataSource.query(`UPDATE email_message SET claimed_at = now() - interval '6 minutes' WHERE id = $1`, [
      email.id,
    ]);
    await recover();
    await waitFor('the email to be sent', async () => (await status(email.id)) === EmailStatus.Sent);
    expect(sink.received.map((m) => m.messageId)).toEqual([email.messageId]);
  });

  it('lets a send in progress finish when the worker is stopped', async () => {
    await h.app.get(WorkerHost).start();
    sink.slowDown(1_000);
    const data = sink.nextData();
    const [email] = await queueEmails(1);
    await data;
    expect(await status(email.id)).toBe(EmailStatus.Sending);
    await h.stopApp();
    expect(sink.received.map((m) => m.messageId)).toEqual([email.messageId]);
    // The app's connections are closed now; read the outcome on one of our own.
    const client = new Client({ connectionString: h.database.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT status, attempts FROM email_message WHERE id = $1`, [email.id]);
      expect(rows).toEqual([{ status: 'sent', attempts: 1 }]);
    } finally {
      await client.end();
    }
  });
});
