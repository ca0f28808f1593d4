import { Injectable } from '@nestjs/common';
import { AuditAction, FieldChange } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { currentRequestContext, RequestContext } from '../common/request-context';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditEntry {
  action: AuditAction;
  subjectType?: string;
  subjectId?: string;
  changes?: Record<string, FieldChange> | null;
  details?: Record<string, unknown>;
  /** Overrides the request's actor, e.g. the user of a failed sign-in. */
  actorId?: string | null;
}

/** Fields compared for an update, with before/after values of those that changed. */
export function diff<T extends object>(
  before: T,
  after: Partial<T>,
  fields: readonly (keyof T)[],
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of fields) {
    if (!(field in after)) continue;
    const a = before[field];
    const b = after[field];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[String(field)] = { before: a ?? null, after: b ?? null };
  }
  return changes;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an event in the caller's transaction, so the trail and the change commit together. */
  async record(
    manager: EntityManager,
    entry: AuditEntry,
    context: RequestContext = currentRequestContext(),
  ): Promise<void> {
    const event = manager.create(AuditEventEntity, {
      action: entry.action,
      actorId: entry.actorId !== undefined ? entry.actorId : (context.principal?.userId ?? null),
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      changes: entry.changes ?? null,
      ip: context.ip,
      requestId: context.requestId,
      details: entry.details ?? null,
    });
    await manager.save(event);
  }

  /** Records many events with one statement, in the caller's transaction (bulk imports). */
  async recordMany(
    manager: EntityManager,
    entries: AuditEntry[],
    context: RequestContext = currentRequestContext(),
  ): Promise<void> {
    if (entries.length === 0) return;
    const actorId = context.principal?.userId ?? null;
    // One JSON parameter instead of eight per row: a thousand rows cost one round trip and little parsing.
    await manager.query(
      `INSERT INTO audit_event (action, actor_id, subject_type, subject_id, changes, ip, request_id, details)
       SELECT r.action, r.actor_id, r.subject_type, r.subject_id, r.changes, $2, $3, r.details
         FROM jsonb_to_recordset($1::jsonb) AS r(action audit_action, actor_id uuid, subject_type text,
              subject_id text, changes jsonb, details jsonb)`,
      [
        JSON.stringify(
          entries.map((entry) => ({
            action: entry.action,
            actor_id: entry.actorId !== undefined ? entry.actorId : actorId,
            subject_type: entry.subjectType ?? null,
            subject_id: entry.subjectId ?? null,
            changes: entry.changes ?? null,
            details: entry.details ?? null,
          })),
        ),
        context.ip,
        context.requestId,
      ],
    );
  }

  /** For events with no surrounding change (sign-in, denial). */
  recordNow(entry: AuditEntry, context?: RequestContext): Promise<void> {
    return this.record(this.dataSource.manager, entry, context);
  }
}
