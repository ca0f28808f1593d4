import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  Board,
  BoardCard,
  BoardCardFigures,
  FieldChange,
  LocalizedText,
  MoveRequest,
  PipelineItemBase,
  PipelineKind,
  RecordSubjectType,
  StageMove,
  StageType,
  TimelineEntryKind,
  ZoneSector,
} from '@irm/contracts';
import { localDate, moveProblems, MoveSubject, WorkingDays } from '@irm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { actingUserId, type Principal } from '../auth/principal';
import { WorkingCalendarService } from '../calendar/working-calendar.service';
import { AppException, ErrorCode } from '../common/app-exception';
import { checkEditable, checkOwnerChoice } from '../common/owned-records';
import { decodeCursor, encodeCursor, UUID_PATTERN } from '../common/pagination';
import { TimelineService } from '../timeline/timeline.service';
import { ItemChanges, ItemFilter, ItemRow, ItemSort, ItemsRepository, LockedItem, NewItem } from './items.repository';

/** A stage as the engine reads it. */
export interface StageRow {
  id: string;
  pipelineId: string;
  key: string;
  nameVi: string;
  nameEn: string;
  type: StageType;
  position: number;
  slaWorkingDays: number | null;
  retiredAt: Date | null;
}

/** A move about to be written, as a kind's hook sees it (inside the move's transaction, rules passed). */
export interface ItemMove {
  principal: Principal;
  item: LockedItem;
  from: StageRow;
  to: StageRow;
  reason: string | null;
}

/** What a pipeline kind adds to the engine: extra facts for the rules, and effects of a move. */
export interface ItemKindHandler {
  kind: PipelineKind;
  /** How people call one, for messages: "land enquiry". */
  what: string;
  ruleFields?(manager: EntityManager, item: LockedItem): Promise<Partial<MoveSubject>>;
  onMove?(manager: EntityManager, move: ItemMove): Promise<void>;
  /** The figures its board cards show, from the common row the board has already read (no further query). */
  cardFigures?(row: ItemRow): BoardCardFigures;
}

export interface MoveOptions {
  /** Event-contact conversion: the only way into that pipeline's won stage. */
  converting?: boolean;
  convertedItemId?: string;
}

/** The fields of a new item besides its place in the pipeline. */
export type NewItemInput = Omit<
  NewItem,
  'kind' | 'pipelineId' | 'stageId' | 'ownerId' | 'stageEnteredAt' | 'slaDueOn' | 'overdueFrom' | 'closedAt'
> & {
  stageId?: string;
  /** The creator when absent. */
  ownerId?: string;
};

/** Common fields an item's edits compare for audit and timeline. */
const AUDITED: (keyof ItemChanges)[] = [
  'title',
  'ownerId',
  'organizationId',
  'contactId',
  'eventId',
  'zoneId',
  'sector',
  'source',
  'areaHa',
  'capitalUsd',
  'expectedJobs',
  'amountVnd',
];

function numberOrNull(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}

function stageName(vi: string | null, en: string | null): LocalizedText | null {
  return vi === null || en === null ? null : { vi, en };
}

/**
 * The pipeline engine: items of every kind are created in their pipeline's first open stage, listed, shown on
 * boards and moved between stages under the shared rules, each move written with its history row, audit event
 * and timeline entry in one transaction. Kinds plug their own rules and effects in as handlers.
 */
