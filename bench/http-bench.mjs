// Shared by the latency benches: the API in this process against the bench database, signed in as the bench
// admin, and sequential p50/p95 per case beside a floor (GET /api/auth/me) measured in the same run.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const dist = '../dist/api/apps/api/src';
const { loadConfig } = require(`${dist}/config/app-config.js`);
const { createHttpApp } = require(`${dist}/bootstrap/http-app.js`);
const { DataSource } = require('typeorm');

export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'irm_bench';
const ADMIN = { email: 'admin@bench.test', password: 'Bench admin password 2026' };

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (v) => `${v.toFixed(1)} ms`.padStart(9);

/** Starts the API on a free port against the bench database and signs in; `get` fails loudly on non-200. */
export async function startBenchApp() {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/irm');
  const config = loadConfig({
    DATABASE_URL: new URL(`/${BENCH_DATABASE}`, base).href,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `irm-bench-${process.pid}`,
    LOG_LEVEL: 'warn',
    API_LIMIT_PER_MINUTE: '1000000',
    LOGIN_LIMIT_PER_IP: '100000',
  });
  const { app } = await createHttpApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const root = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const login = await fetch(`${root}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (login.status !== 200) throw new Error(`sign-in failed (${login.status}): run npm run bench:seed first`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const get = async (path) => {
    const response = await fetch(`${root}${path}`, { headers: { cookie } });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  };
  return { app, config, get, dataSource: app.get(DataSource) };
}

/** Warms every case up, then times `rounds` sequential requests each; the first case is the floor. */
export async function measure(get, cases, rounds) {
  for (const [, path] of cases) for (let i = 0; i < 10; i++) await get(path(i));
  const results = [];
  for (const [name, path] of cases) {
    const samples = [];
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      await get(path(i));
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    results.push({ name, p50: percentile(samples, 50), p95: percentile(samples, 95) });
  }
  return results;
}

export function printResults(results, width = 52) {
  const floor = results[0];
  console.log(`${'endpoint'.padEnd(width)}      p50       p95   p95 / floor p95`);
  for (const r of results) {
    console.log(`${r.name.padEnd(width)} ${ms(r.p50)} ${ms(r.p95)}   ${(r.p95 / floor.p95).toFixed(2)}`);
  }
}
