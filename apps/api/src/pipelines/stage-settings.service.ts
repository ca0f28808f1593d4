import { Injectable } from '@nestjs/common';
import { AuditAction, PipelineKind, StageType } from '@irm/contracts';
import type { Pipeline, Stage, StageRetirement, StageRule, StageUsage } from '@irm/contracts';
import {
  isRuleStage,
  LandEnquiryStageKey,
  LoanApplicationStageKey,
  localDate,
  missingStageTypes,
  retirementItemProblems,
  retirementTargetProblem,
  stageKeyFromName,
  stageOrderProblem,
} from '@irm/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { WorkingCalendarService } from '../calendar/working-calendar.service';
import { AppException, ErrorCode } from '../common/app-exception';
import { toStage } from './pipeline-mappers';
import type { CreateStageDto, RetireStageDto, StageOrderDto, UpdateStageDto } from './pipelines.dto';
import { PipelineRow, PipelinesRepository, RetiringItemRow, StageRow } from './pipelines.repository';
import { PipelinesService } from './pipelines.service';

const STAGE = 'stage';
const PIPELINE = 'pipeline';
const RETIREMENT_REASON = 'stage retired';
/**
 * Some items of the retiring stage cannot enter the target (see retirementItemProblems). Not in the contracts'
 * StageRule list yet, so the web app shows the server's detail for it.
 */
const ITEMS_REFUSED = 'target_refuses_items';
/** How many refused items a 422 names; the rest are counted. */
const LISTED_ITEMS = 50;
const AUDITED = ['nameVi', 'nameEn', 'type', 'slaWorkingDays', 'publicLabelVi', 'publicLabelEn'] as const;

/** What a configuration change works on: the locked pipeline and its stages as they are now, in order. */
interface Locked {
  manager: EntityManager;
  pipeline: PipelineRow;
  stages: StageRow[];
}

/**
 * Managers' changes to a pipeline's stages. Each runs in one transaction that first locks the pipeline row, so
 * the rules are checked against the stages as they are, and bumps the pipeline's version.
 */
