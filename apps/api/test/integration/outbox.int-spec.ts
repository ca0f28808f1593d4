import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { InvalidJobPayloadError } from '../../src/queue/job-payloads';
import { JobProducer, RedisUnavailableError, SendOptions } from '../../src/queue/job-producer';
import { outboxJobId, OutboxRelay } from '../../src/queue/outbox.relay';
import { OutboxRepository } from '../../src/queue/outbox.repository';
import { OutboxService } from '../../src/queue/outbox.service';
import { JobName, QueueName } from '../../src/queue/queue-names';
import { startPrivateRedis } from './support/fault-services';
import { closedPort, QueueHarness, startQueueHarness, waitFor } from './support/queue-harness';

/** Dies after adding its batch to BullMQ but before marking it relayed, as a killed process would. */
class CrashingRelay extends OutboxRelay {
  protected override markRelayed(): Promise<void> {
    throw new Error('relay crashed before marking');
  }
}

/** The real producer, counting what it was asked to send. */
class CountingProducer extends JobProducer {
  readonly sentJobIds: string[] = [];
  override async send(queueName: string, jobName: string, payload: object, options: SendOptions = {}) {
    const job = await super.send(queueName, jobName, payload, options);
    this.sentJobIds.push(options.jobId ?? '');
    return job;
  }
}

interface OutboxRow {
  id: string;
  relayed_at: Date | null;
  attempts: number;
  last_error: string | null;
}

