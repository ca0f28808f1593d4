import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Job, JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { producerConnection } from './bullmq-connections';
import { JobPayload, validateJobPayload } from './job-payloads';
import type { JobSchedule } from './job-schedules';
import { activeQueues, JOB_QUEUE, JobName, QueueName } from './queue-names';

/** A queue that has never connected makes BullMQ wait for it; we give up after this long instead. */
const READY_TIMEOUT_MS = 2_000;

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  // A job id is recognised as a duplicate only while the job exists, so finished jobs stay a day:
  // an outbox message re-relayed after a crash is then ignored instead of run twice.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Email retries follow the mail settings; every other queue keeps the defaults. */
export function jobOptionsFor(queueName: string, config: AppConfig): JobsOptions {
  if (queueName !== QueueName.Email) return DEFAULT_JOB_OPTIONS;
  return {
    ...DEFAULT_JOB_OPTIONS,
    attempts: config.MAIL_SEND_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.MAIL_RETRY_DELAY_MS },
  };
}

export class RedisUnavailableError extends Error {
  constructor(queueName: string, cause: Error) {
    super(`Redis is unavailable for queue "${queueName}": ${cause.message}`, { cause });
    this.name = 'RedisUnavailableError';
  }
}

export interface SendOptions {
  jobId?: string;
  delayMs?: number;
}

/** Adds jobs to BullMQ. Queues are opened on first use, so a process that never sends opens no connection. */
@Injectable()
export class JobProducer implements OnApplicationShutdown {
  private readonly logger = new Logger(JobProducer.name);
  private readonly queues = new Map<string, Queue>();
  private readonly readiness = new WeakMap<Queue, Promise<void>>();
  private readonly readyListeners = new Set<() => void>();

  constructor(private readonly config: AppConfig) {}

  /** Sends a job now, outside any transaction; when it follows a database change use `OutboxService`. */
  async add<N extends JobName>(jobName: N, payload: JobPayload<N>, options: SendOptions = {}): Promise<Job> {
    validateJobPayload(jobName, payload);
    return this.send(JOB_QUEUE[jobName], jobName, payload, options);
  }

  /** Sends a job as given; rejects at once rather than waiting when Redis is unreachable. */
  async send(queueName: string, jobName: string, payload: object, { jobId, delayMs }: SendOptions = {}): Promise<Job> {
    const queue = this.queue(queueName);
    await this.whenReady(queue);
    return queue.add(jobName, payload, { ...(jobId ? { jobId } : {}), ...(delayMs ? { delay: delayMs } : {}) });
  }

  /** Makes Redis hold exactly the declared recurring jobs: creates or updates them, removes the rest. */
  async syncSchedules(schedules: JobSchedule[]): Promise<void> {
    for (const queueName of activeQueues()) {
      const queue = this.queue(queueName);
      await this.whenReady(queue);
      const declared = schedules.filter((s) => JOB_QUEUE[s.jobName] === queueName);
      for (const existing of await queue.getJobSchedulers()) {
        if (!declared.some((s) => s.id === existing.key)) await queue.removeJobScheduler(existing.key);
      }
      for (const schedule of declared) {
        validateJobPayload(schedule.jobName, schedule.payload);
        await queue.upsertJobScheduler(
          schedule.id,
          { pattern: schedule.pattern, tz: this.config.TZ_BUSINESS },
          { name: schedule.jobName, data: schedule.payload },
        );
      }
    }
  }

  /**
   * Calls `listener` whenever one of the producer's connections to Redis becomes ready, at first and after each
   * reconnection; returns a function that removes it.
   */
  onReady(listener: () => void): () => void {
    this.readyListeners.add(listener);
    return () => this.readyListeners.delete(listener);
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: producerConnection(this.config),
        prefix: this.config.REDIS_PREFIX,
        defaultJobOptions: jobOptionsFor(name, this.config),
      });
      queue.on('error', (error) =>
        this.logger.warn({ msg: 'queue connection error', queue: name, error: error.message }),
      );
      queue.getBackend().on('ready', () => {
        for (const listener of this.readyListeners) listener();
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.all(queues.map((queue) => queue.close()));
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  private whenReady(queue: Queue): Promise<void> {
    let ready = this.readiness.get(queue);
    if (!ready) {
      ready = connected(queue);
      this.readiness.set(queue, ready);
      // Until Redis answers, every send fails at once with that error; ioredis keeps reconnecting meanwhile.
      ready.catch(() =>
        queue.waitUntilReady().then(
          () => this.readiness.set(queue, Promise.resolve()),
          () => this.readiness.delete(queue),
        ),
      );
    }
    return ready;
  }
}

/** Resolves when the queue first connects; rejects on its first connection error or after a timeout. */
function connected(queue: Queue): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const fail = (error: Error): void => {
      settle();
      reject(new RedisUnavailableError(queue.name, error));
    };
    const timer = setTimeout(() => fail(new Error(`not connected after ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    const settle = (): void => {
      clearTimeout(timer);
      queue.off('error', fail);
    };
    queue.once('error', fail);
    queue.waitUntilReady().then(() => {
      settle();
      resolve();
    }, fail);
  });
}
