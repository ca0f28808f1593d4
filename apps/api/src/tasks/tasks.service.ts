import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  AuditAction,
  Page,
  RecordSubjectType,
  Task,
  TaskEventPayload,
  TaskSummary,
  TimelineEntryKind,
} from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import { isManagerOrAdmin, Principal } from '../auth/principal';
import { RecordLinks } from '../records/record-links';
import { AppException, ErrorCode } from '../common/app-exception';
import { TIMESTAMP_TEXT } from '../common/instant';
import { decodeCursor, toPage, UUID_PATTERN } from '../common/pagination';
import { AppConfig } from '../config/app-config';
import { subjectExists } from '../timeline/record-subjects';
import { TimelineService } from '../timeline/timeline.service';
import { taskReminderSlot } from '../reminders/reminder-slots';
import { ReminderSlotKind } from '../reminders/reminder.entity';
import { RemindersService } from '../reminders/reminders.service';
import type { CreateTaskDto, TaskListQueryDto, UpdateTaskDto } from './task.dto';
import type { TaskEntity } from './task.entity';
import { TaskRow, TasksRepository } from './tasks.repository';

const AUDIT_SUBJECT = 'task';
const AUDITED = [
  'title',
  'notes',
  'dueAt',
  'remindAt',
  'assigneeId',
  'subjectType',
  'subjectId',
  'done',
  'doneAt',
] as const;

/** A reminder time set this long ago still goes out (a form submitted slowly); older ones do not. */
const LATE_REMINDER_GRACE_MS = 5 * 60_000;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    dueAt: iso(row.dueAt)!,
    remindAt: iso(row.remindAt),
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectName: row.subjectName,
    done: row.done,
    doneAt: iso(row.doneAt),
    overdue: row.overdue,
    createdById: row.createdById,
    createdByName: row.createdByName,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    version: row.version,
  };
}

const invalid = (field: string, message: string) =>
  new AppException(ErrorCode.ValidationFailed, `${field}: ${message}`, [{ field, message }]);

