import { Injectable } from '@nestjs/common';
import type { AuditEvent } from '@irm/contracts';
import { DataSource } from 'typeorm';
import type { AuditQueryDto } from './audit.dto';

/** Newest first, keyset on id; the actor's name joined in the same query. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(query: AuditQueryDto, beforeId: string | undefined): Promise<AuditEvent[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.subjectType) add('e.subject_type = ?', query.subjectType);
    if (query.subjectId) add('e.subject_id = ?', query.subjectId);
    if (query.actorId) add('e.actor_id = ?', query.actorId);
    if (query.action) add('e.action = ?', query.action);
    if (query.from) add('e.occurred_at >= ?', query.from);
    if (query.to) add('e.occurred_at < ?', query.to);
    if (beforeId) add('e.id < ?', beforeId);
    params.push(query.limit + 1);
    return this.dataSource.query(
      `SELECT e.id::text AS id, e.occurred_at AS "occurredAt", e.action, e.actor_id AS "actorId", u.name AS "actorName",
              e.subject_type AS "subjectType", e.subject_id AS "subjectId", e.changes, e.ip, e.request_id AS "requestId", e.details
         FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.id DESC
        LIMIT $${params.length}`,
      params,
    );
  }
}
