import { appendFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Role } from '@irm/contracts';
import type { DataSource } from 'typeorm';
import { healthStatus } from '../../support/api-process';
import { SmtpSink, startSmtpSink } from '../../support/smtp-sink';
import type { TestClient } from '../../support/test-client';
import { ProcessStack, startProcessStack } from './process-stack';

/** Load and bounds of the fault tests; `npm run faults` raises the load through these variables. */
export const FAULT_LOAD = {
  /** Task writes per second, spread over the clients. */
  rate: Number(process.env.IRM_FAULTS_RATE ?? 8),
  /** Seconds of load before the fault and after the repair. */
  leadSeconds: Number(process.env.IRM_FAULTS_LEAD_S ?? 2),
  /** How long a service stays down. */
  outageMs: Number(process.env.IRM_FAULTS_OUTAGE_MS ?? 3_000),
  /** Each task's reminder falls due this long after it is written. */
  remindInMs: 1_500,
};

/** Stated bounds, generous for a loaded 2-core machine: the tests fail beyond them. */
export const BOUNDS = {
  /** From the repair (service back, or process restarted) to /api/health answering 200. */
  healthyMs: 30_000,
  /** From the repair to every due email delivered. */
  drainedMs: 60_000,
};

export const now = () => performance.timeOrigin + performance.now();

/** What every scenario runs against: an SMTP server, the processes, and signed-in staff to write through them. */
export interface FaultStack {
  sink: SmtpSink;
  stack: ProcessStack;
  clients: TestClient[];
  close(): Promise<void>;
}

export async function startFaultStack(
  options: NonNullable<Parameters<typeof startProcessStack>[1]> & { workers: number; staff: number },
): Promise<FaultStack> {
  const sink = await startSmtpSink();
  let stack: ProcessStack | undefined;
  try {
    stack = await startProcessStack(sink, options);
    const started = stack;
    const clients = await Promise.all(
      Array.from({ length: options.staff }, async () => (await started.signedIn(Role.Staff)).client),
    );
    await stack.workersListening(options.workers);
    return {
      sink,
      stack,
      clients,
      close: async () => {
        await started.close();
        await sink.close();
      },
    };
  } catch (error) {
    await stack?.close();
    await sink.close();
    throw error;
  }
}

export interface WriteOutcome {
  title: string;
  /** HTTP status, or 0 when no answer came (connection refused or reset, timeout). */
  status: number;
  id?: string;
  retryAfter?: string | null;
  body?: unknown;
  at: number;
}

export interface WriteLoad {
  /** Stops issuing writes and waits for the ones in flight. */
  stop(): Promise<WriteOutcome[]>;
  outcomes: WriteOutcome[];
}

let loads = 0;

/**
 * An open-loop writer: every 1/rate s one client creates a task with a reminder due `remindInMs` later, whatever
 * the previous requests are doing; each answer is kept. `target(i)` picks the client (and thus the API process).
 */
export function startWriteLoad(
  target: (i: number) => TestClient,
  options: { rate?: number; remindInMs?: number } = {},
): WriteLoad {
  const rate = options.rate ?? FAULT_LOAD.rate;
  const remindInMs = options.remindInMs ?? FAULT_LOAD.remindInMs;
  const load = ++loads;
  const outcomes: WriteOutcome[] = [];
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let i = 0;
  const write = async (n: number) => {
    const title = `Fault load ${load}-${n}`;
    const at = now();
    const remindAt = new Date(Date.now() + remindInMs);
    try {
      const response = await target(n).request('POST', '/api/tasks', {
        body: { title, dueAt: new Date(remindAt.getTime() + 3600_000), remindAt },
      });
      outcomes.push({
        title,
        status: response.status,
        id: response.status === 201 ? response.body.id : undefined,
        retryAfter: response.headers.get('retry-after'),
        body: response.status === 201 ? undefined : response.body,
        at,
      });
    } catch {
      outcomes.push({ title, status: 0, at });
    }
  };
  const started = now();
  const loop = (async () => {
    while (!stopped) {
      const n = i++;
      const running = write(n).finally(() => inFlight.delete(running));
      inFlight.add(running);
      const next = started + (i * 1000) / rate;
      await sleep(Math.max(0, next - now()));
    }
  })();
  return {
    outcomes,
    stop: async () => {
      stopped = true;
      await loop;
      await Promise.all([...inFlight]);
      return outcomes;
    },
  };
}

/** Answers other than 201 that a fault may cause: 503 with Retry-After and a problem body, or no answer at all. */
export function unexpectedOutcomes(outcomes: WriteOutcome[]): WriteOutcome[] {
  return outcomes.filter((o) => {
    if (o.status === 201 || o.status === 0) return false;
    if (o.status !== 503) return true;
    const body = o.body as { status?: number; stack?: unknown } | undefined;
    return !o.retryAfter || body?.status !== 503 || JSON.stringify(body).includes('    at ');
  });
}

