// npm run up — builds and serves the whole app (API + web on one port, and the worker) on local services.
import { ensureInstall } from './ensure-install.mjs';
import * as proc from './proc.mjs';
import { ensureServices, stopServices } from './services.mjs';

const { apiEntry, c, run, start, step } = proc;

proc.main(
  async () => {
    await step('Dependencies', ensureInstall);
    proc.onCleanup(stopServices);
    const services = await step('PostgreSQL and Redis', () =>
      ensureServices({ databaseName: 'irm', log: proc.detail }),
    );
    const port = process.env.PORT || '3000';
    const env = proc.appEnv(services, { NODE_ENV: process.env.NODE_ENV || 'production', PORT: port });
    await proc.assertPortFree(port);

    await step('Build API and web', () => run('npm', ['run', 'build']));
    await step('Migrate database', () => run(process.execPath, [apiEntry('cli/migrate')], { env, name: 'migrate' }));
    await step('Seed', () => run(process.execPath, [apiEntry('cli/seed')], { env, name: 'seed' }));
    await step('Start API and worker', async () => {
      start('api', process.execPath, [apiEntry('main')], { env });
      start('worker', process.execPath, [apiEntry('worker')], { env });
      await proc.waitForHttp(`http://127.0.0.1:${port}/api/health`);
    });

    proc.box([
      `${c.green('IRM is running:')} ${c.bold(process.env.APP_URL || `http://localhost:${port}`)}`,
      ...(await proc.adminLogin(port, env)),
      c.dim('Ctrl+C stops everything this started.'),
    ]);
    return new Promise(() => {}); // serves until Ctrl+C or until a process dies
  },
  { signalExitCode: 0 },
);
