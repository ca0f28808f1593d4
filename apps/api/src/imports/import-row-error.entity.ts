import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ImportJobEntity } from './import-job.entity';

/** Why one row (or one field of it) was not imported; a row may have several. */
@Entity('import_row_error')
@Index('ix_import_row_error_job', ['jobId', 'rowNumber', 'id'])
export class ImportRowErrorEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid' })
  jobId!: string;

  @ManyToOne(() => ImportJobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'fk_import_row_error_job' })
  job?: ImportJobEntity;

  /** As a spreadsheet numbers it: the header is row 1 when it is the first line. */
  @Column({ type: 'integer' })
  rowNumber!: number;

  /** The field the error is about; null for the row as a whole (e.g. a duplicate key). */
  @Column({ type: 'text', nullable: true })
  field!: string | null;

  @Column({ type: 'text' })
  message!: string;

  /** The row's cells by header, as read. */
  @Column({ type: 'jsonb' })
  raw!: Record<string, string>;
}
