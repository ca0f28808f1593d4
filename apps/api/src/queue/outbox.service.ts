import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobPayload, validateJobPayload } from './job-payloads';
import { OutboxRepository } from './outbox.repository';
import { JOB_QUEUE, JobName } from './queue-names';

export interface EnqueueOptions {
  /** Earliest start, in milliseconds after the message is relayed. */
  delayMs?: number;
  /** Earliest start as a moment: a relay that runs late does not push it back. */
  runAt?: Date;
  /** The BullMQ job id; a second job with the same id is dropped by BullMQ. No ':' allowed. */
  jobId?: string;
}

function checkJobId(jobId: string | undefined): void {
  if (jobId !== undefined && (jobId.includes(':') || /^\d+$/.test(jobId)))
    throw new RangeError(`job id ${jobId} must not contain ':' or be a plain integer`);
}

/**
 * Sends a job as part of a database change: the message is written in the caller's
 * transaction, so the job exists if and only if the change commits. The relay in the
 * worker process moves it to BullMQ moments later.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly outbox: OutboxRepository) {}

  /** Returns the outbox message id; the BullMQ job id will be `jobId` or else `outbox-<id>`. */
  async enqueue<N extends JobName>(
    manager: EntityManager,
    jobName: N,
    payload: JobPayload<N>,
    { delayMs = 0, runAt, jobId }: EnqueueOptions = {},
  ): Promise<string> {
    validateJobPayload(jobName, payload);
    if (!Number.isInteger(delayMs) || delayMs < 0)
      throw new RangeError(`delayMs must be a non-negative integer, got ${delayMs}`);
    if (runAt && delayMs) throw new RangeError('give either delayMs or runAt');
    checkJobId(jobId);
    return this.outbox.insert(manager, { queue: JOB_QUEUE[jobName], jobName, payload, delayMs, runAt, jobId });
  }

  /** Many jobs of one kind in one statement, e.g. the reminders a bulk change plans. */
  async enqueueMany<N extends JobName>(
    manager: EntityManager,
    jobName: N,
    jobs: readonly { payload: JobPayload<N>; runAt?: Date; jobId?: string }[],
  ): Promise<void> {
    for (const job of jobs) {
      validateJobPayload(jobName, job.payload);
      checkJobId(job.jobId);
    }
    await this.outbox.insertMany(
      manager,
      jobs.map(({ payload, runAt, jobId }) => ({
        queue: JOB_QUEUE[jobName],
        jobName,
        payload,
        delayMs: 0,
        runAt,
        jobId,
      })),
    );
  }
}
