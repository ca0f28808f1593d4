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
}
export type PendingOutboxMessage = Pick<OutboxMessageEntity, 'id' | 'queue' | 'jobName' | 'payload' | 'delayMs'>;

@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts and notifies in one statement, within the caller's transaction: the NOTIFY is delivered on commit. */
  async insert(manager: EntityManager, { queue, jobName, payload, delayMs }: NewOutboxMessage): Promise<string> {
    const [row] = (await manager.query(
      `WITH message AS (
         INSERT INTO outbox_message (queue, job_name, payload, delay_ms) VALUES ($1, $2, $3, $4) RETURNING id
       )
       SELECT id::text AS id, pg_notify($5, '') FROM message`,
      [queue, jobName, JSON.stringify(payload), delayMs, OUTBOX_CHANNEL],
    )) as { id: string }[];
    return row.id;
  }

  /** Locks up to `limit` pending messages, skipping those another relay holds. */
  claimPending(manager: EntityManager, limit: number): Promise<PendingOutboxMessage[]> {
    return manager
      .createQueryBuilder(OutboxMessageEntity, 'message')
      .select(['message.id', 'message.queue', 'message.jobName', 'message.payload', 'message.delayMs'])
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
