import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { seed } from '../seed/seeder';
import { runCli } from './run-cli';

runCli('seed', async () => {
  const config = loadConfig();
  const dataSource = await new DataSource(
    dataSourceOptions(config, { poolSize: 1, applicationName: 'irm-seed' }),
  ).initialize();
  try {
    const report = await seed(dataSource, {
      adminEmail: config.ADMIN_EMAIL,
      adminPassword: config.ADMIN_PASSWORD,
      progress: (message) => console.log(`seed: ${message}`),
    });
    if (report.admin?.generatedPassword) {
      // Shown once: only its hash is stored.
      console.log(`seed: admin password (shown once): ${report.admin.generatedPassword}`);
    }
  } finally {
    await dataSource.destroy();
  }
});
