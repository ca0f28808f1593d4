// npm test [-- jest args] — every test tier that needs no browser (Jest projects unit, integration, e2e).
import { ensureInstall } from './ensure-install.mjs';
import { bin, detail, main, onCleanup, run, step } from './proc.mjs';
import { ensureServices, stopServices } from './services.mjs';

main(async () => {
  await step('Dependencies', ensureInstall);
  onCleanup(stopServices);
  // The Jest global setup makes a migrated template from this database and clones one per test file.
  const services = await step('PostgreSQL and Redis', () =>
    ensureServices({ databaseName: process.env.IRM_TEST_DB ?? 'irm_test', dedicated: true, log: detail }),
  );
  await step('Build libraries', () =>
    run(bin('tsc'), ['-b', 'libs/contracts/tsconfig.lib.json', 'libs/domain/tsconfig.lib.json'], { name: 'tsc' }),
  );
  const env = { DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl };
  const args = process.argv.slice(2);
  return step(`Jest ${args.length ? args.join(' ') : '(unit, integration, e2e)'}`, () =>
    run(bin('jest'), args, { env, allowFail: true, name: 'jest' }),
  );
});
