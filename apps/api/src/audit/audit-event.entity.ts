import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AuditAction, FieldChange } from '@irm/contracts';

/**
 * Who did what to which record, when and from where. Append-only: a trigger in the
 * database refuses UPDATE, DELETE and TRUNCATE for every role.
 */
@Entity('audit_event')
@Index('ix_audit_event_subject', ['subjectType', 'subjectId', 'id'])
@Index('ix_audit_event_actor', ['actorId', 'id'])
@Index('ix_audit_event_occurred_at', ['occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'enum', enum: AuditAction, enumName: 'audit_action' })
  action!: AuditAction;

  /** Null for anonymous requests (failed sign-in, public forms) and system jobs. No foreign key: the trail outlives users. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text', nullable: true })
  subjectType!: string | null;

  @Column({ type: 'text', nullable: true })
  subjectId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  changes!: Record<string, FieldChange> | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
