import { hostname } from 'node:os';
import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';
import { workerConnection } from './bullmq-connections';
import { JobHandlerRegistry } from './job-handler.registry';
import { InvalidJobPayloadError, validateJobPayload } from './job-payloads';
import { JobProducer } from './job-producer';
import { JOB_SCHEDULES, JOBS_AT_START } from './job-schedules';
import { OutboxRelay } from './outbox.relay';
import { activeQueues, QueueName } from './queue-names';

/**
 * The worker process's job side: checks the handlers, registers recurring jobs, runs one
 * BullMQ worker per queue and the outbox relay; on shutdown lets running jobs finish first.
 */
@Injectable()
export class WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHost.name);
  private workers: Worker[] = [];
  private readonly running = new Set<Promise<void>>();
  private started = false;
  private redisCheck?: NodeJS.Timeout;
  private checkingRedis?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    private readonly registry: JobHandlerRegistry,
    private readonly producer: JobProducer,
    private readonly relay: OutboxRelay,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async start(): Promise<void> {
    this.registry.resolve();
    this.started = true;
    await this.producer.syncSchedules(JOB_SCHEDULES);
    this.workers = activeQueues().map((queueName) => this.createWorker(queueName));
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
    await this.relay.start();
    for (const { jobName, payload } of JOBS_AT_START) await this.producer.add(jobName, payload);
    await this.markRedis();
    this.redisCheck = setInterval(() => {
      this.checkingRedis ??= this.checkRedis().finally(() => (this.checkingRedis = undefined));
    }, this.config.WORKER_REDIS_CHECK_MS);
    this.logger.log({ msg: 'worker started', queues: activeQueues(), concurrency: this.config.WORKER_CONCURRENCY });
  }

  /** Workers first (they wait for running jobs), then the relay, then the producer; connections close after this. */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.logger.log({ msg: 'worker stopping', signal });
    clearInterval(this.redisCheck);
    await this.checkingRedis;
    await this.closeWorkers();
    await this.relay.stop();
    await this.producer.close();
    this.logger.log({ msg: 'worker stopped' });
  }

  /** A key written at start whose absence later means that Redis has lost its data. */
  private get markerKey(): string {
    return `${this.config.REDIS_PREFIX}:worker:data-marker`;
  }

  /** Sets the marker; true when it was missing (the first worker's start, or data lost since). */
  private async markRedis(): Promise<boolean> {
    return (await this.redis.set(this.markerKey, new Date().toISOString(), 'NX')) === 'OK';
  }

  /**
   * Redis came back empty, or was flushed, under this running worker: registers the recurring jobs again and
   * queues the start-up recovery. Of several workers, the one that sets the marker again does it.
   */
  private async checkRedis(): Promise<void> {
    let restoring = false;
    try {
      if (!this.started || !(await this.markRedis())) return;
      restoring = true;
      this.logger.warn({ msg: 'Redis has lost its data; restoring recurring jobs and recovering lost jobs' });
      await this.producer.syncSchedules(JOB_SCHEDULES);
      for (const { jobName, payload } of JOBS_AT_START) await this.producer.add(jobName, payload);
    } catch (error) {
      // Unreachable again: the next check tries again, and a restore cut short is done again in full.
      if (restoring) await this.redis.del(this.markerKey).catch(() => undefined);
      this.logger.warn({ msg: 'Redis data check failed', error: (error as Error).message });
    }
  }

  private createWorker(queueName: string): Worker {
    const worker = new Worker(queueName, (job) => this.track(this.process(job)), {
      // Shown as the job's `processedBy` (Bull Board): which host and process ran it.
      name: `${hostname()}-${process.pid}`,
      connection: workerConnection(this.config),
      prefix: this.config.REDIS_PREFIX,
      concurrency:
        queueName === QueueName.Email
          ? this.config.MAIL_CONCURRENCY * this.config.MAIL_JOBS_PER_CONNECTION
          : this.config.WORKER_CONCURRENCY,
      // A killed worker's jobs are taken up again once their lock expires; BullMQ looks for them this often.
      lockDuration: this.config.WORKER_LOCK_MS,
      stalledInterval: this.config.WORKER_LOCK_MS,
    });
    worker.on('failed', (job, error) => {
      const final = !job || error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      const entry = {
        msg: final ? 'job failed' : 'job failed; will retry',
        queue: queueName,
        jobId: job?.id,
        jobName: job?.name,
        attemptsMade: job?.attemptsMade,
        err: error,
      };
      if (final) this.logger.error(entry);
      else this.logger.warn(entry);
    });
    worker.on('error', (error) =>
      this.logger.warn({ msg: 'worker connection error', queue: queueName, error: error.message }),
    );
    return worker;
  }

  private track(handling: Promise<void>): Promise<void> {
    this.running.add(handling);
    return handling.finally(() => this.running.delete(handling));
  }

  private async process(job: Job): Promise<void> {
    const handler = this.registry.handlerFor(job.name);
    if (!handler) throw new UnrecoverableError(`No handler for job "${job.name}" on queue "${job.queueName}"`);
    let payload;
    try {
      payload = validateJobPayload(job.name, job.data);
    } catch (error) {
      // Retrying cannot fix a malformed payload.
      if (error instanceof InvalidJobPayloadError) throw new UnrecoverableError(error.message);
      throw error;
    }
    await handler.handle(payload, job);
  }

  private async closeWorkers(): Promise<void> {
    // Stop fetching at once; BullMQ's own wait for running jobs has no time limit, so bound it here.
    await Promise.all(this.workers.map((worker) => worker.pause(true)));
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.allSettled([...this.running]).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.config.WORKER_SHUTDOWN_GRACE_MS))),
    ]);
    clearTimeout(timer);
    if (!finished) {
      // An abandoned job keeps its lock until it expires; BullMQ's stalled check then retries it.
      this.logger.warn({
        msg: 'running jobs did not finish in time; closing anyway',
        graceMs: this.config.WORKER_SHUTDOWN_GRACE_MS,
      });
    }
    await Promise.all(this.workers.map((worker) => worker.close(!finished)));
    this.workers = [];
  }
}
