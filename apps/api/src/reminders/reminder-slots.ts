/** Each reminder's slot: one per thing reminded of, stable across reschedules. */
export const taskReminderSlot = (taskId: string) => `task:${taskId}`;
/** The applicant's reminder of the documents still outstanding, before the application's documents deadline. */
export const loanDocumentsSlot = (applicationId: string) => `loan-documents:${applicationId}`;
/** The applicant's reminder of a tranche's milestone, before its due date. */
export const loanMilestoneSlot = (trancheId: string) => `loan-milestone:${trancheId}`;
