// npm run bench [-- --only list,search --quick --step-seconds 5 --port-base 3260 --reseed --api-processes N]
// The whole suite on the bench data set, each figure beside its physical limit measured in the same run:
// - list, search, timeline, board, reports: the API (its own process, as `npm start` runs it) under open-loop load
//   at fixed arrival rates, against the same SQL run by pgbench (scripts recorded from the API's own statements);
//   the API runs as one process per core (as docs/scaling.md advises), requests spread over them in turn, with
//   their pools adding up to pgbench's connections;
// - health: GET /api/health against a bare Fastify route doing the same checks;
// - queue: BullMQ against redis-benchmark (bench/queue-throughput.mjs);
// - email: bench/mail-delivery.mjs (queued emails/s against a raw nodemailer loop);
// - import: bench/import-throughput.mjs (rows/s against psql \copy).
// Results go to bench/results/bench.json, the table into bench/README.md (between markers), the latency-against-load
// chart to bench/results/latency-vs-load.svg. --quick runs a smoke test on a small data set and writes
// bench-quick.{json,svg} only.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { c, main, onCleanup, root, run, step } from '../tools/proc.mjs';
import { ensureServices, stopServices } from '../tools/services.mjs';
import { describeMachine, loadavg } from './lib/machine.mjs';
import { closedLoop, openLoop } from './lib/open-loop.mjs';
import { pgbench, recordStatements, writeScript } from './lib/pgbench.mjs';
import { renderChart, renderReadme, TARGETS } from './lib/report.mjs';

const SECTIONS = ['list', 'search', 'timeline', 'board', 'reports', 'health', 'queue', 'email', 'import'];
const HTTP_SECTIONS = ['list', 'search', 'timeline', 'board', 'reports'];

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'step-seconds': { type: 'string' },
    'port-base': { type: 'string', default: '3260' },
    reseed: { type: 'boolean', default: false },
    // API processes for the reads (one per core by default), as a load balancer would spread them.
    'api-processes': { type: 'string', default: String(availableParallelism()) },
    'no-readme': { type: 'boolean', default: false },
    // Writes a V8 CPU profile of the API process here (open in Chrome DevTools or speedscope).
    'profile-dir': { type: 'string' },
  },
});
const only = args.only ? args.only.split(',').map((s) => s.trim()) : SECTIONS;
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length) {
  console.error(`Unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const quick = args.quick;
const STEP_SECONDS = Number(args['step-seconds'] ?? (quick ? 1 : 5));
const PORT = Number(args['port-base']);
const ports = { api: PORT, bare: PORT + 1, smtp: PORT + 2, mailApi: PORT + 3 };
// pgbench uses as many connections as the API processes' pools together.
const SQL_CLIENTS = 10;
const API_PROCESSES = Number(args['api-processes']);
if (!Number.isInteger(API_PROCESSES) || API_PROCESSES < 1) {
  console.error('--api-processes takes a whole number of 1 or more');
  process.exit(2);
}
const apiPort = (k) => (k === 0 ? PORT : PORT + 10 + k);
const floorPort = (k) => PORT + 30 + k;
const MAX_STEPS = quick ? 2 : 9;

const BASE_DATABASE = process.env.BENCH_DATABASE ?? 'irm_bench';
const database = quick ? `${BASE_DATABASE}_quick` : BASE_DATABASE;
// A small data set for smoke tests: a fiftieth of the bench size.
const QUICK_SIZES = ['--organizations', '2000', '--contacts', '6000', '--timeline', '20000', '--tasks', '1000'];
QUICK_SIZES.push('--items', '4000', '--events', '30', '--staff', '10');

const resultsDir = join(root, 'bench/results');
const workDir = join(resultsDir, '.work');
const resultsFile = join(resultsDir, quick ? 'bench-quick.json' : 'bench.json');
const chartFile = join(resultsDir, quick ? 'latency-vs-load-quick.svg' : 'latency-vs-load.svg');
const readmeFile = join(root, 'bench/README.md');
const ADMIN = { email: 'admin@bench.test', password: 'Bench admin password 2026' };
const SEARCHES = [
  'dong soc',
  'samsng',
  'nguyen van an',
  'co khi vinh phuc',
  'hanwa',
  'tran thi linh',
  'logistics',
  'phuc yen',
];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A child process of ours with its output in a file; stopped at the end (SIGTERM, then SIGKILL). */
function spawnLogged(name, file, argv, env, execArgv = []) {
  const out = openSync(join(workDir, `${name}.log`), 'w');
  const child = spawn(process.execPath, [...execArgv, file, ...argv], { cwd: root, env, stdio: ['ignore', out, out] });
  closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  onCleanup(stop);
  return { child, stop, exited };
}

async function waitForHealth(origin, child) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`${origin}: the process exited (${child.exitCode}); see ${workDir}`);
    const status = await fetch(`${origin}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await sleep(250);
  }
  throw new Error(`${origin} did not become healthy in 60 s`);
}

