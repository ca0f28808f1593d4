/** Where the test tiers find their services; `npm test` sets these after starting them. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/irm_test';
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function databaseUrl(database: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export function templateDatabaseName(): string {
  return `${new URL(TEST_DATABASE_URL).pathname.slice(1) || 'irm_test'}_template`;
}
