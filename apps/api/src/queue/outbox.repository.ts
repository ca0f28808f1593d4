import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { OutboxMessageEntity } from './outbox-message.entity';

/** The channel `OutboxRelay` listens on; the payload is empty, the table is the message. */
export const OUTBOX_CHANNEL = 'outbox';

export interface NewOutboxMessage {
  queue: string;
  jobName: string;
  payload: object;
  delayMs: number;
  runAt?: Date | null;
  jobId?: string | null;
}
export type PendingOutboxMessage = Pick<
  OutboxMessageEntity,
  'id' | 'queue' | 'jobName' | 'payload' | 'delayMs' | 'runAt' | 'jobId'
>;

@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts and notifies in one statement, within the caller's transaction: the NOTIFY is delivered on commit. */
  async insert(
    manager: EntityManager,
    { queue, jobName, payload, delayMs, runAt = null, jobId = null }: NewOutboxMessage,
  ): Promise<string> {
    const [row] = (await manager.query(
      `WITH message AS (
         INSERT INTO outbox_message (queue, job_name, payload, delay_ms, run_at, job_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
       )
       SELECT id::text AS id, pg_notify($7, '') FROM message`,
      [queue, jobName, JSON.stringify(payload), delayMs, runAt, jobId, OUTBOX_CHANNEL],
    )) as { id: string }[];
    return row.id;
  }

  /** Inserts many messages of one job in one statement (and one NOTIFY), within the caller's transaction. */
  async insertMany(manager: EntityManager, messages: readonly NewOutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await manager.query(
      `WITH message AS (
         INSERT INTO outbox_message (queue, job_name, payload, delay_ms, run_at, job_id)
         SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::int[], $5::timestamptz[], $6::text[])
         RETURNING id
       )
       SELECT pg_notify($7, '') FROM (SELECT 1 FROM message LIMIT 1) AS any_message`,
      [
        messages.map((m) => m.queue),
        messages.map((m) => m.jobName),
        messages.map((m) => JSON.stringify(m.payload)),
        messages.map((m) => m.delayMs),
        messages.map((m) => m.runAt ?? null),
        messages.map((m) => m.jobId ?? null),
        OUTBOX_CHANNEL,
      ],
    );
  }

  /** Locks up to `limit` pending messages, skipping those another relay holds. */
  claimPending(manager: EntityManager, limit: number): Promise<PendingOutboxMessage[]> {
    return manager
      .createQueryBuilder(OutboxMessageEntity, 'message')
      .select([
        'message.id',
        'message.queue',
        'message.jobName',
        'message.payload',
        'message.delayMs',
        'message.runAt',
        'message.jobId',
      ])
      .where('message.relayedAt IS NULL')
      .orderBy('message.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async markRelayed(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.update(OutboxMessageEntity, { id: In(ids) }, { relayedAt: () => 'now()' });
  }

  async recordFailure(manager: EntityManager, ids: string[], error: string): Promise<void> {
    if (ids.length === 0) return;
    await manager.update(
      OutboxMessageEntity,
      { id: In(ids) },
      { attempts: () => 'attempts + 1', lastError: error.slice(0, 2_000) },
    );
  }

  /** Deletes messages relayed more than `days` ago; pending ones are never touched. */
  async deleteRelayedBefore(days: number): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(OutboxMessageEntity)
      .where('relayed_at < now() - make_interval(days => :days)', { days })
      .execute();
    return result.affected ?? 0;
  }
}
