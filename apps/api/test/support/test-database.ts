import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, templateDatabaseName } from './test-env';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(task: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database for one test file, cloned from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `irm_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName()}"`);
        return;
      } catch (error) {
        // Two files cloning at the same instant see the template "being accessed"; retry briefly.
        if (attempt >= 20 || !String(error).includes('being accessed')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A Redis key prefix private to one test file. */
export function testRedisPrefix(): string {
  return `irm-test-${randomBytes(6).toString('hex')}`;
}
