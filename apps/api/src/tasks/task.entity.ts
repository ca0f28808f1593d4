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
import { RecordSubjectType } from '@irm/contracts';
import { UserEntity } from '../users/user.entity';

/** Something a person has to do by a time, optionally about a record. */
@Entity('task')
// "My tasks" per bucket: equality on assignee and done, a range and the order on due time.
@Index('ix_task_assignee_due', ['assigneeId', 'done', 'dueAt', 'id'])
// Everyone's tasks per bucket (overdue, today, upcoming, done): the range and the order on due time.
@Index('ix_task_done_due', ['done', 'dueAt', 'id'])
@Index('ix_task_subject_due', ['subjectType', 'subjectId', 'dueAt', 'id'], { where: '"subject_id" IS NOT NULL' })
// For the reminder job to come: open tasks whose reminder or due time has not been mailed yet.
@Index('ix_task_remind_pending', ['remindAt'], {
  where: '"remind_at" IS NOT NULL AND "reminder_sent_at" IS NULL AND NOT "done"',
})
@Index('ix_task_due_pending', ['dueAt'], { where: '"due_notified_at" IS NULL AND NOT "done"' })
@Check('chk_task_title', `length(btrim("title")) > 0`)
@Check('chk_task_remind_before_due', `"remind_at" IS NULL OR "remind_at" <= "due_at"`)
@Check('chk_task_subject_pair', `("subject_type" IS NULL) = ("subject_id" IS NULL)`)
@Check('chk_task_done_at', `"done" = ("done_at" IS NOT NULL)`)
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  remindAt!: Date | null;

  @Column({ type: 'uuid' })
  assigneeId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'fk_task_assignee' })
  assignee?: UserEntity;

  @Column({ type: 'enum', enum: RecordSubjectType, enumName: 'record_subject_type', nullable: true })
  subjectType!: RecordSubjectType | null;

  @Column({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  @Column({ type: 'boolean', default: false })
  done!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_task_created_by' })
  createdBy?: UserEntity;

  /** Set by the reminder job when it has mailed the reminder; cleared when the reminder time changes. */
  @Column({ type: 'timestamptz', nullable: true })
  reminderSentAt!: Date | null;

  /** Set by the reminder job when it has mailed that the task fell due; cleared when the due time changes. */
  @Column({ type: 'timestamptz', nullable: true })
  dueNotifiedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
