import { applyDecorators, Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import type { JobPayload } from './job-payloads';
import type { JobName } from './queue-names';

/**
 * Runs one job name. `handle` gets a payload already validated against its DTO. A job may run
 * more than once (retries, a re-relayed outbox message), so `handle` must be idempotent.
 */
export interface JobHandler<N extends JobName = JobName> {
  handle(payload: JobPayload<N>, job: Job<JobPayload<N>>): Promise<void>;
}

/** Metadata key the registry discovers handlers by. */
export const JobHandlerFor = DiscoveryService.createDecorator<JobName>();

/** Marks a provider as the handler of `jobName`; list it in its module's providers as usual. */
export function JobHandler<N extends JobName>(jobName: N): (target: new (...args: never[]) => JobHandler<N>) => void {
  return applyDecorators(Injectable(), JobHandlerFor(jobName));
}
