import { Injectable } from '@nestjs/common';
import { RecordSubjectType } from '@irm/contracts';
import { deadlineNoticeAt } from '@irm/domain';
import type { EntityManager } from 'typeorm';
import { WorkingCalendarService } from '../calendar/working-calendar.service';
import { AppConfig } from '../config/app-config';
import { ReminderSlotKind } from '../reminders/reminder.entity';
import { loanDocumentsSlot, loanMilestoneSlot } from '../reminders/reminder-slots';
import type { ReminderPlan } from '../reminders/reminders.repository';
import { RemindersService } from '../reminders/reminders.service';
import { LoansRepository } from './loans.repository';

/**
 * Keeps an application's deadline reminders in step with it, in the caller's transaction: the documents reminder
 * while the application is open and has a documents deadline, a milestone reminder for each unconfirmed tranche
 * with a due date. Everything else is cancelled. Reads the state as the transaction has written it, so every
 * call site only says which application changed.
 */
@Injectable()
export class LoanDeadlineReminders {
  constructor(
    private readonly loans: LoansRepository,
    private readonly reminders: RemindersService,
    private readonly calendar: WorkingCalendarService,
    private readonly config: AppConfig,
  ) {}

  /**
   * `removedTrancheIds`: tranches just deleted, whose reminders go too. `closing`: whether a move being written
   * leaves the application closed (the move's hook runs before the stage is written).
   */
  async sync(
    manager: EntityManager,
    applicationId: string,
    options: { removedTrancheIds?: readonly string[]; closing?: boolean } = {},
  ): Promise<void> {
    const removedTrancheIds = options.removedTrancheIds ?? [];
    const found = await this.loans.deadlines(manager, applicationId);
    const deadlines = found && options.closing !== undefined ? { ...found, closed: options.closing } : found;
    const cancel = removedTrancheIds.map(loanMilestoneSlot);
    const plans: ReminderPlan[] = [];
    if (!deadlines) {
      await this.reminders.cancel(manager, [loanDocumentsSlot(applicationId), ...cancel]);
      return;
    }
    const days = await this.calendar.current(manager);
    const now = new Date();
    const notice = this.config.LOAN_DEADLINE_NOTICE_WORKING_DAYS;
    const subject = { type: RecordSubjectType.LoanApplication, id: applicationId };
    const entries = [
      {
        slot: loanDocumentsSlot(applicationId),
        kind: ReminderSlotKind.LoanDocuments,
        date: deadlines.closed ? null : deadlines.documentsDueOn,
      },
      ...deadlines.tranches.map((tranche) => ({
        slot: loanMilestoneSlot(tranche.id),
        kind: ReminderSlotKind.LoanMilestone,
        date: deadlines.closed || tranche.confirmed ? null : tranche.milestoneDueOn,
      })),
    ];
    for (const entry of entries) {
      const dueAt = deadlineNoticeAt(days, entry.date, notice, now);
      // A deadline nearer than the notice still deserves its reminder, however late (passed ones get none).
      if (dueAt) plans.push({ slot: entry.slot, kind: entry.kind, subject, dueAt, sendLate: true });
      else cancel.push(entry.slot);
    }
    await this.reminders.cancel(manager, cancel);
    await this.reminders.planMany(manager, plans);
  }
}
