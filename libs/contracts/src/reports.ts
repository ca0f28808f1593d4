import type { LenderKind, LoanApplicantType, PromotionEventKind } from './items';
import type { Page } from './page';
import type { LocalizedText, PipelineKind, StageType } from './pipelines';
import type { LandBank, ZoneType } from './zones';

/**
 * Manager reports. Windows are business dates (`YYYY-MM-DD` in the business time zone), both ends included;
 * a window spans at most `MAX_REPORT_WINDOW_DAYS` days.
 */
export const MAX_REPORT_WINDOW_DAYS = 1096;

export interface ReportWindow {
  from: string;
  to: string;
}

export type ReportPeriod = 'month' | 'quarter';
export const REPORT_PERIODS: readonly ReportPeriod[] = ['month', 'quarter'];

/** A stage as reports show it: enough to label and order it without another request. */
export interface ReportStage {
  stageId: string;
  key: string;
  name: LocalizedText;
  type: StageType;
  position: number;
  slaWorkingDays: number | null;
  retiredAt: string | null;
}

export interface ReportPipeline {
  id: string;
  kind: PipelineKind;
  name: LocalizedText;
}

export interface ReportOwner {
  ownerId: string;
  ownerName: string;
}

// ---------- funnel ----------

export interface FunnelQuery extends ReportWindow {
  pipelineId: string;
  ownerId?: string;
  period?: ReportPeriod;
}

/** Items that reached a stage in the window, in stage order. */
export interface FunnelStage extends ReportStage {
  /**
   * Items that moved in the window into this stage or a later one of the funnel: a stage skipped on the way
   * counts as passed, so the counts never grow down the funnel.
   */
  reached: number;
  /** reached of the next funnel stage / reached here; null at the last stage or when nothing reached it. */
  conversionToNext: number | null;
  /** reached here / reached at the first stage; null when nothing reached the first stage. */
  conversionFromFirst: number | null;
}

/** A stage off the main path (lost stages, parking stages such as On hold): items that entered it in the window. */
export interface FunnelExit extends ReportStage {
  entered: number;
}

export interface FunnelBreakdown {
  /** `reached` per funnel stage, in the order of `FunnelReport.stages`. */
  reached: number[];
}

export interface FunnelPeriod extends FunnelBreakdown {
  /** `2026-03` for a month, `2026-Q1` for a quarter. */
  period: string;
  /** The part of the window the period covers. */
  from: string;
  to: string;
}

export interface FunnelOwner extends FunnelBreakdown, ReportOwner {}

export interface FunnelReport extends ReportWindow {
  pipeline: ReportPipeline;
  ownerId: string | null;
  period: ReportPeriod;
  stages: FunnelStage[];
  exits: FunnelExit[];
  periods: FunnelPeriod[];
  /** Owners at the time of each move, most items first. */
  owners: FunnelOwner[];
}

// ---------- time in stage ----------

export interface TimeInStageQuery extends ReportWindow {
  pipelineId: string;
  ownerId?: string;
}

export interface TimeInStageRow extends ReportStage {
  /** Items that left the stage in the window. */
  movesOut: number;
  /** Working days spent in the stage by those moves: median and 90th percentile (interpolated). */
  medianDays: number | null;
  p90Days: number | null;
  /** How many of those moves left after the SLA had passed. */
  breachedMoves: number;
  /** Open items in the stage now (null for won and lost stages, where items rest). */
  currentCount: number | null;
  /** Their median working days in the stage so far. */
  currentMedianDays: number | null;
}

export interface TimeInStageReport extends ReportWindow {
  pipeline: ReportPipeline;
  ownerId: string | null;
  /** The business date the "so far" figures are counted to. */
  asOf: string;
  stages: TimeInStageRow[];
}

// ---------- SLA breaches ----------

export interface SlaBreachesQuery extends ReportWindow {
  pipelineId?: string;
  ownerId?: string;
  limit?: number;
  cursor?: string;
}

export interface SlaBreachCounts {
  /** Moves in the window that left the stage after its SLA had passed. */
  breachedMoves: number;
  /** Open items past their SLA today. */
  overdueNow: number;
}

