// Import throughput against its floor, PostgreSQL's own bulk load (psql \copy) of the same file.
// Usage: npm run build:api && node bench/import-throughput.mjs [rows] [--out FILE]
// Needs PostgreSQL and Redis (DATABASE_URL's server, REDIS_URL) and `psql` on the PATH; uses its own database
// (BENCH_IMPORT_DATABASE, default irm_bench_import) and Redis prefix. The API runs in this process, the worker as
// its own process, as in production. --out writes the figures as JSON too.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { onServer } from './lib/server-sql.mjs';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const dist = '../dist/api/apps/api/src';
const { loadConfig } = require(`${dist}/config/app-config.js`);
const { createHttpApp } = require(`${dist}/bootstrap/http-app.js`);
const { seed } = require(`${dist}/seed/seeder.js`);
const { DataSource } = require('typeorm');
const { taxCodeCheckDigit } = require('@irm/domain');

const { values: options, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
const rows = Number(positionals[0] ?? 100_000);
const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/irm');
const database = process.env.BENCH_IMPORT_DATABASE ?? 'irm_bench_import';
const databaseUrl = new URL(`/${database}`, base).href;
const password = 'Bench import password 2026';
const rate = (count, ms) => Math.round(count / (ms / 1000));
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const admin = (sql) => onServer(base, sql);

/** The file an officer would upload: Vietnamese headers, valid tax codes, a few sectors and tags. */
function organizationsCsv(count) {
  const lines = ['\uFEFFTên doanh nghiệp,Mã số thuế,Loại hình,Quốc gia,Ngành nghề (VSIC),Website,Nhãn'];
  const countries = ['VN', 'KR', 'JP', 'CN', 'SG', 'TW'];
  let serial = 1;
  for (let i = 0; i < count; i++) {
    let code;
    do {
      const nine = `26${String(serial++).padStart(7, '0')}`;
      const check = taxCodeCheckDigit(nine);
      code = check === null ? null : `${nine}${check}`;
    } while (!code);
    const country = countries[i % countries.length];
    lines.push(
      `Công ty TNHH Sản xuất Đồng Sóc số ${i + 1},${code},${country === 'VN' ? 'Trong nước' : 'FDI'},${country},"C; 26",https://dn${i + 1}.example.vn,"hội nghị 2026; cụm công nghiệp"`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
await admin(`CREATE DATABASE ${database}`);
const env = {
  DATABASE_URL: databaseUrl,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: `irm-bench-import-${process.pid}`,
  LOG_LEVEL: 'warn',
  ADMIN_PASSWORD: password,
};
const config = loadConfig(env);
const { app } = await createHttpApp(config);
const dataSource = app.get(DataSource);
await dataSource.runMigrations();
await seed(dataSource, { adminEmail: 'bench@irm.local', adminPassword: password });
await app.listen({ port: 0, host: '127.0.0.1' });
const api = `http://127.0.0.1:${app.getHttpServer().address().port}/api`;

const worker = spawn(process.execPath, [join(import.meta.dirname, '../dist/api/apps/api/src/worker.js')], {
  env: { ...process.env, ...env },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const workerExited = new Promise((resolve) => worker.on('exit', resolve));

const dir = mkdtempSync(join(tmpdir(), 'irm-bench-import-'));
const file = join(dir, 'organizations.csv');
const content = organizationsCsv(rows);
writeFileSync(file, content);
const sizeMb = (Buffer.byteLength(content) / 1024 / 1024).toFixed(1);

try {
  // Floor: psql's client-side \copy of the same file into a plain table of text columns.
  await dataSource.query(
    `CREATE TABLE staging_organization (name text, tax_code text, kind text, country text, sectors text, website text, tags text)`,
  );
  const copyStart = performance.now();
  const copy = spawnSync(
    'psql',
    [
      databaseUrl,
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `\\copy staging_organization FROM '${file}' WITH (FORMAT csv, HEADER true)`,
    ],
    { encoding: 'utf8' },
  );
  const copyMs = performance.now() - copyStart;
  if (copy.status !== 0) throw new Error(`psql \\copy failed: ${copy.stderr}`);
  const [{ count: staged }] = await dataSource.query(`SELECT count(*)::int AS count FROM staging_organization`);
  if (staged !== rows) throw new Error(`\\copy loaded ${staged} rows, expected ${rows}`);

  const login = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@irm.local', password }),
  });
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('csrf_token='))?.split('=')[1] ?? '');
  const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf };

  // Timed from the upload request to the job's completion, as the person waiting sees it.
  const form = new FormData();
  form.append('entity', 'organizations');
  form.append('file', new Blob([content]), 'organizations.csv');
  const importStart = performance.now();
  const upload = await fetch(`${api}/imports`, { method: 'POST', headers, body: form });
  const uploadMs = performance.now() - importStart;
  if (upload.status !== 202) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
  const { id } = await upload.json();
  let job;
  let countedMs;
  for (;;) {
    job = await (await fetch(`${api}/imports/${id}`, { headers })).json();
    if (countedMs === undefined && job.total !== null) countedMs = performance.now() - importStart;
    if (['completed', 'failed', 'cancelled'].includes(job.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const importMs = performance.now() - importStart;
  if (job.status !== 'completed' || job.created !== rows)
    throw new Error(`import ended ${job.status}: ${JSON.stringify(job)}`);

  console.log(`rows: ${rows.toLocaleString('en')} (${sizeMb} MB CSV, UTF-8 with BOM)`);
  console.log(
    `psql \\copy into a plain table (floor):   ${seconds(copyMs)}  ${rate(rows, copyMs).toLocaleString('en')} rows/s`,
  );
  console.log(
    `import through API + worker:            ${seconds(importMs)}  ${rate(rows, importMs).toLocaleString('en')} rows/s` +
      `  (upload ${seconds(uploadMs)}, counted by ${seconds(countedMs ?? importMs)})`,
  );
  console.log(
    `ratio: the import runs at ${((copyMs / importMs) * 100).toFixed(1)}% of \\copy's speed (${(importMs / copyMs).toFixed(1)}× its time)`,
  );
  console.log(`floor for the import: 5,000 rows/s — ${rate(rows, importMs) >= 5000 ? 'met' : 'NOT met'}`);
  if (options.out) {
    mkdirSync(dirname(options.out), { recursive: true });
    const figures = {
      rows,
      megabytes: Number(sizeMb),
      copy: { seconds: Number((copyMs / 1000).toFixed(3)), rowsPerSecond: rate(rows, copyMs) },
      import: {
        seconds: Number((importMs / 1000).toFixed(3)),
        rowsPerSecond: rate(rows, importMs),
        uploadSeconds: Number((uploadMs / 1000).toFixed(3)),
        countedSeconds: Number(((countedMs ?? importMs) / 1000).toFixed(3)),
      },
      ratio: Number((copyMs / importMs).toFixed(4)),
    };
    writeFileSync(options.out, `${JSON.stringify(figures, null, 2)}\n`);
  }
} finally {
  worker.kill('SIGTERM');
  await workerExited;
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}
process.exit(0);
