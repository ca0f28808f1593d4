import { Injectable } from '@nestjs/common';
import type { ReminderKind } from '@irm/contracts';
import type { EntityManager } from 'typeorm';
import { NotificationPreferences } from '../notifications/notification-preferences';

/** Who of some people gets a kind of reminder: active users who have not turned that kind off. */
@Injectable()
export class ReminderAudience {
  constructor(private readonly preferences: NotificationPreferences) {}

  /** In id order, so that mail goes out in the same order on a rerun. */
  async wanting(manager: EntityManager, kind: ReminderKind, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    return [...(await this.preferences.enabledRecipients(manager, kind, userIds))].sort();
  }

  /** Active managers who want this kind (escalations, the managers' digest). */
  async managers(manager: EntityManager, kind: ReminderKind): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM app_user WHERE role = 'manager' AND active ORDER BY id`,
    );
    return this.wanting(
      manager,
      kind,
      rows.map((row) => row.id),
    );
  }
}
