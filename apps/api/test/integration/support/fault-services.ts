import { execFileSync, spawn, SpawnOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../../src/config/app-config';
import { dataSourceOptions } from '../../../src/database/data-source-options';
import { closedPort } from './queue-harness';

/**
 * Private PostgreSQL and Redis servers that a fault test may stop, restart and empty without touching the shared
 * servers other work runs on: own data directory, own port, gone after `destroy()`.
 */

const PG_ROOT = '/usr/lib/postgresql';

/** The newest installed PostgreSQL's bin directory (PG_BIN overrides). */
function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) throw new Error(`no PostgreSQL server binaries under ${PG_ROOT} (set PG_BIN)`);
  return join(PG_ROOT, versions[0], 'bin');
}

/** PostgreSQL refuses to run as root; run its programs as the `postgres` account then. */
function serverAccount(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

function run(command: string, args: string[], options: SpawnOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

export type PgStopMode = 'smart' | 'fast' | 'immediate';

export interface PrivatePostgres {
  port: number;
  /** URL of the migrated database `irm`. */
  url: string;
  stop(mode?: PgStopMode): Promise<void>;
  start(): Promise<void>;
  /** `pg_ctl restart -m <mode>`. */
  restart(mode?: PgStopMode): Promise<void>;
  destroy(): Promise<void>;
}

/** initdb into a temporary directory, start on a free port, create the extensions and run the migrations. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBin();
  const account = serverAccount();
  const dir = mkdtempSync(join(tmpdir(), 'irm-fault-pg-'));
  if (account) chownSync(dir, account.uid, account.gid);
  const data = join(dir, 'data');
  const port = await closedPort();
  const as: SpawnOptions = { ...account, env: { PATH: process.env.PATH ?? '', LC_ALL: 'C.UTF-8' } };
  // fsync off: the tests kill server processes, not the machine, so the page cache survives every fault here.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const pgCtl = (...args: string[]) =>
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', ...args], as);
  await run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8'], as);
  const start = async () => {
    await pgCtl('-o', serverOptions, 'start');
  };
  await start();
  const admin = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE irm');
  await admin.end();
  const url = `postgres://postgres@127.0.0.1:${port}/irm`;
  const migrator = new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: url }), { poolSize: 1 }));
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();

  let running = true;
  return {
    port,
    url,
    start: async () => {
      await start();
      running = true;
    },
    stop: async (mode = 'fast') => {
      await pgCtl('-m', mode, 'stop');
      running = false;
    },
    restart: async (mode = 'fast') => {
      await pgCtl('-m', mode, '-o', serverOptions, 'restart');
      running = true;
    },
    destroy: async () => {
      if (running) await pgCtl('-m', 'immediate', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PrivateRedis {
  port: number;
  url: string;
  /** SHUTDOWN SAVE (writes the AOF/RDB) or NOSAVE; resolves once the process has exited. */
  shutdown(save: boolean): Promise<void>;
  /** Removes the data files (what a Redis that lost its disk starts from). */
  removeData(): void;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** redis-server on a free port with its own directory, AOF on (appendfsync everysec) unless `aof` is false. */
export async function startPrivateRedis(options: { aof?: boolean } = {}): Promise<PrivateRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'irm-fault-redis-'));
  const port = await closedPort();
  const url = `redis://127.0.0.1:${port}`;
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--appendonly',
    options.aof === false ? 'no' : 'yes',
    '--save',
    '',
    '--protected-mode',
    'no',
    '--logfile',
    join(dir, 'redis.log'),
  ];
  let exited: Promise<void> = Promise.resolve();
  let alive = false;
  const start = async () => {
    const child = spawn(process.env.REDIS_SERVER ?? 'redis-server', args, { stdio: 'ignore' });
    alive = true;
    exited = new Promise((resolve) => child.once('exit', () => ((alive = false), resolve())));
    const deadline = Date.now() + 30_000;
    for (;;) {
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await probe.connect();
        // Loading the AOF answers LOADING until it is done.
        if ((await probe.ping()) === 'PONG') return;
      } catch {
        if (!alive || Date.now() > deadline) throw new Error(`redis-server on ${port} did not start`);
      } finally {
        probe.disconnect();
      }
      await sleep(50);
    }
  };
  await start();
  const shutdown = async (save: boolean) => {
    const admin = new Redis(url, { maxRetriesPerRequest: 0 });
    admin.on('error', () => undefined);
    // The server closes the connection instead of answering.
    await admin.call('SHUTDOWN', save ? 'SAVE' : 'NOSAVE').catch(() => undefined);
    admin.disconnect();
    await exited;
  };
  return {
    port,
    url,
    shutdown,
    removeData: () => {
      for (const name of readdirSync(dir)) if (name !== 'redis.log') rmSync(join(dir, name), { recursive: true });
    },
    start,
    destroy: async () => {
      if (alive) await shutdown(false);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
