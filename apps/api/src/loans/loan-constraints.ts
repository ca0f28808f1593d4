import { ErrorCode } from '../common/app-exception';
import { withUniqueFields } from '../common/owned-records';

/**
 * The database's loan rules (CHECKs and the tranche triggers) as 422 problems naming a field, for writes whose
 * service checks came too late: a concurrent change, or a path that skipped them. `totalsField` is the field the
 * person changed that pushed the tranches over the approved amount.
 */
export function withLoanConstraints<T>(task: () => Promise<T>, totalsField = 'amountVnd'): Promise<T> {
  const rule = (field: string, message: string, detail: string) => ({
    field,
    message,
    detail,
    code: ErrorCode.RuleViolated,
  });
  return withUniqueFields(task, {
    chk_loan_application_tranches_within_approved: rule(
      totalsField,
      totalsField === 'approvedVnd'
        ? 'cannot be less than what the tranches already plan'
        : 'would take the tranches above the approved amount',
      'The tranches together can never exceed the approved amount.',
    ),
    chk_loan_application_approved: rule('approvedVnd', 'must be positive', 'The approved amount must be positive.'),
    chk_loan_tranche_released_immutable: rule(
      'releasedAt',
      'the tranche is released and can no longer change',
      'A released tranche can no longer change or be removed.',
    ),
    chk_loan_tranche_release_after_confirm: rule(
      'confirmedAt',
      'the milestone must be confirmed before the tranche is released',
      'A tranche is released only after its milestone is confirmed.',
    ),
    chk_loan_tranche_confirmed_progress: rule(
      'progressPct',
      'must reach the milestone’s progress',
      'A milestone is confirmed only at or above its required progress.',
    ),
    chk_loan_tranche_amount: rule('amountVnd', 'must be positive', 'A tranche’s amount must be positive.'),
    uq_loan_tranche_sequence: {
      field: 'sequence',
      message: 'was taken by a tranche planned at the same moment',
      detail: 'Another tranche was planned at the same moment; try again.',
      code: ErrorCode.Conflict,
    },
  });
}
