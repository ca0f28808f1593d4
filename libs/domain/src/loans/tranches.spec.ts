import fc from 'fast-check';
import { LoanApplicationStageKey as Stage } from '../pipelines/default-pipelines';
import {
  approvalProblems,
  canRelease,
  LoanFacts,
  TrancheAction,
  TrancheFacts,
  trancheProblems,
  trancheTotals,
  unplannedVnd,
} from './tranches';

const open = (over: Partial<LoanFacts> = {}): LoanFacts => ({
  approvedVnd: 1_000_000_000,
  plannedVnd: 0,
  disbursedVnd: 0,
  stageKey: Stage.ContractSigned,
  closed: false,
  ...over,
});
const tranche = (over: Partial<TrancheFacts> = {}): TrancheFacts => ({
  amountVnd: 100_000_000,
  requiredProgressPct: 30,
  confirmed: false,
  released: false,
  ...over,
});
const fields = (loan: LoanFacts, action: TrancheAction) => trancheProblems(loan, action).map((p) => p.field);

describe('tranche rules', () => {
  it('plans only once approved, within what remains of the approved amount', () => {
    expect(fields(open({ approvedVnd: null }), { kind: 'plan', amountVnd: 1, requiredProgressPct: 0 })).toEqual([
      'approvedVnd',
    ]);
    const loan = open({ plannedVnd: 900_000_000 });
    expect(unplannedVnd(loan)).toBe(100_000_000);
    expect(fields(loan, { kind: 'plan', amountVnd: 100_000_000, requiredProgressPct: 50 })).toEqual([]);
    const over = trancheProblems(loan, { kind: 'plan', amountVnd: 100_000_001, requiredProgressPct: 50 });
    expect(over).toEqual([
      { field: 'amountVnd', message: 'exceeds the approved amount: at most 100,000,000 VND can be planned' },
    ]);
    expect(fields(loan, { kind: 'plan', amountVnd: 0, requiredProgressPct: 101 })).toEqual([
      'amountVnd',
      'requiredProgressPct',
    ]);
    expect(fields(loan, { kind: 'plan', amountVnd: 1.5, requiredProgressPct: 10 })).toEqual(['amountVnd']);
  });

  it('changes count the tranche’s own amount as already planned; released ones never change', () => {
    const loan = open({ plannedVnd: 1_000_000_000 });
    expect(fields(loan, { kind: 'change', tranche: tranche(), amountVnd: 100_000_000 })).toEqual([]);
    expect(fields(loan, { kind: 'change', tranche: tranche(), amountVnd: 100_000_001 })).toEqual(['amountVnd']);
    expect(
      fields(loan, { kind: 'change', tranche: tranche({ confirmed: true, released: true }), amountVnd: 1 }),
    ).toEqual(['releasedAt']);
    expect(fields(loan, { kind: 'remove', tranche: tranche({ confirmed: true, released: true }) })).toEqual([
      'releasedAt',
    ]);
    expect(fields(loan, { kind: 'remove', tranche: tranche({ confirmed: true }) })).toEqual([]);
  });

  it('a confirmed milestone keeps its description and percentage; its amount may still change', () => {
    const confirmed = tranche({ confirmed: true });
    const loan = open({ plannedVnd: 100_000_000 });
    expect(
      fields(loan, { kind: 'change', tranche: confirmed, requiredProgressPct: 40, milestoneChanged: true }),
    ).toEqual(['requiredProgressPct', 'milestone']);
    expect(fields(loan, { kind: 'change', tranche: confirmed, requiredProgressPct: 30, amountVnd: 5 })).toEqual([]);
  });

  it('confirms a milestone only when the reported progress reaches it', () => {
    const loan = open({ plannedVnd: 100_000_000 });
    expect(fields(loan, { kind: 'confirm', tranche: tranche(), progressPct: 29 })).toEqual(['progressPct']);
    expect(fields(loan, { kind: 'confirm', tranche: tranche(), progressPct: 30 })).toEqual([]);
    expect(fields(loan, { kind: 'confirm', tranche: tranche({ confirmed: true }), progressPct: 90 })).toEqual([
      'confirmedAt',
    ]);
  });

  it('releases a confirmed tranche in the Disbursing stage only', () => {
    const planned = open({ plannedVnd: 100_000_000 });
    const disbursing = { ...planned, stageKey: Stage.Disbursing };
    expect(fields(disbursing, { kind: 'release', tranche: tranche() })).toEqual(['confirmedAt']);
    expect(fields(planned, { kind: 'release', tranche: tranche({ confirmed: true }) })).toEqual(['stageId']);
    expect(canRelease(disbursing, tranche({ confirmed: true }))).toBe(true);
    expect(canRelease(disbursing, tranche({ confirmed: true, released: true }))).toBe(false);
    expect(fields(open({ closed: true, stageKey: Stage.Closed }), { kind: 'release', tranche: tranche() })).toEqual([
      'stageId',
    ]);
  });

  it('the approved amount covers what is planned and is cleared only while nothing is', () => {
    expect(approvalProblems({ plannedVnd: 0 }, null)).toEqual([]);
    expect(approvalProblems({ plannedVnd: 10 }, null).map((p) => p.field)).toEqual(['approvedVnd']);
    expect(approvalProblems({ plannedVnd: 10 }, 9).map((p) => p.field)).toEqual(['approvedVnd']);
    expect(approvalProblems({ plannedVnd: 10 }, 10)).toEqual([]);
    expect(approvalProblems({ plannedVnd: 0 }, 0).map((p) => p.field)).toEqual(['approvedVnd']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property: whatever people try, in whatever order, the rules keep disbursed ≤ planned ≤ approved, and a tranche
// is never released before its milestone was confirmed, nor changed once released.

interface ModelTranche extends TrancheFacts {
  confirmedAtStep: number | null;
  releasedAtStep: number | null;
}

interface Model {
  approvedVnd: number | null;
  stageKey: string;
  tranches: ModelTranche[];
}

type Operation =
  | { op: 'approve'; amountVnd: number | null }
  | { op: 'move'; stageKey: string }
  | { op: 'plan'; amountVnd: number; requiredProgressPct: number }
  /** Plans what remains of the approved amount, give or take a dong: the boundary. */
  | { op: 'planRest'; deltaVnd: number; requiredProgressPct: number }
  | { op: 'change'; index: number; amountVnd?: number; requiredProgressPct?: number; milestoneChanged: boolean }
  | { op: 'remove'; index: number }
  | { op: 'confirm'; index: number; progressPct: number }
  | { op: 'release'; index: number };

const STAGES = Object.values(Stage);
const CLOSED: string[] = [Stage.Closed, Stage.Rejected, Stage.Withdrawn];
const amounts = fc.oneof(fc.integer({ min: -5, max: 400 }), fc.constantFrom(0, 1, 1000)).map((n) => n * 1_000_000);
const approvals = fc.oneof(
  amounts,
  fc.integer({ min: 100, max: 3000 }).map((n) => n * 1_000_000),
);
const percents = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 100 }), weight: 9 },
  { arbitrary: fc.constantFrom(-1, 101), weight: 1 },
);
/** Taken modulo the number of tranches, so most operations name one that exists. */
const index = fc.nat({ max: 12 });

const operations: fc.Arbitrary<Operation> = fc.oneof(
  {
    arbitrary: fc.record({ op: fc.constant('approve' as const), amountVnd: fc.option(approvals, { nil: null }) }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('move' as const),
      // Closing ends a sequence's interest: rarely.
      stageKey: fc.oneof(
        { arbitrary: fc.constantFrom(...STAGES.filter((key) => !CLOSED.includes(key))), weight: 8 },
        { arbitrary: fc.constantFrom(...CLOSED), weight: 1 },
        { arbitrary: fc.constant(Stage.Disbursing), weight: 8 },
      ),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ op: fc.constant('plan' as const), amountVnd: amounts, requiredProgressPct: percents }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('planRest' as const),
      deltaVnd: fc.integer({ min: -1, max: 1 }),
      requiredProgressPct: percents,
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record(
      {
        op: fc.constant('change' as const),
        index,
        amountVnd: amounts,
        requiredProgressPct: percents,
        milestoneChanged: fc.boolean(),
      },
      { requiredKeys: ['op', 'index', 'milestoneChanged'] },
    ),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('remove' as const), index }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('confirm' as const), index, progressPct: percents }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('release' as const), index }), weight: 3 },
);

