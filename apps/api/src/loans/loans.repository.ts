import { Injectable } from '@nestjs/common';
import type { LenderKind, LoanApplicantType, StageType } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';

/** What only loan applications have, as stored. */
export interface LoanDetails {
  applicantType: LoanApplicantType;
  lender: string;
  lenderKind: LenderKind;
  purpose: string;
  approvedVnd: number | null;
  interestSupportRate: number | null;
  termMonths: number | null;
  /** `YYYY-MM-DD`. */
  documentsDueOn: string | null;
}

export interface LoanDetailsRow extends LoanDetails {
  itemId: string;
  plannedVnd: number;
  disbursedVnd: number;
}

export interface LoanDocumentRow {
  applicationId: string;
  documentKey: string;
  note: string | null;
  receivedAt: Date;
  receivedByName: string;
}

/** An application locked for a change of its documents or tranches, with what the rules read. */
export interface LockedLoan {
  id: string;
  ownerId: string;
  version: number;
  pipelineId: string;
  stageId: string;
  stageKey: string;
  stageType: StageType;
  closedAt: Date | null;
  approvedVnd: number | null;
  plannedVnd: number;
  disbursedVnd: number;
}

export interface TrancheRow {
  id: string;
  applicationId: string;
  sequence: number;
  milestone: string;
  requiredProgressPct: number;
  amountVnd: number;
  milestoneDueOn: string | null;
  confirmedAt: Date | null;
  confirmedByName: string | null;
  confirmedProgressPct: number | null;
  releasedAt: Date | null;
  releasedByName: string | null;
  version: number;
}

export type TrancheChanges = Partial<
  Pick<TrancheRow, 'milestone' | 'requiredProgressPct' | 'amountVnd' | 'milestoneDueOn'>
>;

/** What deciding a loan deadline reminder reads: the application's state and the tranches' dates. */
export interface LoanDeadlines {
  closed: boolean;
  documentsDueOn: string | null;
  tranches: { id: string; milestoneDueOn: string | null; confirmed: boolean }[];
}

const DETAIL_COLUMNS: Record<keyof LoanDetails, string> = {
  applicantType: 'applicant_type',
  lender: 'lender',
  lenderKind: 'lender_kind',
  purpose: 'purpose',
  approvedVnd: 'approved_vnd',
  interestSupportRate: 'interest_support_rate',
  termMonths: 'term_months',
  documentsDueOn: 'documents_due_on',
};

const TRANCHE_COLUMNS = `t.id, t.application_id AS "applicationId", t.sequence, t.milestone,
  t.required_progress_pct AS "requiredProgressPct", t.amount_vnd::float8 AS "amountVnd",
  to_char(t.milestone_due_on, 'YYYY-MM-DD') AS "milestoneDueOn", t.confirmed_at AS "confirmedAt",
  cu.name AS "confirmedByName", t.confirmed_progress_pct AS "confirmedProgressPct", t.released_at AS "releasedAt",
  ru.name AS "releasedByName", t.version`;

const TRANCHE_JOINS = `LEFT JOIN app_user cu ON cu.id = t.confirmed_by_id
  LEFT JOIN app_user ru ON ru.id = t.released_by_id`;

/** SQL of loan applications' own rows: details, received documents and tranches. */
@Injectable()
export class LoansRepository {
  constructor(private readonly dataSource: DataSource) {}

