import type { Page } from './page';

/** KCN (khu công nghiệp) or CCN (cụm công nghiệp). */
export enum ZoneType {
  IndustrialPark = 'industrial_park',
  IndustrialCluster = 'industrial_cluster',
}

export enum ZoneStatus {
  Planned = 'planned',
  Established = 'established',
  Operating = 'operating',
}

/** Sectors a zone admits (its investment attraction criteria). */
export const ZONE_SECTORS = [
  'mechanical_engineering',
  'electronics',
  'it',
  'textiles',
  'footwear',
  'supporting_industries',
  'automotive',
  'logistics',
  'woodwork',
] as const;

export type ZoneSector = (typeof ZONE_SECTORS)[number];

/** No zone is anywhere near this big; a larger figure is a typing slip (e.g. m² entered as ha). */
export const MAX_ZONE_AREA_HA = 50_000;

export interface LandBank {
  /** Leasable industrial land, hectares with 2 decimals. */
  industrialLandHa: number;
  leasedHa: number;
  reservedHa: number;
  availableHa: number;
}

export interface Zone extends LandBank {
  id: string;
  code: string;
  type: ZoneType;
  name: string;
  district: string;
  status: ZoneStatus;
  totalAreaHa: number;
  /** The organization that builds and leases the zone's land. */
  infrastructureInvestorId: string | null;
  /** That organization's name, for display. */
  infrastructureInvestor: string | null;
  sectors: ZoneSector[];
  /** People employed in the zone. */
  workforce: number | null;
  /** A craft village the zone lies next to. */
  craftVillage: string | null;
  latitude: number | null;
  longitude: number | null;
  /** True when the figures are illustrative rather than from a public source. */
  illustrative: boolean;
  /** What a public source gives for this zone, and where. */
  source: string | null;
  updatedAt: string;
  version: number;
}

export interface ZoneListQuery {
  type?: ZoneType;
  status?: ZoneStatus;
  district?: string;
  /** Name, district or craft village, with or without diacritics. */
  q?: string;
  limit?: number;
  cursor?: string;
}

/** Descriptive fields a manager may change; the land-bank totals change only through movements. */
export interface UpdateZoneRequest {
  name?: string;
  district?: string;
  status?: ZoneStatus;
  totalAreaHa?: number;
  /** May not go below leased + reserved. */
  industrialLandHa?: number;
  infrastructureInvestorId?: string | null;
  sectors?: ZoneSector[];
  workforce?: number | null;
  craftVillage?: string | null;
  /** Both coordinates or neither. */
  latitude?: number | null;
  longitude?: number | null;
  illustrative?: boolean;
  source?: string | null;
  version: number;
}

export interface LandBankTotals extends LandBank {
  type: ZoneType;
  zoneCount: number;
  totalAreaHa: number;
}

export interface LandBankSummary {
  byType: LandBankTotals[];
}

/**
 * One entry of a zone's land ledger. reserve: available → reserved; release: reserved → available;
 * lease: reserved → leased; adjust: any correction a manager records (e.g. a lease signed outside the system).
 */
export enum LandMovementKind {
  Reserve = 'reserve',
  Release = 'release',
  Lease = 'lease',
  Adjust = 'adjust',
}

export interface LandMovement {
  id: string;
  zoneId: string;
  kind: LandMovementKind;
  /** Signed change of leased land, hectares. */
  leasedDeltaHa: number;
  /** Signed change of reserved land, hectares. */
  reservedDeltaHa: number;
  /** The zone's figures right after this movement. */
  leasedAfterHa: number;
  reservedAfterHa: number;
  availableAfterHa: number;
  reason: string;
  /** What caused it, e.g. a land enquiry; null for manual entries and opening balances. */
  causeType: string | null;
  causeId: string | null;
  authorId: string | null;
  /** Null for movements made by the system (opening balances). */
  authorName: string | null;
  at: string;
}

/**
 * A manager's entry in the ledger. reserve, release and lease move `areaHa` (> 0); adjust takes signed
 * `leasedDeltaHa` and/or `reservedDeltaHa`. `version`, when sent, must be the zone's current version.
 */
export interface RecordLandMovementRequest {
  kind: LandMovementKind;
  areaHa?: number;
  leasedDeltaHa?: number;
  reservedDeltaHa?: number;
  reason: string;
  version?: number;
}

/** The zone after the movement, and the movement itself. */
export interface LandMovementResult {
  zone: Zone;
  movement: LandMovement;
}

export type LandMovementPage = Page<LandMovement>;