function facts(model: Model): LoanFacts {
  return {
    approvedVnd: model.approvedVnd,
    ...trancheTotals(model.tranches),
    stageKey: model.stageKey,
    closed: CLOSED.includes(model.stageKey),
  };
}

/** Applies an operation when the rules allow it; returns whether they did. */
function apply(model: Model, operation: Operation, step: number): boolean {
  const loan = facts(model);
  const target =
    'index' in operation && model.tranches.length ? model.tranches[operation.index % model.tranches.length] : undefined;
  switch (operation.op) {
    case 'approve':
      if (approvalProblems(loan, operation.amountVnd).length) return false;
      model.approvedVnd = operation.amountVnd;
      return true;
    case 'move':
      // The move rules: disbursing needs a plan, closing as won everything released, as lost nothing disbursed.
      if (operation.stageKey === Stage.Disbursing && loan.plannedVnd === 0) return false;
      if (operation.stageKey === Stage.Closed && (loan.plannedVnd === 0 || loan.disbursedVnd < loan.plannedVnd))
        return false;
      if ([Stage.Rejected, Stage.Withdrawn].includes(operation.stageKey as never) && loan.disbursedVnd > 0)
        return false;
      if (loan.closed) return false;
      model.stageKey = operation.stageKey;
      return true;
    case 'plan':
    case 'planRest': {
      const amountVnd =
        operation.op === 'plan' ? operation.amountVnd : (loan.approvedVnd ?? 0) - loan.plannedVnd + operation.deltaVnd;
      const { requiredProgressPct } = operation;
      if (trancheProblems(loan, { kind: 'plan', amountVnd, requiredProgressPct }).length) return false;
      model.tranches.push({
        amountVnd,
        requiredProgressPct: operation.requiredProgressPct,
        confirmed: false,
        released: false,
        confirmedAtStep: null,
        releasedAtStep: null,
      });
      return true;
    }
    case 'change':
      if (!target) return false;
      if (trancheProblems(loan, { kind: 'change', tranche: target, ...operation }).length) return false;
      if (operation.amountVnd !== undefined) target.amountVnd = operation.amountVnd;
      if (operation.requiredProgressPct !== undefined) target.requiredProgressPct = operation.requiredProgressPct;
      return true;
    case 'remove':
      if (!target || trancheProblems(loan, { kind: 'remove', tranche: target }).length) return false;
      model.tranches.splice(model.tranches.indexOf(target), 1);
      return true;
    case 'confirm':
      if (!target || trancheProblems(loan, { kind: 'confirm', tranche: target, ...operation }).length) return false;
      target.confirmed = true;
      target.confirmedAtStep = step;
      return true;
    case 'release':
      if (!target || !canRelease(loan, target)) return false;
      target.released = true;
      target.releasedAtStep = step;
      return true;
  }
}

