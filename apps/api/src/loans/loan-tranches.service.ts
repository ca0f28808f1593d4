import { Injectable } from '@nestjs/common';
import { AuditAction, LoanTranche, PipelineKind, RecordSubjectType, TimelineEntryKind } from '@irm/contracts';
import { LoanFacts, TrancheAction, TrancheFacts, trancheProblems } from '@irm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { assertCanEdit } from '../auth/record-policy';
import { AppException, ErrorCode } from '../common/app-exception';
import { ItemsService } from '../items/items.service';
import { TimelineService } from '../timeline/timeline.service';
import { withLoanConstraints } from './loan-constraints';
import { LoanDeadlineReminders } from './loan-deadline-reminders';
import type { ConfirmLoanTrancheDto, CreateLoanTrancheDto, UpdateLoanTrancheDto } from './loan-tranche.dto';
import { LockedLoan, LoansRepository, TrancheChanges, TrancheRow } from './loans.repository';

const WHAT = 'loan application';

/** What happened to a tranche, as the timeline and the audit trail name it. */
type TrancheEvent = 'planned' | 'changed' | 'removed' | 'confirmed' | 'released';

function toTranche(row: TrancheRow): LoanTranche {
  return {
    id: row.id,
    applicationId: row.applicationId,
    sequence: row.sequence,
    milestone: row.milestone,
    requiredProgressPct: row.requiredProgressPct,
    amountVnd: Number(row.amountVnd),
    milestoneDueOn: row.milestoneDueOn,
    confirmedAt: row.confirmedAt ? new Date(row.confirmedAt).toISOString() : null,
    confirmedByName: row.confirmedByName,
    confirmedProgressPct: row.confirmedProgressPct,
    releasedAt: row.releasedAt ? new Date(row.releasedAt).toISOString() : null,
    releasedByName: row.releasedByName,
    version: row.version,
  };
}

function facts(loan: LockedLoan): LoanFacts {
  return {
    approvedVnd: loan.approvedVnd,
    plannedVnd: loan.plannedVnd,
    disbursedVnd: loan.disbursedVnd,
    stageKey: loan.stageKey,
    closed: loan.closedAt !== null,
  };
}

function trancheFacts(row: TrancheRow): TrancheFacts {
  return {
    amountVnd: Number(row.amountVnd),
    requiredProgressPct: row.requiredProgressPct,
    confirmed: row.confirmedAt !== null,
    released: row.releasedAt !== null,
  };
}

/** The audited picture of a tranche. */
function snapshot(
  row: Pick<TrancheRow, 'sequence' | 'milestone' | 'requiredProgressPct' | 'amountVnd' | 'milestoneDueOn'>,
) {
  return {
    sequence: row.sequence,
    milestone: row.milestone,
    requiredProgressPct: row.requiredProgressPct,
    amountVnd: Number(row.amountVnd),
    milestoneDueOn: row.milestoneDueOn,
  };
}

/**
 * Disbursement tranches of a loan application: planned within the approved amount, each tied to a milestone that
 * is confirmed before its tranche is released, released only while the application is disbursing. Every change
 * locks the application (as moves do), checks the rules, and is audited and put on the application's timeline;
 * the database's triggers and CHECKs hold the totals whatever happens.
 */
