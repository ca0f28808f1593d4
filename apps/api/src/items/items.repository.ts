import { Injectable } from '@nestjs/common';
import type { LeadSource, PipelineKind, StageType } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { querySearchedPage, searchTerms, textMatchSql } from '../common/text-search';

/** An item's common columns as read for display, with the names of what it links to. */
export interface ItemRow {
  id: string;
  kind: PipelineKind;
  pipelineId: string;
  stageId: string;
  stageKey: string;
  stageType: StageType;
  title: string;
  ownerId: string;
  ownerName: string;
  organizationId: string | null;
  organizationName: string | null;
  contactId: string | null;
  contactName: string | null;
  eventId: string | null;
  eventName: string | null;
  zoneId: string | null;
  zoneName: string | null;
  sector: string | null;
  source: LeadSource | null;
  areaHa: string | null;
  capitalUsd: string | null;
  expectedJobs: number | null;
  amountVnd: string | null;
  stageEnteredAt: Date;
  slaDueOn: string | null;
  overdue: boolean;
  lostReason: string | null;
  closedAt: Date | null;
  sourceItemId: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  sortKey?: string;
}

/** The columns of an item locked for a change. */
export interface LockedItem {
  id: string;
  kind: PipelineKind;
  pipelineId: string;
  stageId: string;
  ownerId: string;
  title: string;
  organizationId: string | null;
  contactId: string | null;
  eventId: string | null;
  zoneId: string | null;
  sector: string | null;
  source: LeadSource | null;
  areaHa: number | null;
  capitalUsd: number | null;
  expectedJobs: number | null;
  amountVnd: number | null;
  stageEnteredAt: Date;
  slaDueOn: string | null;
  overdueFrom: string | null;
  lostReason: string | null;
  version: number;
}