@Injectable()
export class StageSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pipelines: PipelinesRepository,
    private readonly reader: PipelinesService,
    private readonly audit: AuditService,
    private readonly calendar: WorkingCalendarService,
  ) {}

  async usage(pipelineId: string): Promise<StageUsage[]> {
    const rows = await this.pipelines.usage(pipelineId, localDate(new Date(), this.calendar.timeZone));
    // Every pipeline has stages: none means there is no such pipeline.
    if (rows.length === 0) await this.reader.get(pipelineId);
    return rows;
  }

  create(pipelineId: string, input: CreateStageDto): Promise<Stage> {
    return this.locked(pipelineId, async ({ manager, pipeline, stages }) => {
      if (input.version !== undefined) checkPipelineVersion(pipeline, input.version);
      const slaWorkingDays = input.slaWorkingDays ?? null;
      const position = input.position ?? stages.length + 1;
      if (position > stages.length + 1) {
        throw refuse(
          'position_out_of_range',
          `The pipeline has ${stages.length} stages: a new one goes at a position from 1 to ${stages.length + 1}.`,
          'position',
          `must be between 1 and ${stages.length + 1}`,
        );
      }
      checkSla(input.type, slaWorkingDays);
      checkDistinctNames(stages, null, input.nameVi, input.nameEn);
      const created = await this.pipelines.insertStage(manager, {
        pipelineId: pipeline.id,
        key: stageKeyFromName(
          input.nameEn,
          stages.map((stage) => stage.key),
        ),
        nameVi: input.nameVi,
        nameEn: input.nameEn,
        type: input.type,
        position,
        slaWorkingDays,
      });
      await this.pipelines.bumpPipeline(manager, pipeline.id);
      const stage = toStage(created);
      await this.audit.record(manager, {
        action: AuditAction.Create,
        subjectType: STAGE,
        subjectId: stage.id,
        details: { pipelineId: pipeline.id, ...stage },
      });
      return stage;
    });
  }

  update(pipelineId: string, stageId: string, input: UpdateStageDto): Promise<Stage> {
    return this.locked(pipelineId, async ({ manager, pipeline, stages }) => {
      const before = stageIn(stages, stageId, input.version);
      const type = input.type ?? before.type;
      const slaWorkingDays = input.slaWorkingDays !== undefined ? input.slaWorkingDays : before.slaWorkingDays;
      if (type !== before.type) {
        if (isRuleStage(pipeline.kind, before.key)) {
          throw refuse(
            'rule_stage',
            `“${before.nameEn}” is a stage the rules rely on: its type cannot change.`,
            'type',
            'cannot change: the rules rely on this stage',
          );
        }
        const items = await this.pipelines.countItems(manager, before.id);
        if (items > 0) {
          throw refuse(
            'stage_has_items',
            `${items} items are in “${before.nameEn}”: its type can change only when it is empty. Add a new stage instead, or retire this one.`,
            'type',
            `cannot change while ${items} items are in the stage`,
          );
        }
        checkComposition(
          stages.map((stage) => (stage.id === before.id ? { ...stage, type } : stage)),
          'type',
        );
      }
      checkSla(type, slaWorkingDays);
      checkDistinctNames(stages, before.id, input.nameVi ?? before.nameVi, input.nameEn ?? before.nameEn);

      const changes = Object.fromEntries(
        AUDITED.filter((field) => input[field] !== undefined).map((field) => [field, input[field]]),
      ) as Partial<Pick<StageRow, (typeof AUDITED)[number]>>;
      const changed = diff(before, changes, AUDITED);
      if (Object.keys(changed).length === 0) return toStage(before);
      const after = await this.pipelines.updateStage(manager, before.id, changes);
      await this.pipelines.bumpPipeline(manager, pipeline.id);
      const recomputedItems =
        'slaWorkingDays' in changed ? await this.calendar.recomputeSla(manager, before.id) : undefined;
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: STAGE,
        subjectId: before.id,
        changes: changed,
        details: { pipelineId: pipeline.id, key: before.key, recomputedItems },
      });
      return toStage(after);
    });
  }

  reorder(pipelineId: string, input: StageOrderDto): Promise<Pipeline> {
    return this.locked(pipelineId, async ({ manager, pipeline, stages }) => {
      checkPipelineVersion(pipeline, input.version);
      const byId = new Map(stages.map((stage) => [stage.id, stage]));
      const named = new Set(input.stageIds);
      if (
        named.size !== input.stageIds.length ||
        input.stageIds.length !== stages.length ||
        input.stageIds.some((id) => !byId.has(id))
      ) {
        throw refuse(
          'stage_order_incomplete',
          `A new order names each of the pipeline's ${stages.length} stages exactly once, retired ones included.`,
          'stageIds',
          `must list each of the ${stages.length} stages of the pipeline exactly once`,
        );
      }
      const ordered = input.stageIds.flatMap((id) => byId.get(id) ?? []);
      if (stageOrderProblem(pipeline.kind, ordered)) {
        const text = ruleStageOrderText(pipeline.kind, stages);
        throw refuse('rule_stage_order', `${text} The rules need that order.`, 'stageIds', text);
      }
      const unchanged = ordered.every((stage, index) => stage.id === stages[index].id);
      if (!unchanged) {
        await this.pipelines.setOrder(manager, pipeline.id, input.stageIds);
        await this.pipelines.bumpPipeline(manager, pipeline.id);
        await this.audit.record(manager, {
          action: AuditAction.Update,
          subjectType: PIPELINE,
          subjectId: pipeline.id,
          changes: {
            stageOrder: { before: stages.map((stage) => stage.key), after: ordered.map((stage) => stage.key) },
          },
        });
      }
      return this.reader.get(pipeline.id, manager);
    });
  }

  retire(principal: Principal, pipelineId: string, stageId: string, input: RetireStageDto): Promise<StageRetirement> {
    return this.locked(pipelineId, async ({ manager, pipeline, stages }) => {
      const stage = stageIn(stages, stageId, input.version);
      if (stage.retiredAt) {
        throw refuse('already_retired', `“${stage.nameEn}” is already retired.`, 'stageId', 'is already retired');
      }
      if (isRuleStage(pipeline.kind, stage.key)) {
        throw refuse(
          'rule_stage',
          `“${stage.nameEn}” is a stage the rules rely on: it cannot be retired.`,
          'stageId',
          'cannot be retired: the rules rely on this stage',
        );
      }
      // Nothing may enter the stage while it is emptied (see lockStage), nor its items leave.
      await this.pipelines.lockStage(manager, stage.id);
      const retiring = await this.pipelines.retiringItems(manager, stage.id);
      const items = retiring.length;
      const target = input.moveItemsToStageId
        ? (stages.find((candidate) => candidate.id === input.moveItemsToStageId) ?? null)
        : undefined;
      if (items > 0 && target === undefined) {
        throw refuse(
          'target_required',
          `${items} items are in “${stage.nameEn}”: choose the stage they move to.`,
          'moveItemsToStageId',
          `is required: ${items} items are in the stage`,
        );
      }
      if (target !== undefined) {
        const problem = retirementTargetProblem(pipeline.kind, stages, stage, target);
        if (problem) throw targetRefusal(problem, pipeline.kind, stages, stage, target);
      }
      checkComposition(
        stages.map((other) => (other.id === stage.id ? { ...other, retiredAt: new Date() } : other)),
        'stageId',
      );
      if (items > 0 && target) checkItemsMayEnter(stages, stage, target, retiring);

      const now = new Date();
      const retired = await this.pipelines.updateStage(manager, stage.id, { retiredAt: now });
      const movedItems =
        items > 0 && target ? await this.moveItems(manager, principal, pipeline, stage, target, now) : 0;
      await this.pipelines.bumpPipeline(manager, pipeline.id);
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: STAGE,
        subjectId: stage.id,
        changes: { retiredAt: { before: null, after: now.toISOString() } },
        details: {
          pipelineId: pipeline.id,
          key: stage.key,
          movedItems,
          ...(target ? { movedItemsToStageId: target.id, movedItemsToStageKey: target.key } : {}),
        },
      });
      return { stage: toStage(retired), movedItems };
    });
  }

  restore(pipelineId: string, stageId: string, version: number): Promise<Stage> {
    return this.locked(pipelineId, async ({ manager, pipeline, stages }) => {
      const stage = stageIn(stages, stageId, version);
      if (!stage.retiredAt) {
        throw refuse('not_retired', `“${stage.nameEn}” is not retired.`, 'stageId', 'is not retired');
      }
      checkDistinctNames(stages, stage.id, stage.nameVi, stage.nameEn);
      const restored = await this.pipelines.updateStage(manager, stage.id, { retiredAt: null });
      await this.pipelines.bumpPipeline(manager, pipeline.id);
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: STAGE,
        subjectId: stage.id,
        changes: { retiredAt: { before: new Date(stage.retiredAt).toISOString(), after: null } },
        details: { pipelineId: pipeline.id, key: stage.key },
      });
      return toStage(restored);
    });
  }

  remove(pipelineId: string, stageId: string, version: number): Promise<void> {
    return this.locked(pipelineId, async ({ manager, pipeline, stages }) => {
      const stage = stageIn(stages, stageId, version);
      if (isRuleStage(pipeline.kind, stage.key)) {
        throw refuse(
          'rule_stage',
          `“${stage.nameEn}” is a stage the rules rely on: it cannot be deleted.`,
          'stageId',
          'cannot be deleted: the rules rely on this stage',
        );
      }
      await this.pipelines.lockStage(manager, stage.id);
      const used = await this.pipelines.stageWasUsed(manager, stage.id);
      if (used.items || used.history) throw wasUsed(stage);
      const remaining = stages.filter((other) => other.id !== stage.id);
      checkComposition(remaining, 'stageId');
      try {
        await this.pipelines.deleteStage(manager, stage.id);
      } catch (error) {
        // A reference the checks above could not see (written by a transaction that began before them).
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503')
          throw wasUsed(stage);
        throw error;
      }
      await this.pipelines.setOrder(
        manager,
        pipeline.id,
        remaining.map((other) => other.id),
      );
      await this.pipelines.bumpPipeline(manager, pipeline.id);
      await this.audit.record(manager, {
        action: AuditAction.Delete,
        subjectType: STAGE,
        subjectId: stage.id,
        details: { pipelineId: pipeline.id, ...toStage(stage) },
      });
    });
  }

  private async locked<T>(pipelineId: string, work: (locked: Locked) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const pipeline = await this.pipelines.lockPipeline(manager, pipelineId);
      if (!pipeline) throw new AppException(ErrorCode.NotFound, `Pipeline ${pipelineId} does not exist.`);
      return work({ manager, pipeline, stages: await this.pipelines.stagesOf(manager, pipeline.id) });
    });
  }

  /**
   * Every item of `from` into `to` in one statement, with SLA dates for the new stage, a new version, and a
   * history row, timeline entry and audit event each. Returns how many moved.
   */
  private async moveItems(
    manager: EntityManager,
    principal: Principal,
    pipeline: PipelineRow,
    from: StageRow,
    to: StageRow,
    now: Date,
  ): Promise<number> {
    const days = await this.calendar.current(manager);
    const timeZone = this.calendar.timeZone;
    const today = localDate(now, timeZone);
    const entered = await this.pipelines.entryDates(manager, from.id, timeZone);
    const sla =
      to.type === StageType.Open
        ? this.calendar.slaDates(days, now, to.slaWorkingDays)
        : { slaDueOn: null, overdueFrom: null };
    const moved = await this.pipelines.moveAllItems(manager, {
      pipelineId: pipeline.id,
      fromStageId: from.id,
      toStageId: to.id,
      movedAt: now,
      movedById: principal.userId,
      ...sla,
      today,
      timeZone,
      reason: RETIREMENT_REASON,
      fromName: { vi: from.nameVi, en: from.nameEn },
      toName: { vi: to.nameVi, en: to.nameEn },
      workingDays: entered.map((date) => [date, Math.max(0, days.between(date, today))]),
    });
    await this.audit.recordMany(
      manager,
      moved.map((id) => ({
        action: AuditAction.StageMove,
        subjectType: pipeline.kind,
        subjectId: id,
        changes: { stageId: { before: from.id, after: to.id } },
        details: { reason: RETIREMENT_REASON },
      })),
    );
    return moved.length;
  }
}