@Injectable()
export class TasksService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TasksRepository,
    private readonly audit: AuditService,
    private readonly timeline: TimelineService,
    private readonly config: AppConfig,
    private readonly links: RecordLinks,
    private readonly reminders: RemindersService,
  ) {}

  onModuleInit(): void {
    // A merge of two investors or two contacts moves these rows to the one kept.
    this.links.register('tasks', (manager, subject, fromId, toId) =>
      this.reassignSubject(manager, subject as RecordSubjectType, fromId, toId),
    );
  }

  async list(principal: Principal, query: TaskListQueryDto): Promise<Page<Task>> {
    if (query.mine && query.assigneeId && query.assigneeId !== principal.userId) {
      throw invalid('assigneeId', 'cannot be someone else together with mine=true');
    }
    if (query.subjectId && !query.subjectType) throw invalid('subjectType', 'is required with subjectId');
    const after = query.cursor
      ? (decodeCursor(
          query.cursor,
          2,
          ([at, id]) => TIMESTAMP_TEXT.test(String(at)) && UUID_PATTERN.test(String(id)),
        ) as [string, string])
      : undefined;
    const rows = await this.tasks.list({
      assigneeId: query.mine ? principal.userId : query.assigneeId,
      bucket: query.bucket,
      subjectType: query.subjectType,
      subjectId: query.subjectId,
      after,
      limit: query.limit,
      timeZone: this.config.TZ_BUSINESS,
    });
    return toPage(rows, query.limit, toTask, (row) => [row.dueAtKey, row.id]);
  }

  summary(principal: Principal): Promise<TaskSummary> {
    return this.tasks.summary(principal.userId, this.config.TZ_BUSINESS);
  }

  async create(principal: Principal, input: CreateTaskDto): Promise<Task> {
    const assigneeId = input.assigneeId ?? principal.userId;
    this.checkAssigneeChoice(principal, assigneeId, null);
    const dueAt = new Date(input.dueAt);
    const remindAt = input.remindAt ? new Date(input.remindAt) : null;
    this.checkReminder(dueAt, remindAt);
    const subject = this.subjectOf(input, null);
    return this.dataSource.transaction(async (manager) => {
      await this.checkReferences(manager, assigneeId, subject);
      const done = input.done ?? false;
      const id = await this.tasks.insert(manager, {
        title: input.title,
        notes: input.notes ?? null,
        dueAt,
        remindAt,
        assigneeId,
        subjectType: subject.subjectType,
        subjectId: subject.subjectId,
        done,
        doneAt: done ? new Date() : null,
        createdById: principal.userId,
      });
      const created = (await this.tasks.findById(id, manager))!;
      await this.audit.record(manager, {
        action: AuditAction.Create,
        subjectType: AUDIT_SUBJECT,
        subjectId: id,
        changes: diff({} as TaskRow, created, AUDITED),
      });
      await this.recordOnTimeline(manager, created, 'created');
      await this.planReminder(manager, created);
      return toTask(created);
    });
  }

  async update(principal: Principal, id: string, input: UpdateTaskDto): Promise<Task> {
    const { version, ...changes } = input;
    return this.dataSource.transaction(async (manager) => {
      const before = this.checkEditable(principal, await this.tasks.findForUpdate(manager, id), version);
      this.checkAssigneeChoice(principal, changes.assigneeId, before.assigneeId);
      const values: Partial<TaskEntity> = {};
      if (changes.title !== undefined) values.title = changes.title;
      if (changes.notes !== undefined) values.notes = changes.notes;
      if (changes.dueAt !== undefined) values.dueAt = new Date(changes.dueAt);
      if (changes.remindAt !== undefined) values.remindAt = changes.remindAt ? new Date(changes.remindAt) : null;
      if (changes.assigneeId !== undefined) values.assigneeId = changes.assigneeId;
      this.checkReminder(
        values.dueAt ?? before.dueAt,
        values.remindAt !== undefined ? values.remindAt : before.remindAt,
      );
      // A moved due or reminder time is a new one to remind of.
      if (values.dueAt && values.dueAt.getTime() !== before.dueAt.getTime()) values.dueNotifiedAt = null;
      if (values.remindAt !== undefined && values.remindAt?.getTime() !== before.remindAt?.getTime())
        values.reminderSentAt = null;
      if (changes.subjectType !== undefined || changes.subjectId !== undefined) {
        Object.assign(values, this.subjectOf(changes, before));
      }
      if (changes.done !== undefined && changes.done !== before.done) {
        values.done = changes.done;
        values.doneAt = changes.done ? new Date() : null;
      }
      await this.checkReferences(
        manager,
        values.assigneeId !== undefined && values.assigneeId !== before.assigneeId ? values.assigneeId : null,
        values.subjectId !== undefined && values.subjectId !== before.subjectId
          ? { subjectType: values.subjectType ?? null, subjectId: values.subjectId ?? null }
          : { subjectType: null, subjectId: null },
      );
      await this.tasks.update(manager, id, values);
      const after = (await this.tasks.findById(id, manager))!;
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: AUDIT_SUBJECT,
        subjectId: id,
        changes: diff(before, after, AUDITED),
      });
      if (values.done !== undefined)
        await this.recordOnTimeline(manager, after, values.done ? 'completed' : 'reopened');
      await this.planReminder(manager, after);
      return toTask(after);
    });
  }

  async remove(principal: Principal, id: string, version: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = this.checkEditable(principal, await this.tasks.findForUpdate(manager, id), version);
      // Work handed to someone is withdrawn by whoever handed it out, not by the person it was given to.
      if (!isManagerOrAdmin(principal) && before.createdById !== principal.userId) {
        throw new AppException(ErrorCode.Forbidden, 'Only the person who created a task or a manager can delete it.');
      }
      await this.tasks.delete(manager, id);
      await this.reminders.cancel(manager, [taskReminderSlot(id)]);
      await this.audit.record(manager, {
        action: AuditAction.Delete,
        subjectType: AUDIT_SUBJECT,
        subjectId: id,
        details: Object.fromEntries(AUDITED.map((field) => [field, before[field]])),
      });
    });
  }

  /** For merging records: the tasks about `fromId` become tasks about `toId`. */
  reassignSubject(manager: EntityManager, subjectType: RecordSubjectType, fromId: string, toId: string) {
    return this.tasks.reassignSubject(manager, subjectType, fromId, toId);
  }

  /** For deleting a record: its tasks stay with their assignees, without a subject. */
  detachSubject(manager: EntityManager, subjectType: RecordSubjectType, subjectId: string): Promise<void> {
    return this.tasks.detachSubject(manager, subjectType, subjectId);
  }

  /** Staff change tasks given to them or that they created; managers any. */
  private checkEditable(principal: Principal, task: TaskEntity | null, version: number): TaskEntity {
    if (!task) throw new AppException(ErrorCode.NotFound, 'The task does not exist.');
    if (!isManagerOrAdmin(principal) && task.assigneeId !== principal.userId && task.createdById !== principal.userId) {
      throw new AppException(
        ErrorCode.Forbidden,
        'Only the assignee, the person who created the task or a manager can change it.',
      );
    }
    if (task.version !== version) {
      throw new AppException(ErrorCode.StaleVersion, 'Someone else changed this task; reload to see their change.');
    }
    return task;
  }

  /** Staff give tasks only to themselves; managers to anyone. */
  private checkAssigneeChoice(principal: Principal, assigneeId: string | undefined, current: string | null): void {
    if (assigneeId === undefined || assigneeId === current || assigneeId === principal.userId) return;
    if (!isManagerOrAdmin(principal))
      throw new AppException(ErrorCode.Forbidden, 'Only managers give tasks to others.');
  }

  /**
   * Schedules the assignee's reminder at the task's reminder time, moves it with that time, and cancels it
   * when the task is done. A reminder time already well past when set is not sent.
   */
  private async planReminder(manager: EntityManager, task: TaskRow): Promise<void> {
    const remindAt = task.remindAt ? new Date(task.remindAt) : null;
    const live = !task.done && remindAt !== null && remindAt.getTime() > Date.now() - LATE_REMINDER_GRACE_MS;
    await this.reminders.plan(manager, {
      slot: taskReminderSlot(task.id),
      kind: ReminderSlotKind.TaskReminder,
      subject: task.subjectType && task.subjectId ? { type: task.subjectType, id: task.subjectId } : null,
      dueAt: live ? remindAt : null,
    });
  }

  private checkReminder(dueAt: Date, remindAt: Date | null): void {
    if (remindAt && remindAt.getTime() > dueAt.getTime()) throw invalid('remindAt', 'must not be after dueAt');
  }

  /** Subject type and id come together: both set, or both cleared. */
  private subjectOf(
    input: { subjectType?: RecordSubjectType | null; subjectId?: string | null },
    before: TaskEntity | null,
  ): { subjectType: RecordSubjectType | null; subjectId: string | null } {
    const subjectType = input.subjectType !== undefined ? input.subjectType : (before?.subjectType ?? null);
    const subjectId = input.subjectId !== undefined ? input.subjectId : (before?.subjectId ?? null);
    if ((subjectType === null) !== (subjectId === null)) {
      throw invalid(subjectType === null ? 'subjectType' : 'subjectId', 'subjectType and subjectId go together');
    }
    // Another type with the old id would name a different record.
    if (
      before &&
      input.subjectType !== undefined &&
      input.subjectId === undefined &&
      subjectType !== before.subjectType
    ) {
      throw invalid('subjectId', 'is required when subjectType changes');
    }
    return { subjectType, subjectId };
  }

  /** The assignee is an active user and the subject exists (a type without records yet is a 400). */
  private async checkReferences(
    manager: EntityManager,
    assigneeId: string | null,
    subject: { subjectType: RecordSubjectType | null; subjectId: string | null },
  ): Promise<void> {
    if (assigneeId && !(await this.tasks.activeUserExists(manager, assigneeId))) {
      throw new AppException(ErrorCode.RuleViolated, 'The assignee must be an active user.', [
        { field: 'assigneeId', message: 'is not an active user' },
      ]);
    }
    if (subject.subjectType && subject.subjectId) {
      if (!(await subjectExists(manager, subject.subjectType, subject.subjectId))) {
        throw new AppException(ErrorCode.RuleViolated, `The ${subject.subjectType} does not exist.`, [
          { field: 'subjectId', message: 'does not exist' },
        ]);
      }
    }
  }

  /** A task about a record shows on that record's timeline when it is created, completed or reopened. */
  private async recordOnTimeline(manager: EntityManager, task: TaskRow, event: TaskEventPayload['event']) {
    if (!task.subjectType || !task.subjectId) return;
    const payload: TaskEventPayload = {
      taskId: task.id,
      event,
      title: task.title,
      dueAt: iso(task.dueAt)!,
      assigneeId: task.assigneeId,
      assigneeName: task.assigneeName,
    };
    await this.timeline.record(manager, {
      subjectType: task.subjectType,
      subjectId: task.subjectId,
      kind: TimelineEntryKind.Task,
      payload: { ...payload },
    });
  }
}
