/** Each reminder's slot: one per thing reminded of, stable across reschedules. */
export const taskReminderSlot = (taskId: string) => `task:${taskId}`;
export const slaOverdueSlot = (itemId: string) => `sla:${itemId}`;
export const slaEscalationSlot = (itemId: string) => `sla-escalation:${itemId}`;
export const eventFollowUpSlot = (eventId: string) => `event-follow-up:${eventId}`;
