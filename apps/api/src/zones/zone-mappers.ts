import type { LandMovement, Zone, ZoneSector } from '@irm/contracts';
import { availableHa } from '@irm/domain';
import type { LandMovementRow, ZoneRow } from './zones.repository';

const num = (value: string | number): number => Number(value);
const numOrNull = (value: string | number | null): number | null => (value === null ? null : Number(value));
const iso = (value: Date | string): string => new Date(value).toISOString();

export function toZone(row: ZoneRow): Zone {
  const industrialLandHa = num(row.industrialLandHa);
  const leasedHa = num(row.leasedHa);
  const reservedHa = num(row.reservedHa);
  return {
    id: row.id,
    code: row.code,
    type: row.type,
    name: row.name,
    district: row.district,
    status: row.status,
    totalAreaHa: num(row.totalAreaHa),
    industrialLandHa,
    leasedHa,
    reservedHa,
    availableHa: availableHa(industrialLandHa, leasedHa, reservedHa),
    infrastructureInvestorId: row.infrastructureInvestorId,
    infrastructureInvestor: row.infrastructureInvestor,
    sectors: row.sectors as ZoneSector[],
    workforce: row.workforce,
    craftVillage: row.craftVillage,
    latitude: numOrNull(row.latitude),
    longitude: numOrNull(row.longitude),
    illustrative: row.illustrative,
    source: row.source,
    updatedAt: iso(row.updatedAt),
    version: row.version,
  };
}

export function toLandMovement(row: LandMovementRow): LandMovement {
  return {
    id: String(row.id),
    zoneId: row.zoneId,
    kind: row.kind,
    leasedDeltaHa: num(row.leasedDeltaHa),
    reservedDeltaHa: num(row.reservedDeltaHa),
    leasedAfterHa: num(row.leasedAfterHa),
    reservedAfterHa: num(row.reservedAfterHa),
    availableAfterHa: num(row.availableAfterHa),
    reason: row.reason,
    causeType: row.causeType,
    causeId: row.causeId,
    authorId: row.authorId,
    authorName: row.authorName,
    at: iso(row.at),
  };
}

/** Hectares as people write them in messages: 2 decimals. */
export const ha = (value: number): string => value.toFixed(2);
