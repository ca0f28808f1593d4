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
  infrastructureInvestor: string | null;
  sectors: string[];
  /** True when the figures are illustrative rather than from a public source. */
  illustrative: boolean;
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
