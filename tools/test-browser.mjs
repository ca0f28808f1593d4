// npm run test:browser [-- playwright args] — Playwright in Debian's Chromium against a freshly seeded app.
import fs from 'node:fs';
import path from 'node:path';
import { ensureInstall } from './ensure-install.mjs';
import {
  apiEntry,
  assertPortFree,
  bin,
  detail,
  fail,
  main,
  onCleanup,
  root,
  run,
  start,
  step,
  waitForHttp,
} from './proc.mjs';
import { ensureServices, stopServices } from './services.mjs';

const CHROMIUM = '/usr/bin/chromium';
// Overridable so that several checkouts on one machine can run the tier side by side.
const PORT = process.env.IRM_BROWSER_PORT ?? '3199';
const DATABASE = process.env.IRM_BROWSER_DB ?? 'irm_browser';
const CONFIG = 'apps/web-e2e/playwright.config.ts';
// Every email the app sends lands here as an .eml file, through a real SMTP server (see startMailSink).
const MAIL_DIR = path.join(root, 'test-results', 'mail');
// Fixed test credentials: the database is re-created on every run.
const ADMIN = { email: 'admin@irm.test', password: 'browser-test-Xq7vK2pLm9Rt' };

main(async () => {
  await step('Dependencies', ensureInstall);
  if (!fs.existsSync(CHROMIUM)) {
    throw fail(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\``);
  }
  if (!fs.existsSync(path.join(root, CONFIG))) throw fail(`${CONFIG} not found`);
  await assertPortFree(PORT);

  onCleanup(stopServices);
  const services = await step(`PostgreSQL and Redis (fresh ${DATABASE} database)`, () =>
    ensureServices({ databaseName: DATABASE, dedicated: true, fresh: true, log: detail }),
  );
  const mail = await step('SMTP sink', () => startMailSink(MAIL_DIR));
  onCleanup(mail.close);
  const env = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT,
    APP_URL: `http://127.0.0.1:${PORT}`,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    // Keeps this run's queues apart from a `npm run up` worker sharing the same Redis.
    REDIS_PREFIX: DATABASE.replace(/_/g, '-'),
    SESSION_SECRET: 'browser-test-session-secret-not-for-production',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SMTP_URL: mail.url,
    // Every portal spec posts from 127.0.0.1: the per-address limit would count them all together. The per-email
    // limit stays at its default, so a spec can still meet a 429.
    PORTAL_LIMIT_PER_IP: '500',
  };

  // A fresh namespace like the fresh database: earlier runs' sign-in counters and queues must not carry over.
  await step(`Clear the ${env.REDIS_PREFIX} Redis keys`, () => clearRedisPrefix(services.redisUrl, env.REDIS_PREFIX));
  await step('Build API and web', () => run('npm', ['run', 'build']));
  await step('Migrate database', () => run(process.execPath, [apiEntry('cli/migrate')], { env, name: 'migrate' }));
  await step('Seed', () => run(process.execPath, [apiEntry('cli/seed')], { env, name: 'seed' }));
  await step(`Start API (port ${PORT}) and worker`, async () => {
    start('api', process.execPath, [apiEntry('main')], { env });
    start('worker', process.execPath, [apiEntry('worker')], { env });
    await waitForHttp(`http://127.0.0.1:${PORT}/api/health`);
  });
  return step('Playwright', () =>
    run(bin('playwright'), ['test', '-c', CONFIG, ...process.argv.slice(2)], {
      env: {
        IRM_BROWSER_BASE_URL: `http://127.0.0.1:${PORT}`,
        // For specs that arrange rows no API writes yet (the dashboard's pipeline history).
        IRM_BROWSER_DATABASE_URL: services.databaseUrl,
        // For specs that need a link the app signs (an unsubscribe link from an email).
        IRM_BROWSER_SESSION_SECRET: env.SESSION_SECRET,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        IRM_BROWSER_MAIL_DIR: MAIL_DIR,
      },
      allowFail: true,
      name: 'playwright',
    }),
  );
});

async function clearRedisPrefix(url, prefix) {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    let removed = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) removed += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    detail(`${removed} keys removed`);
  } finally {
    redis.disconnect();
  }
}

/**
 * A real SMTP server (the `smtp-server` package) on a free port that writes each message it accepts to `dir` as
 * `<time>-<n>.eml`, so browser specs can read what investors and staff were sent.
 */
async function startMailSink(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const { SMTPServer } = await import('smtp-server');
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        count += 1;
        const file = path.join(dir, `${Date.now()}-${String(count).padStart(5, '0')}.eml`);
        fs.writeFile(file, Buffer.concat(chunks), (error) => callback(error ?? null));
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.server.address();
  detail(`smtp://127.0.0.1:${port} → ${path.relative(root, dir)}`);
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
