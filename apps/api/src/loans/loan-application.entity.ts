import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { LenderKind, LoanApplicantType } from '@irm/contracts';
import { bigintNumber, decimal } from '../database/column-transformers';
import { PipelineItemEntity } from '../items/pipeline-item.entity';

const vnd = { type: 'bigint', transformer: bigintNumber } as const;

/**
 * What only loan applications have; the requested amount sits on the item (`amount_vnd`). `planned_vnd` and
 * `disbursed_vnd` are the sums of its tranches, kept by triggers on `loan_tranche`, so the CHECKs here hold
 * the totals to the approved amount whatever writes the tranches.
 */
@Entity('loan_application')
@Check('chk_loan_application_approved', `"approved_vnd" IS NULL OR "approved_vnd" > 0`)
@Check(
  'chk_loan_application_tranches_within_approved',
  `"disbursed_vnd" >= 0 AND "disbursed_vnd" <= "planned_vnd" AND "planned_vnd" <= COALESCE("approved_vnd", 0)`,
)
@Check(
  'chk_loan_application_rate',
  `"interest_support_rate" IS NULL OR ("interest_support_rate" >= 0 AND "interest_support_rate" <= 100)`,
)
@Check('chk_loan_application_term', `"term_months" IS NULL OR "term_months" > 0`)
export class LoanApplicationEntity {
  @PrimaryColumn({ type: 'uuid' })
  itemId!: string;

  @OneToOne(() => PipelineItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'fk_loan_application_item' })
  item?: PipelineItemEntity;

  @Column({ type: 'enum', enum: LoanApplicantType, enumName: 'loan_applicant_type' })
  applicantType!: LoanApplicantType;

  @Column({ type: 'text' })
  lender!: string;

  @Column({ type: 'enum', enum: LenderKind, enumName: 'lender_kind' })
  lenderKind!: LenderKind;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ ...vnd, nullable: true })
  approvedVnd!: number | null;

  @Column({ ...vnd, default: 0 })
  plannedVnd!: number;

  @Column({ ...vnd, default: 0 })
  disbursedVnd!: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: decimal })
  interestSupportRate!: number | null;

  @Column({ type: 'integer', nullable: true })
  termMonths!: number | null;

  /** Business date by which the applicant must hand in the documents still outstanding. */
  @Column({ type: 'date', nullable: true })
  documentsDueOn!: string | null;
}
