import { createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';

/** A port where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('health when a dependency is down', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
  });
  afterAll(() => t.close());

  it('answers 503 naming the failed check, quickly', async () => {
    const started = Date.now();
    const response = await fetch(`${t.baseUrl}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'error', checks: { database: 'up', redis: 'down' } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('answers a request that needs Redis with 503 and Retry-After, not 500', async () => {
    const response = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'someone@ipa.test', password: 'whatever it may be' }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toMatchObject({ status: 503, code: 'service_unavailable' });
  });

  it('answers 503 when the database goes away, for the health check and for requests', async () => {
    await t.database.drop();
    const response = await fetch(`${t.baseUrl}/api/health`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { checks: { database: string } }).checks.database).toBe('down');
    const zones = await fetch(`${t.baseUrl}/api/public/zones`);
    expect(zones.status).toBe(503);
    expect(zones.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('health when the connection pool is busy', () => {
  let t: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_POOL_SIZE: '2', MAIL_CONCURRENCY: '1' });
    dataSource = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const health = async () => {
    const started = Date.now();
    const response = await fetch(`${t.baseUrl}/api/health`);
    return { status: response.status, body: await response.json(), ms: Date.now() - started };
  };

  it('answers 200 while every pooled connection is taken, since PostgreSQL answers', async () => {
    // Both connections of the pool sleep for 5 s: a query through the pool now waits longer than the check allows.
    const sleepers = [0, 1].map(() => dataSource.query('SELECT pg_sleep(5)'));
    // It may give up waiting (the pool's connection timeout is 5 s) or get its turn when the sleepers end.
    const queued = dataSource.query('SELECT 1').then(
      () => 'answered',
      () => 'gave up',
    );
    try {
      const early = await Promise.race([queued, new Promise((resolve) => setTimeout(() => resolve('waiting'), 2_500))]);
      expect(early).toBe('waiting');
      const answer = await health();
      expect([answer.status, answer.body]).toEqual([200, { status: 'ok', checks: { database: 'up', redis: 'up' } }]);
      expect(answer.ms).toBeLessThan(2_000);
    } finally {
      await Promise.all([...sleepers, queued]);
    }
  }, 15_000);

  it('opens its connection again when the server ends it', async () => {
    expect((await health()).status).toBe(200);
    const [{ ended }] = await dataSource.query(
      `SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity
       WHERE application_name = 'irm-health' AND datname = current_database()`,
    );
    expect(ended).toBe(1);
    expect((await health()).status).toBe(200);
  });
});
