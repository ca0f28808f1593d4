import { Module } from '@nestjs/common';
import { NotificationPreferences } from './notification-preferences';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationsController } from './notifications.controller';

/**
 * Which reminder mail each person gets: their own settings over HTTP, and `NotificationPreferences` for the
 * code that sends reminders (API or worker) to ask who wants a kind.
 */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationSettingsService, NotificationSettingsRepository, NotificationPreferences],
  exports: [NotificationPreferences],
})
export class NotificationsModule {}
