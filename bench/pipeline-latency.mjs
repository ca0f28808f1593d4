// npm run bench:pipelines [-- rounds]
// p50/p95 of the pipeline boards and item lists against the bench database that `npm run bench:seed` built
// (200,000 items over the four pipelines), beside the floor GET /api/auth/me measured in the same run.
import { BENCH_DATABASE, measure, printResults, startBenchApp } from './http-bench.mjs';

const rounds = Number(process.argv[2] ?? 200);
const { app, get, dataSource } = await startBenchApp();

const pipelines = Object.fromEntries(
  (await dataSource.query(`SELECT kind, id FROM pipeline`)).map((row) => [row.kind, row.id]),
);
const [busiest] = await dataSource.query(
  `SELECT owner_id AS id FROM pipeline_item GROUP BY owner_id ORDER BY count(*) DESC LIMIT 1`,
);
const [zone] = await dataSource.query(
  `SELECT zone_id AS id FROM pipeline_item WHERE zone_id IS NOT NULL GROUP BY zone_id ORDER BY count(*) DESC LIMIT 1`,
);
const [item] = await dataSource.query(
  `SELECT id FROM pipeline_item WHERE kind = 'land_enquiry' ORDER BY version DESC LIMIT 1`,
);
const board = (kind, query = '') => `/api/pipelines/${pipelines[kind]}/board${query}`;

const cases = [
  ['floor: GET /api/auth/me', () => '/api/auth/me'],
  ['board: prospects', () => board('prospect')],
  ['board: land enquiries', () => board('land_enquiry')],
  ['board: loan applications', () => board('loan_application')],
  ['board: event contacts', () => board('event_contact')],
  ['board: land enquiries ?ownerId (busiest owner)', () => board('land_enquiry', `?ownerId=${busiest.id}`)],
  ['board: land enquiries ?overdue=true', () => board('land_enquiry', '?overdue=true')],
  ['board: land enquiries ?zoneId', () => board('land_enquiry', `?zoneId=${zone.id}`)],
  ['board: prospects ?sector=electronics', () => board('prospect', '?sector=electronics')],
  ['board: prospects ?q=', (i) => board('prospect', `?q=${encodeURIComponent(['co khi', 'dien tu', 'phuc'][i % 3])}`)],
  ['GET /api/land-enquiries (first page)', () => '/api/land-enquiries?limit=50'],
  ['GET /api/prospects?overdue=true', () => '/api/prospects?limit=50&overdue=true'],
  ['GET /api/land-enquiries/:id', () => `/api/land-enquiries/${item.id}`],
  ['GET /api/land-enquiries/:id/history', () => `/api/land-enquiries/${item.id}/history`],
  ['GET /api/land-enquiries/:id/matches', () => `/api/land-enquiries/${item.id}/matches`],
];

const results = await measure(get, cases, rounds);
const [counts] = await dataSource.query(
  `SELECT (SELECT count(*) FROM pipeline_item)::int AS items, (SELECT count(*) FROM stage_history)::int AS history`,
);
console.log(
  `database ${BENCH_DATABASE}: ${counts.items.toLocaleString('en')} pipeline items, ${counts.history.toLocaleString('en')} history rows`,
);
console.log(`rounds per endpoint: ${rounds}, sequential\n`);
printResults(results);
await app.close();
process.exit(0);
