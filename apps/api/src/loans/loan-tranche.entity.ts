import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { bigintNumber } from '../database/column-transformers';
import { UserEntity } from '../users/user.entity';
import { LoanApplicationEntity } from './loan-application.entity';

/** A planned disbursement tied to a project milestone; released only once the milestone is confirmed. */
@Entity('loan_tranche')
@Index('uq_loan_tranche_sequence', ['applicationId', 'sequence'], { unique: true })
@Check('chk_loan_tranche_amount', `"amount_vnd" > 0`)
@Check('chk_loan_tranche_progress', `"required_progress_pct" BETWEEN 0 AND 100`)
@Check('chk_loan_tranche_milestone', `length(btrim("milestone")) > 0`)
@Check('chk_loan_tranche_release_after_confirm', `"released_at" IS NULL OR "confirmed_at" IS NOT NULL`)
@Check('chk_loan_tranche_confirmed_by', `("confirmed_at" IS NULL) = ("confirmed_by_id" IS NULL)`)
@Check('chk_loan_tranche_released_by', `("released_at" IS NULL) = ("released_by_id" IS NULL)`)
@Check(
  'chk_loan_tranche_confirmed_progress',
  `("confirmed_at" IS NULL) = ("confirmed_progress_pct" IS NULL) AND ("confirmed_progress_pct" IS NULL OR "confirmed_progress_pct" >= "required_progress_pct") AND ("confirmed_progress_pct" IS NULL OR "confirmed_progress_pct" <= 100)`,
)
export class LoanTrancheEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => LoanApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_loan_tranche_application' })
  application?: LoanApplicationEntity;

  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'text' })
  milestone!: string;

  @Column({ type: 'integer' })
  requiredProgressPct!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amountVnd!: number;

  /** Business date by which the project should reach the milestone. */
  @Column({ type: 'date', nullable: true })
  milestoneDueOn!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  confirmedById!: string | null;

  /** The project progress reported when the milestone was confirmed, percent (at least the required). */
  @Column({ type: 'integer', nullable: true })
  confirmedProgressPct!: number | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'confirmed_by_id', foreignKeyConstraintName: 'fk_loan_tranche_confirmed_by' })
  confirmedBy?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  releasedById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'released_by_id', foreignKeyConstraintName: 'fk_loan_tranche_released_by' })
  releasedBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn()
  version!: number;
}
