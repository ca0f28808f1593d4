// npm run bench:crm [-- rounds]
// p50/p95 of the list, search and timeline endpoints against the bench-size database that `npm run bench:seed`
// built (BENCH_DATABASE, default irm_bench), beside a floor measured in the same run: GET /api/auth/me, which pays
// for HTTP, the session lookup and serialisation but no list query. Then EXPLAIN (ANALYZE) of the SQL each endpoint
// sent, to show which index answered it at this size.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const dist = '../dist/api/apps/api/src';
const { loadConfig } = require(`${dist}/config/app-config.js`);
const { createHttpApp } = require(`${dist}/bootstrap/http-app.js`);
const { DataSource } = require('typeorm');
const { PostgresQueryRunner } = require('typeorm/driver/postgres/PostgresQueryRunner');

const rounds = Number(process.argv[2] ?? 200);
const database = process.env.BENCH_DATABASE ?? 'irm_bench';
const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/irm');
const ADMIN = { email: 'admin@bench.test', password: 'Bench admin password 2026' };

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (v) => `${v.toFixed(1)} ms`.padStart(9);

const config = loadConfig({
  DATABASE_URL: new URL(`/${database}`, base).href,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: `irm-bench-${process.pid}`,
  LOG_LEVEL: 'warn',
  API_LIMIT_PER_MINUTE: '1000000',
  LOGIN_LIMIT_PER_IP: '100000',
});
const { app } = await createHttpApp(config);
await app.listen({ port: 0, host: '127.0.0.1' });
const root = `http://127.0.0.1:${app.getHttpServer().address().port}`;
const dataSource = app.get(DataSource);

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

// Fixtures from the data: a busy investor, a page deep into each list, a contact with entries.
const [busy] = await dataSource.query(
  `SELECT subject_id AS id, count(*)::int AS entries FROM timeline_entry WHERE subject_type = 'organization'
    GROUP BY subject_id ORDER BY count(*) DESC LIMIT 1`,
);
const [quiet] = await dataSource.query(
  `SELECT subject_id AS id FROM timeline_entry WHERE subject_type = 'contact' LIMIT 1`,
);
async function cursorAfter(path, pages) {
  let cursor = null;
  for (let i = 0; i < pages; i++) cursor = (await get(`${path}${cursor ? `&cursor=${cursor}` : ''}`)).nextCursor;
  return cursor;
}
const organizationsDeep = await cursorAfter('/api/organizations?limit=50', 40);
const timelineDeep = await cursorAfter(`/api/timeline?subjectType=organization&subjectId=${busy.id}&limit=50`, 20);
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

const cases = [
  ['floor: GET /api/auth/me', () => '/api/auth/me'],
  ['GET /api/organizations (first page)', () => '/api/organizations?limit=50'],
  ['GET /api/organizations (page 41)', () => `/api/organizations?limit=50&cursor=${organizationsDeep}`],
  ['GET /api/organizations?kind&sector', () => '/api/organizations?limit=50&kind=foreign_invested&sector=26'],
  [
    'GET /api/organizations?q=',
    (i) => `/api/organizations?limit=50&q=${encodeURIComponent(SEARCHES[i % SEARCHES.length])}`,
  ],
  ['GET /api/contacts (first page)', () => '/api/contacts?limit=50'],
  ['GET /api/contacts?q=', (i) => `/api/contacts?limit=50&q=${encodeURIComponent(SEARCHES[i % SEARCHES.length])}`],
  ['GET /api/search?q=', (i) => `/api/search?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length])}`],
  [
    `GET /api/timeline (busy: ${busy.entries} entries)`,
    () => `/api/timeline?subjectType=organization&subjectId=${busy.id}&limit=50`,
  ],
  [
    'GET /api/timeline (busy, page 21)',
    () => `/api/timeline?subjectType=organization&subjectId=${busy.id}&limit=50&cursor=${timelineDeep}`,
  ],
  ['GET /api/timeline (a contact)', () => `/api/timeline?subjectType=contact&subjectId=${quiet.id}&limit=50`],
  ['GET /api/tasks?bucket=overdue', () => '/api/tasks?bucket=overdue&limit=50'],
];

// Warm-up: connections, JIT, buffer cache.
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

const floor = results[0];
const counts = await dataSource.query(
  `SELECT (SELECT count(*) FROM organization)::int AS organizations, (SELECT count(*) FROM contact)::int AS contacts,
          (SELECT count(*) FROM timeline_entry)::int AS timeline, (SELECT count(*) FROM task)::int AS tasks`,
);
console.log(
  `database ${database}: ${Object.entries(counts[0])
    .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
    .join(', ')}`,
);
console.log(`rounds per endpoint: ${rounds}, sequential\n`);
console.log(`${'endpoint'.padEnd(44)}      p50       p95   p95 / floor p95`);
for (const r of results) {
  console.log(`${r.name.padEnd(44)} ${ms(r.p50)} ${ms(r.p95)}   ${(r.p95 / floor.p95).toFixed(2)}`);
}

// The SQL each endpoint sends, explained with real execution at this size.
console.log('\nEXPLAIN ANALYZE of the main statement of each endpoint:');
const original = PostgresQueryRunner.prototype.query;
for (const [name, path] of cases.slice(1)) {
  const seen = [];
  PostgresQueryRunner.prototype.query = function (sql, params, ...rest) {
    // The page query: not the session lookup, nor a search's typo correction against the vocabulary.
    if (/^\s*(WITH|SELECT|\()/i.test(sql) && !/user_session|app_user u WHERE u.id|api_token|search_word/.test(sql))
      seen.push([sql, params]);
    return original.call(this, sql, params, ...rest);
  };
  await get(path(0));
  PostgresQueryRunner.prototype.query = original;
  const [sql, params] = seen.sort((a, b) => b[0].length - a[0].length)[0];
  const plan = (await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS OFF) ${sql}`, params)).map((r) => r['QUERY PLAN']);
  const indexes = [...new Set(plan.join('\n').match(/(?:ix|uq|pk)_[a-z_]+|PK_[0-9a-f]+/g) ?? [])];
  const seq = plan.filter((line) => /Seq Scan on (organization|contact|timeline_entry|task)\b/.test(line));
  const time = plan.find((line) => line.startsWith('Execution Time'));
  console.log(
    `  ${name}: ${time}; indexes: ${indexes.join(', ') || 'none'}${seq.length ? `; SEQ SCAN: ${seq.join(' | ').trim()}` : ''}`,
  );
}

await app.close();
process.exit(0);
