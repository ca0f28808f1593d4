import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobHandler } from '../queue/job-handler.decorator';
import type { FireReminderPayload } from '../queue/job-payloads';
import { JobName } from '../queue/queue-names';
import { ReminderDeliveries } from './reminder-deliveries';
import { ReminderStatus } from './reminder.entity';
import { RemindersRepository } from './reminders.repository';

/**
 * Fires one reminder occurrence: in one transaction, locks the row, lets the kind's delivery queue its
 * emails (each with its outbox message) and marks the row fired. A job of an older occurrence, of a
 * cancelled or already fired reminder does nothing; a crash before the commit leaves nothing behind, and
 * BullMQ runs the job again.
 */
@JobHandler(JobName.FireReminder)
export class FireReminderHandler implements JobHandler<JobName.FireReminder> {
  private readonly logger = new Logger(FireReminderHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly reminders: RemindersRepository,
    private readonly deliveries: ReminderDeliveries,
  ) {}

  async handle({ reminderId, occurrence }: FireReminderPayload): Promise<void> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const reminder = await this.reminders.lock(manager, reminderId);
      if (!reminder || reminder.status !== ReminderStatus.Pending || reminder.occurrence !== occurrence) {
        return { skipped: reminder ? `${reminder.status}, occurrence ${reminder.occurrence}` : 'gone' };
      }
      const emails = await this.deliveries.get(reminder.kind)(manager, reminder);
      await this.reminders.markFired(manager, reminder.id, emails);
      return { kind: reminder.kind, emails, lateMs: Date.now() - new Date(reminder.dueAt).getTime() };
    });
    this.logger.log({
      msg: 'skipped' in outcome ? 'reminder job skipped' : 'reminder fired',
      reminderId,
      occurrence,
      ...outcome,
    });
  }
}
