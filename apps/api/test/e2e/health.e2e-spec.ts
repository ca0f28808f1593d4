import { createServer } from 'node:net';
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