export interface SlaBreachStage extends ReportStage, SlaBreachCounts {
  pipelineId: string;
  pipelineKind: PipelineKind;
}

export interface SlaBreachOwner extends ReportOwner, SlaBreachCounts {}

export interface OverdueItem {
  id: string;
  kind: PipelineKind;
  title: string;
  ownerId: string;
  ownerName: string;
  stageId: string;
  stageName: LocalizedText;
  slaDueOn: string;
  /** Working days past the last day of the SLA, today included. */
  daysOverdue: number;
}

export interface SlaBreachesReport extends ReportWindow {
  pipelineId: string | null;
  ownerId: string | null;
  asOf: string;
  totals: SlaBreachCounts;
  /** Stages with a breach or an overdue item, by pipeline and position. */
  stages: SlaBreachStage[];
  /** Owners with a breach or an overdue item, most first. */
  owners: SlaBreachOwner[];
  /** Items overdue now, the longest overdue first. */
  overdue: Page<OverdueItem>;
}

// ---------- zone occupancy ----------

export interface ZoneOccupancyQuery {
  district?: string;
  type?: ZoneType;
}

export interface ZoneOccupancyRow extends LandBank {
  zoneId: string;
  code: string;
  name: string;
  type: ZoneType;
  district: string;
  /** leased / industrial land; 0 without industrial land. */
  occupancy: number;
  /** Open land enquiries assigned to the zone, and the hectares they ask for. */
  openEnquiries: number;
  enquiredHa: number;
}

export interface ZoneOccupancyTotals extends LandBank {
  zoneCount: number;
  occupancy: number;
}

export interface DistrictOccupancy extends ZoneOccupancyTotals {
  district: string;
}

export interface ZoneOccupancyReport {
  district: string | null;
  type: ZoneType | null;
  /** Most available land first. */
  zones: ZoneOccupancyRow[];
  districts: DistrictOccupancy[];
  totals: ZoneOccupancyTotals;
}

// ---------- event ROI ----------

export interface EventRoiQuery extends ReportWindow {
  kind?: PromotionEventKind;
}

export interface EventRoiRow {
  eventId: string;
  name: string;
  kind: PromotionEventKind;
  startsOn: string;
  endsOn: string;
  budgetVnd: number | null;
  /** People recorded as attending. */
  contacts: number;
  /** Prospects, land enquiries and loan applications that came from the event or its contacts. */
  ledItems: number;
  /** Those items and the contacts converted (a contact and the item it became count once). */
  conversions: number;
  /** Hectares the land enquiries among them ask for. */
  hectaresEnquired: number;
  /** Planned capital (USD, 2 decimals) and jobs of the items it led to. */
  capitalUsd: number;
  expectedJobs: number;
  /** budget / conversions, VND; null without a budget or a conversion. */
  costPerConversionVnd: number | null;
}

export interface EventRoiReport extends ReportWindow {
  /** Events that started in the window, the latest first. */
  events: EventRoiRow[];
  totals: Omit<EventRoiRow, 'eventId' | 'name' | 'kind' | 'startsOn' | 'endsOn'> & { eventCount: number };
}

// ---------- loan portfolio ----------

export interface LoanPortfolioQuery extends ReportWindow {
  lenderKind?: LenderKind;
  applicantType?: LoanApplicantType;
}

/** VND integers. Requested is what applicants asked for, approved what lenders granted. */
export interface LoanFigures {
  applications: number;
  requestedVnd: number;
  approvedVnd: number;
  disbursedVnd: number;
}

export interface LoanLenderRow extends LoanFigures {
  lender: string;
  lenderKind: LenderKind;
}

export interface LoanApplicantRow extends LoanFigures {
  applicantType: LoanApplicantType;
}

export interface LoanStageRow extends ReportStage, LoanFigures {}

export interface LoanPortfolioReport extends ReportWindow {
  /** Applications submitted (created) in the window. */
  totals: LoanFigures;
  /** Largest approved first. */
  lenders: LoanLenderRow[];
  applicantTypes: LoanApplicantRow[];
  /** Every stage of the loan pipeline, in order, with the applications in it now. */
  stages: LoanStageRow[];
}
