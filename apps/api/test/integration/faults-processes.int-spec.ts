import { setTimeout as sleep } from 'node:timers/promises';
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
import type { ProcessStack } from './support/process-stack';

/**
 * kill -9 of an API process and of the worker while tasks are written at a steady rate and their reminder emails
 * go out: no acknowledged write is lost, the surviving API keeps answering, every email arrives, and twice only
 * one that was in its SMTP exchange at the kill (docs/email-delivery.md).
 */
describe('faults: kill -9 of processes under load', () => {
  let sink: SmtpSink;
  let stack: ProcessStack;
  let clients: TestClient[];

  let fault: FaultStack;

  beforeAll(async () => {
    fault = await startFaultStack({ apis: 2, workers: 1, staff: 4 });
    ({ sink, stack, clients } = fault);
  }, 180_000);
  afterAll(() => fault?.close());

  it('a: the other API keeps answering, a restarted one is healthy, no acknowledged write is lost', async () => {
    const urls = stack.apis.map((api) => api.baseUrl);
    const load = startWriteLoad((i) => clients[i % clients.length].at(urls[i % urls.length]));
    await sleep(FAULT_LOAD.leadSeconds * 1000);

    const victim = stack.apis[1];
    const killedAt = now();
    expect(await victim.kill('SIGKILL')).toBe('SIGKILL');
    await sleep(FAULT_LOAD.outageMs);
    const restartAt = now();
    const replacement = await stack.startApi();
    urls[1] = replacement.baseUrl;
    const healthyMs = await waitHealthy(replacement.baseUrl, restartAt);
    await sleep(FAULT_LOAD.leadSeconds * 1000);
    const outcomes = await load.stop();
    const drainedMs = await waitDrained(stack.dataSource, restartAt);

    // The surviving process answered every write sent to it, before, during and after.
    const toSurvivor = outcomes.filter((o) => Number(o.title.split('-').at(-1)) % 2 === 0);
    expect(toSurvivor.filter((o) => o.status !== 201)).toEqual([]);
    // Writes to the killed one went unanswered, and only between the kill and the restart.
    const unanswered = outcomes.filter((o) => o.status === 0);
    expect(unanswered.length).toBeGreaterThan(0);
    expect(unanswered.filter((o) => o.at < killedAt - 1_000)).toEqual([]);
    expect(unexpectedOutcomes(outcomes)).toEqual([]);
    expect(await lostWrites(stack.dataSource, outcomes)).toEqual([]);
    const counted = await deliveries(stack.dataSource, sink);
    expect(counted).toMatchObject({ twice: [], more: [], missing: [], strangers: 0 });
    expect(counted.once).toBe(counted.emails);

    expect(healthyMs).toBeLessThan(BOUNDS.healthyMs);
    expect(drainedMs).toBeLessThan(BOUNDS.drainedMs);
    report(
      summarize('kill -9 of one of two API processes', outcomes, {
        lost: 0,
        emails: counted.emails,
        duplicates: 0,
        healthyMs,
        drainedMs,
        note: 'healthy = restarted process from spawn to /api/health 200',
      }),
    );
  }, 180_000);

  it('b: a restarted worker finishes; every email arrives, twice only if it was in flight at the kill', async () => {
    const before = await deliveries(stack.dataSource, sink);
    // Each message is held a moment before the server accepts it, so that the kill finds emails in flight.
    sink.slowDown(150);
    const urls = stack.apis.filter((api) => api.child.exitCode === null && api.child.signalCode === null);
    const load = startWriteLoad((i) => clients[i % clients.length].at(urls[i % urls.length].baseUrl));
    await sleep(FAULT_LOAD.leadSeconds * 1000 + FAULT_LOAD.remindInMs);
    const acceptedBefore = sink.received.length;

    const [worker] = stack.workers.splice(0, 1);
    expect(await worker.kill('SIGKILL')).toBe('SIGKILL');
    // Only the kill is meant to find emails in flight; the recovery is measured at the server's normal pace.
    sink.slowDown(0);
    const inFlight: { messageId: string }[] = await stack.dataSource.query(
      `SELECT message_id AS "messageId" FROM email_message WHERE status = 'sending'`,
    );
    await sleep(FAULT_LOAD.outageMs);
    const restartAt = now();
    stack.startWorker();
    await stack.workersListening(1);
    const readyMs = now() - restartAt;
    await sleep(FAULT_LOAD.leadSeconds * 1000);
    const outcomes = await load.stop();
    const drainedMs = await waitDrained(stack.dataSource, restartAt);
    // A third copy would arrive within moments.
    await sleep(1_000);

    // The kill landed while emails were being sent.
    expect(sink.received.length).toBeGreaterThan(acceptedBefore);
    expect(outcomes.filter((o) => o.status !== 201)).toEqual([]);
    expect(await lostWrites(stack.dataSource, outcomes)).toEqual([]);
    const counted = await deliveries(stack.dataSource, sink);
    expect(counted).toMatchObject({ more: [], missing: [], strangers: 0 });
    const allowed = new Set(inFlight.map((r) => r.messageId));
    expect(counted.twice.filter((id) => !allowed.has(id))).toEqual([]);
    expect(counted.once + counted.twice.length).toBe(counted.emails);
    expect(counted.emails).toBeGreaterThan(before.emails);

    expect(readyMs).toBeLessThan(BOUNDS.healthyMs);
    expect(drainedMs).toBeLessThan(BOUNDS.drainedMs);
    report(
      summarize('kill -9 of the worker while sending', outcomes, {
        lost: 0,
        emails: counted.emails - before.emails,
        duplicates: counted.twice.length,
        healthyMs: readyMs,
        drainedMs,
        note: `healthy = restarted worker from spawn to taking jobs; ${inFlight.length} in flight at the kill`,
      }),
    );
  }, 180_000);
});
