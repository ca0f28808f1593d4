import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { RecordSubjectType } from '@irm/contracts';

/** What a reminder is about; each kind has one delivery that decides, when due, who gets what. */
export enum ReminderSlotKind {
  TaskReminder = 'task_reminder',
  SlaOverdue = 'sla_overdue',
  SlaEscalation = 'sla_escalation',
  EventFollowUp = 'event_follow_up',
  LoanDocuments = 'loan_documents',
  LoanMilestone = 'loan_milestone',
}

export enum ReminderStatus {
  Pending = 'pending',
  Fired = 'fired',
  Cancelled = 'cancelled',
  /** Planned when its moment was long past (`REMINDER_SKIP_AFTER_HOURS`): never sent. */
  Skipped = 'skipped',
}

/**
 * A reminder due at a moment: the source of truth the delayed BullMQ jobs are made from. One row per slot
 * (e.g. `task:<id>`); moving its time or planning it again makes a new occurrence with a new job, and a job
 * of an older occurrence does nothing. The reconciler gives every pending row a job when Redis lost it.
 */
@Entity('reminder')
@Index('uq_reminder_slot', ['slot'], { unique: true })
@Index('ix_reminder_pending', ['dueAt', 'id'], { where: `"status" = 'pending'` })
export class ReminderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The reminder's place, stable across reschedules: `task:<id>`, `sla:<itemId>`, ... */
  @Column({ type: 'text' })
  slot!: string;

  @Column({ type: 'enum', enum: ReminderSlotKind, enumName: 'reminder_kind' })
  kind!: ReminderSlotKind;

  @Column({ type: 'enum', enum: RecordSubjectType, enumName: 'record_subject_type', nullable: true })
  subjectType!: RecordSubjectType | null;

  @Column({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'enum', enum: ReminderStatus, enumName: 'reminder_status', default: ReminderStatus.Pending })
  status!: ReminderStatus;

  /** Counts the times the reminder was planned; the job of each occurrence carries its number. */
  @Column({ type: 'integer', default: 1 })
  occurrence!: number;

  /** Counts jobs the reconciler had to make again for this occurrence. */
  @Column({ type: 'integer', default: 0 })
  recoveries!: number;

  @Column({ type: 'timestamptz', nullable: true })
  firedAt!: Date | null;

  /** Emails the last firing queued (0 when nobody was to be told any more). */
  @Column({ type: 'integer', nullable: true })
  emails!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
