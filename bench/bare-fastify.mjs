// The framework floor for GET /api/health: a bare Fastify server (the version Nest runs on), its own process like
// the API, answering the same check the same way (SELECT 1 on a pool of 10, PING on one ioredis connection, the
// same JSON) at /api/health, a constant JSON body at /hello (HTTP and Fastify alone), and the reads' floor at
// /replay/<script> (below).
// Usage: node bench/bare-fastify.mjs PORT   (DATABASE_URL, REDIS_URL; DATABASE_POOL_SIZE, BENCH_PG_OPTIONS,
// BENCH_REPLAY_DIR for the replays)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

const require = createRequire(import.meta.url);
const Fastify = require('fastify');
const { Pool } = require('pg');
const { Redis } = require('ioredis');

const port = Number(process.argv[2] ?? 3261);
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  options: process.env.BENCH_PG_OPTIONS,
});
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
const app = Fastify({ logger: false });

const probe = (check) =>
  check().then(
    () => 'up',
    () => 'down',
  );
app.get('/api/health', async (request, reply) => {
  const [database, cache] = await Promise.all([probe(() => pool.query('SELECT 1')), probe(() => redis.ping())]);
  const ok = database === 'up' && cache === 'up';
  reply.status(ok ? 200 : 503).header('cache-control', 'no-store');
  return { status: ok ? 'ok' : 'error', checks: { database, redis: cache } };
});
app.get('/hello', async () => ({ status: 'ok' }));

// The floor for a read: the statements the API sent for it (a pgbench script of run-all.mjs, in BENCH_REPLAY_DIR),
// run one after another on the pool, the last one's rows answered as JSON. What is left is HTTP, the driver and
// JSON; the API adds its own work (guards, validation, mapping) on top.
const replayDir = process.env.BENCH_REPLAY_DIR;
const scripts = new Map();
const statementsOf = (name) => {
  if (!scripts.has(name)) {
    const text = readFileSync(join(replayDir, basename(name)), 'utf8');
    scripts.set(
      name,
      text
        .split(/;\n\n/)
        .map((sql) => sql.trim().replace(/;$/, ''))
        .filter(Boolean),
    );
  }
  return scripts.get(name);
};
app.get('/replay/:script', async (request) => {
  let rows = [];
  for (const sql of statementsOf(request.params.script)) rows = (await pool.query(sql)).rows;
  return rows;
});

await app.listen({ port, host: '127.0.0.1' });
console.log(`bare fastify on ${port}`);
const stop = async () => {
  await app.close();
  await pool.end();
  redis.disconnect();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
