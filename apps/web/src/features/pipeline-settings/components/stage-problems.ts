import type { ProblemDetails, StageRule } from '@irm/contracts';
import type { TFunction } from 'i18next';
import { isApiError } from '../../../shared/api';

const STAGE_RULES: readonly StageRule[] = [
  'rule_stage',
  'stage_has_items',
  'stage_was_used',
  'no_open_stage',
  'no_won_stage',
  'no_lost_stage',
  'closed_stage_with_sla',
  'position_out_of_range',
  'stage_order_incomplete',
  'rule_stage_order',
  'duplicate_name',
  'already_retired',
  'not_retired',
  'target_required',
  'target_not_in_pipeline',
  'target_is_stage',
  'target_retired',
  'target_type',
  'target_rule_stage',
  'target_crosses_rule_stage',
  'target_refuses_items',
];

/** The rule a 409 or 422 of the stage settings names, when it names one. */
export function stageRuleOf(error: unknown): StageRule | null {
  if (!isApiError(error)) return null;
  const rule = (error.problem as ProblemDetails & { rule?: unknown }).rule;
  return STAGE_RULES.find((known) => known === rule) ?? null;
}

export function isStalePipeline(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === 'stale_version';
}

/**
 * A refusal in the reader's language: the server words its details in English, so known rules and the stale
 * version are told from the codes; anything else falls back to the server's text.
 */
export function stageProblemMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unexpected');
  if (error.isNetworkError) return t('errors.network');
  if (error.status === 403) return t('errors.forbidden');
  if (isStalePipeline(error)) return t('pipelineSettings.problems.stale');
  const rule = stageRuleOf(error);
  if (rule === 'target_refuses_items') {
    const count = (error.problem as ProblemDetails & { refusedItems?: unknown }).refusedItems;
    return t('pipelineSettings.problems.target_refuses_items', { count: typeof count === 'number' ? count : 0 });
  }
  if (rule) return t(`pipelineSettings.problems.${rule}`);
  return error.problem.detail ?? error.problem.title;
}
