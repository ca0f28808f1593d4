// Statements about databases themselves (CREATE / DROP DATABASE), run on the server's `postgres` database.
import { createRequire } from 'node:module';

const { Client } = createRequire(import.meta.url)('pg');

/** Runs `sql` on the `postgres` database of the server that `serverUrl` (any database URL on it) names. */
export async function onServer(serverUrl, sql) {
  const client = new Client({ connectionString: new URL('/postgres', serverUrl).href });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
