// Throughput of one signed-in read with 1, then 2 (or more) API processes on one database and one Redis.
// Usage: npm run bench:scale [-- --apis 1,2 --concurrency 16 --seconds 10]
// Needs PostgreSQL and Redis (DATABASE_URL's server, REDIS_URL). Uses its own database (SCALE_BENCH_DATABASE,
// default irm_bench_scale, dropped afterwards) and Redis prefix. The API processes are the built entry point
// (`node dist/api/apps/api/src/main.js`), one PORT each, as docs/scaling.md runs them; the load generator spreads
// requests over their ports in turn, as a round-robin proxy would, with a fixed number of requests in flight.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadavg } from './lib/machine.mjs';
import { percentile } from './lib/open-loop.mjs';
import { onServer } from './lib/server-sql.mjs';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const { Client } = require('pg');
const { DataSource } = require('typeorm');
const Redis = require('ioredis');
const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist/api/apps/api/src');
const { loadConfig } = require(`${dist}/config/app-config.js`);
const { dataSourceOptions } = require(`${dist}/database/data-source-options.js`);
const { seed } = require(`${dist}/seed/seeder.js`);

const { values: args } = parseArgs({
  options: {
    apis: { type: 'string', default: '1,2' },
    concurrency: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    organizations: { type: 'string', default: '500' },
  },
});
const apiCounts = args.apis.split(',').map(Number);
const concurrency = Number(args.concurrency);
const seconds = Number(args.seconds);
const warmupSeconds = Number(args.warmup);
const PATH = '/api/organizations?limit=50';

const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/irm');
const database = process.env.SCALE_BENCH_DATABASE ?? 'irm_bench_scale';
const databaseUrl = new URL(`/${database}`, base).href;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `irm-bench-scale-${process.pid}`;
const admin = { email: 'admin@scale.bench', password: 'Scale bench admin password 2026' };

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });

const env = {
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'production',
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  REDIS_PREFIX: prefix,
  SESSION_SECRET: 'scale-bench-session-secret-0123456789abcdef',
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  API_LIMIT_PER_MINUTE: '1000000',
  LOGIN_LIMIT_PER_IP: '100000',
};

