import { randomBytes } from 'node:crypto';
import { LandMovementKind, OrganizationKind, Role } from '@irm/contracts';
import { defaultPipelines, VIETNAM_PUBLIC_HOLIDAYS } from '@irm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { PublicHolidayEntity } from '../calendar/public-holiday.entity';
import { PipelineEntity } from '../pipelines/pipeline.entity';
import { StageEntity } from '../pipelines/stage.entity';
import { SettingEntity } from '../province/setting.entity';
import { UserEntity } from '../users/user.entity';
import { PasswordHasher } from '../users/password-hasher';
import { OrganizationEntity } from '../organizations/organization.entity';
import { LandMovementEntity } from '../zones/land-movement.entity';
import { ZoneEntity } from '../zones/zone.entity';
import { provinceSettingsSeed, ZoneSeed, zonesSeed } from './data/zones.data';

export const PROVINCE_SETTING_KEY = 'province';

export interface SeedOptions {
  adminEmail?: string;
  adminPassword?: string;
  progress?: (message: string) => void;
}

export interface SeedReport {
  settingsCreated: number;
  zonesCreated: number;
  /** Infrastructure investors created for new zones. */
  organizationsCreated: number;
  /** Opening balances of new zones, as land-ledger movements. */
  landMovementsCreated: number;
  pipelinesCreated: number;
  stagesCreated: number;
  holidaysCreated: number;
  admin: { email: string; generatedPassword?: string } | null;
}

const DEFAULT_ADMIN_EMAIL = 'admin@irm.local';

/**
 * Demo seed, safe to run on every start: rows that exist (by natural key) are left
 * alone, so edits made in the app survive and nothing is ever duplicated.
 */
export async function seed(dataSource: DataSource, options: SeedOptions = {}): Promise<SeedReport> {
  const progress = options.progress ?? (() => undefined);
  // The password hash is slow on purpose; compute it before taking the lock.
  const adminPassword = options.adminPassword ?? randomBytes(12).toString('base64url');
  const adminHash = await new PasswordHasher().hash(adminPassword);
  return dataSource.transaction(async (manager) => {
    // Two processes seeding at once (e.g. `npm run up` twice) serialise here.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['irm:seed']);

    const settingsCreated = await insertIgnoringExisting(
      manager,
      SettingEntity,
      ['key'],
      [{ key: PROVINCE_SETTING_KEY, value: provinceSettingsSeed }],
    );
    progress(`settings: ${settingsCreated} created`);

    // The bootstrap admin comes first: it owns the infrastructure investors seeded below.
    const admin = await seedAdmin(manager, options.adminEmail ?? DEFAULT_ADMIN_EMAIL, adminHash);
    progress(admin ? `bootstrap admin: ${admin.email} created` : 'bootstrap admin: users exist, none created');

    const zones = await seedZones(manager);
    progress(
      `zones: ${zones.zonesCreated} created of ${zonesSeed.length}, with ${zones.organizationsCreated} infrastructure investors and ${zones.landMovementsCreated} opening balances`,
    );

    let pipelinesCreated = 0;
    let stagesCreated = 0;
    for (const definition of defaultPipelines) {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(PipelineEntity)
        .values({ kind: definition.kind, nameVi: definition.name.vi, nameEn: definition.name.en })
        .orIgnore()
        .returning(['id'])
        .execute();
      const pipelineId = (inserted.raw as { id: string }[])[0]?.id;
      // Stages are seeded only with a new pipeline: managers may have renamed, retired or added stages since.
      if (!pipelineId) continue;
      pipelinesCreated++;
      await manager.insert(
        StageEntity,
        definition.stages.map((stage) => ({
          pipelineId,
          key: stage.key,
          nameVi: stage.name.vi,
          nameEn: stage.name.en,
          type: stage.type,
          position: stage.position,
          slaWorkingDays: stage.slaWorkingDays,
        })),
      );
      stagesCreated += definition.stages.length;
    }
    progress(`pipelines: ${pipelinesCreated} created with ${stagesCreated} stages`);

    // A year's holidays are seeded once; after that managers keep the list (a deleted day stays deleted).
    const [{ years }] = (await manager.query(
      `SELECT coalesce(array_agg(DISTINCT extract(year FROM date)::int), '{}') AS years FROM public_holiday`,
    )) as [{ years: number[] }];
    const holidays = VIETNAM_PUBLIC_HOLIDAYS.filter((holiday) => !years.includes(Number(holiday.date.slice(0, 4))));
    if (holidays.length)
      await manager.insert(
        PublicHolidayEntity,
        holidays.map((holiday) => ({ ...holiday })),
      );
    progress(`public holidays: ${holidays.length} created`);

    const report = { settingsCreated, ...zones, pipelinesCreated, stagesCreated, holidaysCreated: holidays.length };
    if (admin && !options.adminPassword) return { ...report, admin: { ...admin, generatedPassword: adminPassword } };
    return { ...report, admin };
  });
}

