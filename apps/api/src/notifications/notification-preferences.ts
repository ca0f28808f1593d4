import { Injectable } from '@nestjs/common';
import type { ReminderKind } from '@irm/contracts';
import type { EntityManager } from 'typeorm';
import { NotificationSettingsRepository } from './notification-settings.repository';

/** For the code that sends reminders: who, of the people it would remind, wants that kind of mail. */
@Injectable()
export class NotificationPreferences {
  constructor(private readonly settings: NotificationSettingsRepository) {}

  /**
   * The users among `userIds` who get `kind`: active accounts that have not turned it off. Read in the
   * caller's transaction, so a reminder and the choice it honours are consistent.
   */
  async enabledRecipients(
    manager: EntityManager,
    kind: ReminderKind,
    userIds: readonly string[],
  ): Promise<Set<string>> {
    return new Set(await this.settings.enabled(manager, kind, [...new Set(userIds)]));
  }
}
