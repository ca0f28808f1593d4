import { Injectable } from '@nestjs/common';
import type { LocalizedText, PipelineKind, StageType } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';

const PIPELINE_COLUMNS = `id, kind, name_vi AS "nameVi", name_en AS "nameEn", version`;
const STAGE_COLUMNS = `id, pipeline_id AS "pipelineId", key, name_vi AS "nameVi", name_en AS "nameEn", type, position,
  sla_working_days AS "slaWorkingDays", retired_at AS "retiredAt", public_label_vi AS "publicLabelVi",
  public_label_en AS "publicLabelEn", version`;

export interface PipelineRow {
  id: string;
  kind: PipelineKind;
  nameVi: string;
  nameEn: string;
  version: number;
}

export interface StageRow {
  id: string;
  pipelineId: string;
  key: string;
  nameVi: string;
  nameEn: string;
  type: StageType;
  position: number;
  slaWorkingDays: number | null;
  retiredAt: Date | null;
  publicLabelVi: string | null;
  publicLabelEn: string | null;
  version: number;
}

@Injectable()
export class PipelinesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Pipelines in kind order, and all their stages with one more query. */
  async list(
    id?: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ pipelines: PipelineRow[]; stages: StageRow[] }> {
    const pipelines: PipelineRow[] = await manager.query(
      `SELECT ${PIPELINE_COLUMNS} FROM pipeline ${id ? 'WHERE id = $1' : ''} ORDER BY kind`,
      id ? [id] : [],
    );
    if (!pipelines.length) return { pipelines, stages: [] };
    const stages: StageRow[] = await manager.query(
      `SELECT ${STAGE_COLUMNS} FROM stage WHERE pipeline_id = ANY($1) ORDER BY position, id`,
      [pipelines.map((pipeline) => pipeline.id)],
    );
    return { pipelines, stages };
  }

  /**
   * Locks the pipeline for a configuration change: every change of its stages takes this lock first, so changes
   * of one pipeline happen one after the other and each sees the stages as the previous one left them.
   */
  async lockPipeline(manager: EntityManager, id: string): Promise<PipelineRow | null> {
    const rows: PipelineRow[] = await manager.query(
      `SELECT ${PIPELINE_COLUMNS} FROM pipeline WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Every change of a stage is a change of the pipeline: its version guards the order against lost updates. */
  async bumpPipeline(manager: EntityManager, id: string): Promise<number> {
    const [rows] = (await manager.query(`UPDATE pipeline SET version = version + 1 WHERE id = $1 RETURNING version`, [
      id,
    ])) as [{ version: number }[], number];
    return rows[0].version;
  }

  /** The pipeline's stages in order, retired ones included. */
  stagesOf(manager: EntityManager, pipelineId: string): Promise<StageRow[]> {
    return manager.query(`SELECT ${STAGE_COLUMNS} FROM stage WHERE pipeline_id = $1 ORDER BY position, id`, [
      pipelineId,
    ]);
  }

  /**
   * Locks one stage row against new references: an item written into it meanwhile (its foreign-key check
   * takes a key-share lock) is waited for, so that nothing lands in a stage while it is being emptied.
   */
  async lockStage(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`SELECT 1 FROM stage WHERE id = $1 FOR UPDATE`, [id]);
  }

  async insertStage(
    manager: EntityManager,
    stage: Omit<StageRow, 'id' | 'retiredAt' | 'version' | 'publicLabelVi' | 'publicLabelEn'>,
  ): Promise<StageRow> {
    // Later stages make room first; positions are not unique in the schema, so the order of the two is free.
    await manager.query(`UPDATE stage SET position = position + 1 WHERE pipeline_id = $1 AND position >= $2`, [
      stage.pipelineId,
      stage.position,
    ]);
    const rows: StageRow[] = await manager.query(
      `INSERT INTO stage (pipeline_id, key, name_vi, name_en, type, position, sla_working_days, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 1) RETURNING ${STAGE_COLUMNS}`,
      [stage.pipelineId, stage.key, stage.nameVi, stage.nameEn, stage.type, stage.position, stage.slaWorkingDays],
    );
    return rows[0];
  }

  async updateStage(
    manager: EntityManager,
    id: string,
    changes: Partial<
      Pick<StageRow, 'nameVi' | 'nameEn' | 'type' | 'slaWorkingDays' | 'retiredAt' | 'publicLabelVi' | 'publicLabelEn'>
    >,
  ): Promise<StageRow> {
    const columns: Record<keyof typeof changes, string> = {
      nameVi: 'name_vi',
      nameEn: 'name_en',
      type: 'type',
      slaWorkingDays: 'sla_working_days',
      retiredAt: 'retired_at',
      publicLabelVi: 'public_label_vi',
      publicLabelEn: 'public_label_en',
    };
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as [
      keyof typeof changes,
      unknown,
    ][];
    const sets = entries.map(([field], index) => `${columns[field]} = $${index + 2}`);
    const [rows] = (await manager.query(
      `UPDATE stage SET ${[...sets, 'version = version + 1'].join(', ')} WHERE id = $1 RETURNING ${STAGE_COLUMNS}`,
      [id, ...entries.map(([, value]) => value)],
    )) as [StageRow[], number];
    return rows[0];
  }

  /** Positions 1..n in the given order. */
  async setOrder(manager: EntityManager, pipelineId: string, stageIds: readonly string[]): Promise<void> {
    await manager.query(
      `UPDATE stage s SET position = v.position
         FROM unnest($2::uuid[]) WITH ORDINALITY AS v(id, position)
        WHERE s.id = v.id AND s.pipeline_id = $1 AND s.position IS DISTINCT FROM v.position`,
      [pipelineId, stageIds],
    );
  }

  async deleteStage(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM stage WHERE id = $1`, [id]);
  }

  /** Whether items are, or ever were, in the stage. */
  async stageWasUsed(manager: EntityManager, id: string): Promise<{ items: boolean; history: boolean }> {
    const [row]: { items: boolean; history: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM pipeline_item WHERE stage_id = $1) AS items,
              EXISTS (SELECT 1 FROM stage_history WHERE to_stage_id = $1)
              OR EXISTS (SELECT 1 FROM stage_history WHERE from_stage_id = $1) AS history`,
      [id],
    );
    return row;
  }

  async countItems(manager: EntityManager, stageId: string): Promise<number> {
    const [row]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM pipeline_item WHERE stage_id = $1`,
      [stageId],
    );
    return row.count;
  }

  /** Per stage of the pipeline: its items now (open, overdue) and whether any item was ever in it. */
  usage(pipelineId: string, today: string): Promise<StageUsageRow[]> {
    return this.dataSource.query(
      `SELECT s.id AS "stageId",
              coalesce(c.items, 0)::int AS items,
              coalesce(c.open_items, 0)::int AS "openItems",
              coalesce(c.overdue_items, 0)::int AS "overdueItems",
              (c.items IS NOT NULL
                OR EXISTS (SELECT 1 FROM stage_history h WHERE h.to_stage_id = s.id)
                OR EXISTS (SELECT 1 FROM stage_history h WHERE h.from_stage_id = s.id)) AS "everUsed"
         FROM stage s
         LEFT JOIN (
           SELECT stage_id, count(*) AS items,
                  count(*) FILTER (WHERE closed_at IS NULL) AS open_items,
                  count(*) FILTER (WHERE closed_at IS NULL AND overdue_from <= $2::date) AS overdue_items
             FROM pipeline_item WHERE pipeline_id = $1 GROUP BY stage_id
         ) c ON c.stage_id = s.id
        WHERE s.pipeline_id = $1
        ORDER BY s.position, s.id`,
      [pipelineId, today],
    );
  }

  /** The business-time-zone dates on which the stage's items entered it, each once. */
  async entryDates(manager: EntityManager, stageId: string, timeZone: string): Promise<string[]> {
    const rows: { entered: string }[] = await manager.query(
      `SELECT DISTINCT to_char((stage_entered_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS entered
         FROM pipeline_item WHERE stage_id = $1`,
      [stageId, timeZone],
    );
    return rows.map((row) => row.entered);
  }

  /**
   * The items of a stage being retired, locked until the retirement ends (a move of one of them waits, and one
   * that left meanwhile is not read), with what the move rules read of each (loan details and documents, the
   * land a land enquiry holds) in one statement.
   */
  retiringItems(manager: EntityManager, stageId: string): Promise<RetiringItemRow[]> {
    return manager.query(
      `SELECT i.id, i.kind, i.title, i.sector, i.organization_id AS "organizationId", i.contact_id AS "contactId",
              i.capital_usd::float8 AS "capitalUsd", i.expected_jobs AS "expectedJobs", i.area_ha::float8 AS "areaHa",
              i.zone_id AS "zoneId", i.amount_vnd::float8 AS "amountVnd",
              l.approved_vnd::float8 AS "approvedVnd", l.interest_support_rate::float8 AS "interestSupportRate",
              l.term_months AS "termMonths", coalesce(l.planned_vnd, 0)::float8 AS "plannedVnd",
              coalesce(l.disbursed_vnd, 0)::float8 AS "disbursedVnd",
              ARRAY(SELECT d.document_key FROM loan_document d WHERE d.application_id = i.id) AS "documentKeys",
              coalesce(e.reserved_ha, 0)::float8 AS "reservedHa"
         FROM pipeline_item i
         LEFT JOIN loan_application l ON l.item_id = i.id
         LEFT JOIN land_enquiry e ON e.item_id = i.id
        WHERE i.stage_id = $1
        ORDER BY i.stage_entered_at, i.id
          FOR UPDATE OF i`,
      [stageId],
    );
  }

  /**
   * Moves every item of one stage to another with one statement, bumping each item's version, and writes a
   * stage-history row and a `stage_move` timeline entry (the shape a move by hand writes) for each: the working
   * days each spent in the stage come from a per-entry-date table (`workingDays`), so the cost follows the
   * calendar, not the number of items. Returns the ids of the items moved.
   */
  async moveAllItems(manager: EntityManager, move: StageItemsMove): Promise<string[]> {
    // The statement is a SELECT at its top, so the driver answers with its rows.
    const rows: { id: string }[] = await manager.query(
      `WITH moved AS (
         UPDATE pipeline_item i
            SET stage_id = $2, stage_entered_at = $3, sla_due_on = $4, overdue_from = $5,
                version = i.version + 1, updated_at = $3
           FROM (SELECT id, owner_id, stage_entered_at, overdue_from, closed_at
                   FROM pipeline_item WHERE stage_id = $1 FOR UPDATE) old
          WHERE i.id = old.id
         RETURNING old.id, i.kind, old.owner_id, old.stage_entered_at, old.overdue_from, old.closed_at
       ), facts AS (
         SELECT m.id, m.kind, m.owner_id, wd.days,
                m.closed_at IS NULL AND m.overdue_from IS NOT NULL AND m.overdue_from <= $8::date AS breached
           FROM moved m
           LEFT JOIN unnest($10::date[], $11::int[]) AS wd(entered, days)
             ON wd.entered = (m.stage_entered_at AT TIME ZONE $12)::date
       ), history AS (
         INSERT INTO stage_history (item_id, pipeline_id, from_stage_id, to_stage_id, owner_id, moved_by_id, moved_at,
                                    working_days_in_stage, breached_sla, reason)
         SELECT f.id, $6, $1, $2, f.owner_id, $7, $3, f.days, f.breached, $9
           FROM facts f
         RETURNING item_id
       ), timeline AS (
         INSERT INTO timeline_entry (subject_type, subject_id, kind, body, occurred_at, author_id, payload, version)
         SELECT f.kind::text::record_subject_type, f.id, 'stage_move', $9, $3, $7,
                jsonb_build_object('fromStageId', $1::uuid, 'fromStage', jsonb_build_object('vi', $13::text, 'en', $14::text),
                                   'toStageId', $2::uuid, 'toStage', jsonb_build_object('vi', $15::text, 'en', $16::text),
                                   'workingDaysInStage', f.days, 'breachedSla', f.breached),
                1
           FROM facts f
       )
       SELECT item_id AS id FROM history`,
      [
        move.fromStageId,
        move.toStageId,
        move.movedAt,
        move.slaDueOn,
        move.overdueFrom,
        move.pipelineId,
        move.movedById,
        move.today,
        move.reason,
        move.workingDays.map(([entered]) => entered),
        move.workingDays.map(([, days]) => days),
        move.timeZone,
        move.fromName.vi,
        move.fromName.en,
        move.toName.vi,
        move.toName.en,
      ],
    );
    return rows.map((row) => row.id);
  }
}

