import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { seed } from '../../src/seed/seeder';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface LandBank {
  id: string;
  industrialLandHa: number;
  leasedHa: number;
  reservedHa: number;
  availableHa: number;
}

describe('land enquiries (HTTP)', () => {
  let t: TestApp;
  let staff: TestClient;
  let manager: TestClient;
  let investorId: string;
  let stage: Record<string, string>;
  let zones: { id: string; code: string; sectors: string[]; availableHa: number }[];

  beforeAll(async () => {
    t = await startTestApp();
    await seed(t.app.get(DataSource), { adminPassword: 'a long enough password' });
    ({ client: staff } = await signedIn(t, Role.Staff));
    ({ client: manager } = await signedIn(t, Role.Manager));
    investorId = (
      await staff.post('/api/organizations?confirmDuplicate=true', {
        name: 'Công ty TNHH Cơ khí chính xác Lạc Hồng',
        kind: 'domestic',
        country: 'VN',
      })
    ).body.id;
    const pipelines = (await staff.get('/api/pipelines')).body as {
      kind: string;
      stages: { id: string; key: string }[];
    }[];
    stage = Object.fromEntries(pipelines.find((p) => p.kind === 'land_enquiry')!.stages.map((s) => [s.key, s.id]));
    zones = (await staff.get('/api/zones?limit=200')).body.items;
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DataSource);
  const zoneWithRoom = (ha: number) => zones.find((z) => z.availableHa >= ha && z.sectors.length > 0)!;
  const landBank = async (zoneId: string): Promise<LandBank> => (await staff.get(`/api/zones/${zoneId}`)).body;
  const create = async (client: TestClient, body: Record<string, unknown>) => {
    const response = await client.post('/api/land-enquiries', {
      title: 'Xưởng cơ khí chính xác',
      organizationId: investorId,
      requestedAreaHa: 2.5,
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number };
  };
  const move = (client: TestClient, id: string, body: Record<string, unknown>) =>
    client.post(`/api/land-enquiries/${id}/move`, body);

  it('creates an enquiry with its requested area, preferences and wanted date', async () => {
    const zone = zoneWithRoom(5);
    const created = await staff.post('/api/land-enquiries', {
      title: 'Nhà máy may mặc',
      organizationId: investorId,
      requestedAreaHa: 4.25,
      sector: 'textiles',
      preferredZoneIds: [zone.id],
      wantedBy: '2027-06-30',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'land_enquiry',
      stageKey: 'received',
      requestedAreaHa: 4.25,
      preferredZoneIds: [zone.id],
      zoneId: null,
      reservedHa: 0,
      leasedHa: 0,
      wantedBy: '2027-06-30',
    });
  });

  it('refuses negative or absurd hectares, unknown zones and bad dates, creating nothing', async () => {
    const before = (await db().query(`SELECT count(*)::int AS n FROM pipeline_item`))[0].n;
    const base = { title: 'x', organizationId: investorId };
    for (const requestedAreaHa of [-1, 0, 1.234, 1e9, '3']) {
      expect((await staff.post('/api/land-enquiries', { ...base, requestedAreaHa })).status).toBe(400);
    }
    expect(
      (await staff.post('/api/land-enquiries', { ...base, requestedAreaHa: 1, wantedBy: '2027-02-30' })).status,
    ).toBe(400);
    const unknownZone = await staff.post('/api/land-enquiries', { ...base, requestedAreaHa: 1, zoneId: UNKNOWN_ID });
    expect([unknownZone.status, unknownZone.body.errors]).toEqual([
      422,
      [{ field: 'zoneId', message: 'does not exist' }],
    ]);
    const unknownPreferred = await staff.post('/api/land-enquiries', {
      ...base,
      requestedAreaHa: 1,
      preferredZoneIds: [UNKNOWN_ID],
    });
    expect(unknownPreferred.status).toBe(422);
    expect((await db().query(`SELECT count(*)::int AS n FROM pipeline_item`))[0].n).toBe(before);
  });

  it('reserves on "Land reserved", leases on "Lease signed", through the zone ledger', async () => {
    const zone = zoneWithRoom(10);
    const before = await landBank(zone.id);
    const item = await create(staff, { requestedAreaHa: 3.25, zoneId: zone.id, sector: zone.sectors[0] });

    const reserved = await move(staff, item.id, { stageId: stage.land_reserved, version: item.version });
    expect(reserved.status).toBe(200);
    expect(reserved.body).toMatchObject({ stageKey: 'land_reserved', reservedHa: 3.25, leasedHa: 0 });
    const afterReserve = await landBank(zone.id);
    expect(afterReserve.availableHa).toBeCloseTo(before.availableHa - 3.25, 2);
    expect(afterReserve.reservedHa).toBeCloseTo(before.reservedHa + 3.25, 2);

    const leased = await move(staff, item.id, { stageId: stage.lease_signed, version: reserved.body.version });
    expect(leased.status).toBe(200);
    expect(leased.body).toMatchObject({ stageType: 'won', reservedHa: 0, leasedHa: 3.25 });
    const afterLease = await landBank(zone.id);
    expect(afterLease.leasedHa).toBeCloseTo(before.leasedHa + 3.25, 2);
    expect(afterLease.reservedHa).toBeCloseTo(before.reservedHa, 2);
    expect(afterLease.availableHa).toBeCloseTo(before.availableHa - 3.25, 2);

    const ledger = await db().query(
      `SELECT kind, reserved_delta_ha::float8 AS r, leased_delta_ha::float8 AS l FROM land_movement
        WHERE cause_type = 'land_enquiry' AND cause_id = $1 ORDER BY id`,
      [item.id],
    );
    expect(ledger).toEqual([
      { kind: 'reserve', r: 3.25, l: 0 },
      { kind: 'lease', r: -3.25, l: 3.25 },
    ]);
  });

  it('a lost stage or a step back releases the reservation', async () => {
    const zone = zoneWithRoom(10);
    const before = await landBank(zone.id);
    const first = await create(staff, { requestedAreaHa: 1.5, zoneId: zone.id, sector: zone.sectors[0] });
    const reserved = await move(staff, first.id, { stageId: stage.land_reserved, version: 1 });
    const back = await move(staff, first.id, { stageId: stage.site_visit, version: reserved.body.version });
    expect(back.status).toBe(200);
    expect(back.body.reservedHa).toBe(0);
    expect((await landBank(zone.id)).availableHa).toBeCloseTo(before.availableHa, 2);

    const again = await move(staff, first.id, { stageId: stage.land_reserved, version: back.body.version });
    expect((await landBank(zone.id)).availableHa).toBeCloseTo(before.availableHa - 1.5, 2);
    const withdrawn = await move(staff, first.id, {
      stageId: stage.withdrawn,
      version: again.body.version,
      reason: 'Investor chose another province',
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ stageType: 'lost', reservedHa: 0 });
    expect((await landBank(zone.id)).availableHa).toBeCloseTo(before.availableHa, 2);
  });

  it('needs a zone to reserve, and refuses more land than the zone has, changing nothing', async () => {
    const noZone = await create(staff, { sector: 'textiles' });
    const refused = await move(staff, noZone.id, { stageId: stage.land_reserved, version: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['zoneId']);

    const zone = zoneWithRoom(1);
    const before = await landBank(zone.id);
    const tooBig = await create(staff, {
      requestedAreaHa: Math.min(before.availableHa + 1, 50_000),
      zoneId: zone.id,
      sector: zone.sectors[0],
    });
    const oversell = await move(staff, tooBig.id, { stageId: stage.land_reserved, version: 1 });
    expect(oversell.status).toBe(422);
    expect(await landBank(zone.id)).toEqual(before);
    const read = (await staff.get(`/api/land-enquiries/${tooBig.id}`)).body;
    expect(read).toMatchObject({ stageKey: 'received', version: 1, reservedHa: 0 });
  });

  it('refuses changing zone or area while land is held', async () => {
    const zone = zoneWithRoom(5);
    const other = zones.find((z) => z.id !== zone.id)!;
    const item = await create(staff, { requestedAreaHa: 1, zoneId: zone.id, sector: zone.sectors[0] });
    const reserved = await move(staff, item.id, { stageId: stage.land_reserved, version: 1 });
    const version = reserved.body.version;
    const zoneChange = await staff.patch(`/api/land-enquiries/${item.id}`, { zoneId: other.id, version });
    expect([zoneChange.status, zoneChange.body.errors]).toEqual([
      422,
      [{ field: 'zoneId', message: 'cannot change while land is held' }],
    ]);
    const areaChange = await staff.patch(`/api/land-enquiries/${item.id}`, { requestedAreaHa: 2, version });
    expect(areaChange.status).toBe(422);
    const titleChange = await staff.patch(`/api/land-enquiries/${item.id}`, { title: 'Renamed', version });
    expect(titleChange.status).toBe(200);
  });

  it('fifty staff reserving in one zone at once never oversell it: the ones that do not fit get 422', async () => {
    const zone = zoneWithRoom(20);
    const before = await landBank(zone.id);
    const availableCents = Math.round(before.availableHa * 100);
    const eachCents = Math.floor(availableCents / 20);
    const fit = Math.floor(availableCents / eachCents);
    const items = [];
    for (let i = 0; i < 50; i++) {
      items.push(
        await create(manager, {
          title: `Lô đất ${i}`,
          requestedAreaHa: eachCents / 100,
          zoneId: zone.id,
          sector: zone.sectors[0],
        }),
      );
    }
    const results = await Promise.all(
      items.map((item) => move(manager, item.id, { stageId: stage.land_reserved, version: item.version })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(fit);
    expect(statuses.filter((s) => s === 422)).toHaveLength(50 - fit);
    const after = await landBank(zone.id);
    expect(after.availableHa).toBeGreaterThanOrEqual(0);
    expect(Math.round(after.reservedHa * 100)).toBe(Math.round(before.reservedHa * 100) + fit * eachCents);
    const [ledger] = await db().query(
      `SELECT COALESCE(sum(reserved_delta_ha), 0)::float8 AS reserved FROM land_movement WHERE zone_id = $1`,
      [zone.id],
    );
    expect(ledger.reserved).toBeCloseTo(after.reservedHa, 2);
    const moved = await db().query(
      `SELECT count(*)::int AS n FROM pipeline_item WHERE id = ANY($1) AND stage_id = $2`,
      [items.map((i) => i.id), stage.land_reserved],
    );
    expect(moved[0].n).toBe(fit);
  });

  it('ranks zones for an enquiry: room first, then sector, preference and status', async () => {
    const preferred = zoneWithRoom(3);
    const sector = preferred.sectors[0];
    const item = await create(staff, { requestedAreaHa: 3, sector, preferredZoneIds: [preferred.id] });
    const response = await staff.get(`/api/land-enquiries/${item.id}/matches`);
    expect(response.status).toBe(200);
    const matches = response.body as {
      zoneId: string;
      fits: boolean;
      sectorAllowed: boolean;
      preferred: boolean;
      score: number;
      availableHa: number;
    }[];
    expect(matches).toHaveLength(zones.length);
    const scores = matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const top = matches[0];
    expect(top).toMatchObject({ fits: true, sectorAllowed: true, preferred: true, zoneId: preferred.id });
    for (const match of matches) expect(match.fits).toBe(match.availableHa >= 3);
    const firstMisfit = matches.findIndex((m) => !m.fits);
    if (firstMisfit >= 0) expect(matches.slice(firstMisfit).every((m) => !m.fits)).toBe(true);
    expect((await staff.get(`/api/land-enquiries/${UNKNOWN_ID}/matches`)).status).toBe(404);
  });
});
