import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../apps/api/src/config/app-config';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options';

/** Used by the TypeORM CLI (`npm run db:migration:generate`, drift check). */
export default new DataSource(dataSourceOptions(loadConfig(), { applicationName: 'irm-migrations', poolSize: 2 }));
