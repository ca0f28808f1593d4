import type { FieldError } from '@irm/contracts';
import { LoanApplicationStageKey } from '../pipelines/default-pipelines';

/** What the tranche rules read of an application. */
export interface LoanFacts {
  /** Null until the lender's approval is recorded. */
  approvedVnd: number | null;
  /** Sum of all tranches. */
  plannedVnd: number;
  /** Sum of the released tranches. */
  disbursedVnd: number;
  /** Key of the application's current stage. */
  stageKey: string;
  /** In a won or lost stage. */
  closed: boolean;
}

/** What the rules read of one tranche. */
export interface TrancheFacts {
  amountVnd: number;
  requiredProgressPct: number;
  confirmed: boolean;
  released: boolean;
}

/** A change to an application's disbursement plan, as the person asks for it. */
export type TrancheAction =
  | { kind: 'plan'; amountVnd: number; requiredProgressPct: number }
  | {
      kind: 'change';
      tranche: TrancheFacts;
      amountVnd?: number;
      requiredProgressPct?: number;
      milestoneChanged?: boolean;
    }
  | { kind: 'remove'; tranche: TrancheFacts }
  | { kind: 'confirm'; tranche: TrancheFacts; progressPct: number }
  | { kind: 'release'; tranche: TrancheFacts };

const isVnd = (value: number) => Number.isSafeInteger(value) && value > 0;
const isPercent = (value: number) => Number.isInteger(value) && value >= 0 && value <= 100;

function formatVnd(value: number): string {
  return `${value.toLocaleString('en-US')} VND`;
}

/** What may still be planned before the tranches reach the approved amount. */
export function unplannedVnd(loan: Pick<LoanFacts, 'approvedVnd' | 'plannedVnd'>): number {
  return Math.max(0, (loan.approvedVnd ?? 0) - loan.plannedVnd);
}

function amountProblem(loan: LoanFacts, amountVnd: number, alreadyCounted: number): FieldError | null {
  if (!isVnd(amountVnd)) return { field: 'amountVnd', message: 'must be a positive whole number of VND' };
  const remaining = (loan.approvedVnd ?? 0) - (loan.plannedVnd - alreadyCounted);
  if (amountVnd > remaining)
    return {
      field: 'amountVnd',
      message: `exceeds the approved amount: at most ${formatVnd(Math.max(0, remaining))} can be planned`,
    };
  return null;
}

/**
 * Why a tranche action may not happen, as field errors for a 422; empty when it may. Pure: the server runs it
 * on the locked application (the database's CHECK on the totals stands behind it), the web app before a click.
 */
export function trancheProblems(loan: LoanFacts, action: TrancheAction): FieldError[] {
  const problems: FieldError[] = [];
  if (loan.closed) return [{ field: 'stageId', message: 'the application is closed: its tranches no longer change' }];

  switch (action.kind) {
    case 'plan': {
      if (loan.approvedVnd === null) return [{ field: 'approvedVnd', message: 'must be recorded before planning' }];
      const amount = amountProblem(loan, action.amountVnd, 0);
      if (amount) problems.push(amount);
      if (!isPercent(action.requiredProgressPct))
        problems.push({ field: 'requiredProgressPct', message: 'must be a whole percentage from 0 to 100' });
      return problems;
    }
    case 'change': {
      const { tranche } = action;
      if (tranche.released)
        return [{ field: 'releasedAt', message: 'the tranche is released and can no longer change' }];
      if (action.amountVnd !== undefined) {
        const amount = amountProblem(loan, action.amountVnd, tranche.amountVnd);
        if (amount) problems.push(amount);
      }
      if (action.requiredProgressPct !== undefined) {
        if (!isPercent(action.requiredProgressPct))
          problems.push({ field: 'requiredProgressPct', message: 'must be a whole percentage from 0 to 100' });
        else if (tranche.confirmed && action.requiredProgressPct !== tranche.requiredProgressPct)
          problems.push({
            field: 'requiredProgressPct',
            message: 'the milestone is confirmed and can no longer change',
          });
      }
      if (tranche.confirmed && action.milestoneChanged)
        problems.push({ field: 'milestone', message: 'the milestone is confirmed and can no longer change' });
      return problems;
    }
    case 'remove':
      if (action.tranche.released)
        problems.push({ field: 'releasedAt', message: 'the tranche is released and cannot be removed' });
      return problems;
    case 'confirm': {
      const { tranche } = action;
      if (tranche.confirmed) return [{ field: 'confirmedAt', message: 'the milestone is already confirmed' }];
      if (!isPercent(action.progressPct))
        problems.push({ field: 'progressPct', message: 'must be a whole percentage from 0 to 100' });
      else if (action.progressPct < tranche.requiredProgressPct)
        problems.push({
          field: 'progressPct',
          message: `must reach the milestone's ${tranche.requiredProgressPct}% before it is confirmed`,
        });
      return problems;
    }
    case 'release': {
      const { tranche } = action;
      if (tranche.released) return [{ field: 'releasedAt', message: 'the tranche is already released' }];
      if (!tranche.confirmed)
        problems.push({
          field: 'confirmedAt',
          message: 'the milestone must be confirmed before the tranche is released',
        });
      if (loan.stageKey !== LoanApplicationStageKey.Disbursing)
        problems.push({ field: 'stageId', message: 'tranches are released only in the Disbursing stage' });
      if (loan.disbursedVnd + tranche.amountVnd > loan.plannedVnd)
        problems.push({ field: 'amountVnd', message: 'would disburse more than is planned' });
      return problems;
    }
  }
}

/** A tranche may be released now: its milestone is confirmed and the application is disbursing. */
export function canRelease(loan: LoanFacts, tranche: TrancheFacts): boolean {
  return trancheProblems(loan, { kind: 'release', tranche }).length === 0;
}

/**
 * Why the approved amount may not be set to `approvedVnd`: it must be a positive whole number and cover the
 * tranches already planned (clearing it is only possible while none are).
 */
export function approvalProblems(loan: Pick<LoanFacts, 'plannedVnd'>, approvedVnd: number | null): FieldError[] {
  if (approvedVnd === null)
    return loan.plannedVnd > 0
      ? [{ field: 'approvedVnd', message: 'cannot be cleared while tranches are planned' }]
      : [];
  if (!isVnd(approvedVnd)) return [{ field: 'approvedVnd', message: 'must be a positive whole number of VND' }];
  if (approvedVnd < loan.plannedVnd)
    return [
      {
        field: 'approvedVnd',
        message: `cannot be less than the ${formatVnd(loan.plannedVnd)} already planned in tranches`,
      },
    ];
  return [];
}

/** The application's totals from its tranches: what the database keeps in `planned_vnd` and `disbursed_vnd`. */
export function trancheTotals(tranches: readonly Pick<TrancheFacts, 'amountVnd' | 'released'>[]): {
  plannedVnd: number;
  disbursedVnd: number;
} {
  let plannedVnd = 0;
  let disbursedVnd = 0;
  for (const tranche of tranches) {
    plannedVnd += tranche.amountVnd;
    if (tranche.released) disbursedVnd += tranche.amountVnd;
  }
  return { plannedVnd, disbursedVnd };
}
