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
import { RecordSubjectType, TimelineEntryKind } from '@irm/contracts';
import { UserEntity } from '../users/user.entity';

/**
 * One thing that happened to a record: a note, a logged call or meeting, an edit, a task event, and later stage
 * moves, emails and portal messages. The subject is polymorphic (no foreign key); deleting or merging a record
 * removes or moves its entries in the same transaction.
 */
@Entity('timeline_entry')
// Newest first per record: an index scan backwards, from the cursor, stopping after one page.
@Index('ix_timeline_entry_subject', ['subjectType', 'subjectId', 'occurredAt', 'id'])
@Check('chk_timeline_entry_note_body', `"kind" <> 'note' OR length(btrim("body")) > 0`)
export class TimelineEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'enum', enum: RecordSubjectType, enumName: 'record_subject_type' })
  subjectType!: RecordSubjectType;

  @Column({ type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'enum', enum: TimelineEntryKind, enumName: 'timeline_entry_kind' })
  kind!: TimelineEntryKind;

  @Column({ type: 'text', nullable: true })
  body!: string | null;

  /** When it happened: now for most entries, earlier for a call or meeting logged afterwards. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_timeline_entry_author' })
  author?: UserEntity;

  /** People mentioned in the body, kept so that they can be notified. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  mentions!: string[];

  @Column({ type: 'jsonb', nullable: true })
  payload!: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
