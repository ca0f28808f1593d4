import 'reflect-metadata';
import { ZoneType } from '@irm/contracts';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { zonesSeed } from './data/zones.data';
import { seed } from './seeder';

describe('demo seed', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(
      dataSourceOptions(loadConfig({ DATABASE_URL: database.url }), { poolSize: 2 }),
    ).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const counts = async () => {
    const [row] = await dataSource.query(`
      SELECT (SELECT count(*) FROM zone WHERE type = 'industrial_park')::int AS parks,
             (SELECT count(*) FROM zone WHERE type = 'industrial_cluster')::int AS clusters,
             (SELECT count(*) FROM pipeline)::int AS pipelines,
             (SELECT count(*) FROM stage)::int AS stages,
             (SELECT count(*) FROM app_user)::int AS users,
             (SELECT count(*) FROM setting)::int AS settings,
             (SELECT count(*) FROM organization)::int AS organizations,
             (SELECT count(*) FROM land_movement)::int AS movements`);
    return row;
  };

  it('creates the province, 18 parks, 32 clusters, four pipelines and the admin', async () => {
    const report = await seed(dataSource, {
      adminEmail: 'chief@ipa.example',
      adminPassword: 'correct horse battery staple',
    });
    expect(report).toMatchObject({ zonesCreated: 50, pipelinesCreated: 4, admin: { email: 'chief@ipa.example' } });
    const investors = new Set(zonesSeed.map((z) => z.infrastructureInvestor).filter(Boolean));
    const opening = zonesSeed.filter((z) => z.leasedHa > 0);
    expect(report).toMatchObject({ organizationsCreated: investors.size, landMovementsCreated: opening.length });
    expect(await counts()).toEqual({
      parks: 18,
      clusters: 32,
      pipelines: 4,
      stages: 30,
      users: 1,
      settings: 1,
      organizations: investors.size,
      movements: opening.length,
    });
    const [totals] = await dataSource.query(
      `SELECT sum(total_area_ha) FILTER (WHERE type = $1)::float AS parks, sum(total_area_ha) FILTER (WHERE type = $2)::float AS clusters FROM zone`,
      [ZoneType.IndustrialPark, ZoneType.IndustrialCluster],
    );
    expect(totals.parks).toBeGreaterThan(5200);
    expect(totals.clusters).toBeGreaterThan(689);
  });

  it('links each zone to its infrastructure investor, an organization owned by the admin', async () => {
    const rows: { code: string; investor: string | null; owner: string | null; tags: string[] | null }[] =
      await dataSource.query(
        `SELECT z.code, o.name AS investor, u.email AS owner, o.tags FROM zone z
           LEFT JOIN organization o ON o.id = z.infrastructure_investor_id LEFT JOIN app_user u ON u.id = o.owner_id`,
      );
    for (const zone of zonesSeed) {
      const row = rows.find((r) => r.code === zone.code)!;
      expect({ code: zone.code, investor: row.investor }).toEqual({
        code: zone.code,
        investor: zone.infrastructureInvestor,
      });
      if (row.investor) expect(row.owner).toBe('chief@ipa.example');
    }
    const dongSoc = rows.find((r) => r.code === 'ccn-dong-soc')!;
    expect(dongSoc.tags).toEqual(['chủ đầu tư hạ tầng']);
    expect(rows.find((r) => r.code === 'kcn-khai-quang')!.tags).toContain('minh họa');
  });

  it('enters leased land as opening-balance movements, which the zone totals add up', async () => {
    const rows: { code: string; leased: number; ledger: number; reason: string }[] = await dataSource.query(
      `SELECT z.code, z.leased_ha::float AS leased, coalesce(sum(m.leased_delta_ha), 0)::float AS ledger,
              max(m.reason) AS reason
         FROM zone z LEFT JOIN land_movement m ON m.zone_id = z.id GROUP BY z.id`,
    );
    for (const zone of zonesSeed) {
      const row = rows.find((r) => r.code === zone.code)!;
      expect({ code: zone.code, leased: row.leased, ledger: row.ledger }).toEqual({
        code: zone.code,
        leased: zone.leasedHa,
        ledger: zone.leasedHa,
      });
    }
    expect(rows.find((r) => r.code === 'ccn-dong-soc')!.reason).toContain('12,03 ha');
  });

  it('stores the admin password as an argon2id hash with the OWASP cost', async () => {
    const [{ password_hash: hash }] = await dataSource.query('SELECT password_hash FROM app_user');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await argon2.verify(hash, 'correct horse battery staple')).toBe(true);
  });

  it('changes nothing when run again, even twice at once, and keeps edits', async () => {
    await dataSource.query(`UPDATE zone SET name = 'CCN Đồng Sóc (edited)' WHERE code = 'ccn-dong-soc'`);
    const before = await counts();
    const reports = await Promise.all([seed(dataSource), seed(dataSource)]);
    expect(reports.map((r) => r.zonesCreated + r.pipelinesCreated + r.settingsCreated)).toEqual([0, 0]);
    expect(reports.map((r) => r.admin)).toEqual([null, null]);
    expect(await counts()).toEqual(before);
    const [{ name }] = await dataSource.query(`SELECT name FROM zone WHERE code = 'ccn-dong-soc'`);
    expect(name).toBe('CCN Đồng Sóc (edited)');
  });

  it('generates and reports a password when none is configured', async () => {
    // Seeded investors belong to the admin: unlink and remove them before the users.
    await dataSource.query('UPDATE zone SET infrastructure_investor_id = NULL');
    await dataSource.query('DELETE FROM organization');
    await dataSource.query('DELETE FROM app_user');
    const report = await seed(dataSource);
    expect(report.admin?.email).toBe('admin@irm.local');
    expect(report.admin?.generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});
