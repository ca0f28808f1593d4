import { Injectable } from '@nestjs/common';
import { AuditAction, FieldChange, NotificationSettings, REMINDER_KINDS, ReminderKind } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppException, ErrorCode } from '../common/app-exception';
import type { UpdateNotificationSettingsDto } from './notifications.dto';
import { NotificationSettingsRepository, StoredNotificationSettings } from './notification-settings.repository';

const AUDIT_SUBJECT = 'user_notification_settings';

function kindsOf(optedOut: readonly string[]): Record<ReminderKind, boolean> {
  const off = new Set(optedOut);
  return Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, !off.has(kind)])) as Record<ReminderKind, boolean>;
}

function toSettings(stored: StoredNotificationSettings | null): NotificationSettings {
  return { kinds: kindsOf(stored?.optedOut ?? []), version: stored?.version ?? 0 };
}

/** A person's own choice of reminder mail. */
@Injectable()
export class NotificationSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: NotificationSettingsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(principal: Principal): Promise<NotificationSettings> {
    return toSettings(await this.settings.find(principal.userId));
  }

  async update(principal: Principal, input: UpdateNotificationSettingsDto): Promise<NotificationSettings> {
    const optedOut = REMINDER_KINDS.filter((kind) => !input.kinds[kind]);
    const stale = (version: number) =>
      new AppException(
        ErrorCode.StaleVersion,
        `Your notification settings are at version ${version}; reload them and choose again.`,
      );
    return this.dataSource.transaction(async (manager) => {
      const before = await this.settings.find(principal.userId, manager, true);
      const version = before?.version ?? 0;
      if (input.version !== version) throw stale(version);
      const saved = before
        ? await this.settings.update(manager, principal.userId, version, optedOut)
        : await this.settings.insert(manager, principal.userId, optedOut);
      // Only a first save can race (there was no row to lock): the other request created it.
      if (!saved) throw stale((await this.settings.find(principal.userId, manager))?.version ?? version);

      const previous = kindsOf(before?.optedOut ?? []);
      const changes: Record<string, FieldChange> = {};
      for (const kind of REMINDER_KINDS) {
        if (previous[kind] !== input.kinds[kind]) changes[kind] = { before: previous[kind], after: input.kinds[kind] };
      }
      await this.audit.record(manager, {
        action: before ? AuditAction.Update : AuditAction.Create,
        subjectType: AUDIT_SUBJECT,
        subjectId: principal.userId,
        changes,
      });
      return toSettings({ optedOut, version: version + 1 });
    });
  }
}
