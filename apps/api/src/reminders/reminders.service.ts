import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../queue/outbox.service';
import { JobName } from '../queue/queue-names';
import { ReminderStatus } from './reminder.entity';
import { PlannedReminder, ReminderPlan, RemindersRepository } from './reminders.repository';

/** BullMQ refuses ':' in custom ids; the recovery suffix keeps a re-made job distinct from a finished one. */
export function reminderJobId(id: string, occurrence: number, recoveries = 0): string {
  return `reminder-${id}-${occurrence}${recoveries > 0 ? `-r${recoveries}` : ''}`;
}

/**
 * Plans reminders in the caller's transaction: the reminder row and the outbox message of its delayed job
 * are written together, so a committed change always has its reminder and a rolled-back one never does.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly config: AppConfig,
    private readonly reminders: RemindersRepository,
    private readonly outbox: OutboxService,
  ) {}

  /** Schedules (or moves) the slot's reminder; `dueAt: null` cancels it. */
  async plan(manager: EntityManager, plan: Omit<ReminderPlan, 'dueAt'> & { dueAt: Date | null }): Promise<void> {
    if (plan.dueAt === null) await this.reminders.cancel(manager, [plan.slot]);
    else await this.planMany(manager, [{ ...plan, dueAt: plan.dueAt }]);
  }

  /**
   * Plans many at once and returns the new or moved occurrences; those due get jobs, those planned more than
   * `REMINDER_SKIP_AFTER_HOURS` after their moment are recorded as skipped.
   */
  async planMany(manager: EntityManager, plans: readonly ReminderPlan[]): Promise<PlannedReminder[]> {
    const planned = await this.reminders.plan(manager, plans, this.config.REMINDER_SKIP_AFTER_HOURS);
    await this.outbox.enqueueMany(
      manager,
      JobName.FireReminder,
      planned
        .filter((reminder) => reminder.status === ReminderStatus.Pending)
        .map((reminder) => ({
          payload: { reminderId: reminder.id, occurrence: reminder.occurrence },
          runAt: reminder.dueAt,
          jobId: reminderJobId(reminder.id, reminder.occurrence),
        })),
    );
    return planned;
  }

  cancel(manager: EntityManager, slots: readonly string[]): Promise<number> {
    return this.reminders.cancel(manager, slots);
  }
}