/** A 409 or 422 naming the rule (for the web app's wording) and the field it is about. */
function refuse(
  rule: StageRule,
  detail: string,
  field: string,
  message: string,
  code: ErrorCode = ErrorCode.RuleViolated,
): AppException {
  return new AppException(code, detail, [{ field, message }], undefined, { rule });
}

function checkPipelineVersion(pipeline: PipelineRow, version: number): void {
  if (pipeline.version !== version) {
    throw new AppException(ErrorCode.StaleVersion, 'Someone else changed this pipeline; reload to see their change.');
  }
}

/** The stage of this pipeline, at the version the caller read. */
function stageIn(stages: StageRow[], stageId: string, version: number): StageRow {
  const stage = stages.find((candidate) => candidate.id === stageId);
  if (!stage) throw new AppException(ErrorCode.NotFound, `The pipeline has no stage ${stageId}.`);
  if (stage.version !== version) {
    throw new AppException(ErrorCode.StaleVersion, 'Someone else changed this stage; reload to see their change.');
  }
  return stage;
}

function checkSla(type: StageType, slaWorkingDays: number | null): void {
  if (type !== StageType.Open && slaWorkingDays !== null) {
    throw refuse(
      'closed_stage_with_sla',
      'A won or lost stage closes its items, so it has no SLA.',
      'slaWorkingDays',
      'must be empty for a won or lost stage',
    );
  }
}

