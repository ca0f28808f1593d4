export enum PipelineKind {
  Prospect = 'prospect',
  LandEnquiry = 'land_enquiry',
  LoanApplication = 'loan_application',
  EventContact = 'event_contact',
}

export enum StageType {
  Open = 'open',
  Won = 'won',
  Lost = 'lost',
}

export interface Stage {
  id: string;
  key: string;
  name: LocalizedText;
  type: StageType;
  position: number;
  /** Response-time commitment in working days; null means no SLA. */
  slaWorkingDays: number | null;
  /** Retired stages keep their history but take no new items. */
  retiredAt: string | null;
  /**
   * What investors read on their tracking page; null: the default for the stage's phase (received, in review,
   * completed, closed — `publicLabel` in @irm/domain).
   */
  publicLabelVi?: string | null;
  publicLabelEn?: string | null;
  version: number;
}

export interface Pipeline {
  id: string;
  kind: PipelineKind;
  name: LocalizedText;
  /** Ordered by position, retired ones included. */
  stages: Stage[];
  version: number;
}

export interface LocalizedText {
  vi: string;
  en: string;
}

export type HolidayBasis = 'statutory' | 'decided' | 'assumed' | 'compensatory';

/** A day off besides the weekend; SLAs count working days without it. */
export interface Holiday {
  /** `YYYY-MM-DD` in the business time zone. */
  date: string;
  nameVi: string;
  nameEn: string;
  basis: HolidayBasis;
}

/**
 * Why a manager's stage change was refused: the `rule` member of the 409 or 422 problem, so that the web app can
 * word it in the reader's language (the `detail` is English).
 */
export type StageRule =
  /** The rules find the stage by key: it cannot be retired, deleted or change type. */
  | 'rule_stage'
  /** Items are in the stage: its type cannot change and it cannot be deleted. */
  | 'stage_has_items'
  /** Items were once in the stage (stage history names it): retire it instead of deleting it. */
  | 'stage_was_used'
  | 'no_open_stage'
  | 'no_won_stage'
  | 'no_lost_stage'
  /** Won and lost stages close an item, so an SLA on them would never apply. */
  | 'closed_stage_with_sla'
  | 'position_out_of_range'
  /** A new order must name every stage of the pipeline exactly once. */
  | 'stage_order_incomplete'
  /** An open stage the rules act on (land reserved, disbursing) must stay before the won stage that ends it. */
  | 'rule_stage_order'
  | 'duplicate_name'
  | 'already_retired'
  | 'not_retired'
  /** Retiring a stage that holds items needs a stage to move them to. */
  | 'target_required'
  | 'target_not_in_pipeline'
  | 'target_is_stage'
  | 'target_retired'
  /** Items go to a stage of the same type: open items stay open, won stay won, lost stay lost. */
  | 'target_type'
  /** Won stages the rules act on (licence, lease, closing, conversion) are entered only by a checked move. */
  | 'target_rule_stage'
  /** The items would cross a stage the rules act on (e.g. land reserved) without its effect. */
  | 'target_crosses_rule_stage'
  /**
   * Some items of the stage could not enter the target by a move (a required field, a document, reserved land):
   * the problem's `refusedItems` counts them and `items` lists the first ones with their reasons.
   */
  | 'target_refuses_items';

export interface CreateStageRequest {
  nameVi: string;
  nameEn: string;
  type: StageType;
  slaWorkingDays: number | null;
  /** 1-based; the stage is inserted there and the later ones shift. At the end when absent. */
  position?: number;
  /** The pipeline's version, when the caller wants the insert refused if the pipeline changed meanwhile. */
  version?: number;
}

export interface UpdateStageRequest {
  nameVi?: string;
  nameEn?: string;
  slaWorkingDays?: number | null;
  type?: StageType;
  /** Investor-facing wording; null restores the default. */
  publicLabelVi?: string | null;
  publicLabelEn?: string | null;
  /** The stage's version. */
  version: number;
}

export interface StageOrderRequest {
  /** Every stage of the pipeline (retired ones included) in the new order. */
  stageIds: string[];
  /** The pipeline's version. */
  version: number;
}

export interface RetireStageRequest {
  /** Where the stage's items go; required when it holds any. */
  moveItemsToStageId?: string | null;
  /** The stage's version. */
  version: number;
}

export interface RestoreStageRequest {
  /** The stage's version. */
  version: number;
}

/** What is in a stage, for the settings page: how many items a retirement moves, whether it may be deleted. */
export interface StageUsage {
  stageId: string;
  items: number;
  openItems: number;
  overdueItems: number;
  /** Items are or were in it; such a stage can be retired but not deleted. */
  everUsed: boolean;
}

export interface StageRetirement {
  stage: Stage;
  /** Items moved to the chosen stage, each with a stage-history row. */
  movedItems: number;
}
