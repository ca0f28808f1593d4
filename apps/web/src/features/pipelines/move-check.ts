import type { FieldError, Language, LocalizedText, Pipeline, PipelineItemBase, Stage } from '@irm/contracts';
import { LOAN_DOCUMENTS, moveProblems, type MoveSubject, type StageRef } from '@irm/domain';
import type { TFunction } from 'i18next';

/** Subject fields the move rules read, as the item's own field names (the rules say `areaHa` for hectares). */
const SAME_NAME = [
  'sector',
  'organizationId',
  'contactId',
  'capitalUsd',
  'expectedJobs',
  'zoneId',
  'approvedVnd',
  'interestSupportRate',
  'termMonths',
  'plannedVnd',
  'disbursedVnd',
  'convertedItemId',
] as const;

/** Problem fields that are about the request, not about a field of the item. */
const REQUEST_FIELDS = new Set(['reason', 'stageId']);

export const stageRef = (pipeline: Pipeline, stage: Stage): StageRef => ({
  id: stage.id,
  pipelineId: pipeline.id,
  key: stage.key,
  type: stage.type,
  position: stage.position,
  retiredAt: stage.retiredAt,
});

/**
 * What the rules can know of an item from what the web app holds: a board card carries the common fields and its
 * kind's figures only, so a field it lacks is left out (and not taken for empty).
 */
function moveSubject(item: PipelineItemBase): MoveSubject {
  const source = item as unknown as Record<string, unknown>;
  const subject: Record<string, unknown> = { kind: item.kind };
  for (const field of SAME_NAME) if (field in source) subject[field] = source[field];
  if ('requestedAreaHa' in source) subject.areaHa = source.requestedAreaHa;
  if ('requestedVnd' in source) subject.amountVnd = source.requestedVnd;
  if (Array.isArray(source.documents)) {
    subject.documentKeys = (source.documents as { key: string; receivedAt: string | null }[])
      .filter((doc) => doc.receivedAt)
      .map((doc) => doc.key);
  }
  return subject as unknown as MoveSubject;
}

/**
 * The refusals the web app can foresee for a move, before asking the server (which stays the judge): only those
 * about fields it actually holds for this item.
 */
export function foreseenProblems(pipeline: Pipeline, item: PipelineItemBase, to: Stage, reason?: string): FieldError[] {
  const from = pipeline.stages.find((stage) => stage.id === item.stageId);
  if (!from) return [];
  const subject = moveSubject(item);
  const problems = moveProblems({
    item: subject,
    from: stageRef(pipeline, from),
    to: stageRef(pipeline, to),
    stages: pipeline.stages.map((stage) => stageRef(pipeline, stage)),
    reason: reason ?? null,
  });
  return problems.filter((problem) => {
    if (REQUEST_FIELDS.has(problem.field)) return true;
    if (problem.field === 'documents') return 'documentKeys' in subject;
    if (problem.field === 'tranches') return 'plannedVnd' in subject;
    return problem.field in subject;
  });
}

const REQUIREMENT = /^(is required|must name)/;
const LABELLED = new Set([
  'reason',
  'stageId',
  'sector',
  'organizationId',
  'contactId',
  'capitalUsd',
  'expectedJobs',
  'areaHa',
  'requestedAreaHa',
  'zoneId',
  'amountVnd',
  'requestedVnd',
  'approvedVnd',
  'interestSupportRate',
  'termMonths',
  'documents',
  'tranches',
  'version',
]);

type ProblemField = 'reason' | 'sector' | 'zoneId';

/** A field named in a refusal, as people call it. */
export function problemFieldLabel(field: string, t: TFunction): string {
  return LABELLED.has(field) ? t(`pipelines.problemField.${field as ProblemField}`) : field;
}

/** Refusals of other writes (a tranche, a document): the field as people call it, then the server's words. */
export function fieldProblemLines(problems: readonly FieldError[], t: TFunction): string[] {
  return problems.map(({ field, message }) => {
    const label = problemFieldLabel(field, t);
    return `${label.charAt(0).toLocaleUpperCase()}${label.slice(1)}: ${message}`;
  });
}

/**
 * One line per refusal, in the reader's language where the rule is known: a missing field reads "Zone is
 * needed in “Land reserved”", missing documents are named; anything else keeps the server's words after the
 * field's name.
 */
export function problemLines(
  problems: readonly FieldError[],
  t: TFunction,
  language: Language,
  stageName: string,
): string[] {
  return problems.map(({ field, message }) => {
    const label = problemFieldLabel(field, t);
    if (field === 'documents' && message.startsWith('missing:')) {
      const names = message
        .slice('missing:'.length)
        .split(',')
        .map((key) => key.trim())
        .map((key) => LOAN_DOCUMENTS.find((doc) => doc.key === key)?.name[language] ?? key);
      return t('pipelines.move.missingDocuments', { documents: names.join(', ') });
    }
    if (field === 'reason') return t('pipelines.move.reasonRequired');
    if (field === 'stageId') {
      if (message.includes('converting')) return t('pipelines.move.convertOnly');
      if (message.includes('already won')) return t('pipelines.move.alreadyWon');
      if (message.includes('retired')) return t('pipelines.move.retired');
      if (message.includes('disbursed')) return t('pipelines.move.disbursed');
    }
    if (REQUIREMENT.test(message)) return t('pipelines.move.fieldRequired', { field: label, stage: stageName });
    return `${label}: ${message}`;
  });
}

/** A refusal about the stage itself (already won, reached only by conversion): no filling in will change it. */
export function blockedMove(pipeline: Pipeline, item: PipelineItemBase, to: Stage): FieldError | undefined {
  return foreseenProblems(pipeline, item, to, 'reason given later').find((problem) => problem.field === 'stageId');
}

export const localized = (text: LocalizedText, language: Language) => text[language] || text.vi;
