// Open-loop HTTP load at a fixed arrival rate: request i is due at start + i / rate whether or not earlier ones
// have answered, and its latency counts from that due time, so a slow server cannot slow the load down and hide
// its queueing (no coordinated omission).
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

/**
 * @param {object} o
 * @param {string | string[]} o.origin e.g. http://127.0.0.1:3260; with several, request i goes to origin i mod n
 *   (round robin, as a load balancer in front of several processes)
 * @param {(i: number) => string} o.path path of request i
 * @param {Record<string, string>} [o.headers]
 * @param {number} o.rate requests per second
 * @param {number} o.durationMs how long requests are issued
 * @param {number} [o.maxSockets] connections the client may open (more requests wait for one, on the clock)
 * @param {number} [o.timeoutMs] after the last request is due, how long answers are awaited
 */
export async function openLoop({ origin, path, headers = {}, rate, durationMs, maxSockets = 64, timeoutMs = 10_000 }) {
  const targets = (Array.isArray(origin) ? origin : [origin]).map((o) => new URL(o));
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const total = Math.max(1, Math.round((rate * durationMs) / 1000));
  const interval = 1000 / rate;
  const latencies = [];
  const sendLag = [];
  const failures = new Map();
  let done = 0;
  let lastAnswer = 0;
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  const settle = () => {
    if (++done === total) finish();
  };
  const fail = (reason) => {
    failures.set(reason, (failures.get(reason) ?? 0) + 1);
    settle();
  };

  const start = performance.now() + 20;
  const send = (i) => {
    const due = start + i * interval;
    sendLag.push(performance.now() - due);
    const { hostname, port } = targets[i % targets.length];
    const request = http.get({ agent, hostname, port, path: path(i), headers }, (response) => {
      response.on('data', () => {});
      response.on('end', () => {
        const now = performance.now();
        if (response.statusCode !== 200) return fail(`HTTP ${response.statusCode}`);
        latencies.push(now - due);
        lastAnswer = now;
        settle();
      });
      response.on('error', (err) => fail(err.code ?? err.message));
    });
    request.on('error', (err) => fail(err.code ?? err.message));
  };

  // One timer tick sends every request that has fallen due; ticks come about every millisecond.
  let next = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) send(next++);
      if (next < total) setTimeout(tick, Math.max(0, Math.min(1, start + next * interval - performance.now())));
      else resolve();
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  const lastDue = start + (total - 1) * interval;
  const timer = setTimeout(finish, timeoutMs);
  await finished;
  clearTimeout(timer);
  agent.destroy();

  latencies.sort((a, b) => a - b);
  sendLag.sort((a, b) => a - b);
  const unanswered = total - done;
  if (unanswered) failures.set('timeout', unanswered);
  const answered = latencies.length;
  // Requests without an answer count as slower than any answer, so a percentile they reach is reported as missing.
  const withMissing = (p) => {
    const rank = Math.ceil((p / 100) * total) - 1;
    return rank < answered ? latencies[rank] : null;
  };
  const round = (v) => (v === null || Number.isNaN(v) ? null : Number(v.toFixed(2)));
  return {
    offered: rate,
    requests: total,
    ok: answered,
    failures: Object.fromEntries(failures),
    // Answers per second from the first due time to the last answer: at overload this is the server's capacity.
    throughput: Number(((answered / (Math.max(lastAnswer, lastDue) - start)) * 1000).toFixed(1)),
    p50: round(withMissing(50)),
    p95: round(withMissing(95)),
    p99: round(withMissing(99)),
    max: round(unanswered ? null : latencies.at(-1)),
    // How late the client itself sent requests: large values mean the load generator, not the server, fell behind.
    sendLagP99: round(percentile(sendLag, 99)),
  };
}

/**
 * Closed-loop capacity, measured the way pgbench measures the SQL: `concurrency` clients each send their next
 * request as soon as the previous one is answered, for `durationMs`. Gives answers per second and their latency.
 *
 * @param {object} o
 * @param {string | string[]} o.origin as for openLoop (several: request i goes to origin i mod n)
 * @param {(i: number) => string} o.path path of request i
 * @param {Record<string, string>} [o.headers]
 * @param {number} o.concurrency requests in flight
 * @param {number} o.durationMs how long clients keep sending
 */
export async function closedLoop({ origin, path, headers = {}, concurrency, durationMs }) {
  const targets = (Array.isArray(origin) ? origin : [origin]).map((o) => new URL(o));
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  const failures = new Map();
  let next = 0;
  const get = (i) =>
    new Promise((resolve) => {
      const { hostname, port } = targets[i % targets.length];
      const sent = performance.now();
      const fail = (reason) => {
        failures.set(reason, (failures.get(reason) ?? 0) + 1);
        resolve();
      };
      const request = http.get({ agent, hostname, port, path: path(i), headers }, (response) => {
        response.on('data', () => {});
        response.on('end', () => {
          if (response.statusCode !== 200) return fail(`HTTP ${response.statusCode}`);
          latencies.push(performance.now() - sent);
          resolve();
        });
        response.on('error', (err) => fail(err.code ?? err.message));
      });
      request.on('error', (err) => fail(err.code ?? err.message));
    });
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) await get(next++);
    }),
  );
  const elapsed = performance.now() - start;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (v) => (v === undefined || Number.isNaN(v) ? null : Number(v.toFixed(2)));
  return {
    concurrency,
    requests: next,
    ok: latencies.length,
    failures: Object.fromEntries(failures),
    throughput: Number(((latencies.length / elapsed) * 1000).toFixed(1)),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
  };
}
