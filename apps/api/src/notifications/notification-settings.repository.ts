import { Injectable } from '@nestjs/common';
import type { ReminderKind } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';

export interface StoredNotificationSettings {
  optedOut: string[];
  version: number;
}

@Injectable()
export class NotificationSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<StoredNotificationSettings | null> {
    const rows = (await manager.query(
      `SELECT opted_out AS "optedOut", version FROM user_notification_settings WHERE user_id = $1
       ${lock ? 'FOR UPDATE' : ''}`,
      [userId],
    )) as StoredNotificationSettings[];
    return rows[0] ?? null;
  }

  /** The first save; false when another request created the row first. */
  async insert(manager: EntityManager, userId: string, optedOut: ReminderKind[]): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO user_notification_settings (user_id, opted_out, version, updated_at) VALUES ($1, $2, 1, now())
       ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
      [userId, optedOut],
    )) as unknown[];
    return rows.length === 1;
  }

  /** False when the stored version is not `version` (someone saved in between). */
  async update(manager: EntityManager, userId: string, version: number, optedOut: ReminderKind[]): Promise<boolean> {
    const [, affected] = (await manager.query(
      `UPDATE user_notification_settings SET opted_out = $3, version = version + 1, updated_at = now()
        WHERE user_id = $1 AND version = $2`,
      [userId, version, optedOut],
    )) as [unknown, number];
    return affected === 1;
  }

  /** Of these users, the active ones who have not turned `kind` off. */
  async enabled(manager: EntityManager, kind: ReminderKind, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = (await manager.query(
      `SELECT u.id FROM app_user u LEFT JOIN user_notification_settings s ON s.user_id = u.id
        WHERE u.id = ANY($1::uuid[]) AND u.active AND NOT (COALESCE(s.opted_out, '{}') @> ARRAY[$2::text])`,
      [userIds, kind],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }
}
