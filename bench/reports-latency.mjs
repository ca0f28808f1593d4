// npm run bench:reports [-- rounds]
// p50/p95 of each manager report (GET /api/reports/...) against the bench-size database (BENCH_DATABASE, default
// irm_bench): built by `npm run bench:seed`, with its 200,000 pipeline items, stage history, events and loans. Beside a floor
// measured in the same run: GET /api/auth/me, which pays for HTTP, the session lookup and serialisation. Then
// EXPLAIN (ANALYZE) of each report's main statement, to show which index answered it at this size.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { BENCH_DATABASE as database, startBenchApp } from './http-bench.mjs';

const require = createRequire(import.meta.url);
const { PostgresQueryRunner } = require('typeorm/driver/postgres/PostgresQueryRunner');

const rounds = Number(process.argv[2] ?? 100);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (v) => `${v.toFixed(1)} ms`.padStart(10);

const { app, config, get, dataSource } = await startBenchApp();

const [counts] = await dataSource.query(
  `SELECT (SELECT count(*) FROM pipeline_item)::int AS items, (SELECT count(*) FROM stage_history)::int AS moves,
          (SELECT count(*) FROM promotion_event)::int AS events, (SELECT count(*) FROM event_attendee)::int AS attendees,
          (SELECT count(*) FROM loan_application)::int AS loans, (SELECT count(*) FROM zone)::int AS zones`,
);
if (counts.items === 0) console.warn('No pipeline items: every report will be empty (see bench/README.md).');

// Windows end on the latest move, so they cover the data whatever day the bench runs.
const [{ last }] = await dataSource.query(
  `SELECT to_char(coalesce(max(moved_at), now()) AT TIME ZONE $1, 'YYYY-MM-DD') AS last FROM stage_history`,
  [config.TZ_BUSINESS],
);
const daysBefore = (date, days) => new Date(Date.parse(date) - days * 86_400_000).toISOString().slice(0, 10);
const year = `from=${daysBefore(last, 364)}&to=${last}`;
const threeYears = `from=${daysBefore(last, 1095)}&to=${last}`;
const pipelines = Object.fromEntries((await get('/api/pipelines')).map((p) => [p.kind, p.id]));
const [busy] = await dataSource.query(
  `SELECT owner_id AS id FROM pipeline_item GROUP BY owner_id ORDER BY count(*) DESC LIMIT 1`,
);
const overdueCursor = (await get(`/api/reports/sla-breaches?${year}&limit=50`)).overdue.nextCursor;

const cases = [
  ['floor: GET /api/auth/me', '/api/auth/me'],
  ['funnel, prospects, 12 months by month', `/api/reports/funnel?pipelineId=${pipelines.prospect}&${year}`],
  [
    'funnel, prospects, 3 years by quarter',
    `/api/reports/funnel?pipelineId=${pipelines.prospect}&${threeYears}&period=quarter`,
  ],
  ['funnel, land enquiries, 12 months', `/api/reports/funnel?pipelineId=${pipelines.land_enquiry}&${year}`],
  [
    'funnel, prospects, one owner',
    `/api/reports/funnel?pipelineId=${pipelines.prospect}&${year}${busy ? `&ownerId=${busy.id}` : ''}`,
  ],
  ['time in stage, prospects, 12 months', `/api/reports/time-in-stage?pipelineId=${pipelines.prospect}&${year}`],
  [
    'time in stage, event contacts, 3 years',
    `/api/reports/time-in-stage?pipelineId=${pipelines.event_contact}&${threeYears}`,
  ],
  ['SLA breaches, all pipelines, 12 months', `/api/reports/sla-breaches?${year}&limit=50`],
  [
    'SLA breaches, all pipelines, page 2',
    `/api/reports/sla-breaches?${year}&limit=50${overdueCursor ? `&cursor=${overdueCursor}` : ''}`,
  ],
  ['SLA breaches, loans, 3 years', `/api/reports/sla-breaches?${threeYears}&pipelineId=${pipelines.loan_application}`],
  ['zone occupancy, all zones', '/api/reports/zone-occupancy'],
  ['event ROI, 3 years', `/api/reports/event-roi?${threeYears}`],
  ['loan portfolio, 3 years', `/api/reports/loan-portfolio?${threeYears}`],
];

// Warm-up: connections, JIT, buffer cache.
for (const [, path] of cases) for (let i = 0; i < 5; i++) await get(path);

const results = [];
for (const [name, path] of cases) {
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await get(path);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  results.push({ name, p50: percentile(samples, 50), p95: percentile(samples, 95) });
}

console.log(
  `database ${database}: ${Object.entries(counts)
    .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
    .join(', ')}`,
);
console.log(`windows end ${last}; rounds per report: ${rounds}, sequential\n`);
console.log(`${'report'.padEnd(44)}       p50        p95   p95 / floor p95`);
const floor = results[0];
for (const r of results) {
  console.log(`${r.name.padEnd(44)} ${ms(r.p50)} ${ms(r.p95)}   ${(r.p95 / floor.p95).toFixed(1)}`);
}

// The SQL each report sends, explained with real execution at this size.
console.log('\nEXPLAIN ANALYZE of the main statement of each report:');
const original = PostgresQueryRunner.prototype.query;
for (const [name, path] of cases.slice(1)) {
  const seen = [];
  PostgresQueryRunner.prototype.query = function (sql, params, ...rest) {
    // The report's own statements: not the session lookup, the pipelines' stages or the holidays.
    if (/pipeline_item|stage_history|promotion_event|zone z/.test(sql)) seen.push([sql, params]);
    return original.call(this, sql, params, ...rest);
  };
  await get(path);
  PostgresQueryRunner.prototype.query = original;
  for (const [sql, params] of seen) {
    // With the settings the reports read under (see ReportsRepository.snapshot).
    const plan = await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`);
      return (await manager.query(`EXPLAIN (ANALYZE, BUFFERS OFF) ${sql}`, params)).map((r) => r['QUERY PLAN']);
    });
    const indexes = [...new Set(plan.join('\n').match(/(?:ix|uq|pk)_[a-z_]+|PK_[0-9a-f]+/g) ?? [])];
    const seq = plan.filter((line) =>
      /Seq Scan on (pipeline_item|stage_history|event_attendee|loan_application)\b/.test(line),
    );
    const time = plan.find((line) => line.startsWith('Execution Time'));
    const what = sql.match(/FROM (\w+)/)?.[1] ?? '';
    console.log(
      `  ${name} (${what}): ${time}; indexes: ${indexes.join(', ') || 'none'}${seq.length ? `; SEQ SCAN: ${seq.map((l) => l.trim().replace(/\s+\(cost.*$/, '')).join(' | ')}` : ''}`,
    );
  }
}

await app.close();
process.exit(0);