@Injectable()
export class ItemsService {
  private readonly handlers = new Map<PipelineKind, ItemKindHandler>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ItemsRepository,
    private readonly calendar: WorkingCalendarService,
    private readonly audit: AuditService,
    private readonly timeline: TimelineService,
  ) {}

  register(handler: ItemKindHandler): void {
    if (this.handlers.has(handler.kind)) throw new Error(`Pipeline kind ${handler.kind} is registered twice`);
    this.handlers.set(handler.kind, handler);
  }

  private handler(kind: PipelineKind): ItemKindHandler {
    return this.handlers.get(kind) ?? { kind, what: kind.replace('_', ' ') };
  }

  today(): string {
    return localDate(new Date(), this.calendar.timeZone);
  }

  async stages(manager: EntityManager, pipelineId: string): Promise<StageRow[]> {
    return manager.query(
      `SELECT id, pipeline_id AS "pipelineId", key, name_vi AS "nameVi", name_en AS "nameEn", type, position,
              sla_working_days AS "slaWorkingDays", retired_at AS "retiredAt"
         FROM stage WHERE pipeline_id = $1 ORDER BY position, id`,
      [pipelineId],
    );
  }

  async pipelineOf(manager: EntityManager, kind: PipelineKind): Promise<string> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM pipeline WHERE kind = $1`, [kind]);
    if (!rows.length) throw new AppException(ErrorCode.ServiceUnavailable, `The ${kind} pipeline is not set up yet.`);
    return rows[0].id;
  }

  async pipelineKind(pipelineId: string): Promise<PipelineKind> {
    const rows: { kind: PipelineKind }[] = await this.dataSource.query(`SELECT kind FROM pipeline WHERE id = $1`, [
      pipelineId,
    ]);
    if (!rows.length) throw new AppException(ErrorCode.NotFound, `Pipeline ${pipelineId} does not exist.`);
    return rows[0].kind;
  }

  /** Maps a read row to the common item shape; the working days in stage come from the calendar. */
  toBase(row: ItemRow, days: WorkingDays, now = new Date()): PipelineItemBase {
    return {
      id: row.id,
      kind: row.kind,
      pipelineId: row.pipelineId,
      stageId: row.stageId,
      stageKey: row.stageKey,
      stageType: row.stageType,
      title: row.title,
      ownerId: row.ownerId,
      ownerName: row.ownerName,
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      contactId: row.contactId,
      contactName: row.contactName,
      eventId: row.eventId,
      eventName: row.eventName,
      sector: row.sector as ZoneSector | null,
      source: row.source,
      stageEnteredAt: new Date(row.stageEnteredAt).toISOString(),
      slaDueOn: row.slaDueOn,
      overdue: row.overdue,
      daysInStage: days.elapsed(new Date(row.stageEnteredAt), row.closedAt ? new Date(row.closedAt) : now),
      lostReason: row.lostReason,
      closedAt: row.closedAt ? new Date(row.closedAt).toISOString() : null,
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
      version: row.version,
    };
  }

  /** Figures every kind shows, converted from their SQL text. */
  figures(row: ItemRow) {
    return {
      areaHa: numberOrNull(row.areaHa),
      capitalUsd: numberOrNull(row.capitalUsd),
      expectedJobs: row.expectedJobs,
      amountVnd: numberOrNull(row.amountVnd),
    };
  }

  async find(kind: PipelineKind, id: string, manager?: EntityManager): Promise<ItemRow> {
    const row = await this.items.findById(id, this.today(), manager);
    if (!row || row.kind !== kind)
      throw new AppException(ErrorCode.NotFound, `The ${this.handler(kind).what} ${id} does not exist.`);
    return row;
  }

  async calendarDays(): Promise<WorkingDays> {
    return this.calendar.current();
  }

  async list(filter: ItemFilter, sort: ItemSort, cursor: string | undefined, limit: number): Promise<ItemRow[]> {
    const after = cursor
      ? (decodeCursor(cursor, 3, ([s, , id]) => s === sort && UUID_PATTERN.test(String(id))).slice(1) as [
          string,
          string,
        ])
      : undefined;
    return this.items.list(filter, this.today(), sort, after, limit);
  }

  /**
   * Creates an item in the caller's transaction: history row, audit and timeline included. `extra` are the kind's
   * own fields, audited with the common ones (the kind writes them). Returns its id.
   */
  async create(
    manager: EntityManager,
    principal: Principal,
    kind: PipelineKind,
    input: NewItemInput,
    extra: Record<string, FieldChange> = {},
  ): Promise<string> {
    const ownerId = input.ownerId ?? principal.userId;
    checkOwnerChoice(principal, ownerId, null, this.handler(kind).what);
    await this.assertActiveUser(manager, ownerId);
    const pipelineId = await this.pipelineOf(manager, kind);
    const stages = await this.stages(manager, pipelineId);
    const stage = await this.lockStage(
      manager,
      (input.stageId
        ? stages.find((candidate) => candidate.id === input.stageId)
        : stages.find((candidate) => candidate.type === StageType.Open && !candidate.retiredAt)) ?? null,
    );
    if (!stage || stage.retiredAt || stage.type !== StageType.Open) {
      throw new AppException(ErrorCode.RuleViolated, 'A new item starts in an open stage of its pipeline.', [
        { field: 'stageId', message: 'is not an open, current stage of this pipeline' },
      ]);
    }
    const now = new Date();
    const days = await this.calendar.current(manager);
    const id = await this.items.insert(manager, {
      ...input,
      kind,
      ownerId,
      pipelineId,
      stageId: stage.id,
      stageEnteredAt: now,
      ...this.calendar.slaDates(days, now, stage.slaWorkingDays),
      closedAt: null,
    });
    await this.items.addHistory(manager, {
      itemId: id,
      pipelineId,
      fromStageId: null,
      toStageId: stage.id,
      ownerId,
      movedById: actingUserId(principal),
      movedAt: now,
      workingDaysInStage: null,
      breachedSla: false,
      reason: null,
    });
    const changes: Record<string, FieldChange> = { ...extra };
    for (const field of AUDITED) {
      const value = field === 'ownerId' ? ownerId : input[field];
      if (value !== undefined && value !== null) changes[field] = { before: null, after: value };
    }
    changes.stageId = { before: null, after: stage.id };
    await this.audit.record(manager, { action: AuditAction.Create, subjectType: kind, subjectId: id, changes });
    await this.timeline.recordEdit(manager, kind as unknown as RecordSubjectType, id, 'create', changes);
    return id;
  }

  /**
   * Locks an item the principal may change at the version they saw (404, 403, 409 otherwise), for a kind's
   * own edits inside the caller's transaction.
   */
  async lockForEdit(
    manager: EntityManager,
    principal: Principal,
    kind: PipelineKind,
    id: string,
    version: number,
  ): Promise<LockedItem> {
    return checkEditable(principal, await this.items.lock(manager, id, kind), version, this.handler(kind).what);
  }

  /**
   * Changes common fields of a locked item, bumps its version and records the change; `extra` are the kind's own
   * changed fields, audited with them. Returns what changed.
   */
  async update(
    manager: EntityManager,
    principal: Principal,
    before: LockedItem,
    changes: ItemChanges,
    extra: Record<string, FieldChange> = {},
  ): Promise<Record<string, FieldChange>> {
    checkOwnerChoice(principal, changes.ownerId, before.ownerId, this.handler(before.kind).what);
    if (changes.ownerId !== undefined && changes.ownerId !== before.ownerId)
      await this.assertActiveUser(manager, changes.ownerId);
    const edited: Record<string, FieldChange> = { ...extra };
    for (const field of AUDITED) {
      const after = changes[field];
      if (after !== undefined && after !== before[field]) edited[field] = { before: before[field] ?? null, after };
    }
    await this.items.update(manager, before.id, changes);
    if (Object.keys(edited).length) {
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: before.kind,
        subjectId: before.id,
        changes: edited,
      });
    }
    await this.timeline.recordEdit(manager, before.kind as unknown as RecordSubjectType, before.id, 'update', edited);
    return edited;
  }

  /** `POST /api/<items>/:id/move`: checks the rules on the locked row and writes the move. */
  move(principal: Principal, kind: PipelineKind, id: string, request: MoveRequest): Promise<void> {
    return this.dataSource.transaction((manager) => this.moveInTransaction(manager, principal, kind, id, request));
  }

  async moveInTransaction(
    manager: EntityManager,
    principal: Principal,
    kind: PipelineKind,
    id: string,
    request: MoveRequest,
    options: MoveOptions = {},
  ): Promise<void> {
    const handler = this.handler(kind);
    const item = await this.lockForEdit(manager, principal, kind, id, request.version);
    const stages = await this.stages(manager, item.pipelineId);
    const from = stages.find((stage) => stage.id === item.stageId)!;
    const to = await this.lockStage(manager, await this.findStage(manager, stages, request.stageId));
    const reason = request.reason?.trim() || null;
    const extra = handler.ruleFields ? await handler.ruleFields(manager, item) : {};
    const problems = moveProblems({
      item: { ...item, ...extra, kind, convertedItemId: options.convertedItemId ?? null },
      from: this.ruleStage(from),
      to: to && this.ruleStage(to),
      stages: stages.map((stage) => this.ruleStage(stage)),
      reason,
      converting: options.converting,
    });
    if (problems.length) {
      throw new AppException(ErrorCode.RuleViolated, `This ${handler.what} cannot move to that stage yet.`, problems);
    }
    const target = to!;
    if (handler.onMove) await handler.onMove(manager, { principal, item, from, to: target, reason });

    const now = new Date();
    const days = await this.calendar.current(manager);
    const workingDays = days.elapsed(new Date(item.stageEnteredAt), now);
    const today = localDate(now, this.calendar.timeZone);
    const breachedSla = item.overdueFrom !== null && item.overdueFrom <= today;
    const open = target.type === StageType.Open;
    await this.items.setStage(manager, id, {
      stageId: target.id,
      enteredAt: now,
      ...(open ? this.calendar.slaDates(days, now, target.slaWorkingDays) : { slaDueOn: null, overdueFrom: null }),
      closedAt: open ? null : now,
      lostReason: target.type === StageType.Lost ? reason : null,
    });
    await this.items.addHistory(manager, {
      itemId: id,
      pipelineId: item.pipelineId,
      fromStageId: from.id,
      toStageId: target.id,
      ownerId: item.ownerId,
      movedById: actingUserId(principal),
      movedAt: now,
      workingDaysInStage: workingDays,
      breachedSla,
      reason,
    });
    await this.audit.record(manager, {
      action: AuditAction.StageMove,
      subjectType: kind,
      subjectId: id,
      changes: { stageId: { before: from.id, after: target.id } },
      ...(reason && { details: { reason } }),
    });
    await this.timeline.record(manager, {
      subjectType: kind as unknown as RecordSubjectType,
      subjectId: id,
      kind: TimelineEntryKind.StageMove,
      body: reason,
      payload: {
        fromStageId: from.id,
        fromStage: { vi: from.nameVi, en: from.nameEn },
        toStageId: target.id,
        toStage: { vi: target.nameVi, en: target.nameEn },
        workingDaysInStage: workingDays,
        breachedSla,
      },
    });
  }

  async history(kind: PipelineKind, id: string): Promise<StageMove[]> {
    await this.find(kind, id);
    const rows = await this.items.history(id);
    return rows.map((row) => ({
      id: row.id,
      fromStageId: row.fromStageId,
      fromStageName: stageName(row.fromNameVi, row.fromNameEn),
      toStageId: row.toStageId,
      toStageName: { vi: row.toNameVi, en: row.toNameEn },
      movedAt: new Date(row.movedAt).toISOString(),
      movedById: row.movedById,
      movedByName: row.movedByName,
      workingDaysInStage: row.workingDaysInStage,
      reason: row.reason,
    }));
  }

  /** Every current stage with its count, overdue count, sums and first cards (retired stages left out). */
  async board(pipelineId: string, filter: ItemFilter, limit: number): Promise<Board> {
    const kind = await this.pipelineKind(pipelineId);
    const cardFigures = this.handler(kind).cardFigures;
    const stages = (await this.stages(this.dataSource.manager, pipelineId)).filter((stage) => !stage.retiredAt);
    const scoped = { ...filter, pipelineId };
    const today = this.today();
    const [{ stages: figures, cards }, days] = await Promise.all([
      this.items.board(
        scoped,
        stages.map((stage) => stage.id),
        today,
        limit,
      ),
      this.calendar.current(),
    ]);
    const now = new Date();
    return {
      pipelineId,
      kind,
      stages: stages.map((stage) => {
        const figure = figures.find((row) => row.stageId === stage.id);
        const stageCards = cards.filter((card) => card.stageId === stage.id);
        const shown = stageCards.slice(0, limit);
        const last = shown.at(-1);
        return {
          stageId: stage.id,
          count: figure?.count ?? 0,
          overdueCount: figure?.overdueCount ?? 0,
          totals: {
            areaHa: numberOrNull(figure?.areaHa ?? null),
            capitalUsd: numberOrNull(figure?.capitalUsd ?? null),
            amountVnd: numberOrNull(figure?.amountVnd ?? null),
          },
          cards: shown.map((card): BoardCard => Object.assign(this.toBase(card, days, now), cardFigures?.(card))),
          nextCursor:
            stageCards.length > limit && last ? encodeCursor(['stageEnteredAt', last.sortKey!, last.id]) : null,
        };
      }),
    };
  }

  private ruleStage(stage: StageRow) {
    return {
      id: stage.id,
      pipelineId: stage.pipelineId,
      key: stage.key,
      type: stage.type,
      position: stage.position,
      retiredAt: stage.retiredAt,
    };
  }

  /** The requested stage, found in this pipeline or (to say so) another one; null when there is none. */
  private async findStage(manager: EntityManager, stages: StageRow[], stageId: string): Promise<StageRow | null> {
    const own = stages.find((stage) => stage.id === stageId);
    if (own) return own;
    const other: StageRow[] = await manager.query(
      `SELECT id, pipeline_id AS "pipelineId", key, name_vi AS "nameVi", name_en AS "nameEn", type, position,
              sla_working_days AS "slaWorkingDays", retired_at AS "retiredAt"
         FROM stage WHERE id = $1`,
      [stageId],
    );
    return other[0] ?? null;
  }

  /**
   * Holds the target stage against a concurrent retirement (which locks it for update) and reads its retirement
   * again under that lock, so an item never lands in a stage retired at the same moment.
   */
  private async lockStage(manager: EntityManager, stage: StageRow | null): Promise<StageRow | null> {
    if (!stage) return null;
    const [row]: { retiredAt: Date | null }[] = await manager.query(
      `SELECT retired_at AS "retiredAt" FROM stage WHERE id = $1 FOR KEY SHARE`,
      [stage.id],
    );
    return row ? { ...stage, retiredAt: row.retiredAt } : null;
  }

  private async assertActiveUser(manager: EntityManager, userId: string): Promise<void> {
    const rows = await manager.query(`SELECT 1 FROM app_user WHERE id = $1 AND active`, [userId]);
    if (!rows.length) {
      throw new AppException(ErrorCode.RuleViolated, 'The owner must be an active user.', [
        { field: 'ownerId', message: 'is not an active user' },
      ]);
    }
  }
}
