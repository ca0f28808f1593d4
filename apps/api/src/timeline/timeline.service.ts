import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  AuditAction,
  EditPayload,
  FieldChange,
  InteractionPayload,
  Page,
  RecordSubjectType,
  TimelineEntry,
  TimelineEntryKind,
} from '@irm/contracts';
import { isAuthoredKind, MAX_MENTIONS, mentionedUserIds } from '@irm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import { isManagerOrAdmin, Principal } from '../auth/principal';
import { RecordLinks } from '../records/record-links';
import { AppException, ErrorCode } from '../common/app-exception';
import { TIMESTAMP_TEXT } from '../common/instant';
import { decodeCursor, toPage } from '../common/pagination';
import { currentRequestContext } from '../common/request-context';
import { subjectExists } from './record-subjects';
import type { TimelineEntryEntity } from './timeline-entry.entity';
import type { CreateTimelineEntryDto, TimelineQueryDto, UpdateTimelineEntryDto } from './timeline.dto';
import { NewTimelineEntry, TimelineRepository, TimelineRow } from './timeline.repository';

const AUDIT_SUBJECT = 'timeline_entry';
/** A logged call may be dated a little ahead of the server's clock, not into the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** What another module appends to a record's timeline (inside its own transaction). */
export interface TimelineRecord {
  subjectType: RecordSubjectType;
  subjectId: string;
  kind: TimelineEntryKind;
  body?: string | null;
  occurredAt?: Date;
  /** Defaults to the person making the request; null for the system or an investor. */
  authorId?: string | null;
  payload?: Record<string, unknown> | null;
}

type AuthoredFields = Pick<
  UpdateTimelineEntryDto,
  'body' | 'occurredAt' | 'durationMinutes' | 'outcome' | 'participants'
>;

function toEntry(row: TimelineRow): TimelineEntry {
  return {
    id: row.id,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    kind: row.kind,
    body: row.body,
    occurredAt: new Date(row.occurredAt).toISOString(),
    authorId: row.authorId,
    authorName: row.authorName,
    mentions: row.mentionedUsers,
    payload: row.payload,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    version: row.version,
  };
}

const invalid = (field: string, message: string) =>
  new AppException(ErrorCode.ValidationFailed, `${field}: ${message}`, [{ field, message }]);