/** Two stages in use with one name would be told apart by nobody on the board. */
function checkDistinctNames(stages: StageRow[], self: string | null, nameVi: string, nameEn: string): void {
  const same = (a: string, b: string) => a.trim().toLocaleLowerCase('vi') === b.trim().toLocaleLowerCase('vi');
  const others = stages.filter((stage) => stage.id !== self && !stage.retiredAt);
  const errors = [
    ...(others.some((stage) => same(stage.nameVi, nameVi))
      ? [{ field: 'nameVi', message: `another stage of this pipeline is already called “${nameVi}”` }]
      : []),
    ...(others.some((stage) => same(stage.nameEn, nameEn))
      ? [{ field: 'nameEn', message: `another stage of this pipeline is already called “${nameEn}”` }]
      : []),
  ];
  if (errors.length > 0) {
    throw new AppException(
      ErrorCode.Conflict,
      'Another stage of this pipeline already has that name.',
      errors,
      undefined,
      { rule: 'duplicate_name' satisfies StageRule },
    );
  }
}

const MISSING_TEXT: Record<string, string> = {
  no_open_stage: 'at least one open stage',
  no_won_stage: 'a won stage',
  no_lost_stage: 'a lost stage',
};

function checkComposition(stages: Pick<StageRow, 'type' | 'retiredAt'>[], field: string): void {
  const [missing] = missingStageTypes(stages);
  if (missing) {
    throw refuse(
      missing,
      `A pipeline needs ${MISSING_TEXT[missing]} in use; this change would leave it without.`,
      field,
      `would leave the pipeline without ${MISSING_TEXT[missing]}`,
    );
  }
}

