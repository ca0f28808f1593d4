import { setTimeout as sleep } from 'node:timers/promises';
import { Role } from '@irm/contracts';
import { healthStatus } from '../support/api-process';
import { SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { TestClient } from '../support/test-client';
import {
  BOUNDS,
  deliveries,
  FAULT_LOAD,
  lostWrites,
  now,
  report,
  startWriteLoad,
  summarize,
  unexpectedOutcomes,
  waitDrained,
  waitHealthy,
} from './support/fault-load';
import { PrivateRedis, startPrivateRedis } from './support/fault-services';
import { ProcessStack, startProcessStack } from './support/process-stack';

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

  beforeAll(async () => {
    redis = await startPrivateRedis({ aof: true });
    sink = await startSmtpSink();
    stack = await startProcessStack(sink, {
      apis: 1,
      workers: 1,
      redisUrl: redis.url,
      // How soon a running worker notices that Redis lost its data (10 s by default).
      env: { WORKER_REDIS_CHECK_MS: process.env.IRM_FAULTS_REDIS_CHECK_MS ?? '2000' },
    });
    stack.redis.on('error', () => undefined);
    clients = await Promise.all([0, 1, 2].map(async () => (await stack.signedIn(Role.Staff)).client));
    await stack.workersListening(1);
  }, 180_000);
  afterAll(async () => {
    await stack?.close();
    await sink?.close();
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
    await sleep(Math.max(0, FAULT_LOAD.outageMs - (now() - stoppedAt)));

    await redis.start();
    const repairedAt = now();
    const kept = (await stack.redis.exists(canary)) === 1;
    const healthyMs = await waitHealthy(api.baseUrl, repairedAt);
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

    expect(healthyMs).toBeLessThan(BOUNDS.healthyMs);
    expect(drainedMs).toBeLessThan(BOUNDS.drainedMs);
    report(
      summarize(label, outcomes, {
        lost: 0,
        emails: counted.emails - before.emails,
        duplicates: 0,
        healthyMs,
        drainedMs,
        note: `down ${FAULT_LOAD.outageMs / 1000} s; healthy = from redis-server answering again`,
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
