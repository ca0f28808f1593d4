import { Injectable } from '@nestjs/common';
import { FieldChange, LoanApplication, LoanDocumentStatus, PipelineKind, StageType } from '@irm/contracts';
import { approvalProblems, LOAN_DOCUMENTS, requiredLoanDocuments, StageRef, WorkingDays } from '@irm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { isManagerOrAdmin, Principal } from '../auth/principal';
import { AppException, ErrorCode } from '../common/app-exception';
import { withItemLinks } from '../items/item-links';
import { ItemKindService } from '../items/item-kind.service';
import type { ItemRow, LockedItem } from '../items/items.repository';
import { ItemsService, NewItemInput, StageRow } from '../items/items.service';
import type {
  CreateLoanApplicationDto,
  ReceiveLoanDocumentDto,
  UpdateLoanApplicationDto,
} from './loan-application.dto';
import { withLoanConstraints } from './loan-constraints';
import { LoanDeadlineReminders } from './loan-deadline-reminders';
import { LoanDetails, LoansRepository } from './loans.repository';

const WHAT = 'loan application';
const TITLE_LENGTH = 300;

/** The loan's own fields, in the order they are audited. */
const DETAIL_FIELDS: (keyof LoanDetails)[] = [
  'applicantType',
  'lender',
  'lenderKind',
  'purpose',
  'approvedVnd',
  'interestSupportRate',
  'termMonths',
  'documentsDueOn',
];

function ruleStage(stage: StageRow): StageRef {
  return {
    id: stage.id,
    pipelineId: stage.pipelineId,
    key: stage.key,
    type: stage.type,
    position: stage.position,
    retiredAt: stage.retiredAt,
  };
}

/** "<purpose> — <lender>", cut to what a title holds. */
export function loanTitle(purpose: string, lender: string): string {
  const title = `${purpose} — ${lender}`;
  return title.length <= TITLE_LENGTH ? title : `${title.slice(0, TITLE_LENGTH - 1)}…`;
}

/**
 * Preferential-loan applications: the common item (the requested amount is its `amountVnd`), the lender and terms,
 * and the document checklist whose required part grows with the stage. Tranches are `LoanTranchesService`'s.
 */
@Injectable()
export class LoanApplicationsService extends ItemKindService<LoanApplication> {
  constructor(
    items: ItemsService,
    private readonly dataSource: DataSource,
    private readonly loans: LoansRepository,
    private readonly deadlineReminders: LoanDeadlineReminders,
  ) {
    super(items, PipelineKind.LoanApplication);
    items.register({
      kind: PipelineKind.LoanApplication,
      what: WHAT,
      // Closing stops the applicant's deadline reminders; reopening (from a lost stage) brings them back.
      onMove: (manager, move) =>
        this.deadlineReminders.sync(manager, move.item.id, { closing: move.to.type !== StageType.Open }),
      cardFigures: (row) => ({ requestedVnd: Number(row.amountVnd) }),
      ruleFields: async (manager, item) => {
        const [[details], documentKeys] = await Promise.all([
          this.loans.details([item.id], manager),
          this.loans.documentKeys(manager, item.id),
        ]);
        return {
          approvedVnd: details?.approvedVnd ?? null,
          interestSupportRate: details?.interestSupportRate ?? null,
          termMonths: details?.termMonths ?? null,
          plannedVnd: details?.plannedVnd ?? 0,
          disbursedVnd: details?.disbursedVnd ?? 0,
          documentKeys,
        };
      },
    });
  }