describe('outbox', () => {
  let h: QueueHarness;
  let outbox: OutboxService;
  let relay: OutboxRelay;

  // A long poll interval, so only NOTIFY can wake a started relay within a test.
  beforeAll(async () => {
    h = await startQueueHarness({ env: { OUTBOX_BATCH_SIZE: '20', OUTBOX_POLL_INTERVAL_MS: '60000' } });
    outbox = h.app.get(OutboxService);
    relay = h.app.get(OutboxRelay);
  });
  afterAll(() => h.close());

  beforeEach(async () => {
    await h.dataSource.query('DELETE FROM outbox_message');
    await h.queue(QueueName.Maintenance).obliterate({ force: true });
  });

  const enqueuePurge = (manager: EntityManager, retentionDays = 7, delayMs?: number) =>
    outbox.enqueue(manager, JobName.PurgeRelayedOutbox, { retentionDays }, { delayMs });
  const commitPurges = (count: number) =>
    h.dataSource.transaction(async (manager) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) ids.push(await enqueuePurge(manager));
      return ids;
    });
  const rows = (): Promise<OutboxRow[]> =>
    h.dataSource.query('SELECT id::text AS id, relayed_at, attempts, last_error FROM outbox_message ORDER BY id');
  const maintenanceJobs = () => h.jobCount(QueueName.Maintenance);
  const newRelay = (producer: JobProducer, config = h.config) =>
    new OutboxRelay(config, h.dataSource, h.app.get(OutboxRepository), producer);

  it('turns a committed message into exactly one job, woken by NOTIFY', async () => {
    await relay.start();
    try {
      const id = await h.dataSource.transaction((manager) => enqueuePurge(manager, 9));
      const job = await waitFor('the job', () => h.queue(QueueName.Maintenance).getJob(outboxJobId(id)), 3_000);
      expect(job.id).toBe(`outbox-${id}`);
      expect(job.name).toBe(JobName.PurgeRelayedOutbox);
      expect(job.data).toEqual({ retentionDays: 9 });
      await waitFor('the message marked relayed', async () => (await rows())[0].relayed_at);
      expect(await maintenanceJobs()).toBe(1);
    } finally {
      await relay.stop();
    }
  });

  it('carries the delay over to the job', async () => {
    const id = await h.dataSource.transaction((manager) => enqueuePurge(manager, 7, 60_000));
    expect(await relay.relayPending()).toBe(1);
    const job = await h.queue(QueueName.Maintenance).getJob(outboxJobId(id));
    expect(job?.opts.delay).toBe(60_000);
    expect(await job?.getState()).toBe('delayed');
  });

  it('leaves no message and no job when the transaction rolls back', async () => {
    await relay.start();
    try {
      const rollback = h.dataSource.transaction(async (manager) => {
        await enqueuePurge(manager);
        throw new Error('change refused');
      });
      await expect(rollback).rejects.toThrow('change refused');
      expect(await rows()).toEqual([]);
      expect(await relay.relayPending()).toBe(0);
      expect(await maintenanceJobs()).toBe(0);
    } finally {
      await relay.stop();
    }
  });

  it('refuses an invalid payload before writing anything', async () => {
    const write = h.dataSource.transaction((manager) =>
      outbox.enqueue(manager, JobName.PurgeRelayedOutbox, { retentionDays: 0 }),
    );
    await expect(write).rejects.toThrow(InvalidJobPayloadError);
    expect(await rows()).toEqual([]);
  });

  it('adds no duplicate when a relay crashed between sending and marking', async () => {
    const ids = await commitPurges(3);
    const crashing = new CrashingRelay(h.config, h.dataSource, h.app.get(OutboxRepository), h.app.get(JobProducer));
    await expect(crashing.relayPending()).rejects.toThrow('relay crashed before marking');
    expect(await maintenanceJobs()).toBe(3);
    expect((await rows()).map((r) => r.relayed_at)).toEqual([null, null, null]);

    expect(await relay.relayPending()).toBe(3);
    expect(await maintenanceJobs()).toBe(3);
    for (const id of ids) expect(await h.queue(QueueName.Maintenance).getJob(outboxJobId(id))).toBeDefined();
    expect((await rows()).every((r) => r.relayed_at !== null)).toBe(true);
  });

  it('has two concurrent relays send each of 200 messages exactly once', async () => {
    const ids = await commitPurges(200);
    // Separate producers, as two worker processes would have.
    const producers = [new CountingProducer(h.config), new CountingProducer(h.config)];
    try {
      const relayed = await Promise.all(producers.map((producer) => newRelay(producer).relayPending()));
      expect(relayed[0] + relayed[1]).toBe(200);
      expect(relayed[0]).toBeGreaterThan(0);
      expect(relayed[1]).toBeGreaterThan(0);
      const sent = producers.flatMap((producer) => producer.sentJobIds);
      expect(sent).toHaveLength(200);
      expect(new Set(sent)).toEqual(new Set(ids.map(outboxJobId)));
      expect(await maintenanceJobs()).toBe(200);
      expect((await rows()).filter((r) => r.relayed_at === null)).toEqual([]);
    } finally {
      await Promise.all(producers.map((producer) => producer.close()));
    }
  });

  it('records a Redis failure on the message and relays it once Redis answers', async () => {
    const [id] = await commitPurges(1);
    const unreachable = h.configWith({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    const producer = new JobProducer(unreachable);
    try {
      const started = Date.now();
      await expect(newRelay(producer, unreachable).relayPending()).rejects.toThrow(RedisUnavailableError);
      expect(Date.now() - started).toBeLessThan(2_500);
    } finally {
      await producer.close();
    }
    const [failed] = await rows();
    expect(failed).toMatchObject({ id, relayed_at: null, attempts: 1 });
    expect(failed.last_error).toContain('Redis is unavailable');

    expect(await relay.relayPending()).toBe(1);
    expect((await rows())[0].relayed_at).not.toBeNull();
    expect(await maintenanceJobs()).toBe(1);
  });

  it('backs off while Redis stays unreachable instead of retrying every poll', async () => {
    await commitPurges(1);
    const unreachable = h.configWith({
      REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
      OUTBOX_POLL_INTERVAL_MS: '50',
    });
    const producer = new JobProducer(unreachable);
    const failing = newRelay(producer, unreachable);
    await failing.start();
    try {
      // Polling alone would try about 24 times in 1.2 s; doubling pauses (50, 100, 200, 400 ms...) allow about 5.
      await sleep(1_200);
    } finally {
      await failing.stop();
      await producer.close();
    }
    const [message] = await rows();
    expect(message.attempts).toBeGreaterThanOrEqual(2);
    expect(message.attempts).toBeLessThanOrEqual(6);
  });

  it('relays as soon as Redis answers again, not when its back-off ends', async () => {
    const redis = await startPrivateRedis({ aof: false });
    const config = h.configWith({ REDIS_URL: redis.url, OUTBOX_POLL_INTERVAL_MS: '100' });
    const producer = new JobProducer(config);
    const resuming = newRelay(producer, config);
    await resuming.start();
    try {
      const [first] = await commitPurges(1);
      await waitFor('the first message relayed', async () => (await rows()).find((r) => r.id === first)?.relayed_at);

      await redis.shutdown(false);
      const [id] = await commitPurges(1);
      // Back-offs of 100, 200, 400 ... ms: after the 7th failure the relay would wait 6.4 s before trying again.
      await waitFor(
        'seven failed attempts',
        async () => ((await rows()).find((r) => r.id === id)?.attempts ?? 0) >= 7,
        15_000,
      );
      await redis.start();
      const back = Date.now();
      await waitFor('the message relayed', async () => (await rows()).find((r) => r.id === id)?.relayed_at, 15_000);
      const waitedMs = Date.now() - back;
      expect(waitedMs).toBeLessThan(3_000);
      // No retry storm while Redis was down: the failures stayed on the back-off's schedule.
      expect((await rows()).find((r) => r.id === id)?.attempts).toBeLessThanOrEqual(8);
    } finally {
      await resuming.stop();
      await producer.close();
      await redis.destroy();
    }
  }, 40_000);
});
