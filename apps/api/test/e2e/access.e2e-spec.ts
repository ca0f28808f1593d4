import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { Access } from '../../src/auth/access.decorator';
import { RouteAccessCatalog } from '../../src/auth/route-access.catalog';
import { seed } from '../../src/seed/seeder';
import { ROUTE_SAMPLES as SAMPLES } from '../support/route-samples';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TEST_PASSWORD, TestClient } from '../support/test-client';

type Caller = 'anonymous' | Role;

function expectedStatus(access: Access, caller: Caller): 'ok' | 401 | 403 {
  if (access === Access.Public) return 'ok';
  if (caller === 'anonymous') return 401;
  if (access === Access.Admin && caller !== Role.Admin) return 403;
  if (access === Access.Manager && caller === Role.Staff) return 403;
  return 'ok';
}

describe('who can reach what', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seed(t.app.get(DataSource), { adminPassword: TEST_PASSWORD });
  });
  afterAll(() => t.close());

  it('lists every route with its requirement (review any change to this snapshot)', () => {
    const routes = t.app.get(RouteAccessCatalog).routes();
    expect(routes.map((r) => `${r.method.padEnd(6)} ${r.path} → ${r.access}`)).toMatchSnapshot();
  });

  it('has a sample request for every route', () => {
    const keys = t.app
      .get(RouteAccessCatalog)
      .routes()
      .map((r) => `${r.method} ${r.path}`);
    expect(keys.filter((k) => !SAMPLES[k])).toEqual([]);
  });

  const callers: Caller[] = ['anonymous', Role.Staff, Role.Manager, Role.Admin];

  it.each(callers)(
    'gives %s exactly the access each route declares',
    async (caller) => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const route of t.app.get(RouteAccessCatalog).routes()) {
        const client = caller === 'anonymous' ? new TestClient(t.baseUrl) : (await signedIn(t, caller)).client;
        const sample = await SAMPLES[`${route.method} ${route.path}`](t, client);
        const response = await client.request(route.method, sample.path, { body: sample.body });
        const want = expectedStatus(route.access!, caller);
        const got = response.status >= 200 && response.status < 300 ? 'ok' : response.status;
        outcomes.push(`${route.method} ${route.path}: ${got}`);
        expected.push(`${route.method} ${route.path}: ${want}`);
      }
      expect(outcomes).toEqual(expected);
    },
    // One fresh signed-in client per route (a real argon2id sign-in each): about 150 routes.
    300_000,
  );
});
