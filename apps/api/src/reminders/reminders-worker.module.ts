import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { QueueModule } from '../queue/queue.module';
import { WorkingCalendarService } from '../calendar/working-calendar.service';
import { DailyDigestHandler } from './daily-digest/daily-digest.handler';
import { DailyDigestRepository } from './daily-digest/daily-digest.repository';
import { LoanDeadlineDelivery } from './deliveries/loan-deadline.delivery';
import { TaskReminderDelivery } from './deliveries/task-reminder.delivery';
import { FireReminderHandler } from './fire-reminder.handler';
import { ReconcileRemindersHandler } from './reconcile-reminders.handler';
import { RemindersModule } from './reminders.module';

/** Firing reminders: the jobs, and the delivery of each kind. Only the worker process imports it. */
@Module({
  imports: [RemindersModule, MailModule, QueueModule],
  providers: [
    FireReminderHandler,
    ReconcileRemindersHandler,
    TaskReminderDelivery,
    LoanDeadlineDelivery,
    DailyDigestHandler,
    DailyDigestRepository,
    // The worker has no HTTP, so not the calendar module with its controller: only the calendar it reads.
    WorkingCalendarService,
  ],
})
export class RemindersWorkerModule {}
