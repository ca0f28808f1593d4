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
];
