import { LandMovementKind, ZONE_SECTORS, ZoneStatus, ZoneType, type ZoneSector } from '@irm/contracts';
import type { TFunction } from 'i18next';

const TYPES = Object.values(ZoneType);
const STATUSES = Object.values(ZoneStatus);
const KINDS = Object.values(LandMovementKind);

export const isZoneType = (value: unknown): value is ZoneType => TYPES.includes(value as ZoneType);
export const isZoneStatus = (value: unknown): value is ZoneStatus => STATUSES.includes(value as ZoneStatus);
export const isMovementKind = (value: unknown): value is LandMovementKind => KINDS.includes(value as LandMovementKind);
export const isZoneSector = (value: unknown): value is ZoneSector => ZONE_SECTORS.includes(value as ZoneSector);

export const typeOptions = (t: TFunction) => TYPES.map((value) => ({ value, label: t(`zones.type.${value}`) }));
export const statusOptions = (t: TFunction) => STATUSES.map((value) => ({ value, label: t(`zones.status.${value}`) }));
export const sectorOptions = (t: TFunction) =>
  ZONE_SECTORS.map((value) => ({ value, label: t(`zones.sector.${value}`) }));

/** Reservation, release and lease come first: they are the usual entries; an adjustment corrects. */
export const MOVEMENT_KINDS: readonly LandMovementKind[] = [
  LandMovementKind.Adjust,
  LandMovementKind.Reserve,
  LandMovementKind.Release,
  LandMovementKind.Lease,
];
