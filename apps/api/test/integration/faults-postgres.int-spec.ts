import { setTimeout as sleep } from 'node:timers/promises';
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
import { PgStopMode, PrivatePostgres, startPrivatePostgres } from './support/fault-services';
import type { ProcessStack } from './support/process-stack';

/**
 * PostgreSQL (a private server of this test) stops and starts again under a steady write load: the API answers 503
 * with Retry-After meanwhile (never 500), is healthy again soon after, keeps every acknowledged write, and every
 * reminder email still goes out exactly once.
 */
describe('faults: PostgreSQL restart under load', () => {
  let pg: PrivatePostgres;
  let sink: SmtpSink;
  let stack: ProcessStack;
  let clients: TestClient[];

  let fault: FaultStack;

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    fault = await startFaultStack({ apis: 1, workers: 1, staff: 3, databaseUrl: pg.url });
    ({ sink, stack, clients } = fault);
  }, 180_000);
  afterAll(async () => {
    await fault?.close();
    await pg?.destroy();
  });

  const restart = async (mode: PgStopMode, label: string) => {
    const before = await deliveries(stack.dataSource, sink);
    const api = stack.apis[0];
    const load = startWriteLoad((i) => clients[i % clients.length].at(api.baseUrl));
    await sleep(FAULT_LOAD.leadSeconds * 1000);

    await pg.stop(mode);
    const stoppedAt = now();
    // While it is down: the health check and every request say 503.
    await sleep(Math.min(1_000, FAULT_LOAD.outageMs / 2));
    const health = await fetch(`${api.baseUrl}/api/health`);
    expect([health.status, await health.json()]).toEqual([
      503,
      { status: 'error', checks: { database: 'down', redis: 'up' } },
    ]);
    const read = await clients[0].at(api.baseUrl).get('/api/tasks');
    expect([read.status, read.body.status]).toEqual([503, 503]);
    expect(read.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(JSON.stringify(read.body)).not.toMatch(/\n\s+at /);
    await sleep(Math.max(0, FAULT_LOAD.outageMs - (now() - stoppedAt)));

    await pg.start();
    const repairedAt = now();
    const healthyMs = await waitHealthy(api.baseUrl, repairedAt);
    await sleep(FAULT_LOAD.leadSeconds * 1000);
    const outcomes = await load.stop();
    const drainedMs = await waitDrained(stack.dataSource, repairedAt);
    await sleep(500);

    // Refused while down (503, Retry-After, a problem body), never 500.
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
        note: `down ${FAULT_LOAD.outageMs / 1000} s; healthy = from the server accepting connections again`,
      }),
    );
  };

  it('c: pg_ctl stop -m fast, then start', () => restart('fast', 'PostgreSQL stop -m fast, start'), 180_000);

  it(
    'c: pg_ctl stop -m immediate (crash recovery at start), then start',
    () => restart('immediate', 'PostgreSQL stop -m immediate, start'),
    180_000,
  );
});