function holds(condition: boolean, rule: string, step: number): void {
  if (!condition) throw new Error(`broken after operation ${step}: ${rule}`);
}

describe('tranche rules, for any sequence of operations', () => {
  it('keep disbursed ≤ planned ≤ approved, release after confirmation, released tranches fixed', () => {
    let runs = 0;
    let releases = 0;
    fc.assert(
      fc.property(
        fc.option(approvals, { nil: null }),
        fc.array(operations, { minLength: 10, maxLength: 80, size: 'max' }),
        (approvedVnd, sequence) => {
          const model: Model = {
            approvedVnd: approvedVnd && approvedVnd > 0 ? approvedVnd : null,
            stageKey: Stage.Submitted,
            tranches: [],
          };
          const released = new Map<ModelTranche, number>();
          runs++;
          sequence.forEach((operation, step) => {
            if (apply(model, operation, step) && operation.op === 'release') releases++;
            const { plannedVnd, disbursedVnd } = trancheTotals(model.tranches);
            holds(0 <= disbursedVnd && disbursedVnd <= plannedVnd, 'disbursed within planned', step);
            holds(plannedVnd <= (model.approvedVnd ?? 0), 'planned within approved', step);
            for (const tranche of model.tranches) {
              holds(tranche.amountVnd > 0, 'tranche amounts are positive', step);
              if (!tranche.released) continue;
              holds(
                tranche.confirmedAtStep !== null && tranche.confirmedAtStep < tranche.releasedAtStep!,
                'released after its confirmation',
                step,
              );
              if (!released.has(tranche)) released.set(tranche, tranche.amountVnd);
            }
            for (const [tranche, amount] of released)
              holds(model.tranches.includes(tranche) && tranche.amountVnd === amount, 'released tranches stay', step);
          });
        },
      ),
      { numRuns: 300 },
    );
    // The sequences do reach releases, or the property would say little.
    expect(releases).toBeGreaterThan(runs / 5);
  });

  it('refuse a plan exactly when it would pass the approved amount (or the application is not open to it)', () => {
    fc.assert(
      fc.property(
        fc.option(amounts, { nil: null }),
        fc.nat({ max: 500 }).map((n) => n * 1_000_000),
        fc.oneof(
          amounts.map((amount) => ({ amount })),
          fc.integer({ min: -1, max: 1 }).map((delta) => ({ delta })),
        ),
        fc.constantFrom(...STAGES),
        (approvedVnd, plannedVnd, requested, stageKey) => {
          fc.pre(approvedVnd === null || plannedVnd <= approvedVnd);
          const amountVnd =
            'amount' in requested ? requested.amount : (approvedVnd ?? 0) - plannedVnd + requested.delta;
          const loan: LoanFacts = {
            approvedVnd,
            plannedVnd,
            disbursedVnd: 0,
            stageKey,
            closed: CLOSED.includes(stageKey),
          };
          const allowed = trancheProblems(loan, { kind: 'plan', amountVnd, requiredProgressPct: 50 }).length === 0;
          const fits = approvedVnd !== null && amountVnd > 0 && plannedVnd + amountVnd <= approvedVnd;
          expect(allowed).toBe(fits && !loan.closed);
        },
      ),
    );
  });
});