/** The open rule stage of a pipeline and the won one that ends it, by their current English names. */
function ruleStagePair(kind: PipelineKind, stages: StageRow[]): [string, string] {
  const name = (key: string, fallback: string) => stages.find((stage) => stage.key === key)?.nameEn ?? fallback;
  return kind === PipelineKind.LoanApplication
    ? [name(LoanApplicationStageKey.Disbursing, 'Disbursing'), name(LoanApplicationStageKey.Closed, 'Closed')]
    : [name(LandEnquiryStageKey.LandReserved, 'Land reserved'), name(LandEnquiryStageKey.LeaseSigned, 'Lease signed')];
}

function ruleStageOrderText(kind: PipelineKind, stages: StageRow[]): string {
  const [open, won] = ruleStagePair(kind, stages);
  return `“${open}” must come before “${won}”.`;
}

function wasUsed(stage: StageRow): AppException {
  return refuse(
    'stage_was_used',
    `Items are or were in “${stage.nameEn}”, and their history names it: retire the stage instead of deleting it.`,
    'stageId',
    'has items or stage history: retire it instead',
    ErrorCode.Conflict,
  );
}

/**
 * A retirement moves an item only where a move by hand could take it (see retirementItemProblems): when some
 * items cannot enter the target, nothing moves and the 422 says how many, which (the first ones) and why.
 */
function checkItemsMayEnter(stages: StageRow[], from: StageRow, to: StageRow, items: RetiringItemRow[]): void {
  const refused = items.flatMap((item) => {
    const errors = retirementItemProblems(item, to, stages);
    return errors.length > 0 ? [{ id: item.id, title: item.title, errors }] : [];
  });
  if (refused.length === 0) return;
  const reasons = new Map<string, number>();
  for (const { errors } of refused) {
    for (const error of errors) {
      const text = `${error.field} ${error.message}`;
      reasons.set(text, (reasons.get(text) ?? 0) + 1);
    }
  }
  const why = [...reasons].map(([text, count]) => `${text} (${count})`).join('; ');
  const message = `${refused.length} of the ${items.length} items cannot enter “${to.nameEn}”: ${why}`;
  throw new AppException(
    ErrorCode.RuleViolated,
    `${refused.length} of the ${items.length} items in “${from.nameEn}” cannot move to “${to.nameEn}”: ${why}. ` +
      'Complete them or move them on their own first; nothing was moved.',
    [{ field: 'moveItemsToStageId', message }],
    undefined,
    { rule: ITEMS_REFUSED, refusedItems: refused.length, items: refused.slice(0, LISTED_ITEMS) },
  );
}

type TargetText = (stage: StageRow, target: StageRow | null, ruleStage: string) => string;

const TARGET_TEXT: Record<string, TargetText> = {
  target_not_in_pipeline: () => 'is not a stage of this pipeline',
  target_is_stage: () => 'is the stage being retired',
  target_retired: () => 'is retired: choose a stage in use',
  target_type: (stage, target) =>
    `is a ${target?.type} stage; the items of a ${stage.type} stage go to a ${stage.type} stage`,
  target_rule_stage: (_stage, target) =>
    `is “${target?.nameEn}”, which items enter only through a move that checks its rule`,
  target_crosses_rule_stage: (_stage, _target, ruleStage) =>
    `lies on the other side of “${ruleStage}”: the items would skip or undo what entering it does`,
};

function targetRefusal(
  rule: StageRule,
  kind: PipelineKind,
  stages: StageRow[],
  stage: StageRow,
  target: StageRow | null,
): AppException {
  const message = TARGET_TEXT[rule](stage, target, ruleStagePair(kind, stages)[0]);
  return refuse(rule, `The items cannot move there: the stage ${message}.`, 'moveItemsToStageId', message);
}
