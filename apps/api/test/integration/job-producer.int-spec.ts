import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../../src/config/app-config';
import { InvalidJobPayloadError } from '../../src/queue/job-payloads';
import { JobProducer, RedisUnavailableError } from '../../src/queue/job-producer';
import { JobName, QueueName } from '../../src/queue/queue-names';
import { testRedisPrefix } from '../support/test-database';
import { TEST_REDIS_URL } from '../support/test-env';
import { closedPort } from './support/queue-harness';

describe('JobProducer', () => {
  const purge = { retentionDays: 7 };
  // Connection errors are expected here; keep them out of the test output.
  beforeAll(() => Logger.overrideLogger(false));

  it('fails fast, again and again, when Redis is unreachable', async () => {
    const producer = new JobProducer(
      loadConfig({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}`, LOG_LEVEL: 'silent' }),
    );
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const started = Date.now();
        await expect(producer.add(JobName.PurgeRelayedOutbox, purge)).rejects.toThrow(RedisUnavailableError);
        expect(Date.now() - started).toBeLessThan(1_000);
      }
    } finally {
      await producer.close();
    }
  });

  it('gives up on a host that never answers within the ready timeout', async () => {
    // 192.0.2.0/24 is reserved for documentation: connections go nowhere instead of being refused.
    const producer = new JobProducer(loadConfig({ REDIS_URL: 'redis://192.0.2.1:6379', LOG_LEVEL: 'silent' }));
    try {
      const started = Date.now();
      await expect(producer.add(JobName.PurgeRelayedOutbox, purge)).rejects.toThrow(RedisUnavailableError);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await producer.close();
    }
  });

  // Needs redis-server on the PATH, as the test machines have (see README).
  it('fails fast while Redis is down and sends again once it is back', async () => {
    const port = await closedPort();
    const startRedis = () =>
      spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const producer = new JobProducer(loadConfig({ REDIS_URL: `redis://127.0.0.1:${port}`, LOG_LEVEL: 'silent' }));
    let redis = startRedis();
    try {
      await waitUntil(() => producer.add(JobName.PurgeRelayedOutbox, purge));
      redis.kill();
      await new Promise((resolve) => redis.once('exit', resolve));
      const started = Date.now();
      await expect(producer.add(JobName.PurgeRelayedOutbox, purge)).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1_000);
      redis = startRedis();
      // ioredis reconnects with a growing delay (at most a few seconds here).
      await waitUntil(() => producer.add(JobName.PurgeRelayedOutbox, purge), 15_000);
    } finally {
      await producer.close();
      redis.kill();
    }
  }, 30_000);

  describe('with Redis', () => {
    const config = loadConfig({ REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: testRedisPrefix(), LOG_LEVEL: 'silent' });
    const producer = new JobProducer(config);
    afterAll(async () => {
      await producer.queue(QueueName.Maintenance).obliterate({ force: true });
      await producer.close();
    });

    it("adds a job under the configured prefix, on the job name's queue", async () => {
      const job = await producer.add(JobName.PurgeRelayedOutbox, purge, { jobId: 'purge-once', delayMs: 1_000 });
      expect(job).toMatchObject({
        id: 'purge-once',
        name: JobName.PurgeRelayedOutbox,
        queueQualifiedName: `${config.REDIS_PREFIX}:maintenance`,
      });
      expect(job.opts.delay).toBe(1_000);
    });

    it('ignores a second job with the same id', async () => {
      await producer.add(JobName.PurgeRelayedOutbox, purge, { jobId: 'purge-twice' });
      await producer.add(JobName.PurgeRelayedOutbox, { retentionDays: 8 }, { jobId: 'purge-twice' });
      const job = await producer.queue(QueueName.Maintenance).getJob('purge-twice');
      expect(job?.data).toEqual(purge);
    });

    it('refuses an invalid payload', async () => {
      await expect(producer.add(JobName.PurgeRelayedOutbox, { retentionDays: -1 })).rejects.toThrow(
        InvalidJobPayloadError,
      );
    });
  });
});

async function waitUntil(attempt: () => Promise<unknown>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}
