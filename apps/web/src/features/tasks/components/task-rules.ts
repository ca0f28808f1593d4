import { Role, type Me, type Task } from '@irm/contracts';

export const isManager = (me: Me) => me.role === Role.Manager || me.role === Role.Admin;

/** The server's rules, so the page offers only what it would accept. */
export const canEditTask = (task: Task, me: Me) =>
  isManager(me) || task.assigneeId === me.id || task.createdById === me.id;
export const canDeleteTask = (task: Task, me: Me) => isManager(me) || task.createdById === me.id;

/** Reminder choices, in minutes before the due time. */
export const REMINDER_OFFSETS = { atDue: 0, minutes15: 15, hour1: 60, day1: 24 * 60 } as const;
export type ReminderChoice = keyof typeof REMINDER_OFFSETS | 'none' | 'custom';

export function reminderChoiceOf(dueAt: string | null, remindAt: string | null): ReminderChoice {
  if (!remindAt) return 'none';
  if (!dueAt) return 'custom';
  const minutes = (Date.parse(dueAt) - Date.parse(remindAt)) / 60_000;
  const match = Object.entries(REMINDER_OFFSETS).find(([, offset]) => offset === minutes);
  return match ? (match[0] as ReminderChoice) : 'custom';
}

export function remindAtFor(choice: ReminderChoice, dueAt: string, custom: string | null): string | null {
  if (choice === 'none') return null;
  if (choice === 'custom') return custom;
  return new Date(Date.parse(dueAt) - REMINDER_OFFSETS[choice] * 60_000).toISOString();
}

/** A new task is due tomorrow at 09:00, the start of a working day. */
export function defaultDueAt(now = new Date()): string {
  const due = new Date(now);
  due.setDate(due.getDate() + 1);
  due.setHours(9, 0, 0, 0);
  return due.toISOString();
}