  protected async complete(rows: ItemRow[], days: WorkingDays): Promise<LoanApplication[]> {
    if (!rows.length) return [];
    const ids = rows.map((row) => row.id);
    const [details, documents, stages] = await Promise.all([
      this.loans.details(ids),
      this.loans.documents(ids),
      this.items.stages(this.dataSource.manager, rows[0].pipelineId),
    ]);
    const now = new Date();
    return rows.map((row) => {
      const loan = details.find((candidate) => candidate.itemId === row.id);
      if (!loan) throw new Error(`Loan application ${row.id} has no loan details`);
      const stage = stages.find((candidate) => candidate.id === row.stageId);
      const requiredNow = new Set(
        stage ? requiredLoanDocuments(stages.map(ruleStage), ruleStage(stage)) : ([] as string[]),
      );
      const received = documents.filter((document) => document.applicationId === row.id);
      return Object.assign(this.items.toBase(row, days, now), {
        applicantType: loan.applicantType,
        lender: loan.lender,
        lenderKind: loan.lenderKind,
        purpose: loan.purpose,
        requestedVnd: Number(row.amountVnd),
        approvedVnd: loan.approvedVnd,
        plannedVnd: loan.plannedVnd,
        disbursedVnd: loan.disbursedVnd,
        interestSupportRate: loan.interestSupportRate,
        termMonths: loan.termMonths,
        documentsDueOn: loan.documentsDueOn,
        documents: LOAN_DOCUMENTS.map((document): LoanDocumentStatus => {
          const on = received.find((candidate) => candidate.documentKey === document.key);
          return {
            key: document.key,
            name: document.name,
            requiredFromStage: document.requiredFromStage,
            requiredNow: requiredNow.has(document.key),
            receivedAt: on ? new Date(on.receivedAt).toISOString() : null,
            receivedByName: on?.receivedByName ?? null,
            note: on?.note ?? null,
          };
        }),
      });
    });
  }

  async create(principal: Principal, input: CreateLoanApplicationDto): Promise<LoanApplication> {
    const id = await withItemLinks(() =>
      this.dataSource.transaction((manager) => this.createInTransaction(manager, principal, input)),
    );
    return this.get(id);
  }

  /**
   * Opens a loan application with its detail row in the caller's transaction (an event contact's conversion can
   * open one this way, with the links it carries over); returns its id.
   */
  async createInTransaction(
    manager: EntityManager,
    principal: Principal,
    input: Omit<CreateLoanApplicationDto, 'title'> & { title?: string } & Pick<NewItemInput, 'sourceItemId'>,
  ): Promise<string> {
    const {
      applicantType,
      lender,
      lenderKind,
      purpose,
      requestedVnd,
      interestSupportRate,
      termMonths,
      documentsDueOn,
      title,
      ...common
    } = input;
    const details: LoanDetails = {
      applicantType,
      lender,
      lenderKind,
      purpose,
      approvedVnd: null,
      interestSupportRate: interestSupportRate ?? null,
      termMonths: termMonths ?? null,
      documentsDueOn: documentsDueOn ?? null,
    };
    const audited: Record<string, FieldChange> = {};
    for (const field of DETAIL_FIELDS)
      if (details[field] !== null) audited[field] = { before: null, after: details[field] };
    const itemId = await this.items.create(
      manager,
      principal,
      this.kind,
      { ...common, title: title ?? loanTitle(purpose, lender), amountVnd: requestedVnd },
      audited,
    );
    await this.loans.insert(manager, itemId, details);
    await this.deadlineReminders.sync(manager, itemId);
    return itemId;
  }