@Injectable()
export class LoanTranchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ItemsService,
    private readonly loans: LoansRepository,
    private readonly audit: AuditService,
    private readonly timeline: TimelineService,
    private readonly deadlineReminders: LoanDeadlineReminders,
  ) {}

  async list(applicationId: string): Promise<LoanTranche[]> {
    await this.items.find(PipelineKind.LoanApplication, applicationId);
    return (await this.loans.tranches(applicationId)).map(toTranche);
  }

  /** Plans a tranche; `version` is the application's, so nobody plans against an approval that has changed. */
  async create(principal: Principal, applicationId: string, input: CreateLoanTrancheDto): Promise<LoanTranche> {
    return withLoanConstraints(() =>
      this.dataSource.transaction(async (manager) => {
        const loan = await this.lockLoan(manager, principal, applicationId);
        if (loan.version !== input.version)
          throw new AppException(
            ErrorCode.StaleVersion,
            `Someone else changed this ${WHAT}; reload to see their change.`,
          );
        const milestone = input.milestone.trim();
        this.check(loan, {
          kind: 'plan',
          amountVnd: input.amountVnd,
          requiredProgressPct: input.requiredProgressPct,
        });
        const id = await this.loans.insertTranche(manager, applicationId, {
          milestone,
          requiredProgressPct: input.requiredProgressPct,
          amountVnd: input.amountVnd,
          milestoneDueOn: input.milestoneDueOn ?? null,
        });
        const created = await this.reread(manager, applicationId, id);
        await this.record(manager, AuditAction.Create, created, 'planned', null, snapshot(created));
        await this.deadlineReminders.sync(manager, applicationId);
        return toTranche(created);
      }),
    );
  }

  async update(
    principal: Principal,
    applicationId: string,
    trancheId: string,
    input: UpdateLoanTrancheDto,
  ): Promise<LoanTranche> {
    return withLoanConstraints(() =>
      this.dataSource.transaction(async (manager) => {
        const { loan, tranche } = await this.lockTranche(manager, principal, applicationId, trancheId, input.version);
        const changes: TrancheChanges = {};
        const milestone = input.milestone?.trim();
        if (milestone !== undefined && milestone !== tranche.milestone) changes.milestone = milestone;
        if (input.requiredProgressPct !== undefined && input.requiredProgressPct !== tranche.requiredProgressPct)
          changes.requiredProgressPct = input.requiredProgressPct;
        if (input.amountVnd !== undefined && input.amountVnd !== Number(tranche.amountVnd))
          changes.amountVnd = input.amountVnd;
        if (input.milestoneDueOn !== undefined && input.milestoneDueOn !== tranche.milestoneDueOn)
          changes.milestoneDueOn = input.milestoneDueOn;
        this.check(loan, {
          kind: 'change',
          tranche: trancheFacts(tranche),
          amountVnd: changes.amountVnd,
          requiredProgressPct: changes.requiredProgressPct,
          milestoneChanged: changes.milestone !== undefined,
        });
        if (!Object.keys(changes).length) return toTranche(tranche);
        await this.loans.updateTranche(manager, trancheId, changes);
        const after = await this.reread(manager, applicationId, trancheId);
        await this.record(manager, AuditAction.Update, after, 'changed', snapshot(tranche), snapshot(after));
        if (changes.milestoneDueOn !== undefined) await this.deadlineReminders.sync(manager, applicationId);
        return toTranche(after);
      }),
    );
  }

  async remove(principal: Principal, applicationId: string, trancheId: string, version: number): Promise<void> {
    await withLoanConstraints(() =>
      this.dataSource.transaction(async (manager) => {
        const { loan, tranche } = await this.lockTranche(manager, principal, applicationId, trancheId, version);
        this.check(loan, { kind: 'remove', tranche: trancheFacts(tranche) });
        await this.loans.deleteTranche(manager, trancheId);
        await this.record(manager, AuditAction.Delete, tranche, 'removed', snapshot(tranche), null);
        await this.deadlineReminders.sync(manager, applicationId, { removedTrancheIds: [trancheId] });
      }),
    );
  }

  /** The milestone is reached: the project's reported progress is at least the tranche's required progress. */
  async confirm(
    principal: Principal,
    applicationId: string,
    trancheId: string,
    input: ConfirmLoanTrancheDto,
  ): Promise<LoanTranche> {
    return withLoanConstraints(() =>
      this.dataSource.transaction(async (manager) => {
        const { loan, tranche } = await this.lockTranche(manager, principal, applicationId, trancheId, input.version);
        this.check(loan, { kind: 'confirm', tranche: trancheFacts(tranche), progressPct: input.progressPct });
        await this.loans.confirmTranche(manager, trancheId, principal.userId, input.progressPct);
        const after = await this.reread(manager, applicationId, trancheId);
        await this.record(
          manager,
          AuditAction.Update,
          after,
          'confirmed',
          { confirmedAt: null },
          { confirmedAt: after.confirmedAt, progressPct: input.progressPct },
        );
        await this.deadlineReminders.sync(manager, applicationId);
        return toTranche(after);
      }),
    );
  }

  /** The money goes out: only a confirmed tranche, only while the application is disbursing. */
  async release(principal: Principal, applicationId: string, trancheId: string, version: number): Promise<LoanTranche> {
    return withLoanConstraints(() =>
      this.dataSource.transaction(async (manager) => {
        const { loan, tranche } = await this.lockTranche(manager, principal, applicationId, trancheId, version);
        this.check(loan, { kind: 'release', tranche: trancheFacts(tranche) });
        await this.loans.releaseTranche(manager, trancheId, principal.userId);
        const after = await this.reread(manager, applicationId, trancheId);
        await this.record(
          manager,
          AuditAction.Update,
          after,
          'released',
          { releasedAt: null },
          { releasedAt: after.releasedAt, amountVnd: Number(after.amountVnd) },
        );
        return toTranche(after);
      }),
    );
  }

  private async lockLoan(manager: EntityManager, principal: Principal, applicationId: string): Promise<LockedLoan> {
    const loan = await this.loans.lock(manager, applicationId);
    if (!loan) throw new AppException(ErrorCode.NotFound, `The ${WHAT} ${applicationId} does not exist.`);
    assertCanEdit(principal, loan, WHAT);
    return loan;
  }

  private async lockTranche(
    manager: EntityManager,
    principal: Principal,
    applicationId: string,
    trancheId: string,
    version: number,
  ): Promise<{ loan: LockedLoan; tranche: TrancheRow }> {
    const loan = await this.lockLoan(manager, principal, applicationId);
    const tranche = await this.loans.findTranche(manager, applicationId, trancheId);
    if (!tranche)
      throw new AppException(ErrorCode.NotFound, `The tranche ${trancheId} of this ${WHAT} does not exist.`);
    if (tranche.version !== version)
      throw new AppException(ErrorCode.StaleVersion, 'Someone else changed this tranche; reload to see their change.');
    return { loan, tranche };
  }

  /** The tranche as just written, in the same transaction. */
  private async reread(manager: EntityManager, applicationId: string, id: string): Promise<TrancheRow> {
    const row = await this.loans.findTranche(manager, applicationId, id);
    if (!row) throw new Error(`Tranche ${id} vanished inside its own transaction`);
    return row;
  }

  private check(loan: LockedLoan, action: TrancheAction): void {
    const problems = trancheProblems(facts(loan), action);
    if (problems.length)
      throw new AppException(ErrorCode.RuleViolated, 'The tranche cannot change that way.', problems);
  }

  /** Audit event and timeline entry on the application, in the change's transaction. */
  private async record(
    manager: EntityManager,
    action: AuditAction,
    tranche: TrancheRow,
    event: TrancheEvent,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): Promise<void> {
    await this.audit.record(manager, {
      action,
      subjectType: PipelineKind.LoanApplication,
      subjectId: tranche.applicationId,
      changes: { tranches: { before, after } },
      details: { trancheId: tranche.id, sequence: tranche.sequence, event },
    });
    await this.loans.touch(manager, tranche.applicationId);
    await this.timeline.record(manager, {
      subjectType: RecordSubjectType.LoanApplication,
      subjectId: tranche.applicationId,
      kind: TimelineEntryKind.Edit,
      payload: {
        action: 'update',
        fields: ['tranches'],
        tranche: { id: tranche.id, sequence: tranche.sequence, event, amountVnd: Number(tranche.amountVnd) },
      },
    });
  }
}
