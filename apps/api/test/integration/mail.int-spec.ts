import { EmailStatus, EmailTemplateKey, RecordSubjectType, Role } from '@irm/contracts';
import { AnyQueueEmailRequest, MailService, QueueEmailRequest } from '../../src/mail/mail.service';
import { NO_SMTP } from '../../src/mail/send-email.handler';
import { QueueName } from '../../src/queue/queue-names';
import { WorkerHost } from '../../src/queue/worker-host';
import { SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { emailRow, insertContact, insertProvinceSettings, insertUser } from './support/mail-fixtures';
import { QueueHarness, startQueueHarness, waitFor } from './support/queue-harness';

const ATTEMPTS = 3;

describe('email delivery', () => {
  let sink: SmtpSink;
  let h: QueueHarness;
  let mail: MailService;

  beforeAll(async () => {
    sink = await startSmtpSink();
    h = await startQueueHarness({
      env: {
        SMTP_URL: sink.url,
        MAIL_FROM: 'Trung tâm XTĐT <no-reply@ipa.example.vn>',
        MAIL_SEND_ATTEMPTS: String(ATTEMPTS),
        MAIL_RETRY_DELAY_MS: '50',
        APP_URL: 'https://crm.ipa.example.vn',
      },
    });
    await insertProvinceSettings(h.dataSource);
    mail = h.app.get(MailService);
    await h.app.get(WorkerHost).start();
  });
  afterAll(async () => {
    await h.close();
    await sink.close();
  });
  beforeEach(() => {
    sink.accept();
    sink.clear();
  });

  const queue = <K extends EmailTemplateKey>(request: QueueEmailRequest<K>) =>
    h.dataSource.transaction((manager) => mail.queue(manager, request));
  const settled = (id: string, status: EmailStatus = EmailStatus.Sent, timeoutMs = 10_000) =>
    waitFor(
      `email ${id} to be ${status}`,
      async () => {
        const row = await emailRow(h.dataSource, id);
        return row.status === status ? row : undefined;
      },
      timeoutMs,
    );
  let keys = 0;
  const key = (what: string) => `${what}:${++keys}:${Date.now()}`;

  it('delivers a queued email to the recipient in their language, with both parts and its headers', async () => {
    const user = await insertUser(h.dataSource, { name: 'Nguyễn Văn An', language: 'vi' });
    const queued = await queue({
      idempotencyKey: key('invite'),
      template: EmailTemplateKey.UserInvitation,
      data: {
        inviteeName: 'Nguyễn Văn An',
        inviterName: 'Trần Thị Bình',
        role: Role.Manager,
        acceptUrl: 'https://crm.ipa.example.vn/invite/abc',
        expiresAt: '2026-03-05T10:00:00Z',
      },
      to: { userId: user.id },
    });
    expect(queued).toMatchObject({ status: EmailStatus.Queued, attempts: 0, language: 'vi', recipientUserId: user.id });
    expect(queued.messageId).toBe(`<${queued.id}@ipa.example.vn>`);

    const row = await settled(queued.id);
    expect(row).toMatchObject({ attempts: 1, last_error: null, smtp_message_id: expect.stringMatching(/^SINK\d+$/) });
    expect(sink.received).toHaveLength(1);
    const [received] = sink.received;
    expect(received.envelope).toEqual({ from: 'no-reply@ipa.example.vn', to: [user.email] });
    expect(received.messageId).toBe(queued.messageId);
    const parsed = await sink.parsed(received);
    expect(parsed.subject).toBe(
      'Lời mời sử dụng hệ thống quản lý nhà đầu tư – Trung tâm Xúc tiến Đầu tư tỉnh Vĩnh Phúc',
    );
    expect(parsed.to).toMatchObject({ value: [{ address: user.email, name: 'Nguyễn Văn An' }] });
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.headers.get('list-unsubscribe')).toBeUndefined();
    expect(parsed.text).toContain('Trần Thị Bình mời anh/chị sử dụng hệ thống quản lý nhà đầu tư với vai trò Quản lý.');
    expect(parsed.text).toContain('https://crm.ipa.example.vn/invite/abc');
    expect(parsed.text).toContain('17:00 5 tháng 3, 2026');
    expect(parsed.html).toContain('<html dir="ltr" lang="vi">');
    expect(parsed.html).toContain('href="https://crm.ipa.example.vn/invite/abc"');
    expect(parsed.html).toContain('Thành phố Vĩnh Yên, tỉnh Vĩnh Phúc');
  });

  it("writes investor mail in the contact's language, with an unsubscribe link and List-Unsubscribe", async () => {
    const owner = await insertUser(h.dataSource, { name: 'Owner', language: 'vi' });
    // Korean readers get English.
    const contact = await insertContact(h.dataSource, { ownerId: owner.id, fullName: 'Kim Min-jun', language: 'ko' });
    const queued = await queue({
      idempotencyKey: key('investor'),
      template: EmailTemplateKey.InvestorNotification,
      data: {
        subject: { vi: 'Hồ sơ đã nhận', en: 'Your application was received' },
        paragraphs: [{ vi: 'Chúng tôi đã nhận hồ sơ.', en: 'We have received your <application>.' }],
        action: { label: { vi: 'Theo dõi', en: 'Follow it' }, url: 'https://crm.ipa.example.vn/track/t1' },
      },
      to: { contactId: contact.id },
      about: { type: 'contact' as never, id: contact.id },
    });
    expect(queued).toMatchObject({ language: 'en', subjectType: 'contact', subjectId: contact.id });
    await settled(queued.id);
    const parsed = await sink.parsed(sink.received[0]);
    expect(parsed.subject).toBe('Your application was received');
    // Long header lines come folded; unfold them (RFC 5322) before comparing.
    const header = (name: string) =>
      parsed.headerLines.find((line) => line.key === name)?.line.replace(/\r?\n[ \t]+/g, ' ');
    expect(header('list-unsubscribe')).toMatch(
      new RegExp(
        `^List-Unsubscribe: <https://crm\\.ipa\\.example\\.vn/api/public/unsubscribe/${contact.id}\\.[\\w-]+>$`,
      ),
    );
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(parsed.html).toContain('We have received your &lt;application&gt;.');
    expect(parsed.html).toContain(`https://crm.ipa.example.vn/unsubscribe/${contact.id}.`);
    expect(parsed.text).toContain('You receive this email because you are in contact with Vinh Phuc Investment');
    expect(parsed.text).toContain('Unsubscribe');
  });

  it('queues an email once per idempotency key, however often it is asked', async () => {
    const user = await insertUser(h.dataSource, { name: 'Le Hoa', language: 'en' });
    const request = {
      idempotencyKey: key('task-reminder'),
      template: EmailTemplateKey.Notification,
      data: { subject: 'Call back Samsung', paragraphs: ['Due at 10:00'] },
      to: { userId: user.id },
    } as const;
    const first = await queue(request);
    const again = await queue(request);
    // Twice in one transaction too.
    const [third, fourth] = await h.dataSource.transaction(async (manager) => [
      await mail.queue(manager, request),
      await mail.queue(manager, request),
    ]);
    expect(new Set([first.id, again.id, third.id, fourth.id])).toEqual(new Set([first.id]));
    const [{ count }] = await h.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox_message WHERE payload->>'emailMessageId' = $1`,
      [first.id],
    );
    expect(count).toBe(1);
    await settled(first.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received.map((m) => m.messageId)).toEqual([first.messageId]);
  });

  it('queues a batch in request order with one job each, repeats and opted-out contacts included', async () => {
    const en = await insertUser(h.dataSource, { name: 'Batch En', language: 'en' });
    const vi = await insertUser(h.dataSource, { name: 'Batch Vi', language: 'vi' });
    const owner = await insertUser(h.dataSource, { name: 'Batch Owner', language: 'vi' });
    const contact = await insertContact(h.dataSource, { ownerId: owner.id, fullName: 'Tanaka Yui', language: 'ja' });
    const optedOut = await insertContact(h.dataSource, { ownerId: owner.id, fullName: 'Kim Min-ji', language: 'ko' });
    await h.dataSource.query(
      `UPDATE contact SET email_consent = 'opted_out', consent_source = 'unsubscribe', consent_changed_at = now() WHERE id = $1`,
      [optedOut.id],
    );
    const note = (subject: string) => ({ subject, paragraphs: ['Batch'] });
    const earlierKey = key('batch-earlier');
    const earlier = await queue({
      idempotencyKey: earlierKey,
      template: EmailTemplateKey.Notification,
      data: note('Earlier'),
      to: { userId: en.id },
    });
    const repeated = key('batch-repeated');
    const requests: AnyQueueEmailRequest[] = [
      {
        idempotencyKey: key('batch'),
        template: EmailTemplateKey.Notification,
        data: note('One'),
        to: { userId: vi.id },
      },
      { idempotencyKey: repeated, template: EmailTemplateKey.Notification, data: note('Two'), to: { userId: en.id } },
      {
        idempotencyKey: key('batch'),
        template: EmailTemplateKey.InvestorNotification,
        data: note('Three'),
        to: { contactId: contact.id },
        about: { type: RecordSubjectType.Contact, id: contact.id },
      },
      { idempotencyKey: repeated, template: EmailTemplateKey.Notification, data: note('Again'), to: { userId: vi.id } },
      {
        idempotencyKey: earlierKey,
        template: EmailTemplateKey.Notification,
        data: note('Earlier again'),
        to: { userId: vi.id },
      },
      {
        idempotencyKey: key('batch'),
        template: EmailTemplateKey.InvestorNotification,
        data: note('Opted out'),
        to: { contactId: optedOut.id },
      },
      {
        idempotencyKey: key('batch'),
        template: EmailTemplateKey.Notification,
        data: note('Bare'),
        to: { email: 'bare@example.vn', language: 'vi' },
      },
    ];
    const answers = await h.dataSource.transaction((manager) => mail.queueMany(manager, requests));
    expect(answers.map((email) => email.subject)).toEqual([
      'One',
      'Two',
      'Three',
      'Two',
      'Earlier',
      'Opted out',
      'Bare',
    ]);
    expect(answers.map((email) => email.language)).toEqual(['vi', 'en', 'en', 'en', 'en', 'en', 'vi']);
    expect(answers[3].id).toBe(answers[1].id);
    expect(answers[4].id).toBe(earlier.id);
    expect(answers[5].status).toBe(EmailStatus.NotSent);
    // One send job for the new emails that go out, listing them in request order; none for the repeats or the
    // opt-out. Each names it as its job.
    const fresh = [0, 1, 2, 6].map((n) => answers[n].id);
    const jobs: { id: string; payload: unknown }[] = await h.dataSource.query(
      `SELECT id::text, payload FROM outbox_message WHERE payload->'emailMessageIds' ?| $1::text[] ORDER BY id`,
      [answers.map((email) => email.id)],
    );
    expect(jobs).toEqual([{ id: expect.any(String), payload: { emailMessageIds: fresh } }]);
    const named = await h.dataSource.query(`SELECT DISTINCT job_id FROM email_message WHERE id = ANY($1::uuid[])`, [
      fresh,
    ]);
    expect(named).toEqual([{ job_id: `outbox-${jobs[0].id}` }]);
    const timeline = await h.dataSource.query(
      `SELECT payload->>'emailMessageId' AS email FROM timeline_entry WHERE subject_id = $1 AND kind = 'email'`,
      [contact.id],
    );
    expect(timeline).toEqual([{ email: answers[2].id }]);
    for (const email of [earlier, ...[0, 1, 2, 6].map((n) => answers[n])]) await settled(email.id);
    expect(sink.received.map((m) => m.messageId).sort()).toEqual(
      [earlier, ...[0, 1, 2, 6].map((n) => answers[n])].map((email) => email.messageId).sort(),
    );
  });

  const batchOf = async (count: number, what: string) => {
    const user = await insertUser(h.dataSource, { name: `Batch ${what}`, language: 'en' });
    return h.dataSource.transaction((manager) =>
      mail.queueMany(
        manager,
        Array.from({ length: count }, (_, n) => ({
          idempotencyKey: key(`batch-${what}`),
          template: EmailTemplateKey.Notification,
          data: { subject: `${what} ${n}`, paragraphs: ['Batch'] },
          to: { userId: user.id },
        })),
      ),
    );
  };

  it('tries a batch again for the emails the server refused, and sends each once', async () => {
    sink.refuseNext(2);
    const emails = await batchOf(5, 'refused');
    const rows = await Promise.all(emails.map((email) => settled(email.id)));
    expect(rows.map((row) => row.attempts).sort()).toEqual([1, 1, 1, 2, 2]);
    expect(sink.refusals).toBe(2);
    expect(sink.received.map((m) => m.messageId).sort()).toEqual(emails.map((email) => email.messageId).sort());
    const job = await h.queue(QueueName.Email).getJob(rows[0].job_id!);
    expect(job?.attemptsMade).toBe(2);
    expect(await job?.getState()).toBe('completed');
  });

  it('fails only the email of a batch that the server refused for good', async () => {
    sink.refuseNext(1, 550, 'No such user');
    const emails = await batchOf(4, 'permanent');
    const failed = await waitFor('one email of the batch to fail', async () => {
      const rows = await Promise.all(emails.map((email) => emailRow(h.dataSource, email.id)));
      return rows.filter((row) => row.status === EmailStatus.Sent).length === 3
        ? rows.filter((row) => row.status === EmailStatus.Failed)
        : undefined;
    });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ attempts: 1 });
    expect(failed[0].last_error).toContain('550');
    expect(sink.received).toHaveLength(3);
    const job = await h.queue(QueueName.Email).getJob(failed[0].job_id!);
    expect(await job?.getState()).toBe('completed');
    expect(job?.attemptsMade).toBe(1);
  });

  it('answers a repeated key with the email queued before, even once its recipient has no address', async () => {
    const owner = await insertUser(h.dataSource, { name: 'Owner', language: 'vi' });
    const contact = await insertContact(h.dataSource, { ownerId: owner.id, fullName: 'Park Ji-hoon', language: 'ko' });
    const request = {
      idempotencyKey: key('gone'),
      template: EmailTemplateKey.InvestorNotification,
      data: { subject: 'Your enquiry', paragraphs: ['Received.'] },
      to: { contactId: contact.id },
    } as const;
    const first = await queue(request);
    // Delivered before the next test tells the server to refuse.
    await settled(first.id);
    await h.dataSource.query(`UPDATE contact SET email = NULL WHERE id = $1`, [contact.id]);
    await expect(queue(request)).resolves.toMatchObject({ id: first.id });
    await expect(queue({ ...request, idempotencyKey: key('gone-new') })).rejects.toThrow('no email address');
  });

  it('queues nothing when the transaction that asked rolls back', async () => {
    const user = await insertUser(h.dataSource, { name: 'Rolled Back', language: 'en' });
    const idempotencyKey = key('rollback');
    await expect(
      h.dataSource.transaction(async (manager) => {
        await mail.queue(manager, {
          idempotencyKey,
          template: EmailTemplateKey.Notification,
          data: { subject: 'Never', paragraphs: [] },
          to: { userId: user.id },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await h.dataSource.query(`SELECT 1 FROM email_message WHERE idempotency_key = $1`, [idempotencyKey]);
    expect(rows).toEqual([]);
  });

  it('retries while the server refuses, then delivers once, counting every attempt', async () => {
    const user = await insertUser(h.dataSource, { name: 'Retry Me', language: 'en' });
    sink.refuseNext(ATTEMPTS - 1);
    const queued = await queue({
      idempotencyKey: key('refused'),
      template: EmailTemplateKey.Notification,
      data: { subject: 'After a refusal', paragraphs: ['Hello'] },
      to: { userId: user.id },
    });
    const row = await settled(queued.id);
    expect(row).toMatchObject({ attempts: ATTEMPTS, last_error: null });
    expect(sink.refusals).toBe(ATTEMPTS - 1);
    expect(sink.received.map((m) => m.messageId)).toEqual([queued.messageId]);
  });

  it('marks an email failed after the last attempt, with the server’s reply', async () => {
    const user = await insertUser(h.dataSource, { name: 'Never Arrives', language: 'en' });
    sink.refuse(451, 'Mailbox busy');
    const queued = await queue({
      idempotencyKey: key('failing'),
      template: EmailTemplateKey.Notification,
      data: { subject: 'Refused', paragraphs: ['Hello'] },
      to: { userId: user.id },
    });
    const row = await settled(queued.id, EmailStatus.Failed);
    expect(row.attempts).toBe(ATTEMPTS);
    expect(row.last_error).toContain('451');
    expect(row.last_error).toContain('Mailbox busy');
    expect(sink.received).toHaveLength(0);
    const job = await h.queue(QueueName.Email).getJob(row.job_id!);
    expect(await job?.getState()).toBe('failed');
  });

  it('fails at once on a permanent refusal (5xx)', async () => {
    const user = await insertUser(h.dataSource, { name: 'Unknown Mailbox', language: 'en' });
    sink.refuse(550, 'No such user');
    const queued = await queue({
      idempotencyKey: key('permanent'),
      template: EmailTemplateKey.Notification,
      data: { subject: 'Refused for good', paragraphs: ['Hello'] },
      to: { userId: user.id },
    });
    const row = await settled(queued.id, EmailStatus.Failed);
    expect(row.attempts).toBe(1);
    expect(row.last_error).toContain('550');
  });

  it('does not send investor mail to a contact who opted out, before or after it was queued', async () => {
    const owner = await insertUser(h.dataSource, { name: 'Owner Two', language: 'vi' });
    const optedOut = await insertContact(h.dataSource, {
      ownerId: owner.id,
      fullName: 'Đã từ chối',
      language: 'vi',
      optedOut: true,
    });
    const investorMail = (contactId: string) =>
      queue({
        idempotencyKey: key('investor-opt-out'),
        template: EmailTemplateKey.InvestorNotification,
        data: { subject: 'Tin mới', paragraphs: ['Nội dung'] },
        to: { contactId },
      });
    const refused = await investorMail(optedOut.id);
    expect(refused).toMatchObject({ status: EmailStatus.NotSent, lastError: expect.stringContaining('opted out') });

    // Opting out between queuing and sending also stops it: the worker is paused meanwhile.
    const contact = await insertContact(h.dataSource, { ownerId: owner.id, fullName: 'Đổi ý', language: 'vi' });
    const emailQueue = h.queue(QueueName.Email);
    await emailQueue.pause();
    try {
      const queued = await investorMail(contact.id);
      await h.dataSource.query(
        `UPDATE contact SET email_consent = 'opted_out', consent_source = 'unsubscribe', consent_changed_at = now()
          WHERE id = $1`,
        [contact.id],
      );
      await emailQueue.resume();
      const row = await settled(queued.id, EmailStatus.NotSent);
      expect(row.last_error).toContain('opted out');
    } finally {
      await emailQueue.resume();
    }
    expect(sink.received).toHaveLength(0);
  });

  it('sends nothing when the same email is handed to two jobs at once', async () => {
    const user = await insertUser(h.dataSource, { name: 'Twice Queued', language: 'en' });
    const emailQueue = h.queue(QueueName.Email);
    await emailQueue.pause();
    let queued;
    try {
      queued = await queue({
        idempotencyKey: key('two-jobs'),
        template: EmailTemplateKey.Notification,
        data: { subject: 'Only once', paragraphs: ['Hello'] },
        to: { userId: user.id },
      });
      // Once the relay has added its job, rival jobs for the same email join it, as a re-run or recovery might.
      const { job_id: jobId } = await emailRow(h.dataSource, queued.id);
      await waitFor('the relayed job', () => emailQueue.getJob(jobId!));
      for (let i = 1; i <= 3; i++)
        await emailQueue.add('email.send', { emailMessageId: queued.id }, { jobId: `rival-${queued.id}-${i}` });
    } finally {
      await emailQueue.resume();
    }
    await settled(queued.id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.received.filter((m) => m.messageId === queued.messageId)).toHaveLength(1);
    expect((await emailRow(h.dataSource, queued.id)).attempts).toBe(1);
  });
});

describe('email delivery without SMTP_URL', () => {
  let h: QueueHarness;
  afterAll(() => h.close());

  it('renders and logs the email and marks it not sent', async () => {
    h = await startQueueHarness();
    await h.app.get(WorkerHost).start();
    const user = await insertUser(h.dataSource, { name: 'Dev Only', language: 'en' });
    const queued = await h.dataSource.transaction((manager) =>
      h.app.get(MailService).queue(manager, {
        idempotencyKey: 'no-smtp:1',
        template: EmailTemplateKey.PasswordReset,
        data: { name: 'Dev Only', resetUrl: 'http://localhost:3000/reset/x', expiresAt: '2026-03-05T10:00:00Z' },
        to: { userId: user.id },
      }),
    );
    const row = await waitFor('the email to settle', async () => {
      const current = await emailRow(h.dataSource, queued.id);
      return current.status === EmailStatus.NotSent ? current : undefined;
    });
    expect(row).toMatchObject({ attempts: 1, last_error: NO_SMTP });
    const [{ html_body, text_body, subject }] = await h.dataSource.query(
      `SELECT html_body, text_body, subject FROM email_message WHERE id = $1`,
      [queued.id],
    );
    expect(subject).toBe('Reset your password – Investment Promotion Centre');
    expect(html_body).toContain('http://localhost:3000/reset/x');
    expect(text_body).toContain('Choose a new password');
  });
});
