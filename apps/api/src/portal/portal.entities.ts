import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { PipelineKind } from '@irm/contracts';
import { PipelineItemEntity } from '../items/pipeline-item.entity';

/**
 * An item that came in through the investor portal: who sent it (their email, as the portal's identity), what
 * they sent last, and in which language. One per item; a repeat within a day updates it.
 */
@Entity('portal_submission')
@Index('uq_portal_submission_item', ['itemId'], { unique: true })
// A repeat of the same form by the same person; the open submissions of an email (re-sent links).
@Index('ix_portal_submission_email', ['email', 'dedupeKey', 'lastSubmittedAt'])
export class PortalSubmissionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  itemId!: string;

  @ManyToOne(() => PipelineItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'fk_portal_submission_item' })
  item?: PipelineItemEntity;

  @Column({ type: 'enum', enum: PipelineKind, enumName: 'pipeline_kind' })
  kind!: PipelineKind;

  /** Trimmed, lower case. */
  @Column({ type: 'text' })
  email!: string;

  /** What makes two submissions "the same form": kind and zone, event or purpose. */
  @Column({ type: 'text' })
  dedupeKey!: string;

  /** vi, en, ja, ko or zh: the language the form was filled in. */
  @Column({ type: 'text' })
  language!: string;

  /** The fields of the last submission, as the investor sees them again on the tracking page. */
  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'integer', default: 1 })
  submissions!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSubmittedAt!: Date;
}

/** A tracking link: only the keyed hash of its random secret is kept; each link expires. */
@Entity('portal_tracking_token')
@Index('uq_portal_tracking_token_hash', ['tokenHash'], { unique: true })
@Index('ix_portal_tracking_token_submission', ['submissionId'])
export class PortalTrackingTokenEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid' })
  submissionId!: string;

  @ManyToOne(() => PortalSubmissionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'fk_portal_tracking_token_submission' })
  submission?: PortalSubmissionEntity;

  @Column({ type: 'text' })
  tokenHash!: string;

  /**
   * Set on a link handed out in the answer to a repeated form (the sender's email is not proven there): such a
   * link shows the thread and documents only from this moment on. Links sent by email show everything.
   */
  @Column({ type: 'timestamptz', nullable: true })
  visibleFrom!: Date | null;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A supporting document an investor uploaded from the tracking page; the file lives under PORTAL_UPLOAD_DIR. */
@Entity('portal_document')
@Index('ix_portal_document_submission', ['submissionId', 'uploadedAt'])
@Index('uq_portal_document_stored_name', ['storedName'], { unique: true })
@Check('chk_portal_document_size', '"size_bytes" > 0')
export class PortalDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  submissionId!: string;

  @ManyToOne(() => PortalSubmissionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'fk_portal_document_submission' })
  submission?: PortalSubmissionEntity;

  /** The name the investor's file had, cleaned; shown, never used on disk. */
  @Column({ type: 'text' })
  fileName!: string;

  /** Random; the file's name on disk. */
  @Column({ type: 'text' })
  storedName!: string;

  /** Detected from the content: application/pdf, image/jpeg, image/png or the XLSX type. */
  @Column({ type: 'text' })
  contentType!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  uploadedAt!: Date;
}

/** The round robin's turn, one row per rotation; locked while a submission takes the next owner. */
@Entity('portal_assignment_cursor')
export class PortalAssignmentCursorEntity {
  @PrimaryColumn({ type: 'text' })
  scope!: string;

  @Column({ type: 'bigint', default: 0 })
  position!: string;
}

/**
 * A stored file whose document row is gone (its item was deleted, and the rows with it): a trigger on
 * `portal_document` adds it in the deleting transaction, so it exists only once that commits; the API then removes
 * the file and the row (PortalFileSweeper).
 */
@Entity('portal_file_removal')
export class PortalFileRemovalEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  storedName!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  queuedAt!: Date;
}
