import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { EmailStatus } from '@irm/contracts';
import { ContactEntity } from '../contacts/contact.entity';
import { UserEntity } from '../users/user.entity';

/**
 * One email: what was rendered, to whom, about which record, and how its delivery went. Written with its
 * outbox message in the transaction that causes it; the send job only reads it and moves its status.
 */
@Entity('email_message')
@Index('uq_email_message_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('uq_email_message_message_id', ['messageId'], { unique: true })
// A record's email log, newest first.
@Index('ix_email_message_subject', ['subjectType', 'subjectId', 'createdAt', 'id'], {
  where: '"subject_id" IS NOT NULL',
})
@Index('ix_email_message_failed', ['failedAt', 'id'], { where: `"status" = 'failed'` })
// What recovery looks at: mail not yet settled.
@Index('ix_email_message_unsettled', ['id'], { where: `"status" IN ('queued', 'sending')` })
@Index('ix_email_message_recipient_user', ['recipientUserId'], { where: '"recipient_user_id" IS NOT NULL' })
@Index('ix_email_message_recipient_contact', ['recipientContactId'], { where: '"recipient_contact_id" IS NOT NULL' })
@Check('chk_email_message_language', `"language" IN ('vi', 'en')`)
@Check('chk_email_message_subject', `("subject_type" IS NULL) = ("subject_id" IS NULL)`)
@Check('chk_email_message_attempts', `"attempts" >= 0`)
@Check('chk_email_message_sent', `"status" <> 'sent' OR "sent_at" IS NOT NULL`)
@Check('chk_email_message_claim', `"status" <> 'sending' OR ("claimed_by" IS NOT NULL AND "claimed_at" IS NOT NULL)`)
export class EmailMessageEntity {
  /** Chosen by the application, so the Message-ID can be derived from it before the row is written. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** One per email that must never go out twice, e.g. `task-reminder:<taskId>:<remindAt>`. */
  @Column({ type: 'text' })
  idempotencyKey!: string;

  @Column({ type: 'text' })
  templateKey!: string;

  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'text' })
  recipientEmail!: string;

  @Column({ type: 'text', nullable: true })
  recipientName!: string | null;

  @Column({ type: 'uuid', nullable: true })
  recipientUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recipient_user_id', foreignKeyConstraintName: 'fk_email_message_recipient_user' })
  recipientUser?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  recipientContactId!: string | null;

  @ManyToOne(() => ContactEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recipient_contact_id', foreignKeyConstraintName: 'fk_email_message_recipient_contact' })
  recipientContact?: ContactEntity;

  /** The record it concerns (a RecordSubjectType and id, as on the timeline). */
  @Column({ type: 'text', nullable: true })
  subjectType!: string | null;

  @Column({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  /** The Subject header. */
  @Column({ type: 'text' })
  subject!: string;

  /** Rendered when queued: a retry sends exactly what was logged. */
  @Column({ type: 'text' })
  htmlBody!: string;

  @Column({ type: 'text' })
  textBody!: string;

  /** Extra headers, e.g. List-Unsubscribe on investor mail. */
  @Column({ type: 'jsonb', default: {} })
  headers!: Record<string, string>;

  /** Investor mail: checked again just before sending, since the contact may opt out meanwhile. */
  @Column({ type: 'boolean', default: false })
  honoursOptOut!: boolean;

  /** The Message-ID header, derived from the id, identical on every attempt. */
  @Column({ type: 'text' })
  messageId!: string;

  @Column({ type: 'enum', enum: EmailStatus, enumName: 'email_status', default: EmailStatus.Queued })
  status!: EmailStatus;

  /** SMTP transactions started (claims), including those a crash cut short. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** The server's id for the accepted message (its "queued as"), else its whole reply. */
  @Column({ type: 'text', nullable: true })
  smtpMessageId!: string | null;

  /** The BullMQ job that sends it: `outbox-<id>` at first, a recovery or retry job later. */
  @Column({ type: 'text', nullable: true })
  jobId!: string | null;

  /** The outbox message that carries its first job; while it is unrelayed, recovery leaves the email alone. */
  @Column({ type: 'bigint', nullable: true })
  outboxMessageId!: string | null;

  /** The job holding it in `sending`, and since when. */
  @Column({ type: 'text', nullable: true })
  claimedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  /** Times recovery gave it a new job (its job was lost or gave up while the email was unsettled). */
  @Column({ type: 'integer', default: 0 })
  recoveries!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
