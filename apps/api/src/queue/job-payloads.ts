import type { FieldError } from '@irm/contracts';
import { plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  validateSync,
  ValidateIf,
} from 'class-validator';
import { IsLocalDate } from '../calendar/local-date.validator';
import { toFieldErrors } from '../common/validation';
import { isJobName, JobName } from './queue-names';

/*
 * Job payloads are stored in Redis and shown in queue dashboards, so they carry ids and
 * parameters only, never personal data; handlers load what they need.
 */

export class PurgeRelayedOutboxPayload {
  @IsInt()
  @Min(1)
  @Max(365)
  retentionDays!: number;
}

export class RunImportPayload {
  @IsUUID()
  importJobId!: string;
}

export class PurgeImportFilesPayload {
  @IsInt()
  @Min(1)
  @Max(365)
  retentionDays!: number;
}

/** The most emails one send job carries (a batch queued together, e.g. the daily digest). */
export const SEND_BATCH_MAX = 50;

/** One email, or a batch of emails queued together (`emailMessageIds` wins when both are set). */
export class SendEmailPayload {
  @ValidateIf((payload: SendEmailPayload) => payload.emailMessageIds === undefined)
  @IsUUID()
  emailMessageId?: string;

  @ValidateIf(
    (payload: SendEmailPayload) => payload.emailMessageIds !== undefined || payload.emailMessageId === undefined,
  )
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(SEND_BATCH_MAX)
  @IsUUID('all', { each: true })
  emailMessageIds?: string[];
}

/** The emails a send job carries. */
export function emailsOf(payload: SendEmailPayload): string[] {
  return payload.emailMessageIds ?? [payload.emailMessageId as string];
}

/** It looks at every unsettled email; the reason only tells the logs why it ran. */
export class RecoverEmailsPayload {
  @IsIn(['worker-start', 'schedule'])
  reason!: 'worker-start' | 'schedule';
}

/** One occurrence of a reminder: a job whose occurrence is no longer the row's does nothing. */
export class FireReminderPayload {
  @IsUUID()
  reminderId!: string;

  @IsInt()
  @Min(1)
  occurrence!: number;
}

/** It looks at every pending reminder; the reason only tells the logs why it ran. */
export class ReconcileRemindersPayload {
  @IsIn(['worker-start', 'schedule'])
  reason!: 'worker-start' | 'schedule';
}

/** Plans the SLA and event follow-up reminders that changes of items, stages and holidays call for. */
export class SweepRemindersPayload {
  @IsIn(['worker-start', 'schedule'])
  reason!: 'worker-start' | 'schedule';
}

/** The morning digest of one working day: today in the business time zone unless a date is given. */
export class DailyDigestPayload {
  @IsOptional()
  @IsLocalDate()
  date?: string;
}

export const JOB_PAYLOADS = {
  [JobName.PurgeRelayedOutbox]: PurgeRelayedOutboxPayload,
  [JobName.RunImport]: RunImportPayload,
  [JobName.PurgeImportFiles]: PurgeImportFilesPayload,
  [JobName.SendEmail]: SendEmailPayload,
  [JobName.RecoverEmails]: RecoverEmailsPayload,
  [JobName.FireReminder]: FireReminderPayload,
  [JobName.ReconcileReminders]: ReconcileRemindersPayload,
  [JobName.SweepReminders]: SweepRemindersPayload,
  [JobName.DailyDigest]: DailyDigestPayload,
} satisfies Record<JobName, new () => object>;

export type JobPayload<N extends JobName = JobName> = InstanceType<(typeof JOB_PAYLOADS)[N]>;

export class InvalidJobPayloadError extends Error {
  constructor(
    readonly jobName: string,
    readonly errors: FieldError[],
  ) {
    super(`Invalid payload for job "${jobName}": ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    this.name = 'InvalidJobPayloadError';
  }
}

/** Checks a payload against its job's DTO; unknown fields are refused, not stripped. */
export function validateJobPayload<N extends JobName>(jobName: N, payload: unknown): JobPayload<N>;
export function validateJobPayload(jobName: string, payload: unknown): JobPayload;
export function validateJobPayload(jobName: string, payload: unknown): JobPayload {
  if (!isJobName(jobName))
    throw new InvalidJobPayloadError(jobName, [{ field: 'jobName', message: 'unknown job name' }]);
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new InvalidJobPayloadError(jobName, [{ field: 'payload', message: 'must be an object' }]);
  }
  const dto: new () => JobPayload = JOB_PAYLOADS[jobName];
  const instance = plainToInstance(dto, payload);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) throw new InvalidJobPayloadError(jobName, toFieldErrors(errors));
  return instance;
}
