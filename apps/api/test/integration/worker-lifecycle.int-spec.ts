import { Module } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobHandler } from '../../src/queue/job-handler.decorator';
import { JobHandlerRegistryError } from '../../src/queue/job-handler.registry';
import { JobProducer } from '../../src/queue/job-producer';
import { JobName, QueueName } from '../../src/queue/queue-names';
import { WorkerHost } from '../../src/queue/worker-host';
import { HANDLER_MODULES } from '../../src/worker.module';
import { MaintenanceModule } from '../../src/queue/maintenance/maintenance.module';
import { QueueHarness, startQueueHarness } from './support/queue-harness';

const JOB_MS = 1_000;
let jobStarted: () => void = () => undefined;
let jobFinishedAt: number | undefined;

/** Stands in for a long job (a big import, a slow mail server). */
@JobHandler(JobName.PurgeRelayedOutbox)
class SlowPurgeHandler implements JobHandler<JobName.PurgeRelayedOutbox> {
  async handle(): Promise<void> {
    jobStarted();
    await sleep(JOB_MS);
    jobFinishedAt = Date.now();
  }
}

@Module({ providers: [SlowPurgeHandler] })
class SlowPurgeModule {}

describe('worker lifecycle', () => {
  let h: QueueHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function startSlowJob(env: Record<string, string> = {}) {
    const harness = await startQueueHarness({
      env,
      handlerModules: [...HANDLER_MODULES.filter((m) => m !== MaintenanceModule), SlowPurgeModule],
    });
    h = harness;
    jobFinishedAt = undefined;
    const started = new Promise<void>((resolve) => (jobStarted = resolve));
    await harness.app.get(WorkerHost).start();
    const job = await harness.app.get(JobProducer).add(JobName.PurgeRelayedOutbox, { retentionDays: 7 });
    await started;
    const state = () => harness.queue(QueueName.Maintenance).getJobState(String(job.id));
    return { harness, state };
  }

  it('refuses to start when a job has no handler, naming it', async () => {
    h = await startQueueHarness({ handlerModules: [] });
    const start = h.app.get(WorkerHost).start();
    await expect(start).rejects.toThrow(JobHandlerRegistryError);
    await expect(start).rejects.toThrow('"maintenance.purge-relayed-outbox" has no handler');
  });

  it('lets a running job finish before shutting down', async () => {
    const { harness, state } = await startSlowJob();
    await harness.stopApp();
    expect(jobFinishedAt).toBeDefined();
    expect(await state()).toBe('completed');
  });

  it('stops waiting after the grace period, leaving the job to be retried', async () => {
    const { harness, state } = await startSlowJob({ WORKER_SHUTDOWN_GRACE_MS: '100' });
    const stopping = Date.now();
    await harness.stopApp();
    expect(Date.now() - stopping).toBeLessThan(JOB_MS - 200);
    expect(jobFinishedAt).toBeUndefined();
    expect(await state()).toBe('active');
    // The abandoned handler is still running in this process; let it end before the next test.
    await sleep(JOB_MS);
  });
});