  async details(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<LoanDetailsRow[]> {
    if (!ids.length) return [];
    return manager.query(
      `SELECT item_id AS "itemId", applicant_type AS "applicantType", lender, lender_kind AS "lenderKind", purpose,
              approved_vnd::float8 AS "approvedVnd", planned_vnd::float8 AS "plannedVnd",
              disbursed_vnd::float8 AS "disbursedVnd", interest_support_rate::float8 AS "interestSupportRate",
              term_months AS "termMonths", to_char(documents_due_on, 'YYYY-MM-DD') AS "documentsDueOn"
         FROM loan_application WHERE item_id = ANY($1)`,
      [ids],
    );
  }

  async documents(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LoanDocumentRow[]> {
    if (!ids.length) return [];
    return manager.query(
      `SELECT d.application_id AS "applicationId", d.document_key AS "documentKey", d.note,
              d.received_at AS "receivedAt", u.name AS "receivedByName"
         FROM loan_document d JOIN app_user u ON u.id = d.received_by_id
        WHERE d.application_id = ANY($1)`,
      [ids],
    );
  }

  async insert(manager: EntityManager, itemId: string, details: LoanDetails): Promise<void> {
    await manager.query(
      `INSERT INTO loan_application (item_id, applicant_type, lender, lender_kind, purpose, approved_vnd,
          interest_support_rate, term_months, documents_due_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        itemId,
        details.applicantType,
        details.lender,
        details.lenderKind,
        details.purpose,
        details.approvedVnd,
        details.interestSupportRate,
        details.termMonths,
        details.documentsDueOn,
      ],
    );
  }

  async update(manager: EntityManager, itemId: string, changes: Partial<LoanDetails>): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [itemId];
    for (const [field, column] of Object.entries(DETAIL_COLUMNS) as [keyof LoanDetails, string][]) {
      if (changes[field] === undefined) continue;
      params.push(changes[field]);
      sets.push(`${column} = $${params.length}`);
    }
    if (sets.length) await manager.query(`UPDATE loan_application SET ${sets.join(', ')} WHERE item_id = $1`, params);
  }

  /**
   * Locks the application's item row, as a move does, so document and tranche changes queue with moves and
   * PATCHes of the same application; the figures are read under that lock.
   */
  async lock(manager: EntityManager, id: string): Promise<LockedLoan | null> {
    const rows: LockedLoan[] = await manager.query(
      `SELECT i.id, i.owner_id AS "ownerId", i.version, i.pipeline_id AS "pipelineId", i.stage_id AS "stageId",
              s.key AS "stageKey", s.type AS "stageType", i.closed_at AS "closedAt",
              a.approved_vnd::float8 AS "approvedVnd", a.planned_vnd::float8 AS "plannedVnd",
              a.disbursed_vnd::float8 AS "disbursedVnd"
         FROM pipeline_item i
         JOIN stage s ON s.id = i.stage_id
         JOIN loan_application a ON a.item_id = i.id
        WHERE i.id = $1 AND i.kind = 'loan_application'
        FOR UPDATE OF i`,
      [id],
    );
    return rows[0] ?? null;
  }

  async documentKeys(manager: EntityManager, id: string): Promise<string[]> {
    const rows: { key: string }[] = await manager.query(
      `SELECT document_key AS key FROM loan_document WHERE application_id = $1`,
      [id],
    );
    return rows.map((row) => row.key);
  }

  async findDocument(
    manager: EntityManager,
    id: string,
    key: string,
  ): Promise<{ note: string | null; receivedAt: Date } | null> {
    const rows = await manager.query(
      `SELECT note, received_at AS "receivedAt" FROM loan_document WHERE application_id = $1 AND document_key = $2`,
      [id, key],
    );
    return rows[0] ?? null;
  }

  async receiveDocument(manager: EntityManager, id: string, key: string, note: string | null, userId: string) {
    await manager.query(
      `INSERT INTO loan_document (application_id, document_key, note, received_by_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (application_id, document_key) DO UPDATE SET note = EXCLUDED.note`,
      [id, key, note, userId],
    );
  }

  async removeDocument(manager: EntityManager, id: string, key: string): Promise<void> {
    await manager.query(`DELETE FROM loan_document WHERE application_id = $1 AND document_key = $2`, [id, key]);
  }

  async tranches(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<TrancheRow[]> {
    return manager.query(
      `SELECT ${TRANCHE_COLUMNS} FROM loan_tranche t ${TRANCHE_JOINS}
        WHERE t.application_id = $1 ORDER BY t.sequence`,
      [applicationId],
    );
  }

  async findTranche(manager: EntityManager, applicationId: string, id: string): Promise<TrancheRow | null> {
    const rows: TrancheRow[] = await manager.query(
      `SELECT ${TRANCHE_COLUMNS} FROM loan_tranche t ${TRANCHE_JOINS} WHERE t.application_id = $1 AND t.id = $2`,
      [applicationId, id],
    );
    return rows[0] ?? null;
  }

  /** Adds a tranche after the last; the caller holds the application's lock, so sequences do not collide. */
  async insertTranche(
    manager: EntityManager,
    applicationId: string,
    tranche: { milestone: string; requiredProgressPct: number; amountVnd: number; milestoneDueOn: string | null },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO loan_tranche (application_id, sequence, milestone, required_progress_pct, amount_vnd,
          milestone_due_on, version)
       SELECT $1, COALESCE(max(sequence), 0) + 1, $2, $3, $4, $5, 1 FROM loan_tranche WHERE application_id = $1
       RETURNING id`,
      [applicationId, tranche.milestone, tranche.requiredProgressPct, tranche.amountVnd, tranche.milestoneDueOn],
    );
    return rows[0].id;
  }

  async updateTranche(manager: EntityManager, id: string, changes: TrancheChanges): Promise<void> {
    const columns: Record<keyof TrancheChanges, string> = {
      milestone: 'milestone',
      requiredProgressPct: 'required_progress_pct',
      amountVnd: 'amount_vnd',
      milestoneDueOn: 'milestone_due_on',
    };
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [field, column] of Object.entries(columns) as [keyof TrancheChanges, string][]) {
      if (changes[field] === undefined) continue;
      params.push(changes[field]);
      sets.push(`${column} = $${params.length}`);
    }
    await manager.query(
      `UPDATE loan_tranche SET ${[...sets, 'version = version + 1'].join(', ')} WHERE id = $1`,
      params,
    );
  }

  /** The application's deadlines and whether it is closed, read in the caller's transaction. */
  async deadlines(manager: EntityManager, id: string): Promise<LoanDeadlines | null> {
    const [application]: { closed: boolean; documentsDueOn: string | null }[] = await manager.query(
      `SELECT i.closed_at IS NOT NULL AS closed, to_char(a.documents_due_on, 'YYYY-MM-DD') AS "documentsDueOn"
         FROM pipeline_item i JOIN loan_application a ON a.item_id = i.id
        WHERE i.id = $1`,
      [id],
    );
    if (!application) return null;
    const tranches = await manager.query(
      `SELECT id, to_char(milestone_due_on, 'YYYY-MM-DD') AS "milestoneDueOn", confirmed_at IS NOT NULL AS confirmed
         FROM loan_tranche WHERE application_id = $1 ORDER BY sequence`,
      [id],
    );
    return { ...application, tranches };
  }

  /** Marks the application as updated (for lists sorted by it) without changing its version. */
  async touch(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE pipeline_item SET updated_at = now() WHERE id = $1`, [id]);
  }

  async deleteTranche(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM loan_tranche WHERE id = $1`, [id]);
  }

  async confirmTranche(manager: EntityManager, id: string, userId: string, progressPct: number): Promise<void> {
    await manager.query(
      `UPDATE loan_tranche SET confirmed_at = now(), confirmed_by_id = $2, confirmed_progress_pct = $3,
              version = version + 1
        WHERE id = $1`,
      [id, userId, progressPct],
    );
  }

  async releaseTranche(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE loan_tranche SET released_at = now(), released_by_id = $2, version = version + 1 WHERE id = $1`,
      [id, userId],
    );
  }
}
