/** Reminder mail a person can choose to get or not (account mail always goes out). */
export enum ReminderKind {
  /** At a task's reminder time, to its assignee. */
  TaskReminder = 'task_reminder',
  /** When an item an owner holds passes its stage SLA. */
  SlaOverdue = 'sla_overdue',
  /** To managers, when an item is still overdue some working days later. */
  SlaEscalation = 'sla_escalation',
  /** Some working days after an event, about its contacts still in "Met". */
  EventFollowUp = 'event_follow_up',
  /** 07:30 on working days: movement, overdue items, own tasks. */
  DailyDigest = 'daily_digest',
}

export const REMINDER_KINDS = Object.values(ReminderKind);

/** Kinds only managers receive; staff do not see them in their profile. */
export const MANAGER_REMINDER_KINDS: readonly ReminderKind[] = [ReminderKind.SlaEscalation];

/** `GET /api/auth/me/notifications`; a person without saved choices gets every kind, at version 0. */
export interface NotificationSettings {
  /** Every kind, true when the person gets it. */
  kinds: Record<ReminderKind, boolean>;
  version: number;
}

/** `PUT /api/auth/me/notifications` → 200 NotificationSettings; 409 on a stale version. */
export interface UpdateNotificationSettingsRequest {
  kinds: Record<ReminderKind, boolean>;
  version: number;
}
