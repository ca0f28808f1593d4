import { PipelineKind, StageType } from '@irm/contracts';
import type { LocalizedText, Pipeline, Stage } from '@irm/contracts';

/** A stage as configured, before it is stored (no id). */
export type StageDefinition = Omit<Stage, 'id' | 'retiredAt' | 'version'>;

/** A pipeline as configured, before it is stored (no ids). */
export interface PipelineDefinition extends Omit<Pipeline, 'id' | 'stages' | 'version'> {
  stages: StageDefinition[];
}

/*
 * Stage keys are stable identifiers: managers may rename, reorder or add
 * stages, but the rules (land reservation, disbursement, conversion) find
 * their stages by key, never by name or position.
 */
export const ProspectStageKey = {
  Lead: 'lead',
  Qualified: 'qualified',
  InformationSent: 'information_sent',
  SiteVisit: 'site_visit',
  Proposal: 'proposal',
  DecisionPending: 'decision_pending',
  Licensed: 'licensed',
  Lost: 'lost',
  OnHold: 'on_hold',
} as const;

export const LandEnquiryStageKey = {
  Received: 'received',
  Screened: 'screened',
  OptionsSent: 'options_sent',
  SiteVisit: 'site_visit',
  /** Entering it reserves the enquired area in the chosen zone. */
  LandReserved: 'land_reserved',
  /** Entering it turns the reservation into leased land. */
  LeaseSigned: 'lease_signed',
  Withdrawn: 'withdrawn',
} as const;

export const LoanApplicationStageKey = {
  Submitted: 'submitted',
  CompletenessCheck: 'completeness_check',
  Appraisal: 'appraisal',
  Approved: 'approved',
  ContractSigned: 'contract_signed',
  /** Tranches are released here, each against a confirmed milestone. */
  Disbursing: 'disbursing',
  Closed: 'closed',
  Rejected: 'rejected',
  Withdrawn: 'withdrawn',
} as const;

export const EventContactStageKey = {
  Met: 'met',
  Contacted: 'contacted',
  MeetingHeld: 'meeting_held',
  /** Won: the contact became a prospect, land enquiry or loan application. */
  Converted: 'converted',
  NotInterested: 'not_interested',
} as const;

type StageRow = [key: string, vi: string, en: string, type: StageType, slaWorkingDays: number | null];

/** Positions follow the listed order, starting at 1. */
function stages(rows: StageRow[]): StageDefinition[] {
  return rows.map(([key, vi, en, type, slaWorkingDays], index) => ({
    key,
    name: { vi, en },
    type,
    position: index + 1,
    slaWorkingDays,
  }));
}

function pipeline(kind: PipelineKind, name: LocalizedText, rows: StageRow[]): PipelineDefinition {
  return { kind, name, stages: stages(rows) };
}

const { Open, Won, Lost } = StageType;
const P = ProspectStageKey;
const L = LandEnquiryStageKey;
const C = LoanApplicationStageKey;
const E = EventContactStageKey;

export const prospectPipeline: PipelineDefinition = pipeline(
  PipelineKind.Prospect,
  { vi: 'Nhà đầu tư tiềm năng', en: 'Investor prospects' },
  [
    [P.Lead, 'Tiềm năng', 'Lead', Open, 2],
    [P.Qualified, 'Đã sàng lọc', 'Qualified', Open, 5],
    [P.InformationSent, 'Đã gửi thông tin', 'Information sent', Open, 10],
    [P.SiteVisit, 'Khảo sát thực địa', 'Site visit', Open, 30],
    [P.Proposal, 'Đề xuất dự án', 'Proposal', Open, 30],
    [P.DecisionPending, 'Chờ quyết định', 'Decision pending', Open, 60],
    [P.Licensed, 'Đã cấp GCNĐKĐT', 'Licensed / IRC issued', Won, null],
    [P.Lost, 'Không thành công', 'Lost', Lost, null],
    [P.OnHold, 'Tạm dừng', 'On hold', Open, null],
  ],
);

export const landEnquiryPipeline: PipelineDefinition = pipeline(
  PipelineKind.LandEnquiry,
  { vi: 'Yêu cầu thuê đất', en: 'Land enquiries' },
  [
    [L.Received, 'Đã tiếp nhận', 'Received', Open, 2],
    [L.Screened, 'Đã sàng lọc', 'Screened', Open, 5],
    [L.OptionsSent, 'Đã gửi phương án', 'Options sent', Open, 14],
    [L.SiteVisit, 'Khảo sát thực địa', 'Site visit', Open, 30],
    [L.LandReserved, 'Đã giữ quỹ đất', 'Land reserved', Open, 60],
    [L.LeaseSigned, 'Đã ký hợp đồng thuê đất', 'Lease signed', Won, null],
    [L.Withdrawn, 'Đã rút yêu cầu', 'Withdrawn', Lost, null],
  ],
);

