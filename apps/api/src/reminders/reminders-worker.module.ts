import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { QueueModule } from '../queue/queue.module';
import { LoanDeadlineDelivery } from './deliveries/loan-deadline.delivery';
import { TaskReminderDelivery } from './deliveries/task-reminder.delivery';
import { FireReminderHandler } from './fire-reminder.handler';
import { ReconcileRemindersHandler } from './reconcile-reminders.handler';
import { RemindersModule } from './reminders.module';

/** Firing reminders: the jobs, and the delivery of each kind. Only the worker process imports it. */
@Module({
  imports: [RemindersModule, MailModule, QueueModule],
  providers: [FireReminderHandler, ReconcileRemindersHandler, TaskReminderDelivery, LoanDeadlineDelivery],
})
export class RemindersWorkerModule {}
