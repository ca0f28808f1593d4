import type { LeadSource } from './organizations';
import type { Page } from './page';
import type { LocalizedText, PipelineKind, StageType } from './pipelines';
import type { ZoneSector } from './zones';

/**
 * What every pipeline item carries, whatever its kind: where it stands, who owns it and whether its
 * response-time commitment has passed.
 */
export interface PipelineItemBase {
  id: string;
  kind: PipelineKind;
  pipelineId: string;
  stageId: string;
  stageKey: string;
  stageType: StageType;
  title: string;
  ownerId: string;
  ownerName: string;
  organizationId: string | null;
  organizationName: string | null;
  contactId: string | null;
  contactName: string | null;
  /** The promotion event the item came from, if any. */
  eventId: string | null;
  eventName: string | null;
  sector: ZoneSector | null;
  source: LeadSource | null;
  /** When it entered its current stage. */
  stageEnteredAt: string;
  /** Last working day (business time zone) of the current stage's SLA; null without an SLA or once closed. */
  slaDueOn: string | null;
  /** In an open stage past its SLA. */
  overdue: boolean;
  /** Working days spent in the current stage so far. */
  daysInStage: number;
  /** Why it was lost, when it is in a lost stage. */
  lostReason: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Prospect extends PipelineItemBase {
  /** Planned investment capital, USD with 2 decimals. */
  capitalUsd: number | null;
  expectedJobs: number | null;
}

export interface LandEnquiry extends PipelineItemBase {
  requestedAreaHa: number;
  preferredZoneIds: string[];
  /** The zone the land is sought in; required to reserve. */
  zoneId: string | null;
  zoneName: string | null;
  /** Hectares currently held for it in the zone's land bank. */
  reservedHa: number;
  leasedHa: number;
  /** When the investor wants the land (business date). */
  wantedBy: string | null;
  capitalUsd: number | null;
  expectedJobs: number | null;
}

export enum LoanApplicantType {
  Sme = 'sme',
  ClusterInfrastructure = 'cluster_infrastructure',
}

export enum LenderKind {
  Bank = 'bank',
  Fund = 'fund',
}

export interface LoanApplication extends PipelineItemBase {
  applicantType: LoanApplicantType;
  lender: string;
  lenderKind: LenderKind;
  purpose: string;
  /** VND, integers. */
  requestedVnd: number;
  approvedVnd: number | null;
  /** Sum of the tranches planned so far. */
  plannedVnd: number;
  disbursedVnd: number;
  /** Interest support, percent a year, 2 decimals. */
  interestSupportRate: number | null;
  termMonths: number | null;
  /** Business date (`YYYY-MM-DD`) by which the applicant must hand in the documents still outstanding. */
  documentsDueOn: string | null;
  /** Checklist with what each stage requires. */
  documents: LoanDocumentStatus[];
}

export interface LoanDocumentStatus {
  key: string;
  name: LocalizedText;
  /** The stage from which it must have been received; null when never required. */
  requiredFromStage: string | null;
  /** Required in the application's current stage (it cannot be un-marked there). */
  requiredNow: boolean;
  receivedAt: string | null;
  receivedByName: string | null;
  note: string | null;
}

export interface LoanTranche {
  id: string;
  applicationId: string;
  sequence: number;
  milestone: string;
  /** Project progress the milestone stands for, percent. */
  requiredProgressPct: number;
  amountVnd: number;
  /** Business date (`YYYY-MM-DD`) by which the project should reach the milestone. */
  milestoneDueOn: string | null;
  confirmedAt: string | null;
  confirmedByName: string | null;
  /** Project progress reported when the milestone was confirmed, percent. */
  confirmedProgressPct: number | null;
  releasedAt: string | null;
  releasedByName: string | null;
  version: number;
}

export interface CreateLoanApplicationRequest {
  /** Generated from the purpose and lender when absent. */
  title?: string;
  organizationId: string;
  applicantType: LoanApplicantType;
  lender: string;
  lenderKind: LenderKind;
  purpose: string;
  /** VND, a positive integer; stored as the item's `amountVnd`. */
  requestedVnd: number;
  interestSupportRate?: number | null;
  termMonths?: number | null;
  /** `YYYY-MM-DD`; the applicant's contact is reminded some working days before it. */
  documentsDueOn?: string | null;
  ownerId?: string;
  contactId?: string | null;
  eventId?: string | null;
  sector?: ZoneSector | null;
  source?: LeadSource | null;
  stageId?: string;
}

export interface UpdateLoanApplicationRequest extends Partial<
  Omit<CreateLoanApplicationRequest, 'stageId' | 'organizationId'>
> {
  organizationId?: string | null;
  /** Managers only; never below what the tranches already plan. */
  approvedVnd?: number | null;
  version: number;
}

/** `PUT /api/loan-applications/:id/documents/:key`: the document is on file. */
export interface ReceiveLoanDocumentRequest {
  version: number;
  note?: string | null;
}

export interface CreateLoanTrancheRequest {
  milestone: string;
  requiredProgressPct: number;
  amountVnd: number;
  /** `YYYY-MM-DD`; the applicant's contact is reminded some working days before it. */
  milestoneDueOn?: string | null;
  /** The application's version: planning is a change to it. */
  version: number;
}

export interface UpdateLoanTrancheRequest {
  milestone?: string;
  requiredProgressPct?: number;
  amountVnd?: number;
  milestoneDueOn?: string | null;
  /** The tranche's version. */
  version: number;
}

export interface ConfirmLoanTrancheRequest {
  /** The tranche's version. */
  version: number;
  /** Project progress reported, percent; at least the milestone's. */
  progressPct: number;
}

export interface EventContact extends PipelineItemBase {
  /** The item it was converted into, once converted. */
  convertedItemId: string | null;
  convertedItemKind: PipelineKind | null;
}

/** One row of an item's stage history. */
export interface StageMove {
  id: string;
  fromStageId: string | null;
  fromStageName: LocalizedText | null;
  toStageId: string;
  toStageName: LocalizedText;
  movedAt: string;
  movedById: string | null;
  movedByName: string | null;
  /** Working days spent in the stage it left; null for the first entry. */
  workingDaysInStage: number | null;
  reason: string | null;
}

export interface MoveRequest {
  stageId: string;
  version: number;
  /** Required for lost stages. */
  reason?: string;
}

/**
 * What a board card shows of its kind's figures, named as on the full item so that a card and an item read the
 * same way: a prospect's planned capital; a land enquiry's hectares, zone and capital; a loan application's amount
 * requested. Figures of other kinds are absent (event contacts carry none).
 */
export type BoardCardFigures = Partial<Pick<LandEnquiry, 'requestedAreaHa' | 'zoneId' | 'zoneName' | 'capitalUsd'>> &
  Partial<Pick<LoanApplication, 'requestedVnd'>>;

/** One card of a board column: the common fields and its kind's figures. */
export type BoardCard = PipelineItemBase & BoardCardFigures;

export interface BoardStage {
  stageId: string;
  count: number;
  overdueCount: number;
  /** Sums that fit the pipeline's kind; absent figures are null. */
  totals: { areaHa: number | null; capitalUsd: number | null; amountVnd: number | null };
  /** The first cards, oldest in stage first. */
  cards: BoardCard[];
  /** Cursor for the next cards of this stage (the list endpoint with `stageId`). */
  nextCursor: string | null;
}

export interface Board {
  pipelineId: string;
  kind: PipelineKind;
  stages: BoardStage[];
}

export type PipelineItemPage<T extends PipelineItemBase> = Page<T>;

export enum PromotionEventKind {
  Conference = 'conference',
  Roadshow = 'roadshow',
  TradeFair = 'trade_fair',
  SiteVisitTour = 'site_visit_tour',
  Webinar = 'webinar',
}

export interface PromotionEvent {
  id: string;
  name: string;
  kind: PromotionEventKind;
  startsOn: string;
  endsOn: string;
  place: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  budgetVnd: number | null;
  organizer: string | null;
  description: string | null;
  ownerId: string;
  ownerName: string;
  attendeeCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface EventAttendee {
  id: string;
  eventId: string;
  contactId: string;
  contactName: string;
  organizationName: string | null;
  /** The event-contact item opened for this person. */
  itemId: string;
  stageId: string;
  organizationId: string | null;
  contactEmail: string | null;
  stageKey: string;
  stageType: StageType;
  stageName: LocalizedText;
  /** The event contact's version, for a conversion or move from the attendee row. */
  itemVersion: number;
  itemOwnerId: string;
  itemOwnerName: string;
  overdue: boolean;
  /** What the contact was converted into, once converted. */
  convertedItemId: string | null;
  convertedItemKind: PipelineKind | null;
  /** Still in the first stage with no move: the attendance may be taken back. */
  removable: boolean;
  addedByName: string;
  addedAt: string;
}

/** A zone ranked for a land enquiry: enough land, sector allowed, status and the investor's preference. */
export interface ZoneMatch {
  zoneId: string;
  zoneName: string;
  zoneCode: string;
  district: string;
  status: string;
  availableHa: number;
  /** Enough available land for the requested area. */
  fits: boolean;
  /** The zone admits the enquiry's sector (or the enquiry names none). */
  sectorAllowed: boolean;
  preferred: boolean;
  /** Higher is better; the order of the list. */
  score: number;
}
