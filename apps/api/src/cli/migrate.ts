import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { runCli } from './run-cli';

runCli('migrate', async () => {
  const dataSource = await new DataSource(
    dataSourceOptions(loadConfig(), { poolSize: 1, applicationName: 'irm-migrate' }),
  ).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(
      applied.length
        ? `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`
        : 'database is up to date',
    );
  } finally {
    await dataSource.destroy();
  }
});
