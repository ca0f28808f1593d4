import { Injectable, Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobProducer } from './job-producer';
import { OUTBOX_CHANNEL, OutboxRepository } from './outbox.repository';

const MAX_BACKOFF_MS = 30_000;

/** BullMQ refuses ':' and pure-integer custom ids; the id makes a re-sent message a duplicate. */
export function outboxJobId(messageId: string): string {
  return `outbox-${messageId}`;
}

/**
 * Moves committed outbox messages to BullMQ. Wakes on NOTIFY and polls as a fallback.
 * Delivery is at least once: a relay that dies after adding a job but before marking the
 * message adds it again later, and BullMQ drops the second add because the job id exists.
 * Several relays may run at once; row locks (SKIP LOCKED) keep them off each other's messages.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private timer?: NodeJS.Timeout;
  private listener?: Client;
  private connecting?: Promise<void>;
  private draining?: Promise<void>;
  private wakeAgain = false;
  private failures = 0;
  private pausedUntil = 0;
  /** Counts resumes, so that a batch failing while a connection came back does not start a new back-off. */
  private resumes = 0;
  private stopWatchingRedis?: () => void;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly producer: JobProducer,
  ) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // A back-off ends as soon as Redis is reachable again: ioredis has found it, so this wakes once per reconnection.
    this.stopWatchingRedis = this.producer.onReady(() => this.resume());
    await this.listen();
    this.timer = setInterval(() => {
      if (!this.listener) void this.listen();
      this.wake();
    }, this.config.OUTBOX_POLL_INTERVAL_MS);
    this.wake();
  }

  /** Stops waking, waits for a batch in progress, closes the listening connection. */
  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.timer);
    this.stopWatchingRedis?.();
    await this.connecting;
    await this.draining;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Relays batch after batch until nothing is pending; rethrows a send failure after recording it. */
  async relayPending(): Promise<number> {
    let relayed = 0;
    for (;;) {
      const batch = await this.dataSource.transaction((manager) => this.relayBatch(manager));
      relayed += batch.relayed;
      if (batch.error) throw batch.error;
      if (batch.claimed < this.config.OUTBOX_BATCH_SIZE) return relayed;
    }
  }

  private async relayBatch(manager: EntityManager): Promise<{ claimed: number; relayed: number; error?: Error }> {
    const messages = await this.outbox.claimPending(manager, this.config.OUTBOX_BATCH_SIZE);
    const results = await Promise.allSettled(
      messages.map((m) =>
        this.producer.send(m.queue, m.jobName, m.payload, {
          jobId: m.jobId ?? outboxJobId(m.id),
          delayMs: m.runAt ? Math.max(0, m.runAt.getTime() - Date.now()) : m.delayMs,
        }),
      ),
    );
    const sent = messages.filter((_, i) => results[i].status === 'fulfilled').map((m) => m.id);
    const failed = messages.filter((_, i) => results[i].status === 'rejected').map((m) => m.id);
    await this.markRelayed(manager, sent);
    const rejection = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (!rejection) return { claimed: messages.length, relayed: sent.length };
    const error = rejection.reason instanceof Error ? rejection.reason : new Error(String(rejection.reason));
    await this.outbox.recordFailure(manager, failed, error.message);
    return { claimed: messages.length, relayed: sent.length, error };
  }

  /** Separate so a test can simulate a crash between sending and marking. */
  protected markRelayed(manager: EntityManager, ids: string[]): Promise<void> {
    return this.outbox.markRelayed(manager, ids);
  }

  private wake(): void {
    if (!this.running) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.wakeAgain) {
        this.wakeAgain = false;
        this.wake();
      }
    });
  }

  /** Ends a back-off and relays at once: a lost connection is back, so sending may work again. */
  private resume(): void {
    if (!this.running) return;
    if (this.failures > 0) this.logger.log({ msg: 'outbox relay resuming: a connection is back' });
    this.failures = 0;
    this.pausedUntil = 0;
    this.resumes += 1;
    this.wake();
  }

  private async drain(): Promise<void> {
    if (Date.now() < this.pausedUntil) return;
    const resumes = this.resumes;
    try {
      const relayed = await this.relayPending();
      if (relayed > 0) this.logger.debug({ msg: 'outbox messages relayed', relayed });
      this.failures = 0;
    } catch (error) {
      // Failed before the connection came back: the wake that resume() queued tries again at once.
      if (this.resumes !== resumes) return;
      // Usually Redis or the database is down: every message would fail alike, so back off as a whole.
      const backoffMs = Math.min(this.config.OUTBOX_POLL_INTERVAL_MS * 2 ** this.failures, MAX_BACKOFF_MS);
      this.failures += 1;
      this.pausedUntil = Date.now() + backoffMs;
      this.logger.warn({ msg: 'outbox relay failed; retrying later', backoffMs, error: (error as Error).message });
    }
  }

  /** A dedicated connection, since LISTEN ties up the session; without it the relay still polls. */
  private listen(): Promise<void> {
    this.connecting ??= (async () => {
      const client = new Client({
        connectionString: this.config.DATABASE_URL,
        application_name: 'irm-outbox-relay',
        connectionTimeoutMillis: 5_000,
      });
      const drop = (error?: Error): void => {
        if (this.listener !== client) return;
        this.listener = undefined;
        if (this.running)
          this.logger.warn({ msg: 'outbox listener lost; polling until it reconnects', error: error?.message });
        void client.end().catch(() => undefined);
      };
      client.on('error', drop);
      client.on('end', () => drop());
      client.on('notification', () => this.wake());
      try {
        await client.connect();
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
        if (!this.running) await client.end();
        else {
          this.listener = client;
          // Connected again after the database was away: what was committed meanwhile need not wait out a back-off.
          if (this.failures > 0) this.resume();
        }
      } catch (error) {
        this.logger.warn({ msg: 'outbox listener could not connect', error: (error as Error).message });
        await client.end().catch(() => undefined);
      }
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }
}
