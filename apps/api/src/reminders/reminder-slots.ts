/** Each reminder's slot: one per thing reminded of, stable across reschedules. */
export const taskReminderSlot = (taskId: string) => `task:${taskId}`;
export const slaOverdueSlot = (itemId: string) => `sla:${itemId}`;
export const slaEscalationSlot = (itemId: string) => `sla-escalation:${itemId}`;
export const eventFollowUpSlot = (eventId: string) => `event-follow-up:${eventId}`;
/** The applicant's reminder of the documents still outstanding, before the application's documents deadline. */
export const loanDocumentsSlot = (applicationId: string) => `loan-documents:${applicationId}`;
/** The applicant's reminder of a tranche's milestone, before its due date. */
export const loanMilestoneSlot = (trancheId: string) => `loan-milestone:${trancheId}`;
