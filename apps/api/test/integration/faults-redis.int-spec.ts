import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { OutboxRepository } from '../../src/queue/outbox.repository';
import { JOB_QUEUE, JobName } from '../../src/queue/queue-names';
import { healthStatus } from '../support/api-process';
import type { SmtpSink } from '../support/smtp-sink';
import { TestClient } from '../support/test-client';
import {
  BOUNDS,
  deliveries,
  FAULT_LOAD,
  FaultStack,
  lostWrites,
  now,
  report,
  startWriteLoad,
  summarize,
  unexpectedOutcomes,
  waitDrained,
  startFaultStack,
  waitHealthy,
} from './support/fault-load';
import { PrivateRedis, startPrivateRedis } from './support/fault-services';
import type { ProcessStack } from './support/process-stack';
import { waitFor } from './support/queue-harness';

/**
 * From Redis answering again to the outbox relay sending what was committed meanwhile. Waiting out its back-off
 * instead would take at least as long as the outage (3 s or more).
 */
const RELAY_RESUMES_MS = 2_500;

/** Commits a harmless job (purging week-old relayed messages) through the outbox, as a write of the API would. */
async function commitJob(dataSource: DataSource): Promise<string> {
  return new OutboxRepository(dataSource).insert(dataSource.manager, {
    queue: JOB_QUEUE[JobName.PurgeRelayedOutbox],
    jobName: JobName.PurgeRelayedOutbox,
    payload: { retentionDays: 7 },
    delayMs: 0,
  });
}

async function outboxMessage(dataSource: DataSource, id: string): Promise<{ attempts: number; relayed: boolean }> {
  const [row] = await dataSource.query(
    'SELECT attempts, relayed_at IS NOT NULL AS relayed FROM outbox_message WHERE id = $1',
    [id],
  );
  return row;
}

/**
 * Redis (a private server of this test, AOF on) stops under a steady write load and starts again, once with its
 * data and once without: the API answers 503 meanwhile, is healthy again soon after, keeps every acknowledged
 * write, and every reminder email goes out exactly once, the jobs Redis lost being made again from PostgreSQL.
 */
describe('faults: Redis restart under load', () => {
  let redis: PrivateRedis;
  let sink: SmtpSink;
  let stack: ProcessStack;
  let clients: TestClient[];

  let fault: FaultStack;

  beforeAll(async () => {
    redis = await startPrivateRedis({ aof: true });
    fault = await startFaultStack({
      apis: 1,
      workers: 1,
      staff: 3,
      redisUrl: redis.url,
      // How soon a running worker notices that Redis lost its data (10 s by default).
      env: { WORKER_REDIS_CHECK_MS: process.env.IRM_FAULTS_REDIS_CHECK_MS ?? '2000' },
    });
    ({ sink, stack, clients } = fault);
    stack.redis.on('error', () => undefined);
  }, 180_000);
  afterAll(async () => {
    await fault?.close();
    await redis?.destroy();
  });

  const restart = async (keepData: boolean, label: string) => {
    const before = await deliveries(stack.dataSource, sink);
    const api = stack.apis[0];
    const load = startWriteLoad((i) => clients[i % clients.length].at(api.baseUrl));
    await sleep(FAULT_LOAD.leadSeconds * 1000);

    // A key of the test's own: still there after the restart only if Redis kept its data.
    const canary = `${stack.prefix}:fault-canary`;
    await stack.redis.set(canary, '1');
    await redis.shutdown(keepData);
    if (!keepData) redis.removeData();
    const stoppedAt = now();
    await sleep(Math.min(1_000, FAULT_LOAD.outageMs / 2));
    const health = await fetch(`${api.baseUrl}/api/health`);
    expect([health.status, await health.json()]).toEqual([
      503,
      { status: 'error', checks: { database: 'up', redis: 'down' } },
    ]);
    // A job committed while Redis is away: the worker's outbox relay fails on it and backs off, doubling the pause
    // each time. Redis comes back just after one of those failures once the outage has lasted its time, when the
    // pause that follows is at least as long as the outage so far.
    const pending = await commitJob(stack.dataSource);
    await sleep(Math.max(0, FAULT_LOAD.outageMs - (now() - stoppedAt)));
    const { attempts } = await outboxMessage(stack.dataSource, pending);
    await waitFor(
      'the outbox relay failing again',
      async () => (await outboxMessage(stack.dataSource, pending)).attempts > attempts,
      40_000,
    );

    await redis.start();
    const repairedAt = now();
    const downMs = repairedAt - stoppedAt;
    const kept = (await stack.redis.exists(canary)) === 1;
    // The relay resumes when Redis answers, not when its back-off ends.
    const relayed = async () => {
      const check = async () => (await outboxMessage(stack.dataSource, pending)).relayed;
      await waitFor('the job committed during the outage relayed', check, 60_000);
      return now() - repairedAt;
    };
    const [healthyMs, relayedMs] = await Promise.all([waitHealthy(api.baseUrl, repairedAt), relayed()]);
    // Sessions live in PostgreSQL: the same browsers stay signed in, with or without Redis's data.
    for (const client of clients) expect((await client.at(api.baseUrl).get('/api/auth/me')).status).toBe(200);
    await sleep(FAULT_LOAD.leadSeconds * 1000);
    const outcomes = await load.stop();
    const drainedMs = await waitDrained(stack.dataSource, repairedAt);
    await sleep(500);

    expect(kept).toBe(keepData);
    expect(unexpectedOutcomes(outcomes)).toEqual([]);
    expect(outcomes.filter((o) => o.status === 503).length).toBeGreaterThan(0);
    expect(await healthStatus(api.baseUrl)).toBe(200);
    expect(await lostWrites(stack.dataSource, outcomes)).toEqual([]);
    const counted = await deliveries(stack.dataSource, sink);
    expect(counted).toMatchObject({ twice: [], more: [], missing: [], strangers: 0 });
    expect(counted.once).toBe(counted.emails);
    expect(counted.emails).toBeGreaterThan(before.emails);

    expect(relayedMs).toBeLessThan(RELAY_RESUMES_MS);
    expect(healthyMs).toBeLessThan(BOUNDS.healthyMs);
    expect(drainedMs).toBeLessThan(BOUNDS.drainedMs);
    report(
      summarize(label, outcomes, {
        lost: 0,
        emails: counted.emails - before.emails,
        duplicates: 0,
        healthyMs,
        drainedMs,
        note: `down ${(downMs / 1000).toFixed(1)} s; relay resumed in ${(relayedMs / 1000).toFixed(1)} s; healthy = from redis-server answering again`,
      }),
    );
  };

  it(
    'd: SHUTDOWN SAVE, then start with the AOF: jobs resume',
    () => restart(true, 'Redis restart, data kept'),
    180_000,
  );

  it(
    'd: SHUTDOWN NOSAVE, data files removed, then start empty: lost jobs are made again',
    () => restart(false, 'Redis restart, data lost'),
    180_000,
  );
});