/** Polls /api/health until it answers 200; resolves with the time it took from `since`. */
export async function waitHealthy(baseUrl: string, since: number, timeoutMs = BOUNDS.healthyMs * 2): Promise<number> {
  const deadline = now() + timeoutMs;
  while ((await healthStatus(baseUrl, 1_000)) !== 200) {
    if (now() > deadline) throw new Error(`${baseUrl} not healthy ${timeoutMs} ms after the repair`);
    await sleep(100);
  }
  return now() - since;
}

/** Every acknowledged (201) write is a row in the database. */
export async function lostWrites(dataSource: DataSource, outcomes: WriteOutcome[]): Promise<string[]> {
  const acked = outcomes.flatMap((o) => (o.status === 201 && o.id ? [o.id] : []));
  if (!acked.length) return [];
  const rows: { id: string }[] = await dataSource.query(`SELECT id FROM task WHERE id = ANY($1::uuid[])`, [acked]);
  const found = new Set(rows.map((r) => r.id));
  return acked.filter((id) => !found.has(id));
}

export interface MailState {
  /** Tasks of the load in the database (acknowledged or not: a write may commit and still lose its answer). */
  tasks: number;
  fired: number;
  sent: number;
  emails: number;
}

export async function mailState(dataSource: DataSource): Promise<MailState> {
  const [row] = await dataSource.query(
    `SELECT (SELECT count(*) FROM task WHERE title LIKE 'Fault load %')::int AS tasks,
            (SELECT count(*) FROM reminder WHERE status = 'fired')::int AS fired,
            (SELECT count(*) FROM email_message WHERE status = 'sent')::int AS sent,
            (SELECT count(*) FROM email_message)::int AS emails`,
  );
  return row;
}

/** Waits until every task's reminder has fired and its email is sent; resolves with the time since `since`. */
export async function waitDrained(
  dataSource: DataSource,
  since: number,
  timeoutMs = BOUNDS.drainedMs * 2,
): Promise<number> {
  const deadline = now() + timeoutMs;
  let state: MailState | undefined;
  for (;;) {
    try {
      state = await mailState(dataSource);
      if (state.tasks > 0 && state.fired === state.tasks && state.sent === state.tasks && state.emails === state.tasks)
        return now() - since;
    } catch {
      // The database may still be coming back.
    }
    if (now() > deadline) throw new Error(`not drained ${timeoutMs} ms after the repair: ${JSON.stringify(state)}`);
    await sleep(100);
  }
}

export interface DeliveryCount {
  /** Emails recorded in the database. */
  emails: number;
  /** Emails that reached the SMTP server once, twice, more often, never. */
  once: number;
  twice: string[];
  more: string[];
  missing: string[];
  /** Messages the server got that match no email. */
  strangers: number;
}

/** Counts, per email in the database, how often the SMTP server accepted its Message-ID. */
export async function deliveries(dataSource: DataSource, sink: SmtpSink): Promise<DeliveryCount> {
  const rows: { messageId: string }[] = await dataSource.query(`SELECT message_id AS "messageId" FROM email_message`);
  const counts = new Map<string, number>();
  for (const m of sink.received) counts.set(m.messageId ?? '', (counts.get(m.messageId ?? '') ?? 0) + 1);
  const result: DeliveryCount = { emails: rows.length, once: 0, twice: [], more: [], missing: [], strangers: 0 };
  const known = new Set(rows.map((r) => r.messageId));
  for (const { messageId } of rows) {
    const n = counts.get(messageId) ?? 0;
    if (n === 0) result.missing.push(messageId);
    else if (n === 1) result.once += 1;
    else if (n === 2) result.twice.push(messageId);
    else result.more.push(messageId);
  }
  result.strangers = [...counts.keys()].filter((id) => !known.has(id)).length;
  return result;
}

export interface FaultFigures {
  scenario: string;
  writes: number;
  acknowledged: number;
  refused503: number;
  unanswered: number;
  lost: number;
  emails: number;
  duplicates: number;
  /** ms from the repair to /api/health 200 (per API process when several). */
  healthyMs: number;
  /** ms from the repair to every due email delivered. */
  drainedMs: number;
  note?: string;
}

export function summarize(
  scenario: string,
  outcomes: WriteOutcome[],
  extra: Omit<FaultFigures, 'scenario' | 'writes' | 'acknowledged' | 'refused503' | 'unanswered'>,
): FaultFigures {
  return {
    scenario,
    writes: outcomes.length,
    acknowledged: outcomes.filter((o) => o.status === 201).length,
    refused503: outcomes.filter((o) => o.status === 503).length,
    unanswered: outcomes.filter((o) => o.status === 0).length,
    ...extra,
  };
}

/** Appends the figures to IRM_FAULTS_REPORT (one JSON line each) for `npm run faults`. */
export function report(figures: FaultFigures): void {
  if (process.env.IRM_FAULTS_REPORT) appendFileSync(process.env.IRM_FAULTS_REPORT, `${JSON.stringify(figures)}\n`);
}
