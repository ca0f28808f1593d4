/** BullMQ queues; each gets its own workers, so slow mail cannot hold up reminders. */
export enum QueueName {
  Email = 'email',
  Reminders = 'reminders',
  Maintenance = 'maintenance',
  Imports = 'imports',
}

/** Every job the system runs; exactly one `@JobHandler` must exist for each (checked at worker start). */
export enum JobName {
  PurgeRelayedOutbox = 'maintenance.purge-relayed-outbox',
  RunImport = 'imports.run',
  PurgeImportFiles = 'imports.purge-files',
  SendEmail = 'email.send',
  RecoverEmails = 'email.recover',
  FireReminder = 'reminders.fire',
  ReconcileReminders = 'reminders.reconcile',
  SweepReminders = 'reminders.sweep',
  DailyDigest = 'reminders.daily-digest',
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.PurgeRelayedOutbox]: QueueName.Maintenance,
  [JobName.RunImport]: QueueName.Imports,
  [JobName.PurgeImportFiles]: QueueName.Maintenance,
  [JobName.SendEmail]: QueueName.Email,
  // Not on the email queue: a long backlog there must not hold up the job that finds lost emails.
  [JobName.RecoverEmails]: QueueName.Maintenance,
  [JobName.FireReminder]: QueueName.Reminders,
  [JobName.ReconcileReminders]: QueueName.Maintenance,
  [JobName.SweepReminders]: QueueName.Reminders,
  [JobName.DailyDigest]: QueueName.Reminders,
};

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOB_QUEUE, name);
}

/** Queues that have at least one job; only these get workers. */
export function activeQueues(): QueueName[] {
  return [...new Set(Object.values(JOB_QUEUE))];
}
