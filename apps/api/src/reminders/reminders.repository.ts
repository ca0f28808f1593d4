import { Injectable } from '@nestjs/common';
import type { RecordSubjectType } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ReminderSlotKind, ReminderStatus } from './reminder.entity';

export interface ReminderPlan {
  slot: string;
  kind: ReminderSlotKind;
  subject?: { type: RecordSubjectType; id: string } | null;
  dueAt: Date;
  /**
   * Sent however long after its moment it is planned, because what it reminds of is still ahead (a deadline
   * nearer than its notice period). Otherwise `REMINDER_SKIP_AFTER_HOURS` applies.
   */
  sendLate?: boolean;
}

/** A reminder occurrence that now needs a job. */
export interface PlannedReminder {
  id: string;
  occurrence: number;
  dueAt: Date;
  /** `pending`, or `skipped` when its moment was already long past. */
  status: ReminderStatus;
}

export interface DueReminder {
  id: string;
  slot: string;
  kind: ReminderSlotKind;
  subjectType: RecordSubjectType | null;
  subjectId: string | null;
  dueAt: Date;
  status: ReminderStatus;
  occurrence: number;
}

export interface PendingReminder {
  id: string;
  dueAt: Date;
  occurrence: number;
  recoveries: number;
}

const DUE_COLUMNS = `id, slot, kind, subject_type AS "subjectType", subject_id AS "subjectId", due_at AS "dueAt",
  status, occurrence`;

@Injectable()
export class RemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Upserts reminders by slot. A slot gets a new occurrence when its time changes or when it was cancelled;
   * one already pending or fired at the same time is left alone. Returns the occurrences to give jobs.
   */
  async plan(
    manager: EntityManager,
    plans: readonly ReminderPlan[],
    skipAfterHours: number,
  ): Promise<PlannedReminder[]> {
    if (plans.length === 0) return [];
    return manager.query(
      `INSERT INTO reminder AS r (slot, kind, subject_type, subject_id, due_at, status)
       SELECT p.slot, p.kind, p.subject_type, p.subject_id, p.due_at,
              CASE WHEN NOT p.send_late AND p.due_at < now() - make_interval(hours => $6) THEN 'skipped'
                   ELSE 'pending' END::reminder_status
         FROM unnest($1::text[], $2::reminder_kind[], $3::record_subject_type[], $4::uuid[], $5::timestamptz[],
                     $7::boolean[]) AS p(slot, kind, subject_type, subject_id, due_at, send_late)
       ON CONFLICT (slot) DO UPDATE
          SET due_at = EXCLUDED.due_at, kind = EXCLUDED.kind, subject_type = EXCLUDED.subject_type,
              subject_id = EXCLUDED.subject_id, status = EXCLUDED.status, occurrence = r.occurrence + 1,
              recoveries = 0, fired_at = NULL, emails = NULL, updated_at = now()
        WHERE r.due_at IS DISTINCT FROM EXCLUDED.due_at OR r.status = 'cancelled'
       RETURNING id, occurrence, due_at AS "dueAt", status`,
      [
        plans.map((p) => p.slot),
        plans.map((p) => p.kind),
        plans.map((p) => p.subject?.type ?? null),
        plans.map((p) => p.subject?.id ?? null),
        plans.map((p) => p.dueAt),
        skipAfterHours,
        plans.map((p) => p.sendLate ?? false),
      ],
    );
  }

  /** Cancels the pending reminders of these slots; returns how many were pending. */
  async cancel(manager: EntityManager, slots: readonly string[]): Promise<number> {
    if (slots.length === 0) return 0;
    const [, count] = await manager.query(
      `UPDATE reminder SET status = 'cancelled', updated_at = now()
        WHERE slot = ANY($1::text[]) AND status = 'pending'`,
      [slots],
    );
    return Number(count);
  }

  /** Locks the reminder for its firing; waits for a planner that is changing it. */
  async lock(manager: EntityManager, id: string): Promise<DueReminder | undefined> {
    const [row] = await manager.query(`SELECT ${DUE_COLUMNS} FROM reminder WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  async markFired(manager: EntityManager, id: string, emails: number): Promise<void> {
    await manager.query(
      `UPDATE reminder SET status = 'fired', fired_at = now(), emails = $2, updated_at = now() WHERE id = $1`,
      [id, emails],
    );
  }

  /**
   * Pending reminders in (due, id) order after the given one, for the reconciler; without those whose first
   * job is still in the outbox (the relay will bring it).
   */
  pendingAfter(after: { dueAt: Date; id: string } | null, limit: number): Promise<PendingReminder[]> {
    return this.dataSource.query(
      `SELECT r.id, r.due_at AS "dueAt", r.occurrence, r.recoveries FROM reminder r
        WHERE r.status = 'pending' ${after ? 'AND (r.due_at, r.id) > ($2, $3)' : ''}
          AND NOT EXISTS (SELECT 1 FROM outbox_message o
                           WHERE o.relayed_at IS NULL AND o.job_id = 'reminder-' || r.id || '-' || r.occurrence)
        ORDER BY r.due_at, r.id LIMIT $1`,
      after ? [limit, after.dueAt, after.id] : [limit],
    );
  }

  /** Counts a recovery if the occurrence is still the pending one; false when it moved on meanwhile. */
  async countRecovery(id: string, occurrence: number): Promise<number | null> {
    const rows: { recoveries: number }[] = await this.dataSource.query(
      `UPDATE reminder SET recoveries = recoveries + 1, updated_at = now()
        WHERE id = $1 AND occurrence = $2 AND status = 'pending' RETURNING recoveries`,
      [id, occurrence],
    );
    return rows[0]?.recoveries ?? null;
  }
}