export const loanApplicationPipeline: PipelineDefinition = pipeline(
  PipelineKind.LoanApplication,
  { vi: 'Hồ sơ vay vốn ưu đãi', en: 'Preferential-loan applications' },
  [
    [C.Submitted, 'Đã nộp hồ sơ', 'Submitted', Open, 3],
    [C.CompletenessCheck, 'Kiểm tra tính đầy đủ', 'Completeness check', Open, 5],
    [C.Appraisal, 'Thẩm định', 'Appraisal', Open, 20],
    [C.Approved, 'Đã phê duyệt', 'Approved', Open, 10],
    [C.ContractSigned, 'Đã ký hợp đồng tín dụng', 'Contract signed', Open, 15],
    [C.Disbursing, 'Đang giải ngân', 'Disbursing', Open, null],
    [C.Closed, 'Hoàn tất', 'Closed', Won, null],
    [C.Rejected, 'Bị từ chối', 'Rejected', Lost, null],
    [C.Withdrawn, 'Đã rút hồ sơ', 'Withdrawn', Lost, null],
  ],
);

export const eventContactPipeline: PipelineDefinition = pipeline(
  PipelineKind.EventContact,
  { vi: 'Liên hệ từ sự kiện xúc tiến', en: 'Promotion-event contacts' },
  [
    [E.Met, 'Đã gặp', 'Met', Open, 3],
    [E.Contacted, 'Đã liên hệ', 'Contacted', Open, 7],
    [E.MeetingHeld, 'Đã họp làm việc', 'Meeting held', Open, 30],
    [E.Converted, 'Đã chuyển đổi', 'Converted', Won, null],
    [E.NotInterested, 'Không quan tâm', 'Not interested', Lost, null],
  ],
);

/** The four default pipelines, one per kind, in the order the app lists them. */
export const defaultPipelines: readonly PipelineDefinition[] = [
  prospectPipeline,
  landEnquiryPipeline,
  loanApplicationPipeline,
  eventContactPipeline,
];

export function defaultPipelineFor(kind: PipelineKind): PipelineDefinition {
  const found = defaultPipelines.find((p) => p.kind === kind);
  if (!found) {
    throw new Error(`No default pipeline for kind ${kind}`);
  }
  return found;
}

export type PipelineIssueCode =
  | 'no_stages'
  | 'duplicate_key'
  | 'invalid_key'
  | 'missing_name'
  | 'positions_not_sequential'
  | 'invalid_sla'
  | 'closed_stage_with_sla'
  | 'no_open_stage'
  | 'no_won_stage'
  | 'no_lost_stage';

export interface PipelineIssue {
  code: PipelineIssueCode;
  /** The stage the issue is about, when there is one. */
  stageKey?: string;
}

const STAGE_KEY_PATTERN = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/**
 * Checks a pipeline configuration (the defaults, or a manager's edit).
 * Won and lost stages close an item, so an SLA on them would never apply.
 */
export function validatePipelineDefinition(definition: PipelineDefinition): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  const { stages: list } = definition;
  if (list.length === 0) {
    return [{ code: 'no_stages' }];
  }
  const seen = new Set<string>();
  for (const stage of list) {
    if (!STAGE_KEY_PATTERN.test(stage.key)) {
      issues.push({ code: 'invalid_key', stageKey: stage.key });
    }
    if (seen.has(stage.key)) {
      issues.push({ code: 'duplicate_key', stageKey: stage.key });
    }
    seen.add(stage.key);
    if (stage.name.vi.trim() === '' || stage.name.en.trim() === '') {
      issues.push({ code: 'missing_name', stageKey: stage.key });
    }
    if (stage.slaWorkingDays !== null) {
      if (!Number.isInteger(stage.slaWorkingDays) || stage.slaWorkingDays <= 0) {
        issues.push({ code: 'invalid_sla', stageKey: stage.key });
      } else if (stage.type !== StageType.Open) {
        issues.push({ code: 'closed_stage_with_sla', stageKey: stage.key });
      }
    }
  }
  const positions = list.map((s) => s.position).sort((a, b) => a - b);
  if (positions.some((position, index) => position !== index + 1)) {
    issues.push({ code: 'positions_not_sequential' });
  }
  if (!list.some((s) => s.type === StageType.Open)) {
    issues.push({ code: 'no_open_stage' });
  }
  if (!list.some((s) => s.type === StageType.Won)) {
    issues.push({ code: 'no_won_stage' });
  }
  if (!list.some((s) => s.type === StageType.Lost)) {
    issues.push({ code: 'no_lost_stage' });
  }
  return issues;
}
