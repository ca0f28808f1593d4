import { PipelineKind, StageType } from '@irm/contracts';
import type { FieldError, StageRule } from '@irm/contracts';
import { defaultPipelineFor, LandEnquiryStageKey, LoanApplicationStageKey } from './default-pipelines';
import { entryProblems, MoveSubject, StageRef } from './move-rules';

/*
 * The rules of a manager's pipeline configuration that both the API (on locked rows) and the settings page
 * (before a request, to explain a disabled button) apply.
 */

/** Open stages whose entry does something to the item's world: reserving land, releasing money. */
const OPEN_RULE_STAGE_KEYS: Record<PipelineKind, readonly string[]> = {
  [PipelineKind.Prospect]: [],
  [PipelineKind.LandEnquiry]: [LandEnquiryStageKey.LandReserved],
  [PipelineKind.LoanApplication]: [LoanApplicationStageKey.Disbursing],
  [PipelineKind.EventContact]: [],
};

/** Open stages whose entry a kind acts on in a move (entering "Land reserved" reserves the enquiry's land). */
const ENTRY_EFFECT_STAGE_KEYS: Record<PipelineKind, readonly string[]> = {
  [PipelineKind.Prospect]: [],
  [PipelineKind.LandEnquiry]: [LandEnquiryStageKey.LandReserved],
  [PipelineKind.LoanApplication]: [],
  [PipelineKind.EventContact]: [],
};

/**
 * Stages the rules find by key: the open ones above and every default won or lost stage (licence, lease,
 * closing, conversion, and the lost ones that release land or end a loan). They keep their key and type and
 * are never retired or deleted; managers may still rename them, move them and change an open one's SLA.
 */
export function ruleStageKeys(kind: PipelineKind): readonly string[] {
  const closing = defaultPipelineFor(kind)
    .stages.filter((stage) => stage.type !== StageType.Open)
    .map((stage) => stage.key);
  return [...OPEN_RULE_STAGE_KEYS[kind], ...closing];
}

export function isRuleStage(kind: PipelineKind, key: string): boolean {
  return ruleStageKeys(kind).includes(key);
}

/** A stage as the configuration rules see it. */
export interface ConfiguredStage {
  id: string;
  key: string;
  type: StageType;
  position: number;
  retiredAt: string | Date | null;
}

const MAX_KEY_LENGTH = 40;

/**
 * A stable key for a new stage from its English name: lower-case ASCII words joined by `_`, unique among
 * `taken` (`site_visit`, then `site_visit_2`, …). Keys never change afterwards, whatever the stage is renamed to.
 */
export function stageKeyFromName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let base = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MAX_KEY_LENGTH)
    .replace(/_+$/, '');
  if (!base) base = 'stage';
  else if (!/^[a-z]/.test(base)) base = `stage_${base}`.slice(0, MAX_KEY_LENGTH).replace(/_+$/, '');
  if (!used.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base.slice(0, MAX_KEY_LENGTH - String(suffix).length - 1)}_${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** What a pipeline lacks among its stages in use: an open, a won and a lost one are all needed. */
export function missingStageTypes(stages: readonly Pick<ConfiguredStage, 'type' | 'retiredAt'>[]): StageRule[] {
  const active = stages.filter((stage) => !stage.retiredAt);
  const missing: StageRule[] = [];
  if (!active.some((stage) => stage.type === StageType.Open)) missing.push('no_open_stage');
  if (!active.some((stage) => stage.type === StageType.Won)) missing.push('no_won_stage');
  if (!active.some((stage) => stage.type === StageType.Lost)) missing.push('no_lost_stage');
  return missing;
}

/**
 * An order breaks the rules when an open rule stage (land reserved, disbursing) comes after a won rule stage of
 * the same pipeline: the won stage ends what the open one started. Stages are given in their new order.
 */
export function stageOrderProblem(
  kind: PipelineKind,
  ordered: readonly Pick<ConfiguredStage, 'key' | 'type'>[],
): StageRule | null {
  const rules = ruleStageKeys(kind);
  const wonAt = ordered.findIndex((stage) => stage.type === StageType.Won && rules.includes(stage.key));
  if (wonAt < 0) return null;
  const lateOpen = ordered
    .slice(wonAt + 1)
    .some((stage) => stage.type === StageType.Open && OPEN_RULE_STAGE_KEYS[kind].includes(stage.key));
  return lateOpen ? 'rule_stage_order' : null;
}

/**
 * Why `target` cannot take the items of the retiring stage, or null when it can. A retirement moves items without
 * a move's side effects, so: items keep their type (an open item must not become won or lost without the checks
 * of a move), never enter a won rule stage or a stage whose entry does something (entering "Land reserved"
 * reserves land), and stay on the same side of every open rule stage, so that none skips or undoes what entering
 * it does. What each item needs in the target is checked item by item (`retirementItemProblems`).
 */
export function retirementTargetProblem(
  kind: PipelineKind,
  stages: readonly ConfiguredStage[],
  retiring: ConfiguredStage,
  target: ConfiguredStage | null,
): StageRule | null {
  if (!target || !stages.some((stage) => stage.id === target.id)) return 'target_not_in_pipeline';
  if (target.id === retiring.id) return 'target_is_stage';
  if (target.retiredAt) return 'target_retired';
  if (target.type !== retiring.type) return 'target_type';
  if (target.type === StageType.Won && isRuleStage(kind, target.key)) return 'target_rule_stage';
  for (const key of OPEN_RULE_STAGE_KEYS[kind]) {
    const rule = stages.find((stage) => stage.key === key);
    if (rule && retiring.position >= rule.position !== target.position >= rule.position)
      return 'target_crosses_rule_stage';
  }
  if (ENTRY_EFFECT_STAGE_KEYS[kind].includes(target.key)) return 'target_rule_stage';
  return null;
}

/** The stages that may take the items of `retiring`, in pipeline order. */
export function retirementTargets<T extends ConfiguredStage>(
  kind: PipelineKind,
  stages: readonly T[],
  retiring: ConfiguredStage,
): T[] {
  return [...stages]
    .sort((a, b) => a.position - b.position)
    .filter((stage) => retirementTargetProblem(kind, stages, retiring, stage) === null);
}

/** An item of a retiring stage as its retirement checks it: the facts of the move rules and the land it holds. */
export interface RetiringItem extends MoveSubject {
  /** Land enquiries: hectares reserved for the enquiry in its zone (0 when none). */
  reservedHa?: number;
}

/**
 * Why an item of a retiring stage cannot go to `target` with the others, as field errors; empty when it can.
 *
 * The choice: a retirement moves an item only where a move by hand could take it, and changes nothing else. So
 * each item must meet what the target requires (fields, loan documents, tranches) under the same rules as a move;
 * when any fails, nothing moves and the manager is told which and why, to complete them or move them by hand
 * first. It needs no reason to close (items keep their type, and lost ones their lost reason). Reserved land is
 * refused rather than released: a move out of "Land reserved" releases it through the zone's ledger, which a
 * configuration change should not do behind the manager's back (leased land is final and stays with its item).
 */
export function retirementItemProblems(
  item: RetiringItem,
  target: StageRef,
  stages: readonly StageRef[],
): FieldError[] {
  const problems = entryProblems(item, target, stages);
  if ((item.reservedHa ?? 0) > 0) {
    problems.push({
      field: 'reservedHa',
      message: `holds ${item.reservedHa} ha of reserved land: move it on its own, so that the zone's land bank follows`,
    });
  }
  return problems;
}
