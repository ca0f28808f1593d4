import { PipelineKind, StageType } from '@irm/contracts';
import type { FieldError, LocalizedText } from '@irm/contracts';
import {
  EventContactStageKey,
  LandEnquiryStageKey,
  LoanApplicationStageKey,
  ProspectStageKey,
} from './default-pipelines';

/** A stage as the move rules see it. */
export interface StageRef {
  id: string;
  pipelineId: string;
  key: string;
  type: StageType;
  position: number;
  retiredAt: string | Date | null;
}

/** The fields of an item the rules read; absent means not filled in. */
export interface MoveSubject {
  kind: PipelineKind;
  sector?: string | null;
  organizationId?: string | null;
  contactId?: string | null;
  capitalUsd?: number | null;
  expectedJobs?: number | null;
  areaHa?: number | null;
  zoneId?: string | null;
  amountVnd?: number | null;
  approvedVnd?: number | null;
  interestSupportRate?: number | null;
  termMonths?: number | null;
  plannedVnd?: number;
  disbursedVnd?: number;
  /** Loan documents received, by key. */
  documentKeys?: readonly string[];
  /** Event contacts: the item it was converted into. */
  convertedItemId?: string | null;
}

export interface MoveCheck {
  item: MoveSubject;
  from: StageRef;
  /** Null when the requested stage does not exist. */
  to: StageRef | null;
  /** The pipeline's stages, retired ones included. */
  stages: readonly StageRef[];
  reason?: string | null;
  /** True for the conversion of an event contact, the only way into its won stage. */
  converting?: boolean;
}

type Requirement = { field: keyof MoveSubject; message: string };

/** Fields an item must have once it reaches a stage (that stage and every later open or won stage). */
const REQUIRED_FROM: Record<PipelineKind, Record<string, Requirement[]>> = {
  [PipelineKind.Prospect]: {
    [ProspectStageKey.Qualified]: [
      { field: 'organizationId', message: 'is required once qualified' },
      { field: 'sector', message: 'is required once qualified' },
    ],
    [ProspectStageKey.Proposal]: [{ field: 'capitalUsd', message: 'is required for a proposal' }],
    [ProspectStageKey.Licensed]: [
      { field: 'capitalUsd', message: 'is required to record the licensed investment' },
      { field: 'expectedJobs', message: 'is required to record the licensed investment' },
    ],
  },
  [PipelineKind.LandEnquiry]: {
    [LandEnquiryStageKey.Screened]: [{ field: 'sector', message: 'is required once screened' }],
    [LandEnquiryStageKey.LandReserved]: [
      { field: 'zoneId', message: 'must name the zone to reserve land in' },
      { field: 'areaHa', message: 'is required to reserve land' },
    ],
  },
  [PipelineKind.LoanApplication]: {
    [LoanApplicationStageKey.Approved]: [
      { field: 'approvedVnd', message: 'is required for an approval' },
      { field: 'interestSupportRate', message: 'is required for an approval' },
      { field: 'termMonths', message: 'is required for an approval' },
    ],
  },
  [PipelineKind.EventContact]: {},
};

/** The loan checklist (Decree 39/2019 style): each document and the stage from which it must be on file. */
export const LOAN_DOCUMENTS: readonly { key: string; name: LocalizedText; requiredFromStage: string | null }[] = [
  {
    key: 'application_form',
    name: { vi: 'Đơn đề nghị vay vốn', en: 'Loan application form' },
    requiredFromStage: LoanApplicationStageKey.CompletenessCheck,
  },
  {
    key: 'business_registration',
    name: { vi: 'Giấy chứng nhận đăng ký doanh nghiệp', en: 'Business registration certificate' },
    requiredFromStage: LoanApplicationStageKey.CompletenessCheck,
  },
  {
    key: 'investment_plan',
    name: { vi: 'Dự án / phương án sản xuất kinh doanh', en: 'Investment project or business plan' },
    requiredFromStage: LoanApplicationStageKey.Appraisal,
  },
  {
    key: 'financial_statements',
    name: { vi: 'Báo cáo tài chính 2 năm gần nhất', en: 'Financial statements, last two years' },
    requiredFromStage: LoanApplicationStageKey.Appraisal,
  },
  {
    key: 'collateral',
    name: { vi: 'Hồ sơ tài sản bảo đảm', en: 'Collateral documents' },
    requiredFromStage: LoanApplicationStageKey.Appraisal,
  },
  {
    key: 'land_lease',
    name: { vi: 'Hợp đồng thuê đất / mặt bằng sản xuất', en: 'Land or premises lease' },
    requiredFromStage: LoanApplicationStageKey.Appraisal,
  },
  {
    key: 'credit_contract',
    name: { vi: 'Hợp đồng tín dụng đã ký', en: 'Signed credit contract' },
    requiredFromStage: LoanApplicationStageKey.ContractSigned,
  },
  {
    key: 'environmental_approval',
    name: { vi: 'Văn bản về môi trường', en: 'Environmental approval' },
    requiredFromStage: null,
  },
];