export const ITEM_SORTS = ['-updatedAt', 'updatedAt', 'stageEnteredAt', '-stageEnteredAt', 'title', '-title'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

const SORT_COLUMNS: Record<string, { column: string; key: string }> = {
  updatedAt: { column: 'i.updated_at', key: `to_char(i.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')` },
  stageEnteredAt: {
    column: 'i.stage_entered_at',
    key: `to_char(i.stage_entered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
  },
  title: { column: 'i.title', key: 'i.title' },
};

export interface ItemFilter {
  kind?: PipelineKind;
  pipelineId?: string;
  stageId?: string;
  ownerId?: string;
  zoneId?: string;
  sector?: string;
  eventId?: string;
  organizationId?: string;
  contactId?: string;
  overdue?: boolean;
  q?: string;
}

/**
 * `$1` is always today's business date, for `overdue`. The names of the organization, contact and event come from
 * scalar subqueries (one key probe per row shown) rather than joins: with every link joined, planning the join
 * order cost more than running the statement.
 */
const COLUMNS = `i.id, i.kind, i.pipeline_id AS "pipelineId", i.stage_id AS "stageId", s.key AS "stageKey",
  s.type AS "stageType", i.title, i.owner_id AS "ownerId", u.name AS "ownerName",
  i.organization_id AS "organizationId",
  (SELECT o.name FROM organization o WHERE o.id = i.organization_id) AS "organizationName",
  i.contact_id AS "contactId", (SELECT c.full_name FROM contact c WHERE c.id = i.contact_id) AS "contactName",
  i.event_id AS "eventId", (SELECT e.name FROM promotion_event e WHERE e.id = i.event_id) AS "eventName",
  i.zone_id AS "zoneId", z.name AS "zoneName", i.sector, i.source, i.area_ha AS "areaHa",
  i.capital_usd AS "capitalUsd", i.expected_jobs AS "expectedJobs", i.amount_vnd AS "amountVnd",
  i.stage_entered_at AS "stageEnteredAt", to_char(i.sla_due_on, 'YYYY-MM-DD') AS "slaDueOn",
  (i.closed_at IS NULL AND i.overdue_from IS NOT NULL AND i.overdue_from <= $1::date) AS overdue,
  i.lost_reason AS "lostReason", i.closed_at AS "closedAt", i.source_item_id AS "sourceItemId",
  i.created_at AS "createdAt", i.updated_at AS "updatedAt", i.version`;

/** Joins for COLUMNS on rows of pipeline_item aliased `i` (the zone table is small enough to hash). */
const JOINS = `JOIN stage s ON s.id = i.stage_id
  JOIN app_user u ON u.id = i.owner_id
  LEFT JOIN zone z ON z.id = i.zone_id`;

export interface NewItem {
  kind: PipelineKind;
  pipelineId: string;
  stageId: string;
  title: string;
  ownerId: string;
  organizationId?: string | null;
  contactId?: string | null;
  eventId?: string | null;
  zoneId?: string | null;
  sourceItemId?: string | null;
  sector?: string | null;
  source?: LeadSource | null;
  areaHa?: number | null;
  capitalUsd?: number | null;
  expectedJobs?: number | null;
  amountVnd?: number | null;
  stageEnteredAt: Date;
  slaDueOn: string | null;
  overdueFrom: string | null;
  closedAt: Date | null;
}

/** Fields of the common row a kind's PATCH may change. */
export type ItemChanges = Partial<
  Pick<
    NewItem,
    | 'title'
    | 'ownerId'
    | 'organizationId'
    | 'contactId'
    | 'eventId'
    | 'zoneId'
    | 'sector'
    | 'source'
    | 'areaHa'
    | 'capitalUsd'
    | 'expectedJobs'
    | 'amountVnd'
  >
>;

const CHANGE_COLUMNS: Record<keyof ItemChanges, string> = {
  title: 'title',
  ownerId: 'owner_id',
  organizationId: 'organization_id',
  contactId: 'contact_id',
  eventId: 'event_id',
  zoneId: 'zone_id',
  sector: 'sector',
  source: 'source',
  areaHa: 'area_ha',
  capitalUsd: 'capital_usd',
  expectedJobs: 'expected_jobs',
  amountVnd: 'amount_vnd',
};

export interface HistoryRow {
  id: string;
  fromStageId: string | null;
  fromNameVi: string | null;
  fromNameEn: string | null;
  toStageId: string;
  toNameVi: string;
  toNameEn: string;
  movedAt: Date;
  movedById: string | null;
  movedByName: string | null;
  workingDaysInStage: number | null;
  reason: string | null;
}

export interface BoardStageRow {
  stageId: string;
  count: number;
  overdueCount: number;
  areaHa: string | null;
  capitalUsd: string | null;
  amountVnd: string | null;
}

@Injectable()
export class ItemsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string, today: string, manager: EntityManager = this.dataSource.manager): Promise<ItemRow | null> {
    const rows: ItemRow[] = await manager.query(`SELECT ${COLUMNS} FROM pipeline_item i ${JOINS} WHERE i.id = $2`, [
      today,
      id,
    ]);
    return rows[0] ?? null;
  }

  async lock(manager: EntityManager, id: string, kind: PipelineKind): Promise<LockedItem | null> {
    const rows: LockedItem[] = await manager.query(
      `SELECT id, kind, pipeline_id AS "pipelineId", stage_id AS "stageId", owner_id AS "ownerId", title,
              organization_id AS "organizationId", contact_id AS "contactId", event_id AS "eventId",
              zone_id AS "zoneId", sector, source, area_ha::float8 AS "areaHa", capital_usd::float8 AS "capitalUsd",
              expected_jobs AS "expectedJobs", amount_vnd::float8 AS "amountVnd", stage_entered_at AS "stageEnteredAt",
              to_char(sla_due_on, 'YYYY-MM-DD') AS "slaDueOn", to_char(overdue_from, 'YYYY-MM-DD') AS "overdueFrom",
              lost_reason AS "lostReason", version
         FROM pipeline_item WHERE id = $1 AND kind = $2 FOR UPDATE`,
      [id, kind],
    );
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, item: NewItem): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO pipeline_item (kind, pipeline_id, stage_id, title, owner_id, organization_id, contact_id, event_id,
          zone_id, source_item_id, sector, source, area_ha, capital_usd, expected_jobs, amount_vnd, stage_entered_at,
          sla_due_on, overdue_from, closed_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, 1)
       RETURNING id`,
      [
        item.kind,
        item.pipelineId,
        item.stageId,
        item.title,
        item.ownerId,
        item.organizationId ?? null,
        item.contactId ?? null,
        item.eventId ?? null,
        item.zoneId ?? null,
        item.sourceItemId ?? null,
        item.sector ?? null,
        item.source ?? null,
        item.areaHa ?? null,
        item.capitalUsd ?? null,
        item.expectedJobs ?? null,
        item.amountVnd ?? null,
        item.stageEnteredAt,
        item.slaDueOn,
        item.overdueFrom,
        item.closedAt,
      ],
    );
    return rows[0].id;
  }

  /** Applies field changes and bumps the version; the caller has checked the version on the locked row. */
  async update(manager: EntityManager, id: string, changes: ItemChanges): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [field, column] of Object.entries(CHANGE_COLUMNS) as [keyof ItemChanges, string][]) {
      if (changes[field] === undefined) continue;
      params.push(changes[field]);
      sets.push(`${column} = $${params.length}`);
    }
    await manager.query(
      `UPDATE pipeline_item SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')} WHERE id = $1`,
      params,
    );
  }

  async setStage(
    manager: EntityManager,
    id: string,
    stage: {
      stageId: string;
      enteredAt: Date;
      slaDueOn: string | null;
      overdueFrom: string | null;
      closedAt: Date | null;
      lostReason: string | null;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE pipeline_item SET stage_id = $2, stage_entered_at = $3, sla_due_on = $4, overdue_from = $5,
              closed_at = $6, lost_reason = $7, updated_at = now(), version = version + 1
        WHERE id = $1`,
      [id, stage.stageId, stage.enteredAt, stage.slaDueOn, stage.overdueFrom, stage.closedAt, stage.lostReason],
    );
  }

  async addHistory(
    manager: EntityManager,
    row: {
      itemId: string;
      pipelineId: string;
      fromStageId: string | null;
      toStageId: string;
      ownerId: string;
      movedById: string | null;
      movedAt: Date;
      workingDaysInStage: number | null;
      breachedSla: boolean;
      reason: string | null;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO stage_history (item_id, pipeline_id, from_stage_id, to_stage_id, owner_id, moved_by_id, moved_at,
          working_days_in_stage, breached_sla, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        row.itemId,
        row.pipelineId,
        row.fromStageId,
        row.toStageId,
        row.ownerId,
        row.movedById,
        row.movedAt,
        row.workingDaysInStage,
        row.breachedSla,
        row.reason,
      ],
    );
  }

  async history(itemId: string): Promise<HistoryRow[]> {
    return this.dataSource.query(
      `SELECT h.id::text AS id, h.from_stage_id AS "fromStageId", f.name_vi AS "fromNameVi", f.name_en AS "fromNameEn",
              h.to_stage_id AS "toStageId", t.name_vi AS "toNameVi", t.name_en AS "toNameEn", h.moved_at AS "movedAt",
              h.moved_by_id AS "movedById", u.name AS "movedByName", h.working_days_in_stage AS "workingDaysInStage",
              h.reason
         FROM stage_history h
         JOIN stage t ON t.id = h.to_stage_id
         LEFT JOIN stage f ON f.id = h.from_stage_id
         LEFT JOIN app_user u ON u.id = h.moved_by_id
        WHERE h.item_id = $1 ORDER BY h.id DESC`,
      [itemId],
    );
  }

  /** A text-searched query gathers its matches through the trigram index first (see querySearchedPage). */
  private query<T>(filter: ItemFilter, sql: string, params: unknown[]): Promise<T[]> {
    return filter.q ? querySearchedPage<T>(this.dataSource, sql, params) : this.dataSource.query(sql, params);
  }

  /** Builds the WHERE clause of a filter; `params` already holds today's date as `$1`. */
  private async where(filter: ItemFilter, params: unknown[]): Promise<string[]> {
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (filter.kind) where.push(`i.kind = ${param(filter.kind)}`);
    if (filter.pipelineId) where.push(`i.pipeline_id = ${param(filter.pipelineId)}`);
    if (filter.stageId) where.push(`i.stage_id = ${param(filter.stageId)}`);
    if (filter.ownerId) where.push(`i.owner_id = ${param(filter.ownerId)}`);
    if (filter.zoneId) where.push(`i.zone_id = ${param(filter.zoneId)}`);
    if (filter.sector) where.push(`i.sector = ${param(filter.sector)}`);
    if (filter.eventId) where.push(`i.event_id = ${param(filter.eventId)}`);
    if (filter.organizationId) where.push(`i.organization_id = ${param(filter.organizationId)}`);
    if (filter.contactId) where.push(`i.contact_id = ${param(filter.contactId)}`);
    if (filter.overdue === true) where.push(`i.closed_at IS NULL AND i.overdue_from <= $1::date`);
    if (filter.overdue === false)
      where.push(`NOT (i.closed_at IS NULL AND COALESCE(i.overdue_from <= $1::date, false))`);
    if (filter.q) {
      const terms = await searchTerms(this.dataSource, filter.q);
      where.push(textMatchSql('i.search_key', terms, param));
    }
    return where;
  }

  async list(
    filter: ItemFilter,
    today: string,
    sort: ItemSort,
    after: [string, string] | undefined,
    limit: number,
  ): Promise<ItemRow[]> {
    const params: unknown[] = [today];
    const where = await this.where(filter, params);
    const descending = sort.startsWith('-');
    const { column, key } = SORT_COLUMNS[sort.replace('-', '')];
    if (after) {
      params.push(after[0], after[1]);
      const cast = column === 'i.title' ? '' : '::timestamptz';
      where.push(`(${column}, i.id) ${descending ? '<' : '>'} ($${params.length - 1}${cast}, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const direction = descending ? 'DESC' : 'ASC';
    // The page is chosen from pipeline_item alone, then named: names are looked up for the rows shown only.
    const order = `ORDER BY ${column} ${direction}, i.id ${direction}`;
    return this.query(
      filter,
      `SELECT ${COLUMNS}, ${key} AS "sortKey"
         FROM (SELECT * FROM pipeline_item i ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ${order} LIMIT $${params.length}) i
         ${JOINS}
        ${order}`,
      params,
    );
  }

  /**
   * A pipeline's board: per stage the count, overdue count and sums, and the first `limit` + 1 cards, oldest in
   * stage first. Unfiltered or filtered on overdue only, the figures come from the stage tally (kept per overdue
   * day) and the cards from one short index read per stage. Otherwise the matching items are gathered once
   * (through the covering board index, or the trigram index for a search) and both figures and first cards come
   * from that set.
   */
  async board(filter: ItemFilter & { pipelineId: string }, stageIds: string[], today: string, limit: number) {
    const filtered = Object.entries(filter).some(
      ([key, value]) => value !== undefined && key !== 'pipelineId' && key !== 'kind' && key !== 'overdue',
    );
    if (!filtered) {
      const [stages, cards] = await Promise.all([
        this.tallies(stageIds, today, filter.overdue),
        this.firstCards(filter.pipelineId, stageIds, today, limit, filter.overdue),
      ]);
      return { stages, cards };
    }
    const params: unknown[] = [today];
    const where = await this.where({ ...filter, stageId: undefined }, params);
    params.push(limit + 1);
    const stages: (BoardStageRow & { cardIds: string[] })[] = await this.dataSource.query(
      `SELECT stage_id AS "stageId", count(*)::int AS count,
              count(*) FILTER (WHERE closed_at IS NULL AND overdue_from <= $1::date)::int AS "overdueCount",
              sum(area_ha) AS "areaHa", sum(capital_usd) AS "capitalUsd", sum(amount_vnd) AS "amountVnd",
              array_agg(id ORDER BY place) FILTER (WHERE place <= $${params.length}) AS "cardIds"
         FROM (
           SELECT i.id, i.stage_id, i.closed_at, i.overdue_from, i.area_ha, i.capital_usd, i.amount_vnd,
                  row_number() OVER (PARTITION BY i.stage_id ORDER BY i.stage_entered_at, i.id) AS place
             FROM pipeline_item i WHERE ${where.join(' AND ')}
         ) ranked
        GROUP BY stage_id`,
      params,
    );
    const ids = stages.flatMap((stage) => stage.cardIds ?? []);
    const cards: ItemRow[] = ids.length
      ? await this.dataSource.query(
          `SELECT ${COLUMNS}, ${SORT_COLUMNS.stageEnteredAt.key} AS "sortKey"
             FROM pipeline_item i ${JOINS} WHERE i.id = ANY($2::uuid[])
            ORDER BY i.stage_entered_at, i.id`,
          [today, ids],
        )
      : [];
    return { stages: stages as BoardStageRow[], cards };
  }

  /**
   * Per listed stage: count, overdue count today and sums, from the stage tally. The tally's day is an open item's
   * overdue date ('infinity' for the rest), so "overdue" is a range of days: on or before today.
   */
  private tallies(stageIds: string[], today: string, overdue: boolean | undefined): Promise<BoardStageRow[]> {
    const days = overdue === undefined ? '' : `AND t.overdue_from ${overdue ? '<=' : '>'} $1::date`;
    return this.dataSource.query(
      `SELECT t.stage_id AS "stageId", sum(t.items)::int AS count,
              coalesce(sum(t.items) FILTER (WHERE t.overdue_from <= $1::date), 0)::int AS "overdueCount",
              CASE WHEN sum(t.area_items) > 0 THEN sum(t.area_ha) END AS "areaHa",
              CASE WHEN sum(t.capital_items) > 0 THEN sum(t.capital_usd) END AS "capitalUsd",
              CASE WHEN sum(t.amount_items) > 0 THEN sum(t.amount_vnd) END AS "amountVnd"
         FROM stage_tally t
        WHERE t.stage_id = ANY($2::uuid[]) ${days}
        GROUP BY t.stage_id`,
      [today, stageIds],
    );
  }

  /**
   * The first `limit` + 1 cards of each listed stage, oldest in stage first, in one statement, stage by stage in
   * the order listed. Each stage's page is read from pipeline_item alone before names are looked up. Filtered on
   * overdue, the page's ids come from the covering board index, which holds the overdue columns.
   */
  private firstCards(
    pipelineId: string,
    stageIds: string[],
    today: string,
    limit: number,
    overdue: boolean | undefined,
  ): Promise<ItemRow[]> {
    const page =
      overdue === undefined
        ? `SELECT * FROM pipeline_item i WHERE i.stage_id = board.stage_id
            ORDER BY i.stage_entered_at, i.id LIMIT $3) i`
        : `SELECT p.id FROM pipeline_item p
            WHERE p.pipeline_id = $4 AND p.stage_id = board.stage_id
              AND ${overdue ? '' : 'NOT '}(p.closed_at IS NULL AND COALESCE(p.overdue_from <= $1::date, false))
            ORDER BY p.stage_entered_at, p.id LIMIT $3) page
         JOIN pipeline_item i ON i.id = page.id`;
    return this.dataSource.query(
      `SELECT ${COLUMNS}, ${SORT_COLUMNS.stageEnteredAt.key} AS "sortKey"
         FROM unnest($2::uuid[]) WITH ORDINALITY AS board(stage_id, n)
         CROSS JOIN LATERAL (${page}
         ${JOINS}
        ORDER BY board.n, i.stage_entered_at, i.id`,
      overdue === undefined ? [today, stageIds, limit + 1] : [today, stageIds, limit + 1, pipelineId],
    );
  }
}
