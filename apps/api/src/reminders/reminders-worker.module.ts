import { Module } from '@nestjs/common';
import { WorkingCalendarService } from '../calendar/working-calendar.service';
import { MailModule } from '../mail/mail.module';
import { QueueModule } from '../queue/queue.module';
import { EventFollowUpDelivery } from './deliveries/event-follow-up.delivery';
import { SlaReminderDelivery } from './deliveries/sla.delivery';
import { DailyDigestHandler } from './daily-digest/daily-digest.handler';
import { DailyDigestRepository } from './daily-digest/daily-digest.repository';
import { LoanDeadlineDelivery } from './deliveries/loan-deadline.delivery';
import { TaskReminderDelivery } from './deliveries/task-reminder.delivery';
import { FireReminderHandler } from './fire-reminder.handler';
import { ReconcileRemindersHandler } from './reconcile-reminders.handler';
import { ReminderSweepRepository } from './reminder-sweep.repository';
import { RemindersModule } from './reminders.module';
import { SweepRemindersHandler } from './sweep-reminders.handler';

/** Firing reminders: the jobs, and the delivery of each kind. Only the worker process imports it. */
@Module({
  imports: [RemindersModule, MailModule, QueueModule],
  providers: [
    FireReminderHandler,
    ReconcileRemindersHandler,
    SweepRemindersHandler,
    ReminderSweepRepository,
    // The working-day calendar alone, without the holiday HTTP routes of its module.
    WorkingCalendarService,
    TaskReminderDelivery,
    SlaReminderDelivery,
    EventFollowUpDelivery,
    LoanDeadlineDelivery,
    DailyDigestHandler,
    DailyDigestRepository,
  ],
})
export class RemindersWorkerModule {}
