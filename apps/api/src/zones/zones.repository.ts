import { Injectable } from '@nestjs/common';
import { LandMovementKind, ZoneStatus, ZoneType } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { containsPattern } from '../common/dto';
import { ZoneEntity } from './zone.entity';

export interface ZoneFilter {
  type?: ZoneType;
  status?: ZoneStatus;
  district?: string;
  q?: string;
  after?: string;
  limit: number;
}

export interface LandBankTotalsRow {
  type: ZoneType;
  zoneCount: number;
  totalAreaHa: number;
  industrialLandHa: number;
  leasedHa: number;
  reservedHa: number;
  availableHa: number;
}

/** A zone as read with its investor's name; numeric columns arrive as text and are converted by the service. */
export interface ZoneRow {
  id: string;
  code: string;
  type: ZoneType;
  name: string;
  district: string;
  status: ZoneStatus;
  totalAreaHa: string | number;
  industrialLandHa: string | number;
  leasedHa: string | number;
  reservedHa: string | number;
  infrastructureInvestorId: string | null;
  infrastructureInvestor: string | null;
  sectors: string[];
  workforce: number | null;
  craftVillage: string | null;
  latitude: string | number | null;
  longitude: string | number | null;
  illustrative: boolean;
  source: string | null;
  updatedAt: Date | string;
  version: number;
}

export interface LandMovementRow {
  id: string;
  zoneId: string;
  kind: LandMovementKind;
  leasedDeltaHa: string | number;
  reservedDeltaHa: string | number;
  leasedAfterHa: string | number;
  reservedAfterHa: string | number;
  availableAfterHa: string | number;
  reason: string;
  causeType: string | null;
  causeId: string | null;
  authorId: string | null;
  authorName: string | null;
  at: Date | string;
}

export interface NewLandMovement {
  zoneId: string;
  kind: LandMovementKind;
  leasedDeltaHa: number;
  reservedDeltaHa: number;
  reason: string;
  causeType: string | null;
  causeId: string | null;
  authorId: string | null;
}

/** Unaccented, lower-case name, district and craft village; matches ix_zone_search in the migration. */
export const ZONE_SEARCH_KEY = `f_unaccent(lower(z.name || ' ' || z.district || ' ' || coalesce(z.craft_village, '')))`;

const ZONE_COLUMNS = `z.id, z.code, z.type, z.name, z.district, z.status, z.total_area_ha AS "totalAreaHa",
  z.industrial_land_ha AS "industrialLandHa", z.leased_ha AS "leasedHa", z.reserved_ha AS "reservedHa",
  z.infrastructure_investor_id AS "infrastructureInvestorId", o.name AS "infrastructureInvestor", z.sectors,
  z.workforce, z.craft_village AS "craftVillage", z.latitude, z.longitude, z.illustrative, z.source,
  z.updated_at AS "updatedAt", z.version`;
const ZONE_FROM = `zone z LEFT JOIN organization o ON o.id = z.infrastructure_investor_id`;

const MOVEMENT_COLUMNS = `m.id::text AS id, m.zone_id AS "zoneId", m.kind, m.leased_delta_ha AS "leasedDeltaHa",
  m.reserved_delta_ha AS "reservedDeltaHa", m.leased_after_ha AS "leasedAfterHa",
  m.reserved_after_ha AS "reservedAfterHa", m.available_after_ha AS "availableAfterHa", m.reason,
  m.cause_type AS "causeType", m.cause_id AS "causeId", m.author_id AS "authorId", u.name AS "authorName", m.at`;

/** The descriptive columns a manager may change. */
export type ZoneChanges = Partial<
  Pick<
    ZoneEntity,
    | 'name'
    | 'district'
    | 'status'
    | 'totalAreaHa'
    | 'industrialLandHa'
    | 'infrastructureInvestorId'
    | 'sectors'
    | 'workforce'
    | 'craftVillage'
    | 'latitude'
    | 'longitude'
    | 'illustrative'
    | 'source'
  >
>;

