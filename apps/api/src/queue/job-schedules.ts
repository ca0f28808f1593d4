import type { JobPayload } from './job-payloads';
import { JobName } from './queue-names';

export interface JobSchedule<N extends JobName = JobName> {
  /** Stable id of the BullMQ job scheduler; renaming it leaves the old one to be pruned. */
  id: string;
  jobName: N;
  /** Cron pattern, evaluated in the business time zone (TZ_BUSINESS). */
  pattern: string;
  payload: JobPayload<N>;
}

/** Recurring jobs, registered at worker start; schedulers found in Redis but not here are removed. */
export const JOB_SCHEDULES: JobSchedule[] = [
  {
    id: 'purge-relayed-outbox',
    jobName: JobName.PurgeRelayedOutbox,
    pattern: '30 3 * * *',
    payload: { retentionDays: 7 },
  },
  {
    id: 'purge-import-files',
    jobName: JobName.PurgeImportFiles,
    pattern: '45 3 * * *',
    payload: { retentionDays: 30 },
  },
  {
    // Between worker starts too: an email whose job BullMQ gave up on (stalled too often) is not left behind.
    id: 'recover-emails',
    jobName: JobName.RecoverEmails,
    pattern: '*/5 * * * *',
    payload: { reason: 'schedule' },
  },
  {
    // Reminders whose delayed job Redis lost (restarted empty, or a job failed for good) get one again.
    id: 'reconcile-reminders',
    jobName: JobName.ReconcileReminders,
    pattern: '*/5 * * * *',
    payload: { reason: 'schedule' },
  },
  {
    // Items' SLA dates change in many places (moves, closing, SLA and holiday edits); the sweep plans their
    // reminders from the table itself, and does next to nothing when nothing changed.
    id: 'sweep-reminders',
    jobName: JobName.SweepReminders,
    pattern: '* * * * *',
    payload: { reason: 'schedule' },
  },
  {
    // The morning digest; the handler skips public holidays (the pattern already skips weekends).
    id: 'daily-digest',
    jobName: JobName.DailyDigest,
    pattern: '30 7 * * 1-5',
    payload: {},
  },
];

/**
 * Jobs added once each time a worker starts (after its queues are running), to pick up what a stopped or
 * emptied Redis may have lost.
 */
export const JOBS_AT_START: { jobName: JobName; payload: JobPayload }[] = [
  { jobName: JobName.RecoverEmails, payload: { reason: 'worker-start' } },
  { jobName: JobName.ReconcileReminders, payload: { reason: 'worker-start' } },
  { jobName: JobName.SweepReminders, payload: { reason: 'worker-start' } },
];
