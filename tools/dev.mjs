// npm run dev — API and worker rebuilt and restarted on change, Vite dev server for the web app.
import fs from 'node:fs';
import path from 'node:path';
import { ensureInstall } from './ensure-install.mjs';
import * as proc from './proc.mjs';
import { ensureServices, stopServices } from './services.mjs';

const { apiEntry, bin, c, run, start, step } = proc;

proc.main(
  async () => {
    await step('Dependencies', ensureInstall);
    proc.onCleanup(stopServices);
    const services = await step('PostgreSQL and Redis', () =>
      ensureServices({ databaseName: 'irm', log: proc.detail }),
    );
    const port = process.env.PORT || '3000';
    const env = proc.appEnv(services, {
      NODE_ENV: process.env.NODE_ENV || 'development',
      PORT: port,
      // Links in e-mails should open the Vite dev server, not the last production build.
      APP_URL: process.env.APP_URL || 'http://localhost:5173',
    });
    await proc.assertPortFree(port);

    const tsconfig = 'apps/api/tsconfig.app.json';
    await step('Build API', () => run(bin('tsc'), ['-b', tsconfig], { name: 'tsc' }));
    await step('Migrate database', () => run(process.execPath, [apiEntry('cli/migrate')], { env, name: 'migrate' }));
    await step('Seed', () => run(process.execPath, [apiEntry('cli/seed')], { env, name: 'seed' }));
    await step('Start tsc --watch, API, worker and Vite', async () => {
      start('tsc', bin('tsc'), ['-b', tsconfig, '--watch', '--preserveWatchOutput']);
      const watch = ['--watch', '--watch-preserve-output'];
      start('api', process.execPath, [...watch, apiEntry('main')], { env });
      start('worker', process.execPath, [...watch, apiEntry('worker')], { env });
      const viteConfig = ['apps/web/vite.config.mts', 'apps/web/vite.config.ts'].find((file) =>
        fs.existsSync(path.join(proc.root, file)),
      );
      start('web', bin('vite'), ['--config', viteConfig]);
      await proc.waitForHttp(`http://127.0.0.1:${port}/api/health`);
    });

    proc.box([
      `${c.green('Web (Vite):')} ${c.bold('http://localhost:5173')}`,
      `API:         http://localhost:${port}/api  (docs: /api/docs)`,
      ...(await proc.adminLogin(port, env)),
      c.dim('Edits rebuild and restart the API and worker. Ctrl+C stops everything.'),
    ]);
    return new Promise(() => {});
  },
  { signalExitCode: 0 },
);