  async update(principal: Principal, id: string, input: UpdateLoanApplicationDto): Promise<LoanApplication> {
    const {
      version,
      applicantType,
      lender,
      lenderKind,
      purpose,
      approvedVnd,
      interestSupportRate,
      termMonths,
      documentsDueOn,
      requestedVnd,
      ...common
    } = input;
    const changes: Partial<LoanDetails> = {
      applicantType,
      lender,
      lenderKind,
      purpose,
      approvedVnd,
      interestSupportRate,
      termMonths,
      documentsDueOn,
    };
    await withLoanConstraints(
      () =>
        withItemLinks(() =>
          this.dataSource.transaction(async (manager) => {
            const before = await this.items.lockForEdit(manager, principal, this.kind, id, version);
            const [current] = await this.loans.details([id], manager);
            const extra: Record<string, FieldChange> = {};
            for (const field of DETAIL_FIELDS) {
              const after = changes[field];
              if (after === undefined || after === current[field]) delete changes[field];
              else extra[field] = { before: current[field], after };
            }
            if (changes.approvedVnd !== undefined)
              this.checkApproval(principal, current.plannedVnd, changes.approvedVnd);
            await this.items.update(
              manager,
              principal,
              before,
              { ...common, ...(requestedVnd !== undefined && { amountVnd: requestedVnd }) },
              extra,
            );
            await this.loans.update(manager, id, changes);
            if (changes.documentsDueOn !== undefined) await this.deadlineReminders.sync(manager, id);
          }),
        ),
      'approvedVnd',
    );
    return this.get(id);
  }

  /** The approved amount is the lender's decision as a manager records it, never below what is planned. */
  private checkApproval(principal: Principal, plannedVnd: number, approvedVnd: number | null): void {
    if (!isManagerOrAdmin(principal))
      throw new AppException(ErrorCode.Forbidden, 'Only managers record the approved amount of a loan.');
    const problems = approvalProblems({ plannedVnd }, approvedVnd);
    if (problems.length)
      throw new AppException(ErrorCode.RuleViolated, 'The approved amount must cover the tranches.', problems);
  }

  /** `PUT …/documents/:key`: the document is on file (again, with a new note, when it already was). */
  async receiveDocument(
    principal: Principal,
    id: string,
    key: string,
    input: ReceiveLoanDocumentDto,
  ): Promise<LoanApplication> {
    const note = input.note?.trim() || null;
    await this.dataSource.transaction(async (manager) => {
      const before = await this.items.lockForEdit(manager, principal, this.kind, id, input.version);
      this.checklistEntry(key);
      const existing = await this.loans.findDocument(manager, id, key);
      await this.loans.receiveDocument(manager, id, key, note, principal.userId);
      await this.items.update(
        manager,
        principal,
        before,
        {},
        {
          documents: {
            before: existing ? { key, note: existing.note } : null,
            after: { key, note },
          },
        },
      );
    });
    return this.get(id);
  }

  /** `DELETE …/documents/:key`: the document is no longer on file, unless the current stage requires it. */
  async removeDocument(principal: Principal, id: string, key: string, version: number): Promise<LoanApplication> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.items.lockForEdit(manager, principal, this.kind, id, version);
      const document = this.checklistEntry(key);
      const existing = await this.loans.findDocument(manager, id, key);
      if (!existing)
        throw new AppException(ErrorCode.NotFound, `The document "${document.name.en}" has not been received.`);
      if (await this.requiredNow(manager, before, key)) {
        throw new AppException(
          ErrorCode.RuleViolated,
          `The document "${document.name.en}" is required in the application's current stage.`,
          [{ field: 'documents', message: `${key} is required in the current stage` }],
        );
      }
      await this.loans.removeDocument(manager, id, key);
      await this.items.update(
        manager,
        principal,
        before,
        {},
        {
          documents: { before: { key, note: existing.note }, after: null },
        },
      );
    });
    return this.get(id);
  }

  private checklistEntry(key: string) {
    const document = LOAN_DOCUMENTS.find((candidate) => candidate.key === key);
    if (!document) throw new AppException(ErrorCode.NotFound, `"${key}" is not a document of the loan checklist.`);
    return document;
  }

  private async requiredNow(manager: EntityManager, item: LockedItem, key: string): Promise<boolean> {
    const stages = await this.items.stages(manager, item.pipelineId);
    const current = stages.find((stage) => stage.id === item.stageId);
    return current ? requiredLoanDocuments(stages.map(ruleStage), ruleStage(current)).includes(key) : false;
  }
}
