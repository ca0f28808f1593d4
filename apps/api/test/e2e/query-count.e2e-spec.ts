import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { seed } from '../../src/seed/seeder';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

/** SQL statements sent while serving one request, counted at TypeORM's query runner. */
async function statementsFor(client: TestClient, path: string): Promise<{ count: number; items: number }> {
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
  try {
    const response = await client.get(path);
    expect(response.status).toBe(200);
    return { count: spy.mock.calls.length, items: response.body.items.length };
  } finally {
    spy.mockRestore();
  }
}

describe('statements per list request (no N+1)', () => {
  let t: TestApp;
  let client: TestClient;
  let movementsZoneId: string;
  let busyInvestorId: string;

  beforeAll(async () => {
    t = await startTestApp();
    // Investors spread over several owners, so a per-row owner lookup would show.
    for (let owner = 0; owner < 5; owner++) {
      const { client: staff } = await signedIn(t, Role.Staff);
      for (let i = 0; i < 12; i++) {
        const org = await staff.post('/api/organizations', {
          name: `Investor ${owner}-${i}`,
          kind: 'domestic',
          country: 'VN',
          sectors: ['C'],
        });
        await staff.post('/api/contacts', { fullName: `Contact ${owner}-${i}`, organizationId: org.body.id });
      }
    }
    await seed(t.app.get(DataSource), { adminPassword: 'not used by this test at all' });
    ({ client } = await signedIn(t, Role.Admin));
    // A zone with a ledger long enough for two pages, written by several people.
    [{ id: movementsZoneId }] = await t.app.get(DataSource).query(`SELECT id FROM zone WHERE code = 'ccn-dao-tu'`);
    for (let author = 0; author < 5; author++) {
      const { client: manager } = await signedIn(t, Role.Manager);
      for (let i = 0; i < 12; i++) {
        await manager.post(`/api/zones/${movementsZoneId}/land-movements`, {
          kind: 'reserve',
          areaHa: 0.01,
          reason: `Reservation ${author}-${i}`,
        });
      }
    }
    await client.get('/api/auth/me'); // the session's first touch is not part of what we count
    // One investor with many entries by several authors mentioning several people, and tasks about
    // investors and contacts: a per-row author, mention or subject lookup would show.
    const [{ id: contactId }] = await t.app.get(DataSource).query('SELECT id FROM contact LIMIT 1');
    busyInvestorId = (await client.post('/api/organizations', { name: 'Busy', kind: 'domestic', country: 'VN' })).body
      .id;
    const people = await Promise.all([0, 1, 2].map(() => signedIn(t, Role.Staff)));
    for (let i = 0; i < 60; i++) {
      const [author, mentioned] = [people[i % 3], people[(i + 1) % 3].user];
      await author.client.post('/api/timeline', {
        subjectType: 'organization',
        subjectId: busyInvestorId,
        kind: 'note',
        body: `Note ${i} @[${mentioned.name}](${mentioned.id})`,
      });
      await client.post('/api/tasks', {
        title: `Task ${i}`,
        dueAt: new Date(Date.now() + i * 3600_000).toISOString(),
        subjectType: i % 2 ? 'organization' : 'contact',
        subjectId: i % 2 ? busyInvestorId : contactId,
      });
    }
  }, 120_000); // Starts the API and writes the fixtures: slow on a busy machine.
  afterAll(() => t.close());

  it.each([
    '/api/organizations',
    '/api/contacts',
    '/api/users',
    '/api/audit',
    '/api/zones',
    '/api/zones?q=ccn',
    'land-movements',
  ])('%s costs the same number of statements for 2 rows as for 50', async (route) => {
    const path = route === 'land-movements' ? `/api/zones/${movementsZoneId}/land-movements` : route;
    const separator = path.includes('?') ? '&' : '?';
    const small = await statementsFor(client, `${path}${separator}limit=2`);
    const large = await statementsFor(client, `${path}${separator}limit=50`);
    expect(large.items).toBeGreaterThan(small.items);
    expect(small.count).toBeGreaterThan(0);
    expect(large.count).toBe(small.count);
    // Session lookup plus the page itself.
    expect(large.count).toBeLessThanOrEqual(3);
  });

  it.each([
    ['/api/timeline of one record', () => `/api/timeline?subjectType=organization&subjectId=${busyInvestorId}`],
    ['/api/tasks', () => '/api/tasks?mine=true'],
  ])('%s costs the same number of statements for 2 rows as for 50', async (_name, pathOf) => {
    const small = await statementsFor(client, `${pathOf()}&limit=2`);
    const large = await statementsFor(client, `${pathOf()}&limit=50`);
    expect(large.items).toBe(50);
    expect(small.count).toBeGreaterThan(0);
    expect(large.count).toBe(small.count);
    // Session lookup, the record's existence (timeline only) and the page.
    expect(large.count).toBeLessThanOrEqual(3);
  });
});
