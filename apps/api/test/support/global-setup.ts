import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { databaseUrl, templateDatabaseName } from './test-env';

/**
 * Builds a migrated template database once per run; each test file then clones it
 * (CREATE DATABASE ... TEMPLATE), which takes milliseconds instead of re-running migrations.
 */
export default async function globalSetup(): Promise<void> {
  const template = templateDatabaseName();
  if (process.env.IRM_TEST_TEMPLATE_READY === template) return;
  const admin = new Client({ connectionString: databaseUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  const dataSource = new DataSource(
    dataSourceOptions(loadConfig({ DATABASE_URL: databaseUrl(template) }), { poolSize: 1 }),
  );
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  // Both the integration and the e2e projects use the same template; build it once.
  process.env.IRM_TEST_TEMPLATE_READY = template;
}
