import type { RecordSort } from './page';

export enum OrganizationKind {
  Domestic = 'domestic',
  ForeignInvested = 'foreign_invested',
  JointVenture = 'joint_venture',
}

export enum OrganizationSize {
  Micro = 'micro',
  Small = 'small',
  Medium = 'medium',
  Large = 'large',
}

export enum LeadSource {
  PromotionEvent = 'promotion_event',
  Referral = 'referral',
  Website = 'website',
  WalkIn = 'walk_in',
  Embassy = 'embassy',
  ExistingInvestor = 'existing_investor',
  Other = 'other',
}

/** An investor company (domestic or foreign), including zones' infrastructure investors. */
export interface Organization {
  id: string;
  name: string;
  legalName: string | null;
  kind: OrganizationKind;
  /** ISO 3166-1 alpha-2, e.g. VN, JP, KR. */
  country: string;
  /** VSIC 2018 codes: a section letter (e.g. "C") or a two-digit division (e.g. "26"). */
  sectors: string[];
  /** Vietnamese enterprise/tax code: 10 digits, or 10 + "-" + 3 for a branch. */
  taxCode: string | null;
  website: string | null;
  size: OrganizationSize | null;
  ownerId: string;
  ownerName: string;
  tags: string[];
  source: LeadSource | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CreateOrganizationRequest {
  name: string;
  legalName?: string | null;
  kind: OrganizationKind;
  country: string;
  sectors?: string[];
  taxCode?: string | null;
  website?: string | null;
  size?: OrganizationSize | null;
  /** Defaults to the creator; assigning someone else is for managers. */
  ownerId?: string;
  tags?: string[];
  source?: LeadSource | null;
}

export interface UpdateOrganizationRequest extends Partial<CreateOrganizationRequest> {
  version: number;
}

export interface OrganizationListQuery {
  q?: string;
  kind?: OrganizationKind;
  country?: string;
  sector?: string;
  ownerId?: string;
  tag?: string;
  /** Default `name`. */
  sort?: RecordSort;
  limit?: number;
  cursor?: string;
}
