import { JobProducer } from '../../src/queue/job-producer';
import { outboxJobId } from '../../src/queue/outbox.relay';
import { OutboxService } from '../../src/queue/outbox.service';
import { JobName, QueueName } from '../../src/queue/queue-names';
import { WorkerHost } from '../../src/queue/worker-host';
import { QueueHarness, startQueueHarness, waitFor } from './support/queue-harness';

describe('worker', () => {
  let h: QueueHarness;
  const maintenance = () => h.queue(QueueName.Maintenance);

  beforeAll(async () => {
    h = await startQueueHarness();
    // Left over from an earlier release; the worker must remove it.
    await maintenance().upsertJobScheduler('retired-report', { pattern: '0 0 1 1 *' }, { name: 'reports.retired' });
    await h.app.get(WorkerHost).start();
  });
  afterAll(() => h.close());

  it('registers the declared recurring jobs and removes retired ones', async () => {
    const schedulers = (await maintenance().getJobSchedulers()).sort((a, b) => b.key.localeCompare(a.key));
    expect(schedulers).toEqual([
      expect.objectContaining({
        key: 'recover-emails',
        name: JobName.RecoverEmails,
        pattern: '*/5 * * * *',
        tz: 'Asia/Ho_Chi_Minh',
      }),
      expect.objectContaining({
        key: 'reconcile-reminders',
        name: JobName.ReconcileReminders,
        pattern: '*/5 * * * *',
        tz: 'Asia/Ho_Chi_Minh',
      }),
      expect.objectContaining({
        key: 'purge-relayed-outbox',
        name: JobName.PurgeRelayedOutbox,
        pattern: '30 3 * * *',
        tz: 'Asia/Ho_Chi_Minh',
      }),
      expect.objectContaining({
        key: 'purge-import-files',
        name: JobName.PurgeImportFiles,
        pattern: '45 3 * * *',
        tz: 'Asia/Ho_Chi_Minh',
      }),
    ]);
    const reminders = (await h.queue(QueueName.Reminders).getJobSchedulers()).sort((a, b) =>
      b.key.localeCompare(a.key),
    );
    expect(reminders).toEqual([
      expect.objectContaining({
        key: 'sweep-reminders',
        name: JobName.SweepReminders,
        pattern: '* * * * *',
        tz: 'Asia/Ho_Chi_Minh',
      }),
      expect.objectContaining({
        key: 'daily-digest',
        name: JobName.DailyDigest,
        pattern: '30 7 * * 1-5',
        tz: 'Asia/Ho_Chi_Minh',
      }),
    ]);
  });

  it('runs a job from outbox to handler: the purge removes old relayed messages and keeps the rest', async () => {
    const [oldRelayed, recentRelayed, oldPending] = (await h.dataSource.query(
      `INSERT INTO outbox_message (queue, job_name, payload, created_at, relayed_at) VALUES
         ('email', 'email.example', '{}', now() - interval '9 days', now() - interval '8 days'),
         ('email', 'email.example', '{}', now() - interval '7 days', now() - interval '6 days'),
         ('email', 'email.example', '{}', now() - interval '30 days', NULL)
       RETURNING id::text AS id`,
    )) as { id: string }[];
    // Locked as by another relay busy sending it, so the running relay skips it and it stays pending.
    const sender = h.dataSource.createQueryRunner();
    await sender.startTransaction();
    try {
      await sender.query('SELECT id FROM outbox_message WHERE id = $1 FOR UPDATE', [oldPending.id]);
      const purgeId = await h.dataSource.transaction((manager) =>
        h.app.get(OutboxService).enqueue(manager, JobName.PurgeRelayedOutbox, { retentionDays: 7 }),
      );

      const job = await waitFor('the purge job to complete', async () => {
        const found = await maintenance().getJob(outboxJobId(purgeId));
        return found && (await found.getState()) === 'completed' ? found : undefined;
      });
      expect(job.attemptsMade).toBe(1);
      const remaining = (await h.dataSource.query(
        'SELECT id::text AS id, relayed_at IS NOT NULL AS relayed FROM outbox_message ORDER BY id',
      )) as { id: string; relayed: boolean }[];
      expect(remaining).toEqual([
        { id: recentRelayed.id, relayed: true },
        { id: oldPending.id, relayed: false },
        { id: purgeId, relayed: true },
      ]);
      expect(remaining.map((r) => r.id)).not.toContain(oldRelayed.id);
    } finally {
      await sender.rollbackTransaction();
      await sender.release();
    }
  });

  it('fails an invalid payload at once, without retries', async () => {
    const job = await maintenance().add(JobName.PurgeRelayedOutbox, { retentionDays: 'forever' }, { attempts: 5 });
    await waitFor('the job to fail', async () => (await job.getState()) === 'failed');
    const failed = await maintenance().getJob(String(job.id));
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toContain('retentionDays');
  });

  it('fails a job nobody handles, without retries', async () => {
    const job = await maintenance().add('maintenance.unknown', {}, { attempts: 5 });
    await waitFor('the job to fail', async () => (await job.getState()) === 'failed');
    const failed = await maintenance().getJob(String(job.id));
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toBe('No handler for job "maintenance.unknown" on queue "maintenance"');
  });

  it('sends jobs directly with retries and a day of retention', async () => {
    const job = await h.app.get(JobProducer).add(JobName.PurgeRelayedOutbox, { retentionDays: 30 });
    expect(job.opts).toMatchObject({
      attempts: 5,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: 86_400 },
    });
    await waitFor('the job to complete', async () => (await job.getState()) === 'completed');
  });
});
