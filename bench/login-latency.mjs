// Sign-in latency against its floor, the argon2id verification it must do.
// Usage: npm run build:api && node bench/login-latency.mjs [rounds]
// Needs PostgreSQL and Redis (DATABASE_URL's server, REDIS_URL); uses its own database and Redis prefix.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { onServer } from './lib/server-sql.mjs';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const argon2 = require('argon2');
const dist = '../dist/api/apps/api/src';
const { loadConfig } = require(`${dist}/config/app-config.js`);
const { createHttpApp } = require(`${dist}/bootstrap/http-app.js`);
const { ARGON2_OPTIONS } = require(`${dist}/users/password-hasher.js`);
const { seed } = require(`${dist}/seed/seeder.js`);
const { DataSource } = require('typeorm');

const rounds = Number(process.argv[2] ?? 40);
const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/irm');
const database = 'irm_bench_login';
const password = 'Bench sign-in password 2026';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) };
};
const ms = (v) => `${v.toFixed(1)} ms`;

const admin = (sql) => onServer(base, sql);

await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
await admin(`CREATE DATABASE ${database}`);
const config = loadConfig({
  DATABASE_URL: new URL(`/${database}`, base).href,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: `irm-bench-${process.pid}`,
  LOG_LEVEL: 'warn',
  LOGIN_LIMIT_PER_IP: '100000',
  LOGIN_LIMIT_PER_ACCOUNT: '1000',
  ADMIN_PASSWORD: password,
});
const { app } = await createHttpApp(config);
const dataSource = app.get(DataSource);
await dataSource.runMigrations();
await seed(dataSource, { adminEmail: 'bench@irm.local', adminPassword: password });
await app.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${app.getHttpServer().address().port}/api/auth/login`;

const login = (email, pw) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: pw }),
  });

// Warm up connections and the JIT before measuring.
for (let i = 0; i < 3; i++) await (await login('bench@irm.local', password)).arrayBuffer();

const hash = await argon2.hash(password, ARGON2_OPTIONS);
const floor = [];
for (let i = 0; i < rounds; i++) {
  const t0 = performance.now();
  await argon2.verify(hash, password);
  floor.push(performance.now() - t0);
}

const measure = async (email, pw, expected) => {
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const response = await login(email, pw);
    await response.arrayBuffer();
    samples.push(performance.now() - t0);
    if (response.status !== expected) throw new Error(`expected ${expected}, got ${response.status}`);
  }
  return summary(samples);
};
const success = await measure('bench@irm.local', password, 200);
const unknown = await measure('nobody@irm.local', password, 401);

await app.close();
await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);

const f = summary(floor);
console.log(`rounds: ${rounds}`);
console.log(`argon2id verify (19 MiB, t=2, p=1), in process: p50 ${ms(f.p50)}  p95 ${ms(f.p95)}`);
console.log(
  `POST /api/auth/login, right password:        p50 ${ms(success.p50)}  p95 ${ms(success.p95)}  (${(success.p50 / f.p50).toFixed(2)}× the floor)`,
);
console.log(
  `POST /api/auth/login, unknown email:         p50 ${ms(unknown.p50)}  p95 ${ms(unknown.p95)}  (${(unknown.p50 / success.p50).toFixed(2)}× the right-password time)`,
);
process.exit(0);
