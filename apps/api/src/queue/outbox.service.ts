import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobPayload, validateJobPayload } from './job-payloads';
import { OutboxRepository } from './outbox.repository';
import { JOB_QUEUE, JobName } from './queue-names';

export interface EnqueueOptions {
  /** Earliest start, in milliseconds after the message is relayed. */
  delayMs?: number;
}

/**
 * Sends a job as part of a database change: the message is written in the caller's
 * transaction, so the job exists if and only if the change commits. The relay in the
 * worker process moves it to BullMQ moments later.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly outbox: OutboxRepository) {}

  /** Returns the outbox message id; the BullMQ job id will be `outbox-<id>`. */
  async enqueue<N extends JobName>(
    manager: EntityManager,
    jobName: N,
    payload: JobPayload<N>,
    { delayMs = 0 }: EnqueueOptions = {},
  ): Promise<string> {
    validateJobPayload(jobName, payload);
    if (!Number.isInteger(delayMs) || delayMs < 0)
      throw new RangeError(`delayMs must be a non-negative integer, got ${delayMs}`);
    return this.outbox.insert(manager, { queue: JOB_QUEUE[jobName], jobName, payload, delayMs });
  }
}
