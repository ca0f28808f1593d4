import type { LocalizedText, PortalPhase } from '@irm/contracts';
import { StageType } from '@irm/contracts';

/** A stage as investors are told about it. */
export interface PublicStage {
  id: string;
  type: StageType;
  position: number;
  retiredAt: Date | string | null;
  publicLabelVi: string | null;
  publicLabelEn: string | null;
}

/** The wording investors read when a manager has set none, per phase. */
export const DEFAULT_PUBLIC_LABELS: Record<PortalPhase, LocalizedText> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  in_review: { vi: 'Đang xem xét', en: 'In review' },
  completed: { vi: 'Hoàn tất', en: 'Completed' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
};

/**
 * Where a stage stands for an investor: the pipeline's first current open stage is "received", later open stages
 * "in review", won stages "completed" and lost ones "closed" (internal names such as "Screened" never show).
 */
export function publicPhase(stage: PublicStage, stages: readonly PublicStage[]): PortalPhase {
  if (stage.type === StageType.Won) return 'completed';
  if (stage.type === StageType.Lost) return 'closed';
  const first = stages
    .filter((candidate) => candidate.type === StageType.Open && !candidate.retiredAt)
    .sort((a, b) => a.position - b.position)[0];
  return !first || first.id === stage.id ? 'received' : 'in_review';
}

/** The stage's public label: the manager's wording where set, else the phase's default. */
export function publicLabel(stage: PublicStage, stages: readonly PublicStage[]): LocalizedText {
  const fallback = DEFAULT_PUBLIC_LABELS[publicPhase(stage, stages)];
  return { vi: stage.publicLabelVi ?? fallback.vi, en: stage.publicLabelEn ?? fallback.en };
}
