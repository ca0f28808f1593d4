/** Each reminder's slot: one per thing reminded of, stable across reschedules. */
export const taskReminderSlot = (taskId: string) => `task:${taskId}`;
