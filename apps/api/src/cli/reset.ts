import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { seed } from '../seed/seeder';
import { runCli } from './run-cli';

/** Drops every table of the configured database, migrates and seeds again. Development only. */
runCli('reset', async () => {
  const config = loadConfig();
  if (config.isProduction) throw new Error('refusing to reset a production database (NODE_ENV=production)');
  const dataSource = await new DataSource(
    dataSourceOptions(config, { poolSize: 1, applicationName: 'irm-reset' }),
  ).initialize();
  try {
    console.log(`reset: dropping schema of ${new URL(config.DATABASE_URL).pathname.slice(1)}`);
    await dataSource.dropDatabase();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(`reset: applied ${applied.length} migration(s)`);
    const report = await seed(dataSource, {
      adminEmail: config.ADMIN_EMAIL,
      adminPassword: config.ADMIN_PASSWORD,
      progress: (message) => console.log(`reset: ${message}`),
    });
    if (report.admin?.generatedPassword)
      console.log(`reset: admin password (shown once): ${report.admin.generatedPassword}`);
  } finally {
    await dataSource.destroy();
  }
});
