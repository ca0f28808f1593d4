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
  waitDrained,
  startFaultStack,
  waitHealthy,
} from './support/fault-load';
import type { ProcessStack } from './support/process-stack';

/**
 * The SMTP server refuses every message with 451 (a temporary failure) for a while under a steady write load: the
 * API is not affected, emails wait and are retried, and each arrives exactly once after the server accepts again.
 */
describe('faults: SMTP outage under load', () => {
  let sink: SmtpSink;
  let stack: ProcessStack;
  let clients: TestClient[];

  let fault: FaultStack;

  beforeAll(async () => {
    fault = await startFaultStack({ apis: 1, workers: 1, staff: 3 });
    ({ sink, stack, clients } = fault);
  }, 180_000);
  afterAll(() => fault?.close());

  it('e: emails wait while the server refuses with 4xx and are each delivered once after', async () => {
    const api = stack.apis[0];
    const load = startWriteLoad((i) => clients[i % clients.length].at(api.baseUrl));
    await sleep(FAULT_LOAD.leadSeconds * 1000);

    sink.refuse(451, 'Mailbox temporarily unavailable');
    const refusedAt = now();
    await sleep(FAULT_LOAD.outageMs);
    // The API does not depend on the mail server (a probe may time out on a saturated machine: allow a retry).
    expect(await waitHealthy(api.baseUrl, now(), 10_000)).toBeLessThan(10_000);
    sink.accept();
    const repairedAt = now();
    const refusals = sink.refusals;
    await sleep(FAULT_LOAD.leadSeconds * 1000);
    const outcomes = await load.stop();
    const drainedMs = await waitDrained(stack.dataSource, repairedAt);
    await sleep(500);

    expect(outcomes.filter((o) => o.status !== 201)).toEqual([]);
    expect(await lostWrites(stack.dataSource, outcomes)).toEqual([]);
    // Refused meanwhile: nothing got through, and the emails due then were tried and kept for later.
    expect(refusals).toBeGreaterThan(0);
    // (A transaction already past MAIL FROM when the refusals began may still finish.)
    const during = sink.received.filter((m) => m.acceptedAt > refusedAt + 2_000 && m.acceptedAt < repairedAt);
    expect(during.map((m) => m.messageId)).toEqual([]);
    const [retried] = await stack.dataSource.query(
      `SELECT count(*) FILTER (WHERE attempts > 1)::int AS n FROM email_message WHERE status = 'sent'`,
    );
    expect(retried.n).toBeGreaterThan(0);
    const counted = await deliveries(stack.dataSource, sink);
    expect(counted).toMatchObject({ twice: [], more: [], missing: [], strangers: 0 });
    expect(counted.once).toBe(counted.emails);

    expect(drainedMs).toBeLessThan(BOUNDS.drainedMs);
    report(
      summarize('SMTP refuses with 451', outcomes, {
        lost: 0,
        emails: counted.emails,
        duplicates: 0,
        healthyMs: 0,
        drainedMs,
        note: `refusing ${FAULT_LOAD.outageMs / 1000} s (${refusals} refusals, ${retried.n} emails retried); API stays healthy`,
      }),
    );
  }, 180_000);
});
