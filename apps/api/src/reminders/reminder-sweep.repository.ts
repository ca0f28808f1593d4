import { Injectable } from '@nestjs/common';
import { PipelineKind, type RecordSubjectType } from '@irm/contracts';
import type { LocalDate } from '@irm/domain';
import { DataSource } from 'typeorm';
import { ReminderSlotKind } from './reminder.entity';
import { eventFollowUpSlot, slaEscalationSlot, slaOverdueSlot } from './reminder-slots';

/** The two reminder moments of every item first overdue on one date. */
export interface SlaMoments {
  overdueFrom: LocalDate;
  overdueAt: Date;
  escalationAt: Date;
}

export interface FollowUpMoment {
  endsOn: LocalDate;
  dueAt: Date;
}

/** A reminder the sweep found missing or at another time. */
export interface MissingReminder {
  slot: string;
  kind: ReminderSlotKind;
  subjectType: RecordSubjectType;
  subjectId: string;
  dueAt: Date;
}

export interface MissingFollowUp {
  slot: string;
  kind: ReminderSlotKind;
  eventId: string;
  dueAt: Date;
}

const ALL_ITEM_KINDS = Object.values(PipelineKind);
/** Items changed since a moment, read from ix_pipeline_item_kind_updated (one range per kind). */
const changedSinceSql = (alias: string, kinds: string, since: string) =>
  `${alias}.kind = ANY(${kinds}::pipeline_kind[]) AND ${alias}.updated_at >= ${since}`;

const SLA_KINDS = [ReminderSlotKind.SlaOverdue, ReminderSlotKind.SlaEscalation];
const slotPrefix = (slot: (id: string) => string) => slot('');

/**
 * The set-based queries of the reminder sweep. Each compares the table of things to remind about with the
 * `reminder` table by an anti-join on the slot, so a sweep in which nothing changed reads indexes and
 * writes nothing.
 */