async function signIn(origin) {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (response.status !== 200) throw new Error(`sign-in failed (${response.status})`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** Every HTTP case: section, name, path variants (rotated per request), p95 target, reference rate. */
async function httpCases(get, db, config) {
  const one = async (sql, params) => (await db.query(sql, params))[0];
  const busy = await one(
    `SELECT subject_id AS id, count(*)::int AS entries FROM timeline_entry WHERE subject_type = 'organization'
      GROUP BY subject_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const contact = await one(
    `SELECT subject_id AS id, count(*)::int AS entries FROM timeline_entry WHERE subject_type = 'contact'
      GROUP BY subject_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const cursorAfter = async (path, pages) => {
    let cursor = null;
    for (let i = 0; i < pages; i++) {
      const page = await get(`${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return cursor;
  };
  const deepOrganizations = await cursorAfter('/api/organizations?limit=50', quick ? 10 : 40);
  const timelinePath = `/api/timeline?subjectType=organization&subjectId=${busy.id}&limit=50`;
  const deepTimeline = await cursorAfter(timelinePath, quick ? 2 : 20);
  const pipelines = Object.fromEntries((await db.query(`SELECT kind, id FROM pipeline`)).map((r) => [r.kind, r.id]));
  const board = (kind, query = '') => `/api/pipelines/${pipelines[kind]}/board${query}`;
  const { last } = await one(
    `SELECT to_char(coalesce(max(moved_at), now()) AT TIME ZONE $1, 'YYYY-MM-DD') AS last FROM stage_history`,
    [config.TZ_BUSINESS],
  );
  const daysBefore = (date, days) => new Date(Date.parse(date) - days * 86_400_000).toISOString().slice(0, 10);
  const year = `from=${daysBefore(last, 364)}&to=${last}`;
  const threeYears = `from=${daysBefore(last, 1095)}&to=${last}`;
  const q = (path, terms = SEARCHES) => terms.map((term) => `${path}${encodeURIComponent(term)}`);
  const withCursor = (path, cursor) => (cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path);

  return [
    ['list', 'organizations', 'investors, first page', ['/api/organizations?limit=50']],
    [
      'list',
      'organizations-deep',
      `investors, page ${quick ? 11 : 41} (cursor)`,
      [withCursor('/api/organizations?limit=50', deepOrganizations)],
    ],
    [
      'list',
      'organizations-filtered',
      'investors ?kind&sector',
      ['/api/organizations?limit=50&kind=foreign_invested&sector=26'],
    ],
    ['list', 'contacts', 'contacts, first page', ['/api/contacts?limit=50']],
    ['list', 'land-enquiries', 'land enquiries, first page', ['/api/land-enquiries?limit=50']],
    ['list', 'tasks-overdue', 'tasks ?bucket=overdue', ['/api/tasks?bucket=overdue&limit=50']],
    ['search', 'global', '/api/search?q= (8 queries)', q('/api/search?q=')],
    ['search', 'organizations', 'investors ?q= (8 queries)', q('/api/organizations?limit=50&q=')],
    ['search', 'contacts', 'contacts ?q= (8 queries)', q('/api/contacts?limit=50&q=')],
    ['timeline', 'busy', `investor with ${busy.entries.toLocaleString('en')} entries`, [timelinePath]],
    ['timeline', 'busy-deep', `same, page ${quick ? 3 : 21} (cursor)`, [withCursor(timelinePath, deepTimeline)]],
    [
      'timeline',
      'contact',
      `contact with ${contact.entries} entries`,
      [`/api/timeline?subjectType=contact&subjectId=${contact.id}&limit=50`],
    ],
    ['board', 'prospects', 'prospects', [board('prospect')]],
    ['board', 'land-overdue', 'land enquiries ?overdue=true', [board('land_enquiry', '?overdue=true')]],
    ['board', 'prospects-q', 'prospects ?q= (3 queries)', q(`${board('prospect')}?q=`, ['co khi', 'dien tu', 'phuc'])],
    [
      'reports',
      'funnel',
      'funnel, prospects, 12 months',
      [`/api/reports/funnel?pipelineId=${pipelines.prospect}&${year}`],
    ],
    [
      'reports',
      'funnel-3y',
      'funnel, prospects, 3 years by quarter',
      [`/api/reports/funnel?pipelineId=${pipelines.prospect}&${threeYears}&period=quarter`],
    ],
    [
      'reports',
      'time-in-stage',
      'time in stage, prospects, 12 months',
      [`/api/reports/time-in-stage?pipelineId=${pipelines.prospect}&${year}`],
    ],
    [
      'reports',
      'sla-breaches',
      'SLA breaches, all pipelines, 12 months',
      [`/api/reports/sla-breaches?${year}&limit=50`],
    ],
    ['reports', 'zone-occupancy', 'zone occupancy', ['/api/reports/zone-occupancy']],
    ['reports', 'event-roi', 'event ROI, 3 years', [`/api/reports/event-roi?${threeYears}`]],
    ['reports', 'loan-portfolio', 'loan portfolio, 3 years', [`/api/reports/loan-portfolio?${threeYears}`]],
  ]
    .filter(([section]) => only.includes(section))
    .map(([section, id, name, paths]) => ({ section, id: `${section}.${id}`, name, paths }));
}

/**
 * Offered rates from the reference rate, doubling until the server falls behind: fewer answers per second than
 * offered, failures, or a p99 over a second. Each step runs STEP_SECONDS after the previous one's answers are in.
 */
async function sweep(load, refRate) {
  const steps = [];
  for (let k = 0, rate = refRate; k < MAX_STEPS; k++, rate *= 2) {
    const result = await load(rate);
    steps.push(result);
    const behind =
      result.throughput < 0.95 * rate ||
      Object.keys(result.failures).length > 0 ||
      result.p99 === null ||
      result.p99 > 1000;
    if (behind) break;
  }
  const kept = steps.filter((s) => s.throughput >= 0.95 * s.offered && !Object.keys(s.failures).length && s.p99 < 1000);
  return {
    steps,
    sustained: kept.length ? kept.at(-1).offered : null,
    peak: Math.max(...steps.map((s) => s.throughput)),
  };
}

async function sqlSweep(run, refRate, ceiling) {
  const steps = [];
  for (let k = 0, rate = refRate; k < MAX_STEPS && rate <= ceiling * 1.5; k++, rate *= 2) {
    const result = await run(rate);
    steps.push(result);
    if (result.tps < 0.95 * rate || result.p99 > 1000) break;
  }
  return steps;
}

/** The API's reads: record each case's SQL in process, then load the API in its own process, then pgbench. */
async function measureHttp(services) {
  process.env.BENCH_DATABASE = database;
  const { startBenchApp } = await import('./http-bench.mjs');
  const { app, config, get, dataSource } = await startBenchApp();
  const cases = await httpCases(get, dataSource, config);
  const scriptsDir = join(workDir, 'pgbench');
  mkdirSync(scriptsDir, { recursive: true });
  for (const benchCase of cases) {
    benchCase.scripts = [];
    benchCase.statements = [];
    for (const [n, path] of benchCase.paths.entries()) {
      await get(path); // warm: plans and caches as under load
      const statements = await recordStatements(() => get(path));
      benchCase.statements.push(statements.length);
      benchCase.scripts.push(writeScript(join(scriptsDir, `${benchCase.id}.${n}.sql`), statements));
    }
  }
  await app.close();

  const secret = randomBytes(32).toString('base64url');
  const pool = Math.max(2, Math.ceil(SQL_CLIENTS / API_PROCESSES));
  const apis = Array.from({ length: API_PROCESSES }, (_, k) =>
    spawnLogged(
      `api-${k}`,
      join(root, 'dist/api/apps/api/src/main.js'),
      [],
      {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(apiPort(k)),
        DATABASE_URL: services.databaseUrl,
        DATABASE_POOL_SIZE: String(pool),
        // Checked against the pool by the shared settings; an API process sends no mail.
        MAIL_CONCURRENCY: String(pool - 1),
        REDIS_URL: services.redisUrl,
        REDIS_PREFIX: `irm-bench-${process.pid}`,
        SESSION_SECRET: secret,
        API_LIMIT_PER_MINUTE: '1000000',
        LOGIN_LIMIT_PER_IP: '100000',
      },
      args['profile-dir'] ? ['--cpu-prof', '--cpu-prof-dir', args['profile-dir']] : [],
    ),
  );
  const origins = apis.map((_, k) => `http://127.0.0.1:${apiPort(k)}`);
  for (const [k, api] of apis.entries()) await waitForHealth(origins[k], api.child);
  const origin = origins;
  const options = '-c pg_trgm.word_similarity_threshold=0.5 -c statement_timeout=30000';
  // The floor of each read: bare Fastify running the same statements (as many processes and connections).
  const floors = Array.from({ length: API_PROCESSES }, (_, k) =>
    spawnLogged(`bare-replay-${k}`, join(root, 'bench/bare-fastify.mjs'), [String(floorPort(k))], {
      ...process.env,
      DATABASE_URL: services.databaseUrl,
      DATABASE_POOL_SIZE: String(pool),
      BENCH_PG_OPTIONS: options,
      BENCH_REPLAY_DIR: scriptsDir,
      REDIS_URL: services.redisUrl,
    }),
  );
  const floorOrigins = floors.map((_, k) => `http://127.0.0.1:${floorPort(k)}`);
  for (const [k, floor] of floors.entries()) await waitForHealth(floorOrigins[k], floor.child);
  const headers = { cookie: await signIn(origins[0]) };

  const sections = {};
  for (const section of HTTP_SECTIONS.filter((s) => only.includes(s))) {
    const target = TARGETS[section];
    const started = { date: new Date().toISOString(), loadavg: loadavg() };
    const results = [];
    for (const benchCase of cases.filter((x) => x.section === section)) {
      console.log(c.bold(`  ${benchCase.id}: ${benchCase.name}`));
      const load = (rate, seconds = STEP_SECONDS) =>
        openLoop({
          origin,
          headers,
          rate,
          durationMs: seconds * 1000,
          path: (i) => benchCase.paths[i % benchCase.paths.length],
        });
      await load(target.refRate, 1); // warm-up
      const sqlRun = (rate) =>
        pgbench({
          databaseUrl: services.databaseUrl,
          options,
          scripts: benchCase.scripts,
          clients: SQL_CLIENTS,
          seconds: STEP_SECONDS,
          rate,
          logDir: workDir,
        });
      // Capacity, both sides the same way: closed loops of SQL_CLIENTS at full speed, taken in turn twice and the
      // better of each kept, so a passing burst of other work on the machine does not decide the ratio.
      const apiRun = () =>
        closedLoop({
          origin,
          headers,
          concurrency: SQL_CLIENTS,
          durationMs: STEP_SECONDS * 1000,
          path: (i) => benchCase.paths[i % benchCase.paths.length],
        });
      const floorRun = () =>
        closedLoop({
          origin: floorOrigins,
          concurrency: SQL_CLIENTS,
          durationMs: STEP_SECONDS * 1000,
          path: (i) => `/replay/${basename(benchCase.scripts[i % benchCase.scripts.length])}`,
        });
      const capacity = { sql: [], api: [], floor: [] };
      for (let round = 0; round < 2; round++) {
        capacity.sql.push(await sqlRun());
        capacity.api.push(await apiRun());
        capacity.floor.push(await floorRun());
      }
      const best = (runs, key) => runs.reduce((a, b) => (b[key] > a[key] ? b : a));
      const sqlMax = best(capacity.sql, 'tps');
      const apiMax = best(capacity.api, 'throughput');
      const floorMax = best(capacity.floor, 'throughput');
      const apiSweep = await sweep(async (rate) => {
        const result = await load(rate);
        console.log(
          `    API ${String(rate).padStart(5)}/s → ${result.throughput}/s  p50 ${result.p50} p95 ${result.p95} p99 ${result.p99} ms${Object.keys(result.failures).length ? `  failures ${JSON.stringify(result.failures)}` : ''}`,
        );
        return result;
      }, target.refRate);
      // Latency of the same SQL at the same rates (the reference rate only, except where the chart shows more).
      const sqlSteps = target.chartSql
        ? await sqlSweep(sqlRun, target.refRate, sqlMax.tps)
        : [await sqlRun(target.refRate)];
      const ref = apiSweep.steps[0];
      const sqlRef = sqlSteps[0];
      const ratio = apiMax.throughput / sqlMax.tps;
      console.log(
        `    at ${target.refRate}/s SQL p95 ${sqlRef.p95} ms; full speed on ${SQL_CLIENTS} connections: SQL ${sqlMax.tps}/s, API ${apiMax.throughput}/s = ${(ratio * 100).toFixed(0)}% of SQL; bare Fastify + pg ${floorMax.throughput}/s`,
      );
      results.push({
        id: benchCase.id,
        name: benchCase.name,
        paths: benchCase.paths,
        statements: benchCase.statements,
        refRate: target.refRate,
        targetP95: target.p95,
        api: { ref, ...apiSweep, max: apiMax, capacityRuns: capacity.api },
        sql: { max: sqlMax, ref: sqlRef, steps: sqlSteps, capacityRuns: capacity.sql },
        floor: { max: floorMax, capacityRuns: capacity.floor },
        ratio: Number(ratio.toFixed(3)),
        met: { latency: ref.p95 !== null && ref.p95 < target.p95, ratio: ratio >= TARGETS.ratio },
      });
    }
    sections[section] = { ...started, loadavgEnd: loadavg(), apiProcesses: API_PROCESSES, cases: results };
  }
  await Promise.all([...apis, ...floors].map((child) => child.stop()));
  return sections;
}

/** GET /api/health against a bare Fastify route doing the same checks, and one returning a constant. */
async function measureHealth(services) {
  const started = { date: new Date().toISOString(), loadavg: loadavg() };
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(ports.api),
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    REDIS_PREFIX: `irm-bench-${process.pid}`,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
  };
  const api = spawnLogged('api-health', join(root, 'dist/api/apps/api/src/main.js'), [], env);
  const bare = spawnLogged('bare-fastify', join(root, 'bench/bare-fastify.mjs'), [String(ports.bare)], env);
  await waitForHealth(`http://127.0.0.1:${ports.api}`, api.child);
  await waitForHealth(`http://127.0.0.1:${ports.bare}`, bare.child);
  const cases = [
    ['api', 'GET /api/health (API)', `http://127.0.0.1:${ports.api}`, '/api/health'],
    ['bare', 'bare Fastify, same checks', `http://127.0.0.1:${ports.bare}`, '/api/health'],
    ['hello', 'bare Fastify, constant JSON', `http://127.0.0.1:${ports.bare}`, '/hello'],
  ];
  const results = {};
  for (const [id, name, origin, path] of cases) {
    console.log(c.bold(`  health.${id}: ${name}`));
    const load = (rate, seconds = STEP_SECONDS) =>
      openLoop({ origin, rate, durationMs: seconds * 1000, path: () => path });
    await load(TARGETS.health.refRate, 1);
    const result = await sweep(async (rate) => {
      const step = await load(rate);
      console.log(
        `    ${String(rate).padStart(5)}/s → ${step.throughput}/s  p50 ${step.p50} p95 ${step.p95} p99 ${step.p99} ms`,
      );
      return step;
    }, TARGETS.health.refRate);
    results[id] = { name, path, ref: result.steps[0], ...result };
  }
  // Capacity at full speed on 10 connections, API and bare Fastify in turn, twice; the better of each is kept.
  const capacity = { api: [], bare: [] };
  for (let round = 0; round < 2; round++) {
    for (const id of ['api', 'bare']) {
      const [, , origin, path] = cases.find(([key]) => key === id);
      capacity[id].push(
        await closedLoop({ origin, concurrency: SQL_CLIENTS, durationMs: STEP_SECONDS * 1000, path: () => path }),
      );
    }
  }
  for (const id of ['api', 'bare']) {
    results[id].max = capacity[id].reduce((a, b) => (b.throughput > a.throughput ? b : a));
    results[id].capacityRuns = capacity[id];
    console.log(`  health.${id} at full speed: ${results[id].max.throughput}/s`);
  }
  await Promise.all([api.stop(), bare.stop()]);
  return {
    ...started,
    loadavgEnd: loadavg(),
    refRate: TARGETS.health.refRate,
    ...results,
    ratio: Number((results.api.max.throughput / results.bare.max.throughput).toFixed(3)),
  };
}

/** Runs one of the standalone bench scripts with `--out`, and reads what it wrote. */
async function runScript(name, file, argv, env = {}) {
  const out = join(workDir, `${name}.json`);
  rmSync(out, { force: true });
  const started = { date: new Date().toISOString(), loadavg: loadavg() };
  await run(process.execPath, [join(root, 'bench', file), ...argv, '--out', out], { env, name });
  return { ...JSON.parse(readFileSync(out, 'utf8')), ...started, loadavgEnd: loadavg() };
}

main(async () => {
  mkdirSync(workDir, { recursive: true });
  const t0 = Date.now();
  const loadAtStart = loadavg();
  const needsData = only.some((s) => HTTP_SECTIONS.includes(s) || s === 'health');
  if (needsData) {
    await step(`Bench data set (${database}${args.reseed ? ', built afresh' : ', kept when complete'})`, () =>
      run(
        process.execPath,
        [join(root, 'bench/seed.mjs'), ...(args.reseed ? [] : ['--reuse']), ...(quick ? QUICK_SIZES : [])],
        { env: { BENCH_DATABASE: database }, name: 'seed' },
      ),
    );
  } else await step('Build API', () => run('npm', ['run', 'build:api']));
  onCleanup(stopServices);
  const services = await ensureServices({ databaseName: database, dedicated: true, log: () => {} });
  const machine = await describeMachine(services);
  const counts = needsData
    ? (
        await (async () => {
          const { Client } = (await import('pg')).default;
          const db = new Client({ connectionString: services.databaseUrl });
          await db.connect();
          try {
            return await db.query(
              `SELECT (SELECT count(*) FROM organization)::int AS organizations,
                      (SELECT count(*) FROM contact)::int AS contacts,
                      (SELECT count(*) FROM pipeline_item)::int AS "pipelineItems",
                      (SELECT count(*) FROM timeline_entry)::int AS "timelineEntries"`,
            );
          } finally {
            await db.end();
          }
        })()
      ).rows[0]
    : null;

  const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { sections: {} };
  const sections = {};
  if (only.some((s) => HTTP_SECTIONS.includes(s)))
    Object.assign(sections, await step('API reads against pgbench', () => measureHttp(services)));
  if (only.includes('health'))
    sections.health = await step('Health against bare Fastify', () => measureHealth(services));
  if (only.includes('queue'))
    sections.queue = await step('Queue: BullMQ against redis-benchmark', () =>
      runScript('queue', 'queue-throughput.mjs', quick ? ['--jobs', '2000'] : [], { REDIS_URL: services.redisUrl }),
    );
  if (only.includes('email'))
    sections.email = await step('Email: bench/mail-delivery.mjs', () =>
      runScript(
        'mail',
        'mail-delivery.mjs',
        [
          '--smtp-port',
          String(ports.smtp),
          '--api-port',
          String(ports.mailApi),
          '--database',
          `${BASE_DATABASE}_mail`,
          ...(quick ? ['--emails', '200', '--concurrency', '4', '--delayed', '20'] : []),
        ],
        { REDIS_URL: services.redisUrl },
      ),
    );
  if (only.includes('import'))
    sections.import = await step('Import: bench/import-throughput.mjs', () =>
      runScript('import', 'import-throughput.mjs', quick ? ['10000'] : [], {
        REDIS_URL: services.redisUrl,
        BENCH_IMPORT_DATABASE: `${BASE_DATABASE}_import`,
      }),
    );

  const results = {
    date: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    quick,
    stepSeconds: STEP_SECONDS,
    machine: { ...machine, loadavgAtStart: loadAtStart, loadavgAtEnd: loadavg() },
    database: counts ? { name: database, ...counts } : previous.database,
    // A run of some sections keeps the others from the previous run.
    sections: { ...previous.sections, ...sections },
  };
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(chartFile, renderChart(results));
  const table = renderReadme(results, { chart: chartFile.split('/').pop() });
  console.log(`\n${table}`);
  if (!quick && !args['no-readme']) {
    const readme = readFileSync(readmeFile, 'utf8');
    const start = '<!-- bench:results:start -->';
    const end = '<!-- bench:results:end -->';
    const from = readme.indexOf(start);
    const to = readme.indexOf(end);
    if (from < 0 || to < 0) throw new Error(`bench/README.md lacks the ${start} … ${end} markers`);
    writeFileSync(readmeFile, `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`);
  }
  console.log(
    c.green(`✔ bench done in ${Math.round((Date.now() - t0) / 1000)} s: ${resultsFile.replace(`${root}/`, '')}`),
  );
});
