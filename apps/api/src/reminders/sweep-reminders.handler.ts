import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkingCalendarService } from '../calendar/working-calendar.service';
import { AppConfig } from '../config/app-config';
import { JobHandler } from '../queue/job-handler.decorator';
import type { SweepRemindersPayload } from '../queue/job-payloads';
import { JobName } from '../queue/queue-names';
import { eventFollowUpDueAt, slaEscalationDueAt, slaOverdueDueAt } from './reminder-times';
import { ReminderSweepRepository } from './reminder-sweep.repository';
import { RemindersService } from './reminders.service';

/** Reminders planned per transaction; a first sweep over many overdue items commits in steps. */
const BATCH = 1_000;
/**
 * An incremental sweep looks at items changed since the previous sweep began, less this margin for
 * transactions that were still open then (`updated_at` is their start time).
 */
const OVERLAP_MS = 5 * 60_000;
/** A full comparison at least this often, whatever else happens: a safety net for the incremental ones. */
const FULL_EVERY_MS = 60 * 60_000;

/**
 * Plans the SLA reminders of every open item from its stored `overdue_from`, which creating, moving, closing
 * and deleting items, and the SLA recompute after holiday or SLA edits, all keep up to date: one sweep here
 * instead of a planning call in each of those places. It also moves pending event follow-ups when holidays
 * change (the events service plans them when an event is created or its dates change). Runs every minute;
 * when nothing changed it reads indexes and writes nothing.
 */
@JobHandler(JobName.SweepReminders)
export class SweepRemindersHandler implements JobHandler<JobName.SweepReminders> {
  private readonly logger = new Logger(SweepRemindersHandler.name);
  /** What the last full sweep in this process was made with; a different calendar needs another. */
  private lastFull: { at: number; calendar: string } | null = null;
  private lastStartedAt: number | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sweep: ReminderSweepRepository,
    private readonly reminders: RemindersService,
    private readonly calendar: WorkingCalendarService,
    private readonly config: AppConfig,
  ) {}

  async handle({ reason }: SweepRemindersPayload): Promise<void> {
    const { planned, cancelled } = await this.sweepOnce({ full: reason === 'worker-start' });
    if (planned > 0 || cancelled > 0 || reason === 'worker-start') {
      this.logger.log({ msg: 'reminders swept', reason, planned, cancelled });
    }
  }

  /**
   * One sweep; returns the occurrences it planned and the reminders it cancelled. Compares every open item
   * with its reminders when asked, at the first run in this process, hourly, and when the holidays changed
   * (escalation moments move with them even where `overdue_from` does not); otherwise only items changed
   * since the previous sweep (every change of SLA dates touches `updated_at`).
   */
  async sweepOnce({ full = false }: { full?: boolean } = {}): Promise<{ planned: number; cancelled: number }> {
    const startedAt = Date.now();
    const days = await this.calendar.current();
    const timeZone = this.calendar.timeZone;
    const calendarKey = [...days.calendar.holidays].join(',');
    const fullNow =
      full ||
      !this.lastFull ||
      this.lastStartedAt === null ||
      this.lastFull.calendar !== calendarKey ||
      startedAt - this.lastFull.at >= FULL_EVERY_MS;
    const changedSince = fullNow ? null : new Date(this.lastStartedAt! - OVERLAP_MS);

    const slaMoments = (await this.sweep.overdueDates(changedSince)).map((overdueFrom) => ({
      overdueFrom,
      overdueAt: slaOverdueDueAt(overdueFrom, timeZone),
      escalationAt: slaEscalationDueAt(days, overdueFrom, this.config.SLA_ESCALATION_WORKING_DAYS),
    }));
    let planned = 0;
    for (;;) {
      const missing = await this.sweep.missingSla(slaMoments, BATCH, changedSince);
      if (missing.length === 0) break;
      const made = await this.dataSource.transaction((manager) =>
        this.reminders.planMany(
          manager,
          missing.map((m) => ({
            slot: m.slot,
            kind: m.kind,
            subject: { type: m.subjectType, id: m.subjectId },
            dueAt: m.dueAt,
          })),
        ),
      );
      planned += made.length;
      // Nothing made means a concurrent sweep planned them first; the next run looks again.
      if (missing.length < BATCH || made.length === 0) break;
    }

    const followUpMoments = (await this.sweep.recentEventEnds()).map((endsOn) => ({
      endsOn,
      dueAt: eventFollowUpDueAt(days, endsOn, this.config.EVENT_FOLLOW_UP_WORKING_DAYS),
    }));
    const followUps = await this.sweep.missingFollowUps(followUpMoments, BATCH);
    if (followUps.length > 0) {
      const made = await this.dataSource.transaction((manager) =>
        this.reminders.planMany(
          manager,
          followUps.map((m) => ({ slot: m.slot, kind: m.kind, dueAt: m.dueAt })),
        ),
      );
      planned += made.length;
    }

    const cancelled = (await this.sweep.cancelObsoleteSla()) + (await this.sweep.cancelObsoleteFollowUps());
    this.lastStartedAt = startedAt;
    if (fullNow) this.lastFull = { at: startedAt, calendar: calendarKey };
    return { planned, cancelled };
  }
}
