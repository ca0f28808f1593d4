import { randomBytes } from 'node:crypto';
import { Role } from '@irm/contracts';
import { defaultPipelines } from '@irm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { PipelineEntity } from '../pipelines/pipeline.entity';
import { StageEntity } from '../pipelines/stage.entity';
import { SettingEntity } from '../province/setting.entity';
import { UserEntity } from '../users/user.entity';
import { PasswordHasher } from '../users/password-hasher';
import { ZoneEntity } from '../zones/zone.entity';
import { provinceSettingsSeed, zonesSeed } from './data/zones.data';

export const PROVINCE_SETTING_KEY = 'province';

export interface SeedOptions {
  adminEmail?: string;
  adminPassword?: string;
  progress?: (message: string) => void;
}

export interface SeedReport {
  settingsCreated: number;
  zonesCreated: number;
  pipelinesCreated: number;
  stagesCreated: number;
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

    const zonesCreated = await insertIgnoringExisting(
      manager,
      ZoneEntity,
      ['code'],
      zonesSeed.map((zone) => ({ ...zone, sectors: [...zone.sectors] })),
    );
    progress(`zones: ${zonesCreated} created of ${zonesSeed.length}`);

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

    const admin = await seedAdmin(manager, options.adminEmail ?? DEFAULT_ADMIN_EMAIL, adminHash);
    if (admin) {
      progress(`bootstrap admin: ${admin.email} created`);
      if (!options.adminPassword)
        return {
          settingsCreated,
          zonesCreated,
          pipelinesCreated,
          stagesCreated,
          admin: { ...admin, generatedPassword: adminPassword },
        };
    } else {
      progress('bootstrap admin: users exist, none created');
    }
    return { settingsCreated, zonesCreated, pipelinesCreated, stagesCreated, admin };
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
