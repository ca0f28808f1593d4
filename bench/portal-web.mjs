// npm run bench:portal [-- rounds]
// The investor portal's weight and speed: the gzipped JS and CSS that portal.html loads against index.html's (the
// staff app), and the time to first render of the land-bank catalogue (/invest) in Chromium (playwright-core),
// beside the staff app's sign-in page measured the same way. Needs the built web app (npm run build:web) and API,
// PostgreSQL and Redis; uses its own database.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const { Client } = require('pg');
const { chromium } = require('playwright-core');
const dist = '../dist/api/apps/api/src';
const { loadConfig } = require(`${dist}/config/app-config.js`);
const { createHttpApp } = require(`${dist}/bootstrap/http-app.js`);
const { seed } = require(`${dist}/seed/seeder.js`);
const { DataSource } = require('typeorm');

const rounds = Number(process.argv[2] ?? 15);
const webDist = new URL('../apps/web/dist/', import.meta.url).pathname;
const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/irm');
const database = 'irm_bench_portal';
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))];

/** What a page loads before it can render: its entry script, the chunks it preloads and its stylesheets. */
function initialAssets(html) {
  const text = readFileSync(join(webDist, html), 'utf8');
  const files = [...text.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  return [...new Set(files)].map((file) => {
    const bytes = readFileSync(join(webDist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

function total(assets, ext) {
  const of = assets.filter((asset) => asset.file.endsWith(ext));
  return { raw: of.reduce((sum, a) => sum + a.raw, 0), gzip: of.reduce((sum, a) => sum + a.gzip, 0) };
}

const portal = initialAssets('portal.html');
const staff = initialAssets('index.html');
const staffOnly = staff.filter((asset) => !portal.some((p) => p.file === asset.file)).map((asset) => asset.file);
const leaked = portal.filter((asset) => /\/(main|mantine|router|vendor)-/.test(asset.file));
if (leaked.length) throw new Error(`the portal loads staff chunks: ${leaked.map((a) => a.file).join(', ')}`);

console.log('Initial assets (gzip -9):');
for (const [name, assets] of [
  ['portal.html (investor portal)', portal],
  ['index.html (staff app)', staff],
]) {
  const js = total(assets, '.js');
  const css = total(assets, '.css');
  console.log(
    `  ${name.padEnd(30)} JS ${kb(js.gzip).padStart(9)} (${kb(js.raw)} raw)   CSS ${kb(css.gzip).padStart(8)}`,
  );
  for (const asset of assets) console.log(`    ${asset.file.padEnd(44)} ${kb(asset.gzip).padStart(9)}`);
}
console.log(`  staff-only chunks the portal never loads: ${staffOnly.join(', ')}`);

// First render, cold cache each round: navigation start → first contentful paint, and → the catalogue's zone cards
// (or the sign-in form) in the DOM, recorded by the page itself.
const admin = new Client({ connectionString: new URL('/postgres', base).href });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${database}`);
await admin.end();
const config = loadConfig({
  DATABASE_URL: new URL(`/${database}`, base).href,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: `irm-bench-${process.pid}`,
  LOG_LEVEL: 'warn',
  ADMIN_PASSWORD: 'Bench portal password 2026',
});
const { app } = await createHttpApp(config);
await app.get(DataSource).runMigrations();
await seed(app.get(DataSource), { adminEmail: 'bench@irm.local', adminPassword: 'Bench portal password 2026' });
await app.listen({ port: 0, host: '127.0.0.1' });
const root = `http://127.0.0.1:${app.getHttpServer().address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

async function firstRender(path, selector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  await context.addInitScript((watched) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(watched)) {
        window.__rendered = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  const page = await context.newPage();
  await page.goto(`${root}${path}`);
  await page.waitForSelector(selector);
  const figures = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    rendered: window.__rendered,
    transferred: performance
      .getEntriesByType('resource')
      .filter((entry) => /\.(js|css)$/.test(entry.name))
      .reduce((sum, entry) => sum + entry.transferSize, 0),
  }));
  await context.close();
  return figures;
}

const cases = [
  // The floor: a static file from the same server, no script at all (the browser's own cost of a new page).
  ['floor: /favicon.svg, no script', '/favicon.svg', 'svg'],
  ['portal: /invest, zone cards shown', '/invest', '[data-testid="zone-card"]'],
  ['staff app: /login, sign-in form shown', '/login', '[data-testid="login-form"]'],
];
for (const [, path, selector] of cases) await firstRender(path, selector); // warm the server and the disk cache
console.log(`\nFirst render in Chromium, cold browser cache, ${rounds} rounds (median / p95):`);
for (const [name, path, selector] of cases) {
  const samples = [];
  for (let i = 0; i < rounds; i++) samples.push(await firstRender(path, selector));
  const rendered = samples.map((s) => s.rendered);
  const fcp = samples.map((s) => s.fcp);
  console.log(
    `  ${name.padEnd(40)} FCP ${median(fcp).toFixed(0).padStart(4)} / ${p95(fcp).toFixed(0).padStart(4)} ms   ` +
      `content ${median(rendered).toFixed(0).padStart(4)} / ${p95(rendered).toFixed(0).padStart(4)} ms   ` +
      `JS+CSS over the wire ${kb(samples[0].transferred)}`,
  );
}

await browser.close();
await app.close();
