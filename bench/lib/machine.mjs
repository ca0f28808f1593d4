// What the figures were measured on: cores, memory, load, and the versions of everything in the path.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const Redis = require('ioredis');

/** The 1, 5 and 15 minute load averages. */
export const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

const version = (command) => spawnSync(command, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? null;

export async function describeMachine({ databaseUrl, redisUrl }) {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  let postgres;
  try {
    const names = ['shared_buffers', 'work_mem', 'effective_cache_size', 'max_connections', 'jit'];
    const settings = await db.query(`SELECT name, current_setting(name) AS value FROM unnest($1::text[]) AS name`, [
      names,
    ]);
    postgres = {
      version: (await db.query('SHOW server_version')).rows[0].server_version,
      settings: Object.fromEntries(settings.rows.map((r) => [r.name, r.value])),
    };
  } finally {
    await db.end();
  }
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const info = await redis.info('server');
  redis.disconnect();
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown',
    pgbench: version('pgbench'),
    redisBenchmark: version('redis-benchmark'),
  };
}
