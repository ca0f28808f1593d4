import { DataSource } from 'typeorm';
import { Role } from '@irm/contracts';
import { seed } from '../../src/seed/seeder';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

describe('zones (HTTP)', () => {
  let t: TestApp;
  let client: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    await seed(t.app.get(DataSource), { adminPassword: 'a long enough password' });
    ({ client } = await signedIn(t, Role.Staff));
  });
  afterAll(() => t.close());

  const get = (path: string) => client.get(path);

  it('requires a signed-in user', async () => {
    expect((await fetch(`${t.baseUrl}/api/zones/summary`)).status).toBe(401);
  });

  it('sums the land bank per zone type', async () => {
    const { status, body } = await get('/api/zones/summary');
    expect(status).toBe(200);
    const byType = Object.fromEntries(body.byType.map((t: { type: string }) => [t.type, t]));
    expect(byType.industrial_park.zoneCount).toBe(18);
    expect(byType.industrial_cluster.zoneCount).toBe(32);
    expect(byType.industrial_park.totalAreaHa).toBeGreaterThan(5200);
    for (const totals of body.byType) {
      expect(totals.availableHa).toBeCloseTo(totals.industrialLandHa - totals.leasedHa - totals.reservedHa, 2);
    }
  });

  it('pages through all zones with a cursor', async () => {
    const codes: string[] = [];
    let cursor: string | null = null;
    do {
      const { body } = await get(`/api/zones?limit=20${cursor ? `&cursor=${cursor}` : ''}`);
      codes.push(...body.items.map((z: { code: string }) => z.code));
      cursor = body.nextCursor;
    } while (cursor);
    expect(codes).toHaveLength(50);
    expect(new Set(codes).size).toBe(50);
  });

  it('finds zones with or without diacritics', async () => {
    const plain = await get('/api/zones?q=dong%20soc');
    const accented = await get(`/api/zones?q=${encodeURIComponent('Đồng Sóc')}`);
    expect(plain.body.items.map((z: { code: string }) => z.code)).toEqual(['ccn-dong-soc']);
    expect(accented.body.items).toEqual(plain.body.items);
    const dongSoc = plain.body.items[0];
    expect(dongSoc).toMatchObject({ totalAreaHa: 75, leasedHa: 12.03, type: 'industrial_cluster' });
  });

  it('treats LIKE wildcards in a search as text', async () => {
    expect((await get('/api/zones?q=%25')).body.items).toEqual([]);
  });

  it('filters by type and returns one zone by id, 404 for an unknown one', async () => {
    const parks = await get('/api/zones?type=industrial_park&limit=200');
    expect(parks.body.items).toHaveLength(18);
    const one = await get(`/api/zones/${parks.body.items[0].id}`);
    expect(one.body.code).toBe(parks.body.items[0].code);
    const missing = await get('/api/zones/0b7e8a4e-5b1a-4c55-9d6f-0a0a0a0a0a0a');
    expect(missing.status).toBe(404);
  });
});
