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

  it('answers 503 when the database goes away', async () => {
    await t.database.drop();
    const response = await fetch(`${t.baseUrl}/api/health`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { checks: { database: string } }).checks.database).toBe('down');
  });
});