@Injectable()
export class ReminderSweepRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The distinct first overdue days of open items (a few hundred at most: one per working day), or only of
   * those changed since a moment.
   */
  async overdueDates(changedSince: Date | null): Promise<LocalDate[]> {
    if (changedSince) {
      const changed: { date: string }[] = await this.dataSource.query(
        `SELECT DISTINCT to_char(i.overdue_from, 'YYYY-MM-DD') AS date FROM pipeline_item i
          WHERE ${changedSinceSql('i', '$1', '$2')} AND i.overdue_from IS NOT NULL AND i.closed_at IS NULL`,
        [ALL_ITEM_KINDS, changedSince],
      );
      return changed.map((row) => row.date);
    }
    // A loose index scan over ix_pipeline_item_overdue_open: one index probe per distinct date, not per item.
    const rows: { date: string }[] = await this.dataSource.query(
      `WITH RECURSIVE dates(d) AS (
         (SELECT overdue_from FROM pipeline_item
           WHERE overdue_from IS NOT NULL AND closed_at IS NULL ORDER BY overdue_from LIMIT 1)
         UNION ALL
         SELECT (SELECT overdue_from FROM pipeline_item
                  WHERE overdue_from > dates.d AND closed_at IS NULL ORDER BY overdue_from LIMIT 1)
           FROM dates WHERE dates.d IS NOT NULL)
       SELECT to_char(d, 'YYYY-MM-DD') AS date FROM dates WHERE d IS NOT NULL`,
    );
    return rows.map((row) => row.date);
  }

  /**
   * Open items whose overdue or escalation reminder is missing, cancelled, pending or skipped at another time, or fired
   * for another moment that is still to come. A reminder fired during the item's current stage entry is not
   * sent again when its moment moves into the past (a holiday added after the fact).
   */
  missingSla(moments: readonly SlaMoments[], limit: number, changedSince: Date | null): Promise<MissingReminder[]> {
    if (moments.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `WITH due AS (
         SELECT * FROM unnest($1::date[], $2::timestamptz[], $3::timestamptz[]) AS d(overdue_from, overdue_at, escalation_at))
       SELECT k.slot, k.kind, i.kind::text::record_subject_type AS "subjectType", i.id AS "subjectId", k.due_at AS "dueAt"
         FROM pipeline_item i
         JOIN due d ON d.overdue_from = i.overdue_from
        CROSS JOIN LATERAL (VALUES ($4::reminder_kind, $5 || i.id::text, d.overdue_at),
                                   ($6::reminder_kind, $7 || i.id::text, d.escalation_at)) AS k(kind, slot, due_at)
        WHERE i.closed_at IS NULL AND i.overdue_from IS NOT NULL
          ${changedSince ? `AND ${changedSinceSql('i', '$9', '$10')}` : ''}
          AND NOT EXISTS (
                SELECT 1 FROM reminder r
                 WHERE r.slot = k.slot
                   AND (r.status IN ('pending', 'skipped') AND r.due_at = k.due_at
                        OR r.status = 'fired'
                           AND (r.due_at = k.due_at OR (k.due_at <= now() AND r.fired_at >= i.stage_entered_at))))
        LIMIT $8`,
      [
        moments.map((m) => m.overdueFrom),
        moments.map((m) => m.overdueAt),
        moments.map((m) => m.escalationAt),
        ReminderSlotKind.SlaOverdue,
        slotPrefix(slaOverdueSlot),
        ReminderSlotKind.SlaEscalation,
        slotPrefix(slaEscalationSlot),
        limit,
        ...(changedSince ? [ALL_ITEM_KINDS, changedSince] : []),
      ],
    );
  }

  /**
   * Cancels pending overdue and escalation reminders whose item closed, was deleted or has no SLA any more.
   * An item that moved to another stage with an SLA got a new time from `missingSla` instead.
   */
  async cancelObsoleteSla(): Promise<number> {
    const [, count] = await this.dataSource.query(
      `UPDATE reminder r SET status = 'cancelled', updated_at = now()
        WHERE r.status = 'pending' AND r.kind = ANY($1::reminder_kind[])
          AND NOT EXISTS (SELECT 1 FROM pipeline_item i
                           WHERE i.id = r.subject_id AND i.closed_at IS NULL AND i.overdue_from IS NOT NULL)`,
      [SLA_KINDS],
    );
    return Number(count);
  }

  /** Last days of events whose follow-up may still be to come (none is more than 60 working days later). */
  async recentEventEnds(): Promise<LocalDate[]> {
    const rows: { date: string }[] = await this.dataSource.query(
      `SELECT DISTINCT to_char(ends_on, 'YYYY-MM-DD') AS date FROM promotion_event
        WHERE ends_on >= current_date - 120 ORDER BY 1`,
    );
    return rows.map((row) => row.date);
  }

  /**
   * Events whose follow-up is still to come and is missing or pending at another time (a holiday was added or
   * removed). A follow-up already sent is never re-planned here; editing the event's dates does that.
   */
  missingFollowUps(moments: readonly FollowUpMoment[], limit: number): Promise<MissingFollowUp[]> {
    if (moments.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `WITH due AS (SELECT * FROM unnest($1::date[], $2::timestamptz[]) AS d(ends_on, due_at))
       SELECT $3 || e.id::text AS slot, $4::reminder_kind AS kind, e.id AS "eventId", d.due_at AS "dueAt"
         FROM promotion_event e
         JOIN due d ON d.ends_on = e.ends_on
        WHERE d.due_at > now()
          AND NOT EXISTS (SELECT 1 FROM reminder r
                           WHERE r.slot = $3 || e.id::text
                             AND (r.status = 'fired' OR r.status IN ('pending', 'skipped') AND r.due_at = d.due_at))
        LIMIT $5`,
      [
        moments.map((m) => m.endsOn),
        moments.map((m) => m.dueAt),
        slotPrefix(eventFollowUpSlot),
        ReminderSlotKind.EventFollowUp,
        limit,
      ],
    );
  }

  /** Cancels pending follow-ups of events that no longer exist. */
  async cancelObsoleteFollowUps(): Promise<number> {
    const [, count] = await this.dataSource.query(
      `UPDATE reminder r SET status = 'cancelled', updated_at = now()
        WHERE r.status = 'pending' AND r.kind = $1::reminder_kind
          AND NOT EXISTS (SELECT 1 FROM promotion_event e WHERE e.id::text = substr(r.slot, length($2) + 1))`,
      [ReminderSlotKind.EventFollowUp, slotPrefix(eventFollowUpSlot)],
    );
    return Number(count);
  }
}