@Injectable()
export class TimelineService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entries: TimelineRepository,
    private readonly audit: AuditService,
    private readonly links: RecordLinks,
  ) {}

  onModuleInit(): void {
    // A merge of two investors or two contacts moves these rows to the one kept.
    this.links.register('timelineEntries', (manager, subject, fromId, toId) =>
      this.reassignSubject(manager, subject as RecordSubjectType, fromId, toId),
    );
  }

  async page(query: TimelineQueryDto): Promise<Page<TimelineEntry>> {
    await this.assertSubject(this.dataSource.manager, query.subjectType, query.subjectId);
    const before = query.cursor
      ? (decodeCursor(
          query.cursor,
          2,
          ([at, id]) => TIMESTAMP_TEXT.test(String(at)) && /^\d{1,18}$/.test(String(id)),
        ) as [string, string])
      : undefined;
    const rows = await this.entries.page({ ...query, before, limit: query.limit });
    return toPage(rows, query.limit, toEntry, (row) => [row.occurredAtKey, row.id]);
  }

  async create(principal: Principal, input: CreateTimelineEntryDto): Promise<TimelineEntry> {
    const fields = this.checkFields(input.kind, input, null);
    return this.dataSource.transaction(async (manager) => {
      await this.assertSubject(manager, input.subjectType, input.subjectId);
      const mentions = await this.checkMentions(manager, fields.body ?? null);
      const id = await this.entries.insert(manager, {
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        kind: input.kind,
        body: fields.body ?? null,
        occurredAt: fields.occurredAt ?? new Date(),
        authorId: principal.userId,
        mentions,
        payload: fields.payload ? { ...fields.payload } : null,
      });
      await this.audit.record(manager, {
        action: AuditAction.Create,
        subjectType: AUDIT_SUBJECT,
        subjectId: id,
        details: { subjectType: input.subjectType, subjectId: input.subjectId, kind: input.kind, mentions },
      });
      return toEntry((await this.entries.findById(id, manager))!);
    });
  }

  async update(principal: Principal, id: string, input: UpdateTimelineEntryDto): Promise<TimelineEntry> {
    const { version, ...changes } = input;
    return this.dataSource.transaction(async (manager) => {
      const before = this.checkChangeable(principal, await this.entries.findForUpdate(manager, id), version);
      const fields = this.checkFields(before.kind, changes, before);
      const values: Partial<TimelineEntryEntity> = {};
      if (changes.body !== undefined) {
        values.body = fields.body ?? null;
        values.mentions = await this.checkMentions(manager, values.body);
      }
      if (fields.occurredAt) values.occurredAt = fields.occurredAt;
      if (fields.payload !== undefined) values.payload = fields.payload ? { ...fields.payload } : null;
      await this.entries.update(manager, id, values);
      const changed = diff(before, values, ['body', 'occurredAt', 'mentions', 'payload']);
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: AUDIT_SUBJECT,
        subjectId: id,
        changes: changed,
        details: { subjectType: before.subjectType, subjectId: before.subjectId, kind: before.kind },
      });
      return toEntry((await this.entries.findById(id, manager))!);
    });
  }

  async remove(principal: Principal, id: string, version: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = this.checkChangeable(principal, await this.entries.findForUpdate(manager, id), version);
      await this.entries.delete(manager, id);
      await this.audit.record(manager, {
        action: AuditAction.Delete,
        subjectType: AUDIT_SUBJECT,
        subjectId: id,
        // What was removed, so the trail still tells what the entry said.
        details: {
          subjectType: before.subjectType,
          subjectId: before.subjectId,
          kind: before.kind,
          body: before.body,
          occurredAt: before.occurredAt,
          authorId: before.authorId,
          payload: before.payload,
        },
      });
    });
  }

  /** Appends an entry in the caller's transaction, so the entry and the change it tells of commit together. */
  async record(manager: EntityManager, entry: TimelineRecord): Promise<string> {
    const values: NewTimelineEntry = {
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      kind: entry.kind,
      body: entry.body ?? null,
      authorId: entry.authorId !== undefined ? entry.authorId : (currentRequestContext().principal?.userId ?? null),
      payload: entry.payload ?? null,
    };
    if (entry.occurredAt) values.occurredAt = entry.occurredAt;
    return this.entries.insert(manager, values);
  }

  /** An `edit` entry naming the changed fields (and, for a merge, what was merged in); nothing for a no-op update. */
  async recordEdit(
    manager: EntityManager,
    subjectType: RecordSubjectType,
    subjectId: string,
    action: EditPayload['action'],
    changes: Record<string, FieldChange>,
    mergedName?: string,
  ): Promise<void> {
    const fields = Object.keys(changes);
    if (action === 'update' && fields.length === 0) return;
    const payload: EditPayload = { action, fields, ...(mergedName !== undefined && { mergedName }) };
    await this.record(manager, { subjectType, subjectId, kind: TimelineEntryKind.Edit, payload: { ...payload } });
  }

  /** For merging records: the entries of `fromId` become the entries of `toId`. */
  reassignSubject(manager: EntityManager, subjectType: RecordSubjectType, fromId: string, toId: string) {
    return this.entries.reassignSubject(manager, subjectType, fromId, toId);
  }

  /** For deleting a record: its timeline goes with it (the audit trail keeps what happened). */
  forgetSubject(manager: EntityManager, subjectType: RecordSubjectType, subjectId: string): Promise<void> {
    return this.entries.deleteSubject(manager, subjectType, subjectId);
  }

  private async assertSubject(manager: EntityManager, type: RecordSubjectType, id: string): Promise<void> {
    if (!(await subjectExists(manager, type, id))) {
      throw new AppException(ErrorCode.NotFound, `The ${type.replace('_', ' ')} ${id} does not exist.`);
    }
  }

  /** Only the people's own notes, calls and meetings change; managers may change anyone's. */
  private checkChangeable(
    principal: Principal,
    entry: TimelineEntryEntity | null,
    version: number,
  ): TimelineEntryEntity {
    if (!entry) throw new AppException(ErrorCode.NotFound, 'The timeline entry does not exist.');
    if (!isAuthoredKind(entry.kind)) {
      throw new AppException(
        ErrorCode.RuleViolated,
        `A ${entry.kind} entry is written by the system and cannot change.`,
      );
    }
    if (!isManagerOrAdmin(principal) && entry.authorId !== principal.userId) {
      throw new AppException(ErrorCode.Forbidden, 'Only its author or a manager can change this entry.');
    }
    if (entry.version !== version) {
      throw new AppException(ErrorCode.StaleVersion, 'Someone else changed this entry; reload to see their change.');
    }
    return entry;
  }

  /**
   * The fields that fit the kind: a note has text and no call details, dated when written; a call or meeting
   * may be dated earlier (never ahead) and carries its duration, outcome and participants.
   */
  private checkFields(
    kind: TimelineEntryKind,
    input: AuthoredFields,
    before: TimelineEntryEntity | null,
  ): { body?: string | null; occurredAt?: Date; payload?: InteractionPayload | null } {
    const result: { body?: string | null; occurredAt?: Date; payload?: InteractionPayload | null } = {};
    if (input.body !== undefined) result.body = input.body === null ? null : input.body.trim();
    if (kind === TimelineEntryKind.Note) {
      if ((before === null || input.body !== undefined) && !result.body) throw invalid('body', 'a note needs text');
      for (const field of ['occurredAt', 'durationMinutes', 'outcome', 'participants'] as const) {
        if (input[field] !== undefined) throw invalid(field, 'applies to calls and meetings only');
      }
      return result;
    }
    if (input.occurredAt !== undefined) {
      result.occurredAt = new Date(input.occurredAt);
      if (result.occurredAt.getTime() > Date.now() + CLOCK_SKEW_MS)
        throw invalid('occurredAt', 'cannot be in the future');
    }
    const detailsGiven =
      input.durationMinutes !== undefined || input.outcome !== undefined || input.participants !== undefined;
    if (before === null || detailsGiven) {
      const previous = (before?.payload ?? {}) as Partial<InteractionPayload>;
      result.payload = {
        durationMinutes:
          input.durationMinutes !== undefined ? input.durationMinutes : (previous.durationMinutes ?? null),
        outcome: input.outcome !== undefined ? input.outcome : (previous.outcome ?? null),
        participants: (input.participants ?? previous.participants ?? []).filter((name) => name.length > 0),
      };
    }
    return result;
  }

  /** The people a text mentions, who must be active users. */
  private async checkMentions(manager: EntityManager, body: string | null): Promise<string[]> {
    const ids = mentionedUserIds(body);
    if (ids.length > MAX_MENTIONS) throw invalid('body', `mentions more than ${MAX_MENTIONS} people`);
    const known = await this.entries.activeUserIds(manager, ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) {
      throw new AppException(ErrorCode.RuleViolated, `Mentioned people must be active users: ${unknown.join(', ')}.`, [
        { field: 'body', message: `mentions someone who is not an active user (${unknown.join(', ')})` },
      ]);
    }
    return ids;
  }
}
