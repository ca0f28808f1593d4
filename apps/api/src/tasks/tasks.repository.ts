import { Injectable } from '@nestjs/common';
import { RecordSubjectType, TaskBucket, TaskSummary } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { OwnedRecordRepository } from '../database/owned-record.repository';
import { subjectNameSql } from '../timeline/record-subjects';
import { TaskEntity } from './task.entity';

export interface TaskFilter {
  assigneeId?: string;
  bucket?: TaskBucket;
  subjectType?: RecordSubjectType;
  subjectId?: string;
  /** Keyset: due_at (Postgres text form) and id of the last row of the previous page. */
  after?: [string, string];
  limit: number;
  /** IANA zone whose calendar days divide today from upcoming. */
  timeZone: string;
}

export type TaskRow = Omit<TaskEntity, 'assignee' | 'createdBy'> & {
  assigneeName: string;
  createdByName: string;
  subjectName: string | null;
  overdue: boolean;
  dueAtKey: string;
};

const COLUMNS = `t.id, t.title, t.notes, t.due_at AS "dueAt", t.due_at::text AS "dueAtKey", t.remind_at AS "remindAt",
  t.assignee_id AS "assigneeId", a.name AS "assigneeName", t.subject_type AS "subjectType", t.subject_id AS "subjectId",
  ${subjectNameSql('t')} AS "subjectName", t.done, t.done_at AS "doneAt", (NOT t.done AND t.due_at < now()) AS overdue,
  t.created_by_id AS "createdById", c.name AS "createdByName", t.created_at AS "createdAt",
  t.updated_at AS "updatedAt", t.version`;
/** The people's names for rows of task aliased `t`. */
const JOINS = `JOIN app_user a ON a.id = t.assignee_id JOIN app_user c ON c.id = t.created_by_id`;

/** Start of tomorrow in the zone given by the SQL parameter `tz`. */
const startOfTomorrow = (tz: string) =>
  `((date_trunc('day', now() AT TIME ZONE ${tz}) + interval '1 day') AT TIME ZONE ${tz})`;

@Injectable()
export class TasksRepository extends OwnedRecordRepository<TaskEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, TaskEntity);
  }

  /**
   * One page in one statement, by due time (done tasks latest first): the page is chosen from task alone (open
   * ones through ix_task_done_due), then the names of people and subject are looked up for its rows.
   */
  list(filter: TaskFilter): Promise<TaskRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (filter.assigneeId) where.push(`t.assignee_id = ${param(filter.assigneeId)}`);
    if (filter.subjectType) where.push(`t.subject_type = ${param(filter.subjectType)}`);
    if (filter.subjectId) where.push(`t.subject_id = ${param(filter.subjectId)}`);
    switch (filter.bucket) {
      case TaskBucket.Overdue:
        where.push(`NOT t.done`, `t.due_at < now()`);
        break;
      case TaskBucket.Today:
        where.push(
          `NOT t.done`,
          `t.due_at >= now()`,
          `t.due_at < ${startOfTomorrow(`${param(filter.timeZone)}::text`)}`,
        );
        break;
      case TaskBucket.Upcoming:
        where.push(`NOT t.done`, `t.due_at >= ${startOfTomorrow(`${param(filter.timeZone)}::text`)}`);
        break;
      case TaskBucket.Done:
        where.push(`t.done`);
        break;
    }
    const descending = filter.bucket === TaskBucket.Done;
    if (filter.after) {
      where.push(
        `(t.due_at, t.id) ${descending ? '<' : '>'} (${param(filter.after[0])}::timestamptz, ${param(filter.after[1])}::uuid)`,
      );
    }
    const direction = descending ? 'DESC' : 'ASC';
    const order = `ORDER BY t.due_at ${direction}, t.id ${direction}`;
    return this.dataSource.query(
      `SELECT ${COLUMNS}
         FROM (SELECT * FROM task t ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ${order} LIMIT ${param(filter.limit + 1)}) t
         ${JOINS}
        ${order}`,
      params,
    );
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<TaskRow | null> {
    const rows: TaskRow[] = await manager.query(`SELECT ${COLUMNS} FROM task t ${JOINS} WHERE t.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Open tasks of one person per bucket, in one statement. */
  async summary(assigneeId: string, timeZone: string): Promise<TaskSummary> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE t.due_at < now())::int AS overdue,
              count(*) FILTER (WHERE t.due_at >= now() AND t.due_at < ${startOfTomorrow('$2::text')})::int AS today,
              count(*) FILTER (WHERE t.due_at >= ${startOfTomorrow('$2::text')})::int AS upcoming
         FROM task t WHERE t.assignee_id = $1 AND NOT t.done`,
      [assigneeId, timeZone],
    )) as TaskSummary[];
    return row;
  }

  /** Moves a record's tasks to another record of the same type (merge). */
  async reassignSubject(
    manager: EntityManager,
    type: RecordSubjectType,
    fromId: string,
    toId: string,
  ): Promise<number> {
    const [, affected] = (await manager.query(
      `UPDATE task SET subject_id = $3, version = version + 1, updated_at = now()
        WHERE subject_type = $1 AND subject_id = $2`,
      [type, fromId, toId],
    )) as [unknown, number];
    return affected;
  }

  /** A deleted record's tasks stay with their assignees, about nothing in particular. */
  async detachSubject(manager: EntityManager, type: RecordSubjectType, id: string): Promise<void> {
    await manager.query(
      `UPDATE task SET subject_type = NULL, subject_id = NULL, version = version + 1, updated_at = now()
        WHERE subject_type = $1 AND subject_id = $2`,
      [type, id],
    );
  }
}
