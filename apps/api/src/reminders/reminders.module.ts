import { Global, Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReminderAudience } from './reminder-audience';
import { ReminderDeliveries } from './reminder-deliveries';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

/** Planning reminders, for the API and the worker alike. Global: any feature may plan one in its transaction. */
@Global()
@Module({
  imports: [QueueModule, NotificationsModule],
  providers: [RemindersService, RemindersRepository, ReminderDeliveries, ReminderAudience],
  exports: [RemindersService, RemindersRepository, ReminderDeliveries, ReminderAudience],
})
export class RemindersModule {}
