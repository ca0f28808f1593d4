// The framework floor for GET /api/health: a bare Fastify server (the version Nest runs on), its own process like
// the API, answering the same check the same way (SELECT 1 on a pool of 10, PING on one ioredis connection, the
// same JSON) at /api/health, and a constant JSON body at /hello (HTTP and Fastify alone).
// Usage: node bench/bare-fastify.mjs PORT   (DATABASE_URL, REDIS_URL)
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Fastify = require('fastify');
const { Pool } = require('pg');
const { Redis } = require('ioredis');

const port = Number(process.argv[2] ?? 3261);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
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