/** One API process on a port of its own; resolves once its health endpoint answers 200. */
async function startApi() {
  const port = await freePort();
  const child = spawn(process.execPath, [join(dist, 'main.js')], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API process exited: ${errors}`);
    const status = await fetch(`${origin}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { child, origin, port };
    if (Date.now() > deadline) throw new Error(`API on ${port} not healthy in time: ${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const stopApi = (api) =>
  new Promise((resolve) => {
    if (api.child.exitCode !== null) return resolve();
    api.child.once('exit', resolve);
    api.child.kill('SIGTERM');
  });

/** `concurrency` requests in flight for `ms`, spread over the origins in turn; latencies of the measured part. */
async function load(origins, cookie, ms) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  const statuses = new Map();
  const end = performance.now() + ms;
  let next = 0;
  const request = (origin) =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = http.get(`${origin}${PATH}`, { agent, headers: { cookie } }, (res) => {
        res.resume();
        res.once('end', () => {
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          latencies.push(performance.now() - t0);
          resolve();
        });
      });
      req.once('error', reject);
    });
  const loop = async () => {
    while (performance.now() < end) await request(origins[next++ % origins.length]);
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  const bad = [...statuses].filter(([status]) => status !== 200);
  if (bad.length) throw new Error(`non-200 answers: ${JSON.stringify(bad)}`);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

/** CPU seconds a process has used (utime + stime from /proc), to see where the cores went; 0 once it is gone. */
async function cpuSeconds(pid) {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of the PostgreSQL backends serving this database (the API processes' pools). */
async function databaseCpuSeconds(monitor) {
  const { rows } = await monitor.query(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [database],
  );
  const each = await Promise.all(rows.map((r) => cpuSeconds(r.pid)));
  return new Map(rows.map((r, i) => [r.pid, each[i]]));
}

const spent = (before, after) => {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
};

console.log(`database ${database}: migrate, seed, ${args.organizations} investors`);
await onServer(base, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
await onServer(base, `CREATE DATABASE ${database}`);
const apis = [];
const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
const monitor = new Client({ connectionString: databaseUrl });
try {
  const config = loadConfig({ DATABASE_URL: databaseUrl });
  const dataSource = await new DataSource(dataSourceOptions(config, { poolSize: 2 })).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await seed(dataSource, { adminEmail: admin.email, adminPassword: admin.password });
  await dataSource.query(
    `INSERT INTO organization (kind, name, country, owner_id, version)
     SELECT 'domestic', 'Công ty Cổ phần Đầu tư Bench ' || i, 'VN', (SELECT id FROM app_user WHERE email = $2), 1
       FROM generate_series(1, $1::int) AS i`,
    [Number(args.organizations), admin.email],
  );
  await dataSource.destroy();
  await monitor.connect();

  const results = [];
  for (const count of apiCounts) {
    while (apis.length < count) apis.push(await startApi());
    while (apis.length > count) await stopApi(apis.pop());
    const login = await fetch(`${apis[0].origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const origins = apis.map((a) => a.origin);
    await load(origins, cookie, warmupSeconds * 1000);
    const before = await Promise.all(apis.map((a) => cpuSeconds(a.child.pid)));
    const dbBefore = await databaseCpuSeconds(monitor);
    const ownBefore = process.cpuUsage();
    const load1 = loadavg()[0];
    const result = await load(origins, cookie, seconds * 1000);
    const after = await Promise.all(apis.map((a) => cpuSeconds(a.child.pid)));
    const dbCpu = spent(dbBefore, await databaseCpuSeconds(monitor)) / seconds;
    const own = process.cpuUsage(ownBefore);
    const apiCpu = after.map((v, i) => (v - before[i]) / seconds);
    results.push({ apis: count, ...result, apiCpu, dbCpu, clientCpu: (own.user + own.system) / 1e6 / seconds, load1 });
  }

  const cpus = os.cpus();
  console.log(`\n${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, Node ${process.version}`);
  console.log(`GET ${PATH}, signed in, ${concurrency} in flight, ${seconds} s each after ${warmupSeconds} s warm-up\n`);
  console.log('CPU in cores: each API process, the PostgreSQL backends serving them, the load generator.\n');
  console.log(
    'API processes   req/s   p50 ms   p95 ms   CPU: API processes   PostgreSQL   load gen   load avg (1 min)',
  );
  for (const r of results) {
    console.log(
      [
        String(r.apis).padStart(13),
        r.perSecond.toFixed(0).padStart(7),
        r.p50.toFixed(1).padStart(8),
        r.p95.toFixed(1).padStart(8),
        r.apiCpu
          .map((c) => c.toFixed(2))
          .join(' + ')
          .padStart(20),
        r.dbCpu.toFixed(2).padStart(12),
        r.clientCpu.toFixed(2).padStart(10),
        r.load1.toFixed(2).padStart(18),
      ].join(' '),
    );
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
  const byCount = new Map();
  for (const r of results) byCount.set(r.apis, [...(byCount.get(r.apis) ?? []), r.perSecond]);
  const [firstCount, firstRuns] = [...byCount][0];
  console.log('');
  for (const [count, runs] of byCount) {
    const ratio = count === firstCount ? '' : ` (${(median(runs) / median(firstRuns)).toFixed(2)}× ${firstCount})`;
    console.log(`${count} API process(es): median ${median(runs).toFixed(0)} req/s over ${runs.length} run(s)${ratio}`);
  }
} finally {
  await monitor.end().catch(() => undefined);
  await Promise.all(apis.map(stopApi));
  let cursor = '0';
  do {
    const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = nextCursor;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
  redis.disconnect();
  await onServer(base, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}