function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  return true;
}

/** Position of the stage with `key` among the pipeline's stages, or null when it has no such stage. */
function positionOf(stages: readonly StageRef[], key: string): number | null {
  return stages.find((stage) => stage.key === key)?.position ?? null;
}

/**
 * Keys of the requirement stages that `to` has reached: it is that stage or comes after it in the main flow.
 * Lost stages reach none, and neither do open stages placed after the first closed one (side stages such as
 * On hold, where an item waits whatever it lacks).
 */
function reachedKeys(stages: readonly StageRef[], to: StageRef, keys: readonly string[]): string[] {
  if (to.type === StageType.Lost) return [];
  const firstClosed = Math.min(
    ...stages.filter((stage) => stage.type !== StageType.Open).map((stage) => stage.position),
  );
  if (to.type === StageType.Open && to.position > firstClosed) return [];
  return keys.filter((key) => {
    const at = positionOf(stages, key);
    return at !== null && to.position >= at;
  });
}

/** Documents that must be on file in stage `to`, in checklist order. */
export function requiredLoanDocuments(stages: readonly StageRef[], to: StageRef): string[] {
  const reached = new Set(
    reachedKeys(
      stages,
      to,
      LOAN_DOCUMENTS.flatMap((doc) => (doc.requiredFromStage ? [doc.requiredFromStage] : [])),
    ),
  );
  return LOAN_DOCUMENTS.filter((doc) => doc.requiredFromStage && reached.has(doc.requiredFromStage)).map(
    (doc) => doc.key,
  );
}

/**
 * Why a move may not happen, as field errors for a 422; empty when it may. Pure: the server runs it on the
 * locked row, the web app runs it before a drop to explain a refusal without a round trip.
 */
export function moveProblems(check: MoveCheck): FieldError[] {
  const { item, from, to, stages } = check;
  if (!to) return [{ field: 'stageId', message: 'is not a stage' }];
  if (to.pipelineId !== from.pipelineId) return [{ field: 'stageId', message: 'belongs to another pipeline' }];
  if (to.retiredAt) return [{ field: 'stageId', message: 'is retired and takes no items' }];
  if (from.retiredAt) return [{ field: 'stageId', message: 'cannot be reached from a retired stage' }];
  if (to.id === from.id) return [{ field: 'stageId', message: 'is the stage the item is already in' }];
  if (from.type === StageType.Won) return [{ field: 'stageId', message: 'cannot be reached: the item is already won' }];

  const problems: FieldError[] = [];
  if (to.type === StageType.Lost && !isFilled(check.reason))
    problems.push({ field: 'reason', message: 'is required to close an item as lost' });
  problems.push(...entryProblems(item, to, stages, check.converting));
  return problems;
}

/**
 * What an item lacks to be in stage `to`, whichever way it gets there: the fields and loan documents that stage
 * requires, the tranches, and conversion as the only way into the event contacts' won stage. A stage retirement
 * checks its items with this too, since it moves them without a move request (see `retirementItemProblems`).
 */
export function entryProblems(
  item: MoveSubject,
  to: StageRef,
  stages: readonly StageRef[],
  converting = false,
): FieldError[] {
  const problems: FieldError[] = [];
  const required = REQUIRED_FROM[item.kind];
  for (const key of reachedKeys(stages, to, Object.keys(required))) {
    for (const { field, message } of required[key]) {
      if (!isFilled(item[field]) && !problems.some((p) => p.field === field)) problems.push({ field, message });
    }
  }

  switch (item.kind) {
    case PipelineKind.LoanApplication: {
      const received = new Set(item.documentKeys ?? []);
      const missing = requiredLoanDocuments(stages, to).filter((key) => !received.has(key));
      if (missing.length > 0) problems.push({ field: 'documents', message: `missing: ${missing.join(', ')}` });
      const disbursingAt = positionOf(stages, LoanApplicationStageKey.Disbursing);
      if (to.type !== StageType.Lost && disbursingAt !== null && to.position >= disbursingAt && !item.plannedVnd)
        problems.push({ field: 'tranches', message: 'at least one tranche must be planned before disbursing' });
      if (to.key === LoanApplicationStageKey.Closed && (item.disbursedVnd ?? 0) < (item.plannedVnd ?? 0))
        problems.push({ field: 'tranches', message: 'every planned tranche must be released before closing' });
      if (to.type === StageType.Lost && (item.disbursedVnd ?? 0) > 0)
        problems.push({ field: 'stageId', message: 'cannot close as lost: money has been disbursed' });
      break;
    }
    case PipelineKind.EventContact:
      if (to.key === EventContactStageKey.Converted && !converting)
        problems.push({
          field: 'stageId',
          message: 'is reached by converting the contact into a prospect, land enquiry or loan application',
        });
      break;
    default:
      break;
  }
  return problems;
}
