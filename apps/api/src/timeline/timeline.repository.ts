import { Injectable } from '@nestjs/common';
import type { MentionedUser, RecordSubjectType, TimelineEntryKind } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { TimelineEntryEntity } from './timeline-entry.entity';

export interface TimelineFilter {
  subjectType: RecordSubjectType;
  subjectId: string;
  kind?: TimelineEntryKind;
  /** Keyset: occurred_at (Postgres text form) and id of the last row of the previous page. */
  before?: [string, string];
  limit: number;
}

export type TimelineRow = Omit<TimelineEntryEntity, 'author'> & {
  authorName: string | null;
  mentionedUsers: MentionedUser[];
  /** occurred_at as Postgres prints it, microseconds included, for the cursor. */
  occurredAtKey: string;
};

export type NewTimelineEntry = Pick<TimelineEntryEntity, 'subjectType' | 'subjectId' | 'kind'> &
  Partial<Pick<TimelineEntryEntity, 'body' | 'occurredAt' | 'authorId' | 'mentions' | 'payload'>>;

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * An email entry stores only the email's id; what it shows (recipient, subject, where its delivery stands)
 * is read from the email log by primary key, so the timeline never shows a stale status.
 */
const PAYLOAD = `CASE WHEN e.kind = 'email' THEN e.payload || COALESCE((
    SELECT jsonb_build_object('templateKey', m.template_key, 'recipientEmail', m.recipient_email,
             'recipientName', m.recipient_name, 'subject', m.subject, 'status', m.status, 'attempts', m.attempts,
             'lastError', m.last_error, 'sentAt', ${ISO('m.sent_at')}, 'failedAt', ${ISO('m.failed_at')})
      FROM email_message m WHERE m.id = (e.payload ->> 'emailMessageId')::uuid), '{}'::jsonb)
  ELSE e.payload END`;

// Mentioned people's current names in the same statement, in the order they were mentioned.
const COLUMNS = `e.id::text AS id, e.subject_type AS "subjectType", e.subject_id AS "subjectId", e.kind, e.body,
  e.occurred_at AS "occurredAt", e.occurred_at::text AS "occurredAtKey", e.author_id AS "authorId",
  a.name AS "authorName", e.mentions, ${PAYLOAD} AS payload, e.created_at AS "createdAt",
  e.updated_at AS "updatedAt", e.version,
  COALESCE((SELECT json_agg(json_build_object('id', m.id, 'name', m.name) ORDER BY array_position(e.mentions, m.id))
    FROM app_user m WHERE m.id = ANY(e.mentions)), '[]'::json) AS "mentionedUsers"`;
const FROM = `timeline_entry e LEFT JOIN app_user a ON a.id = e.author_id`;

@Injectable()
export class TimelineRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of one record's timeline, newest first, in one statement. */
  page(filter: TimelineFilter): Promise<TimelineRow[]> {
    const params: unknown[] = [filter.subjectType, filter.subjectId];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [`e.subject_type = $1`, `e.subject_id = $2`];
    if (filter.kind) where.push(`e.kind = ${param(filter.kind)}`);
    if (filter.before)
      where.push(
        `(e.occurred_at, e.id) < (${param(filter.before[0])}::timestamptz, ${param(filter.before[1])}::bigint)`,
      );
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')}
        ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${param(filter.limit + 1)}`,
      params,
    );
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<TimelineRow | null> {
    const rows: TimelineRow[] = await manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE e.id = $1`, [id]);
    return rows[0] ?? null;
  }

  findForUpdate(manager: EntityManager, id: string): Promise<TimelineEntryEntity | null> {
    return manager.getRepository(TimelineEntryEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(manager: EntityManager, entry: NewTimelineEntry): Promise<string> {
    // jsonb payloads are plain objects; TypeORM's deep-partial type cannot express that.
    const result = await manager.insert(TimelineEntryEntity, entry as never);
    return String((result.identifiers[0] as { id: string | number }).id);
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: Partial<Pick<TimelineEntryEntity, 'body' | 'occurredAt' | 'mentions' | 'payload'>>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(TimelineEntryEntity)
      .set({ ...changes, version: () => 'version + 1' } as never)
      .where('id = :id', { id })
      .execute();
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(TimelineEntryEntity, { id });
  }

  /** Of these ids, those that are active users. */
  async activeUserIds(manager: EntityManager, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND active`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Moves a record's entries to another record of the same type (a merge keeps the survivor's history whole). */
  async reassignSubject(
    manager: EntityManager,
    type: RecordSubjectType,
    fromId: string,
    toId: string,
  ): Promise<number> {
    const [, affected] = (await manager.query(
      `UPDATE timeline_entry SET subject_id = $3 WHERE subject_type = $1 AND subject_id = $2`,
      [type, fromId, toId],
    )) as [unknown, number];
    return affected;
  }

  async deleteSubject(manager: EntityManager, type: RecordSubjectType, id: string): Promise<void> {
    await manager.query(`DELETE FROM timeline_entry WHERE subject_type = $1 AND subject_id = $2`, [type, id]);
  }
}
