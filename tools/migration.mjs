// npm run db:migration:generate <Name> — writes migrations/<timestamp>-<Name>.ts from the entity changes.
// npm run db:migration:check            — fails when the entities and the migrations disagree.
// Both diff against a fresh database migrated to the latest migration, never against your working data.
import fs from 'node:fs';
import path from 'node:path';
import { ensureInstall } from './ensure-install.mjs';
import { apiEntry, bin, c, detail, fail, main, onCleanup, root, run, step } from './proc.mjs';
import { ensureServices, stopServices } from './services.mjs';

const DATA_SOURCE = 'dist/api/migrations/data-source.js';
const DRIFT_DB = process.env.IRM_DRIFT_DB ?? 'irm_drift';
const [command, name] = process.argv.slice(2);

main(async () => {
  if (command === 'generate' && !/^[A-Z][A-Za-z0-9]*$/.test(name ?? '')) {
    throw fail('Usage: npm run db:migration:generate <Name>  (PascalCase, e.g. AddZoneCode)');
  }
  if (command !== 'generate' && command !== 'check') {
    throw fail('Usage: node tools/migration.mjs generate <Name> | check');
  }

  await step('Dependencies', ensureInstall);
  onCleanup(stopServices);
  const services = await step(`PostgreSQL (fresh ${DRIFT_DB} database)`, () =>
    ensureServices({
      databaseName: DRIFT_DB,
      dedicated: true,
      fresh: true,
      redis: false,
      log: detail,
    }),
  );
  const env = { DATABASE_URL: services.databaseUrl };
  // typeorm 1.1 sets off pg's deprecation warning about overlapping queries: noise that is not ours to fix.
  const typeormEnv = { ...env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --no-deprecation`.trim() };
  const typeorm = (args, options) => run(bin('typeorm'), args, { env: typeormEnv, name: 'typeorm', ...options });

  await step('Build API', () => run(bin('tsc'), ['-b', 'apps/api/tsconfig.app.json'], { name: 'tsc' }));
  await step('Run migrations', () => run(process.execPath, [apiEntry('cli/migrate')], { env, name: 'migrate' }));

  if (command === 'check') {
    const code = await step('Compare entities with migrations', () =>
      typeorm(['migration:generate', 'migrations/Drift', '-d', DATA_SOURCE, '--check'], { allowFail: true }),
    );
    console.log(
      code === 0
        ? c.green('✔ No drift: the migrations produce exactly the schema the entities describe.')
        : c.red(
            '✖ Drift: the entities differ from the migrations (SQL above). Run `npm run db:migration:generate <Name>` and review it.',
          ),
    );
    return code;
  }

  const dir = path.join(root, 'migrations');
  const before = new Set(fs.readdirSync(dir));
  const code = await step(`Generate migrations/<timestamp>-${name}.ts`, () =>
    typeorm(['migration:generate', `migrations/${name}`, '-d', DATA_SOURCE], { allowFail: true }),
  );
  const created = fs.readdirSync(dir).filter((file) => !before.has(file));
  if (!created.length) return code || 1; // typeorm said why (usually: no changes found)
  if (fs.existsSync(bin('prettier'))) {
    await run(bin('prettier'), ['--write', ...created.map((file) => path.join('migrations', file))], {
      name: 'prettier',
      allowFail: true,
    });
  }
  for (const file of created) console.log(c.green(`✔ Wrote migrations/${file}: review it before committing.`));
  return code;
});
