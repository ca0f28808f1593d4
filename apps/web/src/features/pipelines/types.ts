import {
  PipelineKind,
  type LandEnquiry,
  type LeadSource,
  type LenderKind,
  type LoanApplicantType,
  type LoanApplication,
  type PipelineItemBase,
  type Prospect,
  type EventContact,
  type ZoneSector,
} from '@irm/contracts';

export type { ZoneMatch } from '@irm/contracts';

/** Any pipeline item as the API returns it. */
export type PipelineItem = Prospect | LandEnquiry | LoanApplication | EventContact;

/** Filters the board and the list share; they live in the address (see `usePipelineFilters`). */
export interface ItemFilters {
  mine?: boolean;
  ownerId?: string;
  zoneId?: string;
  sector?: string;
  overdue?: boolean;
  q?: string;
}

export const ITEM_SORTS = ['-updatedAt', 'updatedAt', 'stageEnteredAt', '-stageEnteredAt', 'title', '-title'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

/** The fields a person writes on an item; each kind adds its own to the common ones. */
export interface ItemFields {
  title: string;
  ownerId: string;
  organizationId: string | null;
  sector: ZoneSector | null;
  source: LeadSource | null;
  capitalUsd?: number | null;
  expectedJobs?: number | null;
  requestedAreaHa?: number;
  preferredZoneIds?: string[];
  zoneId?: string | null;
  wantedBy?: string | null;
  applicantType?: LoanApplicantType;
  lender?: string;
  lenderKind?: LenderKind;
  purpose?: string;
  requestedVnd?: number;
  approvedVnd?: number | null;
  interestSupportRate?: number | null;
  termMonths?: number | null;
  documentsDueOn?: string | null;
}

export type ItemChanges = Partial<ItemFields>;

export interface NewTranche {
  milestone: string;
  requiredProgressPct: number;
  amountVnd: number;
  milestoneDueOn: string | null;
}

export const isLandEnquiry = (item: PipelineItemBase): item is LandEnquiry => item.kind === PipelineKind.LandEnquiry;
export const isLoanApplication = (item: PipelineItemBase): item is LoanApplication =>
  item.kind === PipelineKind.LoanApplication;
export const isProspect = (item: PipelineItemBase): item is Prospect => item.kind === PipelineKind.Prospect;
export const isEventContact = (item: PipelineItemBase): item is EventContact => item.kind === PipelineKind.EventContact;
