import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { ImportEntity, ImportFormat, ImportPreviewRow, ImportStatus } from '@irm/contracts';
import { PromotionEventEntity } from '../events/promotion-event.entity';
import { UserEntity } from '../users/user.entity';
import { ImportFileEntity } from './import-file.entity';

/**
 * One import of a file into investors, contacts or an event's attendees, real or dry run. The worker advances the
 * counters in the same transaction as each batch it writes, so `processed` says exactly which
 * rows are done and a re-run resumes after them.
 */
@Entity('import_job')
@Index('ix_import_job_created_by', ['createdById', 'createdAt', 'id'])
@Index('ix_import_job_created_at', ['createdAt', 'id'])
@Index('ix_import_job_file', ['fileId'])
@Index('ix_import_job_event', ['eventId'], { where: '"event_id" IS NOT NULL' })
@Index('uq_import_job_dry_run', ['dryRunJobId'], { unique: true, where: '"dry_run_job_id" IS NOT NULL' })
@Check('chk_import_job_counts', `"processed" = "created" + "updated" + "unchanged" + "failed"`)
@Check('chk_import_job_progress', `"total" IS NULL OR "processed" <= "total"`)
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: ImportEntity, enumName: 'import_entity' })
  entity!: ImportEntity;

  /** Null once the file has been purged (see PurgeImportFilesHandler); the job's counts and errors stay. */
  @Column({ type: 'uuid', nullable: true })
  fileId!: string | null;

  @ManyToOne(() => ImportFileEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'fk_import_job_file' })
  file?: ImportFileEntity;

  @Column({ type: 'text' })
  fileName!: string;

  @Column({ type: 'enum', enum: ImportFormat, enumName: 'import_format' })
  format!: ImportFormat;

  @Column({ type: 'integer' })
  fileSize!: number;

  @Column({ type: 'enum', enum: ImportStatus, enumName: 'import_status', default: ImportStatus.Queued })
  status!: ImportStatus;

  @Column({ type: 'boolean' })
  dryRun!: boolean;

  /** The field each recognised column fills, by field: `{ taxCode: 'Mã số thuế' }`. */
  @Column({ type: 'jsonb' })
  columns!: Record<string, string>;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  ignoredColumns!: string[];

  /** The file's header row in its order (for the errors file, which repeats the failed rows). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  headers!: string[];

  @Column({ type: 'integer', nullable: true })
  total!: number | null;

  @Column({ type: 'integer', default: 0 })
  processed!: number;

  @Column({ type: 'integer', default: 0 })
  created!: number;

  @Column({ type: 'integer', default: 0 })
  updated!: number;

  @Column({ type: 'integer', default: 0 })
  unchanged!: number;

  @Column({ type: 'integer', default: 0 })
  failed!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  preview!: ImportPreviewRow[];

  @Column({ type: 'text', nullable: true })
  errorMessage!: string | null;

  /** Set on an applied import: the dry run whose file and checks it carries out (at most one per dry run). */
  @Column({ type: 'uuid', nullable: true })
  dryRunJobId!: string | null;

  @ManyToOne(() => ImportJobEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'dry_run_job_id', foreignKeyConstraintName: 'fk_import_job_dry_run' })
  dryRunJob?: ImportJobEntity;

  /** For an attendee import: the event its people are added to. */
  @Column({ type: 'uuid', nullable: true })
  eventId!: string | null;

  @ManyToOne(() => PromotionEventEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_import_job_event' })
  event?: PromotionEventEntity;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_import_job_created_by' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
