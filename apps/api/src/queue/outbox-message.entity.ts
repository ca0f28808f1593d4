import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job to send, written in the same transaction as the change that causes it,
 * so a committed change always gets its job and a rolled-back one never does.
 */
@Entity('outbox_message')
@Index('ix_outbox_message_pending', ['id'], { where: '"relayed_at" IS NULL' })
export class OutboxMessageEntity {
  /** bigint, kept as a string to stay exact. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  queue!: string;

  @Column({ type: 'text' })
  jobName!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** Delay before the job may run, in milliseconds from relay time. */
  @Column({ type: 'integer', default: 0 })
  delayMs!: number;

  /** When set, the job runs at this moment (or at once if it has passed), however late it is relayed. */
  @Column({ type: 'timestamptz', nullable: true })
  runAt!: Date | null;

  /** A job id of the sender's choosing (e.g. one per reminder occurrence); `outbox-<id>` otherwise. */
  @Column({ type: 'text', nullable: true })
  jobId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;
}
