import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@irm/contracts';
import { seed } from '../../src/seed/seeder';
import { LandBankService } from '../../src/zones/land-bank.service';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

describe('zones (HTTP)', () => {
  let t: TestApp;
  let db: DataSource;
  let client: TestClient;
  let manager: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    await seed(db, { adminPassword: 'a long enough password' });
    ({ client } = await signedIn(t, Role.Staff));
    ({ client: manager } = await signedIn(t, Role.Manager));
  });
  afterAll(() => t.close());

  const get = (path: string) => client.get(path);
  const zoneId = async (code: string): Promise<string> =>
    (await db.query('SELECT id FROM zone WHERE code = $1', [code]))[0].id;
  const zone = async (code: string) => (await get(`/api/zones/${await zoneId(code)}`)).body;
  /** The zone's totals and what its ledger adds up to, read straight from the database. */
  const ledgerOf = async (code: string) =>
    (
      await db.query(
        `SELECT z.leased_ha::float AS leased, z.reserved_ha::float AS reserved,
                coalesce(sum(m.leased_delta_ha), 0)::float AS "ledgerLeased",
                coalesce(sum(m.reserved_delta_ha), 0)::float AS "ledgerReserved"
           FROM zone z LEFT JOIN land_movement m ON m.zone_id = z.id WHERE z.code = $1 GROUP BY z.id`,
        [code],
      )
    )[0];
  const move = async (code: string, body: Record<string, unknown>, as: TestClient = manager) =>
    as.post(`/api/zones/${await zoneId(code)}/land-movements`, { reason: 'Test', ...body });

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

  it('searches craft villages and districts too, every word in any order', async () => {
    const craft = await get(`/api/zones?q=${encodeURIComponent('moc truyen thong')}&limit=200`);
    expect(craft.body.items.map((z: { code: string }) => z.code).sort()).toEqual(
      ['ccn-le-lo', 'ccn-ly-nhan', 'ccn-thi-tran-yen-lac', 'ccn-yen-dong'].sort(),
    );
    const reordered = await get('/api/zones?q=xuyen%20binh%20kcn&limit=200');
    expect(reordered.body.items.length).toBeGreaterThan(3);
    expect(reordered.body.items.every((z: { district: string }) => z.district === 'Bình Xuyên')).toBe(true);
  });

  it('treats LIKE wildcards in a search as text', async () => {
    expect((await get('/api/zones?q=%25')).body.items).toEqual([]);
  });

  it('filters by type, status and district, and lists the districts', async () => {
    const parks = await get('/api/zones?type=industrial_park&limit=200');
    expect(parks.body.items).toHaveLength(18);
    const planned = await get('/api/zones?type=industrial_cluster&status=planned&limit=200');
    expect(planned.body.items).toHaveLength(13);
    const district = await get(`/api/zones?district=${encodeURIComponent('Vĩnh Tường')}&limit=200`);
    expect(district.body.items.length).toBeGreaterThan(2);
    expect(district.body.items.every((z: { district: string }) => z.district === 'Vĩnh Tường')).toBe(true);
    const districts = await get('/api/zones/districts');
    expect(districts.body.items).toHaveLength(9);
    expect(districts.body.items).toContain('Yên Lạc');
    expect((await get('/api/zones?status=closed')).status).toBe(400);
  });

  it('returns one zone by id with its investor, people and place; 404 for an unknown one', async () => {
    const dongSoc = await zone('ccn-dong-soc');
    expect(dongSoc).toMatchObject({
      code: 'ccn-dong-soc',
      infrastructureInvestor: 'Công ty TNHH Đầu tư Thương mại Vĩnh Phúc',
      workforce: 620,
      craftVillage: null,
      latitude: 21.24,
      longitude: 105.5,
      availableHa: 52.5 - 12.03,
    });
    const [{ name }] = await db.query('SELECT name FROM organization WHERE id = $1', [
      dongSoc.infrastructureInvestorId,
    ]);
    expect(name).toBe(dongSoc.infrastructureInvestor);
    expect((await zone('ccn-yen-dong')).craftVillage).toMatch(/Yên Đồng/);
    expect((await get('/api/zones/0b7e8a4e-5b1a-4c55-9d6f-0a0a0a0a0a0a')).status).toBe(404);
    expect((await get('/api/zones/not-a-uuid')).status).toBe(400);
  });

  describe('land ledger', () => {
    it('starts each seeded zone with its opening balance as a movement', async () => {
      const { body } = await get(`/api/zones/${await zoneId('ccn-dong-soc')}/land-movements`);
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({
        kind: 'adjust',
        leasedDeltaHa: 12.03,
        reservedDeltaHa: 0,
        leasedAfterHa: 12.03,
        availableAfterHa: 40.47,
        authorId: null,
        causeType: null,
      });
    });

    it('reserves, leases, releases and adjusts, keeping the totals equal to the ledger', async () => {
      const code = 'ccn-dao-tu'; // 21 ha industrial, 9.8 leased
      const before = await zone(code);
      const reserve = await move(code, { kind: 'reserve', areaHa: 2.5, version: before.version });
      expect(reserve.status).toBe(201);
      expect(reserve.body.zone).toMatchObject({ reservedHa: 2.5, availableHa: 8.7, version: before.version + 1 });
      expect(reserve.body.movement).toMatchObject({ kind: 'reserve', leasedDeltaHa: 0, reservedDeltaHa: 2.5 });

      const lease = await move(code, { kind: 'lease', areaHa: 1.5 });
      expect(lease.status).toBe(201);
      expect(lease.body.zone).toMatchObject({ leasedHa: 11.3, reservedHa: 1, availableHa: 8.7 });

      const release = await move(code, { kind: 'release', areaHa: 1 });
      expect(release.body.zone).toMatchObject({ leasedHa: 11.3, reservedHa: 0, availableHa: 9.7 });

      const adjust = await move(code, {
        kind: 'adjust',
        leasedDeltaHa: 0.3,
        reason: 'Hợp đồng thuê ký trực tiếp với chủ đầu tư hạ tầng',
      });
      expect(adjust.status).toBe(201);
      expect(adjust.body.zone).toMatchObject({ leasedHa: 11.6, reservedHa: 0, availableHa: 9.4 });
      expect(adjust.body.movement).toMatchObject({
        leasedAfterHa: 11.6,
        reservedAfterHa: 0,
        availableAfterHa: 9.4,
        reason: 'Hợp đồng thuê ký trực tiếp với chủ đầu tư hạ tầng',
        authorName: expect.stringMatching(/^manager/),
      });

      const ledger = await ledgerOf(code);
      expect(ledger).toEqual({ leased: 11.6, reserved: 0, ledgerLeased: 11.6, ledgerReserved: 0 });

      const movements = await get(`/api/zones/${before.id}/land-movements`);
      expect(movements.body.items.map((m: { kind: string }) => m.kind)).toEqual([
        'adjust',
        'release',
        'lease',
        'reserve',
        'adjust',
      ]);
    });

    it('pages the ledger newest first with a cursor', async () => {
      const code = 'ccn-bo-sao';
      for (const areaHa of [0.1, 0.2, 0.3]) expect((await move(code, { kind: 'reserve', areaHa })).status).toBe(201);
      const id = await zoneId(code);
      const first = await get(`/api/zones/${id}/land-movements?limit=2`);
      expect(first.body.items.map((m: { reservedDeltaHa: number }) => m.reservedDeltaHa)).toEqual([0.3, 0.2]);
      const second = await get(`/api/zones/${id}/land-movements?limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((m: { reservedDeltaHa: number }) => m.reservedDeltaHa)).toEqual([0.1, 0]);
      expect(second.body.nextCursor).toBeNull();
      expect((await get(`/api/zones/${id}/land-movements?cursor=bm90LWEtY3Vyc29y`)).status).toBe(400);
      expect((await get(`/api/zones/${randomUUID()}/land-movements`)).status).toBe(404);
    });

    it('refuses to oversell with a 422 that names the available land, changing nothing', async () => {
      const code = 'ccn-an-tuong'; // 11.9 industrial, 8.7 leased → 3.2 available
      const before = await ledgerOf(code);
      const over = await move(code, { kind: 'reserve', areaHa: 3.21 });
      expect(over.status).toBe(422);
      expect(over.body.detail).toMatch(/3\.20 ha of available land/);
      expect(over.body.errors).toEqual([{ field: 'areaHa', message: 'exceeds the 3.20 ha of available land' }]);
      const adjust = await move(code, { kind: 'adjust', leasedDeltaHa: 3.21 });
      expect(adjust.status).toBe(422);
      expect(adjust.body.errors[0].field).toBe('leasedDeltaHa');
      const release = await move(code, { kind: 'release', areaHa: 0.01 });
      expect(release.status).toBe(422);
      expect(release.body.detail).toMatch(/0\.00 ha reserved/);
      const unlease = await move(code, { kind: 'adjust', leasedDeltaHa: -8.71 });
      expect(unlease.status).toBe(422);
      expect(unlease.body.errors[0]).toEqual({ field: 'leasedDeltaHa', message: 'exceeds the 8.70 ha leased' });
      expect(await ledgerOf(code)).toEqual(before);
      // Exactly the available land fits.
      expect((await move(code, { kind: 'reserve', areaHa: 3.2 })).body.zone.availableHa).toBe(0);
    });

    it('never oversells under 20 concurrent reservations', async () => {
      const code = 'ccn-thanh-lang';
      const start = await zone(code);
      // Bring the available land to exactly 10 ha.
      const toTen = Math.round((start.availableHa - 10) * 100) / 100;
      expect((await move(code, { kind: 'adjust', leasedDeltaHa: toTen })).status).toBe(201);
      const staffOnes = await Promise.all(Array.from({ length: 20 }, () => move(code, { kind: 'reserve', areaHa: 1 })));
      const statuses = staffOnes.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(10);
      expect(statuses.filter((s) => s === 422)).toHaveLength(10);
      const after = await zone(code);
      expect(after).toMatchObject({ availableHa: 0, reservedHa: start.reservedHa + 10 });
      const ledger = await ledgerOf(code);
      expect(ledger.reserved).toBe(ledger.ledgerReserved);
      expect(ledger.leased).toBe(ledger.ledgerLeased);
    });

    it('checks the zone version when one is sent: stale → 409, nothing recorded', async () => {
      const code = 'ccn-dong-van';
      const before = await zone(code);
      expect((await move(code, { kind: 'reserve', areaHa: 1, version: before.version })).status).toBe(201);
      const stale = await move(code, { kind: 'reserve', areaHa: 1, version: before.version });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      expect((await zone(code)).reservedHa).toBe(before.reservedHa + 1);
    });

    it.each([
      ['a negative area', { kind: 'reserve', areaHa: -1 }, 'areaHa'],
      ['a zero area', { kind: 'reserve', areaHa: 0 }, 'areaHa'],
      ['an absurd area', { kind: 'reserve', areaHa: 1e9 }, 'areaHa'],
      ['three decimals', { kind: 'reserve', areaHa: 1.234 }, 'areaHa'],
      ['an area as text', { kind: 'reserve', areaHa: 'two' }, 'areaHa'],
      ['no area', { kind: 'lease' }, 'areaHa'],
      ['a null area', { kind: 'release', areaHa: null }, 'areaHa'],
      ['a null reason', { kind: 'reserve', areaHa: 1, reason: null }, 'reason'],
      ['deltas on a reservation', { kind: 'reserve', areaHa: 1, reservedDeltaHa: 1 }, 'reservedDeltaHa'],
      ['an area on an adjustment', { kind: 'adjust', areaHa: 1 }, 'areaHa'],
      ['an empty adjustment', { kind: 'adjust', leasedDeltaHa: 0 }, 'leasedDeltaHa'],
      ['an absurd adjustment', { kind: 'adjust', reservedDeltaHa: -1e9 }, 'reservedDeltaHa'],
      ['an unknown kind', { kind: 'steal', areaHa: 1 }, 'kind'],
      ['a blank reason', { kind: 'reserve', areaHa: 1, reason: '   ' }, 'reason'],
      ['an unknown field', { kind: 'reserve', areaHa: 1, causeId: randomUUID() }, 'causeId'],
    ])('refuses %s with 400', async (_name, body, field) => {
      const response = await move('ccn-huong-canh', body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('lets only managers record movements', async () => {
      const response = await move('ccn-huong-canh', { kind: 'reserve', areaHa: 1 }, client);
      expect(response.status).toBe(403);
    });

    it('records each movement in the audit trail of the zone', async () => {
      const code = 'ccn-van-quan';
      const id = await zoneId(code);
      const { body } = await move(code, { kind: 'reserve', areaHa: 2, reason: 'MoU với nhà đầu tư thứ cấp' });
      const audit = await manager.get(`/api/audit?subjectType=zone&subjectId=${id}`);
      expect(audit.body.items[0]).toMatchObject({
        action: 'update',
        changes: { reservedHa: { before: 0, after: 2 }, availableHa: { before: 10.6, after: 8.6 } },
        details: { landMovementId: body.movement.id, kind: 'reserve', reason: 'MoU với nhà đầu tư thứ cấp' },
      });
    });

    it('lets the pipelines move land for an item, never more than the item holds', async () => {
      const landBank = t.app.get(LandBankService);
      const id = await zoneId('ccn-minh-quang');
      const cause = { type: 'land_enquiry', id: randomUUID() };
      // Land reserved by others does not count as this item's.
      expect((await move('ccn-minh-quang', { kind: 'reserve', areaHa: 3 })).status).toBe(201);
      await db.transaction((em) => landBank.reserveLand(em, { zoneId: id, areaHa: 2, reason: 'Land reserved', cause }));
      await expect(
        db.transaction((em) => landBank.releaseLand(em, { zoneId: id, areaHa: 2.01, reason: 'Withdrawn', cause })),
      ).rejects.toMatchObject({ code: 'rule_violated', detail: expect.stringMatching(/holds 2\.00 ha/) });
      const leased = await db.transaction((em) =>
        landBank.leaseLand(em, { zoneId: id, areaHa: 2, reason: 'Lease signed', cause }),
      );
      expect(leased.movement).toMatchObject({ kind: 'lease', causeType: 'land_enquiry', causeId: cause.id });
      expect(leased.zone.leasedHa).toBe(6.3);
      await expect(
        db.transaction((em) => landBank.releaseLand(em, { zoneId: id, areaHa: 0.01, reason: 'Again', cause })),
      ).rejects.toMatchObject({ code: 'rule_violated' });
      // A failure inside the caller's transaction rolls back the caller's other writes with it.
      await expect(
        db.transaction(async (em) => {
          await em.query(`UPDATE zone SET name = 'Renamed in a failed transaction' WHERE id = $1`, [id]);
          await landBank.reserveLand(em, { zoneId: id, areaHa: 1000, reason: 'Too much', cause });
        }),
      ).rejects.toMatchObject({ status: 422 });
      expect((await zone('ccn-minh-quang')).name).toBe('CCN Minh Quang');
    });
  });

  describe('the database itself', () => {
    it('refuses a movement that would oversell, even one inserted without the service', async () => {
      const id = await zoneId('ccn-dong-thinh');
      await expect(
        db.query(
          `INSERT INTO land_movement (zone_id, kind, reserved_delta_ha, reason) VALUES ($1, 'reserve', 1000, 'direct')`,
          [id],
        ),
      ).rejects.toMatchObject({ driverError: { constraint: 'chk_zone_land_bank_not_oversold' } });
    });

    it('refuses direct changes of the totals, and an industrial area below them', async () => {
      const id = await zoneId('ccn-dong-thinh');
      await expect(
        db.query('UPDATE zone SET reserved_ha = industrial_land_ha + 1 WHERE id = $1', [id]),
      ).rejects.toMatchObject({ driverError: { constraint: 'chk_zone_land_totals_from_ledger' } });
      await expect(db.query('UPDATE zone SET leased_ha = 0 WHERE id = $1', [id])).rejects.toMatchObject({
        driverError: { constraint: 'chk_zone_land_totals_from_ledger' },
      });
      await expect(
        db.query('UPDATE zone SET industrial_land_ha = leased_ha - 1 WHERE id = $1', [id]),
      ).rejects.toMatchObject({ driverError: { constraint: 'chk_zone_land_bank_not_oversold' } });
    });

    it('keeps the ledger append-only', async () => {
      await expect(db.query(`UPDATE land_movement SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM land_movement')).rejects.toThrow(/append-only/);
      await expect(db.query('TRUNCATE land_movement')).rejects.toThrow(/append-only/);
    });

    it('refuses a new zone with leased land that is not in the ledger', async () => {
      await expect(
        db.query(
          `INSERT INTO zone (code, type, name, district, status, total_area_ha, industrial_land_ha, leased_ha, version)
           VALUES ('ccn-test', 'industrial_cluster', 'CCN Test', 'Yên Lạc', 'planned', 10, 7, 1, 1)`,
        ),
      ).rejects.toMatchObject({ driverError: { constraint: 'chk_zone_land_totals_from_ledger' } });
    });
  });

  describe('editing a zone', () => {
    it('saves descriptive fields, bumps the version and records the change', async () => {
      const before = await zone('ccn-hop-chau');
      const [{ id: investorId }] = await db.query(`SELECT id FROM organization WHERE name = 'UBND huyện Tam Dương'`);
      const response = await manager.patch(`/api/zones/${before.id}`, {
        version: before.version,
        name: 'CCN Hợp Châu (mở rộng)',
        status: 'operating',
        workforce: 320,
        craftVillage: 'Làng nghề mộc Hợp Châu',
        latitude: 21.45,
        longitude: 105.63,
        infrastructureInvestorId: investorId,
        sectors: ['electronics', 'it'],
        industrialLandHa: 15.5,
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        name: 'CCN Hợp Châu (mở rộng)',
        status: 'operating',
        workforce: 320,
        latitude: 21.45,
        longitude: 105.63,
        infrastructureInvestor: 'UBND huyện Tam Dương',
        industrialLandHa: 15.5,
        availableHa: 15.5,
        version: before.version + 1,
      });
      const audit = await manager.get(`/api/audit?subjectType=zone&subjectId=${before.id}`);
      expect(audit.body.items[0].changes).toMatchObject({
        name: { before: 'CCN Hợp Châu', after: 'CCN Hợp Châu (mở rộng)' },
        infrastructureInvestor: { before: null, after: 'UBND huyện Tam Dương' },
        workforce: { before: null, after: 320 },
      });
      const stale = await manager.patch(`/api/zones/${before.id}`, { version: before.version, workforce: 1 });
      expect(stale.status).toBe(409);
      const cleared = await manager.patch(`/api/zones/${before.id}`, {
        version: before.version + 1,
        latitude: null,
        longitude: null,
        craftVillage: '',
      });
      expect(cleared.body).toMatchObject({ latitude: null, longitude: null, craftVillage: null });
    });

    it('keeps industrial land within the total area and above what is leased or reserved (422)', async () => {
      const z = await zone('kcn-khai-quang'); // 158.4 industrial, 152.8 leased, 221.46 total
      const below = await manager.patch(`/api/zones/${z.id}`, { version: z.version, industrialLandHa: 152.79 });
      expect(below.status).toBe(422);
      expect(below.body.errors).toEqual([
        { field: 'industrialLandHa', message: 'must be at least the 152.80 ha leased or reserved' },
      ]);
      const above = await manager.patch(`/api/zones/${z.id}`, { version: z.version, totalAreaHa: 150 });
      expect(above.status).toBe(422);
      expect(above.body.errors[0].field).toBe('industrialLandHa');
      const exact = await manager.patch(`/api/zones/${z.id}`, { version: z.version, industrialLandHa: 152.8 });
      expect(exact.body.availableHa).toBe(0);
    });

    it('refuses an unknown infrastructure investor (422)', async () => {
      const z = await zone('kcn-son-loi');
      const response = await manager.patch(`/api/zones/${z.id}`, {
        version: z.version,
        infrastructureInvestorId: randomUUID(),
      });
      expect(response.status).toBe(422);
      expect(response.body.errors[0].field).toBe('infrastructureInvestorId');
    });

    it.each([
      ['a negative total area', { totalAreaHa: -1 }, 'totalAreaHa'],
      ['an absurd industrial area', { industrialLandHa: 1e9 }, 'industrialLandHa'],
      ['a latitude off the globe', { latitude: 91, longitude: 105 }, 'latitude'],
      ['a longitude off the globe', { latitude: 21, longitude: -181 }, 'longitude'],
      ['a latitude without its longitude', { latitude: 21 }, 'latitude'],
      ['a longitude without its latitude', { longitude: 105 }, 'longitude'],
      ['a half-cleared location', { latitude: null, longitude: 105 }, 'latitude'],
      ['a negative workforce', { workforce: -1 }, 'workforce'],
      ['a fractional workforce', { workforce: 1.5 }, 'workforce'],
      ['an unknown sector', { sectors: ['mining'] }, 'sectors'],
      ['an empty name', { name: ' ' }, 'name'],
      ['the land totals themselves', { leasedHa: 1 }, 'leasedHa'],
      ['no version', { version: undefined, workforce: 1 }, 'version'],
    ])('refuses %s with 400', async (_name, body, field) => {
      const z = await zone('kcn-son-loi');
      const response = await manager.patch(`/api/zones/${z.id}`, { version: z.version, ...body });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('lets only managers edit', async () => {
      const z = await zone('kcn-son-loi');
      expect((await client.patch(`/api/zones/${z.id}`, { version: z.version, workforce: 1 })).status).toBe(403);
    });

    it('keeps an investor that is a zone’s infrastructure investor (409 on delete)', async () => {
      const dongSoc = await zone('ccn-dong-soc');
      const [{ version }] = await db.query('SELECT version FROM organization WHERE id = $1', [
        dongSoc.infrastructureInvestorId,
      ]);
      const response = await manager.delete(
        `/api/organizations/${dongSoc.infrastructureInvestorId}?version=${version}`,
      );
      expect(response.status).toBe(409);
      expect(response.body.detail).toMatch(/infrastructure investor/);
    });
  });
});