async function insertIgnoringExisting<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  conflictColumns: string[],
  rows: Partial<T>[],
): Promise<number> {
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(rows as never)
    .orIgnore()
    .returning(conflictColumns)
    .execute();
  return (result.raw as unknown[]).length;
}

const INVESTOR_TAG = 'chủ đầu tư hạ tầng';
const ILLUSTRATIVE_TAG = 'minh họa';

/**
 * Zones not yet in the database, each with its infrastructure investor (an organization, found by name or
 * created) and its leased land as an opening-balance movement. Existing zones are left as they are.
 */
async function seedZones(
  manager: EntityManager,
): Promise<{ zonesCreated: number; organizationsCreated: number; landMovementsCreated: number }> {
  const existing = new Set(
    ((await manager.query('SELECT code FROM zone')) as { code: string }[]).map((row) => row.code),
  );
  const missing = zonesSeed.filter((zone) => !existing.has(zone.code));
  if (missing.length === 0) return { zonesCreated: 0, organizationsCreated: 0, landMovementsCreated: 0 };

  const investors = new Map<string, string>();
  let organizationsCreated = 0;
  const ownerId = await seedOwner(manager);
  for (const name of new Set(missing.map((zone) => zone.infrastructureInvestor).filter((n) => n !== null))) {
    const [found] = (await manager.query('SELECT id FROM organization WHERE name = $1 ORDER BY created_at LIMIT 1', [
      name,
    ])) as { id: string }[];
    if (found) {
      investors.set(name, found.id);
      continue;
    }
    const placeholder = missing.some((zone) => zone.infrastructureInvestor === name && isPlaceholderInvestor(zone));
    const inserted = await manager.insert(OrganizationEntity, {
      name,
      kind: OrganizationKind.Domestic,
      country: 'VN',
      ownerId,
      tags: placeholder ? [INVESTOR_TAG, ILLUSTRATIVE_TAG] : [INVESTOR_TAG],
    });
    investors.set(name, (inserted.identifiers[0] as { id: string }).id);
    organizationsCreated++;
  }

  // Totals start at zero: the database keeps them from the ledger, so opening balances are movements.
  const created = (await manager
    .createQueryBuilder()
    .insert()
    .into(ZoneEntity)
    .values(
      missing.map(({ infrastructureInvestor, leasedHa: _leased, reservedHa: _reserved, ...zone }) => ({
        ...zone,
        sectors: [...zone.sectors],
        infrastructureInvestorId: infrastructureInvestor ? investors.get(infrastructureInvestor) : null,
      })),
    )
    .orIgnore()
    .returning(['id', 'code'])
    .execute()
    .then((result) => result.raw)) as { id: string; code: string }[];

  const openings = created.flatMap(({ id, code }) => {
    const zone = missing.find((z) => z.code === code)!;
    return zone.leasedHa > 0 || zone.reservedHa > 0
      ? [
          {
            zoneId: id,
            kind: LandMovementKind.Adjust,
            leasedDeltaHa: zone.leasedHa,
            reservedDeltaHa: zone.reservedHa,
            reason: openingReason(zone),
          },
        ]
      : [];
  });
  // One row at a time: each insert's trigger applies it to its zone.
  for (const opening of openings) await manager.insert(LandMovementEntity, opening);
  return { zonesCreated: created.length, organizationsCreated, landMovementsCreated: openings.length };
}

function isPlaceholderInvestor(zone: ZoneSeed): boolean {
  return zone.infrastructureInvestor?.startsWith('Chủ đầu tư hạ tầng ') ?? false;
}

function openingReason(zone: ZoneSeed): string {
  return zone.code === 'ccn-dong-soc'
    ? 'Số dư đầu kỳ: 12,03 ha đã giao cho doanh nghiệp (Cổng thông tin doanh nghiệp tỉnh Vĩnh Phúc, 2019)'
    : 'Số dư đầu kỳ: diện tích đã cho thuê theo dữ liệu mẫu (minh họa)';
}

/** Seeded records need an owner: the longest-standing active admin, else any active user. */
async function seedOwner(manager: EntityManager): Promise<string> {
  const [row] = (await manager.query(
    `SELECT id FROM app_user WHERE active ORDER BY (role = 'admin') DESC, created_at LIMIT 1`,
  )) as { id: string }[];
  if (!row) throw new Error('The seed needs an active user to own the infrastructure investors it creates.');
  return row.id;
}

/** The first admin exists only when there are no users at all. */
async function seedAdmin(
  manager: EntityManager,
  email: string,
  passwordHash: string,
): Promise<{ email: string } | null> {
  if ((await manager.count(UserEntity)) > 0) return null;
  await manager.insert(UserEntity, { email, name: 'Administrator', role: Role.Admin, passwordHash, active: true });
  return { email };
}