/** An item of a stage being retired, with the facts the move rules read. */
export interface RetiringItemRow {
  id: string;
  kind: PipelineKind;
  title: string;
  sector: string | null;
  organizationId: string | null;
  contactId: string | null;
  capitalUsd: number | null;
  expectedJobs: number | null;
  areaHa: number | null;
  zoneId: string | null;
  amountVnd: number | null;
  approvedVnd: number | null;
  interestSupportRate: number | null;
  termMonths: number | null;
  plannedVnd: number;
  disbursedVnd: number;
  documentKeys: string[];
  reservedHa: number;
}

export interface StageUsageRow {
  stageId: string;
  items: number;
  openItems: number;
  overdueItems: number;
  everUsed: boolean;
}

export interface StageItemsMove {
  pipelineId: string;
  fromStageId: string;
  toStageId: string;
  movedAt: Date;
  movedById: string;
  /** The SLA dates the items get in their new stage (all entered it at `movedAt`). */
  slaDueOn: string | null;
  overdueFrom: string | null;
  /** Today in the business time zone: an item whose `overdue_from` has come left after its SLA. */
  today: string;
  timeZone: string;
  reason: string;
  /** The stages' names now, for the timeline entries. */
  fromName: LocalizedText;
  toName: LocalizedText;
  /** [entry date, working days from it to today] for each date items entered the stage being emptied. */
  workingDays: [string, number][];
}