@Injectable()
export class ZonesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One query per page, investor names joined in; keyset on code. Each search word must match. */
  async list(filter: ZoneFilter): Promise<ZoneRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean)) {
      where.push(`${ZONE_SEARCH_KEY} LIKE f_unaccent(lower(${param(containsPattern(word))}))`);
    }
    if (filter.type) where.push(`z.type = ${param(filter.type)}`);
    if (filter.status) where.push(`z.status = ${param(filter.status)}`);
    if (filter.district) where.push(`z.district = ${param(filter.district)}`);
    if (filter.after) where.push(`z.code > ${param(filter.after)}`);
    return this.dataSource.query(
      `SELECT ${ZONE_COLUMNS} FROM ${ZONE_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY z.code LIMIT ${param(filter.limit + 1)}`,
      params,
    );
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<ZoneRow | null> {
    const rows: ZoneRow[] = await manager.query(`SELECT ${ZONE_COLUMNS} FROM ${ZONE_FROM} WHERE z.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Locks the zone's row for a read-check-write; every change of its land bank queues here. */
  async findForUpdate(manager: EntityManager, id: string): Promise<ZoneRow | null> {
    const rows: ZoneRow[] = await manager.query(
      `SELECT ${ZONE_COLUMNS} FROM ${ZONE_FROM} WHERE z.id = $1 FOR UPDATE OF z`,
      [id],
    );
    return rows[0] ?? null;
  }

  async update(manager: EntityManager, id: string, changes: ZoneChanges): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ZoneEntity)
      .set({ ...changes, version: () => 'version + 1' } as never)
      .where('id = :id', { id })
      .execute();
  }

  async organizationExists(manager: EntityManager, id: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM organization WHERE id = $1`, [id])).length > 0;
  }

  async districts(): Promise<string[]> {
    const rows: { district: string }[] = await this.dataSource.query(
      `SELECT DISTINCT district FROM zone ORDER BY district`,
    );
    return rows.map((row) => row.district);
  }

  /** Appends a movement; the insert trigger applies it to the zone's totals and fills in the figures after it. */
  async insertMovement(manager: EntityManager, movement: NewLandMovement): Promise<LandMovementRow> {
    const rows: LandMovementRow[] = await manager.query(
      `WITH m AS (
         INSERT INTO land_movement (zone_id, kind, leased_delta_ha, reserved_delta_ha, reason, cause_type, cause_id, author_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *)
       SELECT ${MOVEMENT_COLUMNS} FROM m LEFT JOIN app_user u ON u.id = m.author_id`,
      [
        movement.zoneId,
        movement.kind,
        movement.leasedDeltaHa,
        movement.reservedDeltaHa,
        movement.reason,
        movement.causeType,
        movement.causeId,
        movement.authorId,
      ],
    );
    return rows[0];
  }

  /** Newest first; keyset on the ever-growing id. */
  listMovements(zoneId: string, before: string | undefined, limit: number): Promise<LandMovementRow[]> {
    const params: unknown[] = [zoneId, limit + 1];
    if (before) params.push(before);
    return this.dataSource.query(
      `SELECT ${MOVEMENT_COLUMNS} FROM land_movement m LEFT JOIN app_user u ON u.id = m.author_id
        WHERE m.zone_id = $1 ${before ? 'AND m.id < $3::bigint' : ''}
        ORDER BY m.id DESC LIMIT $2`,
      params,
    );
  }

  async zoneExists(id: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM zone WHERE id = $1`, [id])).length > 0;
  }

  /** Land a cause (e.g. one land enquiry) holds reserved in a zone: its reserves less its releases and leases. */
  async reservedByCause(manager: EntityManager, zoneId: string, causeType: string, causeId: string): Promise<number> {
    const [row]: { reserved: string }[] = await manager.query(
      `SELECT coalesce(sum(reserved_delta_ha), 0) AS reserved FROM land_movement
        WHERE zone_id = $1 AND cause_type = $2 AND cause_id = $3`,
      [zoneId, causeType, causeId],
    );
    return Number(row.reserved);
  }

  async totalsByType(): Promise<LandBankTotalsRow[]> {
    const rows: Record<keyof LandBankTotalsRow, string | number>[] = await this.dataSource.query(
      `SELECT type, count(*)::int AS "zoneCount", sum(total_area_ha) AS "totalAreaHa",
              sum(industrial_land_ha) AS "industrialLandHa", sum(leased_ha) AS "leasedHa",
              sum(reserved_ha) AS "reservedHa", sum(industrial_land_ha - leased_ha - reserved_ha) AS "availableHa"
         FROM zone GROUP BY type ORDER BY type`,
    );
    return rows.map((row) => ({
      type: row.type as ZoneType,
      zoneCount: Number(row.zoneCount),
      totalAreaHa: Number(row.totalAreaHa),
      industrialLandHa: Number(row.industrialLandHa),
      leasedHa: Number(row.leasedHa),
      reservedHa: Number(row.reservedHa),
      availableHa: Number(row.availableHa),
    }));
  }
}
