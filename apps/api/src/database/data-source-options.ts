import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The repository's `migrations/` folder, from source (tests) or from `dist/api` (built). */
export const MIGRATIONS_GLOB = join(__dirname, '..', '..', '..', '..', 'migrations', '[0-9]*-*.{js,ts}');

export function dataSourceOptions(
  config: AppConfig,
  overrides: Partial<{ url: string; poolSize: number; applicationName: string }> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: overrides.url ?? config.DATABASE_URL,
    entities: ENTITIES,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    poolSize: overrides.poolSize ?? config.DATABASE_POOL_SIZE,
    applicationName: overrides.applicationName ?? 'irm',
    extra: {
      // Fail fast rather than hang a request when the database is unreachable.
      connectionTimeoutMillis: 5_000,
      statement_timeout: 30_000,
      // Typo tolerance of `<%` searches: "samsng" should find "Samsung" (word similarity 0.57).
      options: '-c pg_trgm.word_similarity_threshold=0.5',
    },
  };
}
