import { Injectable } from '@nestjs/common';
import { LenderKind, LoanApplicantType, PipelineKind, PromotionEventKind, StageType, ZoneType } from '@irm/contracts';
import { DataSource } from 'typeorm';

/** A window of business dates, both included, read in the business time zone. */
export interface WindowParams {
  from: string;
  to: string;
  timeZone: string;
}

/** Parameter list builder: `$n` placeholders in the order values are added. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * `moved_at` (or any timestamptz) inside the window: from the start of `from` to the start of the day after `to`
 * in the business time zone, written as a range on the bare column so its index answers.
 */
function inWindow(column: string, window: WindowParams, params: Params): string {
  const tz = params.add(window.timeZone);
  return `${column} >= (${params.add(window.from)}::date)::timestamp AT TIME ZONE ${tz}
      AND ${column} < (${params.add(window.to)}::date + 1)::timestamp AT TIME ZONE ${tz}`;
}

/** One count of the funnel statement: items whose furthest stage is `rank`; the breakdown says which columns are set. */
export type FunnelCountRow =
  | { breakdown: 'total'; rank: number; items: number }
  | { breakdown: 'period'; period: number; rank: number; items: number }
  | { breakdown: 'owner'; ownerId: string; ownerName: string; rank: number; items: number }
  | { breakdown: 'exit'; stageId: string; items: number };

export interface StageDurationRow {
  stageId: string;
  movesOut: number;
  medianDays: number | null;
  p90Days: number | null;
  breachedMoves: number;
}

export interface CurrentStageRow {
  stageId: string;
  entered: string;
  items: number;
}

export interface BreachCountRow {
  stageId: string;
  ownerId: string;
  ownerName: string;
  breachedMoves: number;
  overdueNow: number;
}

export interface OverdueItemRow {
  id: string;
  kind: PipelineKind;
  title: string;
  ownerId: string;
  ownerName: string;
  stageId: string;
  stageNameVi: string;
  stageNameEn: string;
  slaDueOn: string | null;
  overdueFrom: string;
}

export interface ZoneOccupancyDbRow {
  zoneId: string;
  code: string;
  name: string;
  type: ZoneType;
  district: string;
  industrialLandHa: string;
  leasedHa: string;
  reservedHa: string;
  openEnquiries: number;
  enquiredHa: string;
}

export interface EventRoiDbRow {
  eventId: string;
  name: string;
  kind: PromotionEventKind;
  startsOn: string;
  endsOn: string;
  budgetVnd: string | null;
  contacts: number;
  ledItems: number;
  conversions: number;
  hectaresEnquired: string;
  capitalUsd: string;
  expectedJobs: string;
}

interface LoanFiguresColumns {
  applications: number;
  requestedVnd: string;
  approvedVnd: string;
  disbursedVnd: string;
}

/** One row of the loan statement's grouping sets; which columns are set depends on the breakdown. */
export type LoanFiguresDbRow = LoanFiguresColumns &
  (
    | { breakdown: 'total' }
    | { breakdown: 'lender'; lender: string; lenderKind: LenderKind }
    | { breakdown: 'applicant'; applicantType: LoanApplicantType }
    | { breakdown: 'stage'; stageId: string }
  );

/** Runs SQL: the data source, or the transaction a report reads in. */
interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/**
 * Reports read in a read-only REPEATABLE READ transaction, so that the statements of one report (figures and a
 * page of items) see the same data; with JIT off (compiling these plans costs more than it saves at bench size,
 * ~130 ms for the event report) and room to aggregate in memory rather than on disk.
 */
@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  snapshot<T>(read: (queries: ReportQueries) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query(
        `SET TRANSACTION READ ONLY; SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`,
      );
      return read(new ReportQueries(manager));
    });
  }
}

/** The reports' SQL: each figure set is one statement, whatever the number of rows. */
export class ReportQueries {
  constructor(private readonly db: Queryable) {}

  /**
   * Funnel counts in one pass over the window's moves. Per item (and per period, or per owner at the time of the
   * move), the furthest funnel stage it moved into: rows count the items whose furthest stage is `rank`, and the
   * service adds them up from the end. Exits: items that entered each off-path stage in the window. Periods are
   * numbered from 1 in the order of `periodStarts` (the first one the window's first day).
   */
  async funnel(
    pipelineId: string,
    window: WindowParams,
    funnelStageIds: string[],
    exitStageIds: string[],
    periodStarts: string[],
    ownerId?: string,
  ): Promise<FunnelCountRow[]> {
    const p = new Params();
    const tz = p.add(window.timeZone);
    // The period of a move: its place (1, 2, …) among the periods' first instants, found by binary search rather
    // than by converting every move to local time.
    const starts = `(SELECT array_agg(d::timestamp AT TIME ZONE ${tz} ORDER BY d) FROM unnest(${p.add(periodStarts)}::date[]) d)`;
    const periodStart = `width_bucket(h.moved_at, ${starts})`;
    const funnel = p.add(funnelStageIds);
    const exits = p.add(exitStageIds);
    const where = [`h.pipeline_id = ${p.add(pipelineId)}`, inWindow('h.moved_at', window, p)];
    if (ownerId) where.push(`h.owner_id = ${p.add(ownerId)}`);
    // GROUPING(owner_id, period): 3 the whole window, 2 per period, 1 per owner. Exits are few: counted apart,
    // so that the per-item pass hashes only the funnel's moves, three ways rather than four.
    return this.db.query(
      `WITH moves AS (
         SELECT h.item_id, h.owner_id, ${periodStart} AS period,
                array_position(${funnel}::uuid[], h.to_stage_id) - 1 AS rank
           FROM stage_history h
          WHERE ${where.join(' AND ')} AND h.to_stage_id = ANY(${funnel}::uuid[])
       ),
       per_item AS (
         SELECT GROUPING(owner_id, period) AS grp, period, owner_id, max(rank) AS rank
           FROM moves
          GROUP BY GROUPING SETS ((item_id), (item_id, period), (item_id, owner_id))
       ),
       counts AS (
         SELECT grp, period, owner_id, rank, count(*)::int AS items FROM per_item GROUP BY 1, 2, 3, 4
       )
       SELECT CASE c.grp WHEN 3 THEN 'total' WHEN 2 THEN 'period' ELSE 'owner' END AS breakdown,
              c.period, c.owner_id AS "ownerId", coalesce(u.name, '') AS "ownerName",
              c.rank, NULL::uuid AS "stageId", c.items
         FROM counts c LEFT JOIN app_user u ON u.id = c.owner_id
       UNION ALL
       SELECT 'exit', NULL, NULL, '', NULL, h.to_stage_id, count(DISTINCT h.item_id)::int
         FROM stage_history h
        WHERE ${where.join(' AND ')} AND h.to_stage_id = ANY(${exits}::uuid[])
        GROUP BY h.to_stage_id`,
      p.values,
    );
  }

  /** Moves out of each stage in the window with the median and 90th percentile of the working days spent. */
  async stageDurations(pipelineId: string, window: WindowParams, ownerId?: string): Promise<StageDurationRow[]> {
    const p = new Params();
    const where = [
      `h.pipeline_id = ${p.add(pipelineId)}`,
      inWindow('h.moved_at', window, p),
      'h.from_stage_id IS NOT NULL',
    ];
    if (ownerId) where.push(`h.owner_id = ${p.add(ownerId)}`);
    return this.db.query(
      `SELECT h.from_stage_id AS "stageId", count(*)::int AS "movesOut",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY h.working_days_in_stage) AS "medianDays",
              percentile_cont(0.9) WITHIN GROUP (ORDER BY h.working_days_in_stage) AS "p90Days",
              count(*) FILTER (WHERE h.breached_sla)::int AS "breachedMoves"
         FROM stage_history h
        WHERE ${where.join(' AND ')}
        GROUP BY h.from_stage_id`,
      p.values,
    );
  }

  /** Items now in the given (open) stages, counted per stage and business date of entry. */
  async currentByEntryDate(stageIds: string[], timeZone: string, ownerId?: string): Promise<CurrentStageRow[]> {
    const p = new Params();
    // Items in open stages are open (closed_at is set on entering a won or lost stage): no closed_at test, so the
    // stage index answers alone.
    const where = [`i.stage_id = ANY(${p.add(stageIds)}::uuid[])`];
    if (ownerId) where.push(`i.owner_id = ${p.add(ownerId)}`);
    return this.db.query(
      `SELECT i.stage_id AS "stageId", to_char((i.stage_entered_at AT TIME ZONE ${p.add(timeZone)})::date, 'YYYY-MM-DD') AS entered,
              count(*)::int AS items
         FROM pipeline_item i
        WHERE ${where.join(' AND ')}
        GROUP BY 1, 2`,
      p.values,
    );
  }

  /**
   * Per stage and owner: moves in the window that left a stage past its SLA (stage left, owner at the time), and
   * open items overdue today (current stage and owner).
   */
  async breachCounts(window: WindowParams, today: string, pipelineId?: string, ownerId?: string) {
    const p = new Params();
    const breached = ['h.breached_sla', inWindow('h.moved_at', window, p)];
    const overdue = [`i.overdue_from <= ${p.add(today)}::date`, 'i.closed_at IS NULL'];
    if (pipelineId) {
      const id = p.add(pipelineId);
      breached.push(`h.pipeline_id = ${id}`);
      overdue.push(`i.pipeline_id = ${id}`);
    }
    if (ownerId) {
      const id = p.add(ownerId);
      breached.push(`h.owner_id = ${id}`);
      overdue.push(`i.owner_id = ${id}`);
    }
    const rows: BreachCountRow[] = await this.db.query(
      `WITH breached AS (
         SELECT h.from_stage_id AS stage_id, h.owner_id, count(*)::int AS n
           FROM stage_history h WHERE ${breached.join(' AND ')} AND h.from_stage_id IS NOT NULL
          GROUP BY 1, 2
       ), overdue AS (
         SELECT i.stage_id, i.owner_id, count(*)::int AS n
           FROM pipeline_item i WHERE ${overdue.join(' AND ')}
          GROUP BY 1, 2
       )
       SELECT coalesce(b.stage_id, o.stage_id) AS "stageId", coalesce(b.owner_id, o.owner_id) AS "ownerId",
              coalesce(u.name, '') AS "ownerName", coalesce(b.n, 0) AS "breachedMoves", coalesce(o.n, 0) AS "overdueNow"
         FROM breached b
         FULL JOIN overdue o ON o.stage_id = b.stage_id AND o.owner_id = b.owner_id
         LEFT JOIN app_user u ON u.id = coalesce(b.owner_id, o.owner_id)`,
      p.values,
    );
    return rows;
  }

  /** A page of the items overdue today, the longest overdue first. */
  async overdueItems(
    today: string,
    limit: number,
    after?: [string, string],
    pipelineId?: string,
    ownerId?: string,
  ): Promise<OverdueItemRow[]> {
    const p = new Params();
    const where = [`i.overdue_from <= ${p.add(today)}::date`, 'i.closed_at IS NULL'];
    if (pipelineId) where.push(`i.pipeline_id = ${p.add(pipelineId)}`);
    if (ownerId) where.push(`i.owner_id = ${p.add(ownerId)}`);
    if (after) where.push(`(i.overdue_from, i.id) > (${p.add(after[0])}::date, ${p.add(after[1])}::uuid)`);
    return this.db.query(
      `SELECT i.id, i.kind, i.title, i.owner_id AS "ownerId", u.name AS "ownerName", i.stage_id AS "stageId",
              s.name_vi AS "stageNameVi", s.name_en AS "stageNameEn",
              to_char(i.sla_due_on, 'YYYY-MM-DD') AS "slaDueOn", to_char(i.overdue_from, 'YYYY-MM-DD') AS "overdueFrom"
         FROM pipeline_item i
         JOIN stage s ON s.id = i.stage_id
         JOIN app_user u ON u.id = i.owner_id
        WHERE ${where.join(' AND ')}
        ORDER BY i.overdue_from, i.id
        LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
  }

  /**
   * Every zone's land bank with the open land enquiries assigned to it that hold no land yet (the demand still to
   * be served), most available land first.
   */
  async zoneOccupancy(district?: string, type?: ZoneType): Promise<ZoneOccupancyDbRow[]> {
    const p = new Params();
    const where: string[] = [];
    if (district) where.push(`z.district = ${p.add(district)}`);
    if (type) where.push(`z.type = ${p.add(type)}`);
    return this.db.query(
      `SELECT z.id AS "zoneId", z.code, z.name, z.type, z.district,
              z.industrial_land_ha AS "industrialLandHa", z.leased_ha AS "leasedHa", z.reserved_ha AS "reservedHa",
              coalesce(e.items, 0)::int AS "openEnquiries", coalesce(e.area, 0) AS "enquiredHa"
         FROM zone z
         LEFT JOIN (
           SELECT i.zone_id, count(*) AS items, sum(i.area_ha) AS area
             FROM pipeline_item i
             JOIN land_enquiry le ON le.item_id = i.id
            WHERE i.kind = 'land_enquiry' AND i.zone_id IS NOT NULL AND i.closed_at IS NULL
              AND le.reserved_ha = 0 AND le.leased_ha = 0
            GROUP BY i.zone_id
         ) e ON e.zone_id = z.id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY z.industrial_land_ha - z.leased_ha - z.reserved_ha DESC, z.name, z.id`,
      p.values,
    );
  }

  /**
   * Per event that started in the window: its contacts; the prospects, land enquiries and loan applications that
   * name it or were converted from its contacts; conversions, counting a contact and the item it became once.
   */
  async eventRoi(from: string, to: string, kind?: PromotionEventKind): Promise<EventRoiDbRow[]> {
    const p = new Params();
    const where = [`e.starts_on >= ${p.add(from)}::date`, `e.starts_on <= ${p.add(to)}::date`];
    if (kind) where.push(`e.kind = ${p.add(kind)}`);
    return this.db.query(
      `WITH ev AS MATERIALIZED (
         SELECT e.id, e.name, e.kind, e.starts_on, e.ends_on, e.budget_vnd
           FROM promotion_event e WHERE ${where.join(' AND ')}
       ),
       attendees AS MATERIALIZED (
         SELECT a.event_id, a.item_id FROM ev JOIN event_attendee a ON a.event_id = ev.id
       ),
       -- Found from the few items in won stages (index-only) rather than by looking up every attendee's item.
       won_attendees AS (
         SELECT a.event_id, a.item_id
           FROM stage s JOIN pipeline_item c ON c.stage_id = s.id JOIN attendees a ON a.item_id = c.id
          WHERE s.type = '${StageType.Won}'
       ),
       -- Items converted from the event's contacts count under the contact's key: the two make one conversion.
       from_contacts AS MATERIALIZED (
         SELECT a.event_id, i.id, i.kind, i.area_ha, i.capital_usd, i.expected_jobs, a.item_id AS conversion_key
           FROM attendees a JOIN pipeline_item i ON i.source_item_id = a.item_id
          WHERE i.source_item_id IS NOT NULL AND i.kind <> '${PipelineKind.EventContact}'
       ),
       led AS (
         SELECT * FROM from_contacts
         UNION ALL
         SELECT ev.id, i.id, i.kind, i.area_ha, i.capital_usd, i.expected_jobs, i.id
           FROM ev JOIN pipeline_item i ON i.event_id = ev.id
          WHERE i.event_id IS NOT NULL AND i.kind <> '${PipelineKind.EventContact}'
            AND NOT EXISTS (SELECT 1 FROM from_contacts f WHERE f.event_id = ev.id AND f.id = i.id)
       ),
       led_totals AS (
         SELECT event_id, count(*)::int AS items,
                coalesce(sum(area_ha) FILTER (WHERE kind = '${PipelineKind.LandEnquiry}'), 0) AS area,
                coalesce(sum(capital_usd), 0) AS capital, coalesce(sum(expected_jobs), 0) AS jobs
           FROM led GROUP BY event_id
       ),
       conversions AS (
         SELECT event_id, count(DISTINCT conversion_key)::int AS n
           FROM (SELECT event_id, conversion_key FROM led
                 UNION ALL SELECT event_id, item_id FROM won_attendees) k
          GROUP BY event_id
       ),
       contacts AS (SELECT event_id, count(*)::int AS n FROM attendees GROUP BY event_id)
       SELECT ev.id AS "eventId", ev.name, ev.kind, to_char(ev.starts_on, 'YYYY-MM-DD') AS "startsOn",
              to_char(ev.ends_on, 'YYYY-MM-DD') AS "endsOn", ev.budget_vnd AS "budgetVnd",
              coalesce(ct.n, 0) AS contacts, coalesce(lt.items, 0) AS "ledItems", coalesce(cv.n, 0) AS conversions,
              coalesce(lt.area, 0) AS "hectaresEnquired", coalesce(lt.capital, 0) AS "capitalUsd",
              coalesce(lt.jobs, 0) AS "expectedJobs"
         FROM ev
         LEFT JOIN contacts ct ON ct.event_id = ev.id
         LEFT JOIN led_totals lt ON lt.event_id = ev.id
         LEFT JOIN conversions cv ON cv.event_id = ev.id
        ORDER BY ev.starts_on DESC, ev.name, ev.id`,
      p.values,
    );
  }

  /** Loan applications submitted in the window: totals, and the same by lender, applicant type and current stage. */
  async loanPortfolio(
    window: WindowParams,
    lenderKind?: LenderKind,
    applicantType?: LoanApplicantType,
  ): Promise<LoanFiguresDbRow[]> {
    const p = new Params();
    const where = [`i.kind = '${PipelineKind.LoanApplication}'`, inWindow('i.created_at', window, p)];
    if (lenderKind) where.push(`l.lender_kind = ${p.add(lenderKind)}`);
    if (applicantType) where.push(`l.applicant_type = ${p.add(applicantType)}`);
    return this.db.query(
      `SELECT CASE GROUPING(l.lender, l.lender_kind, l.applicant_type, i.stage_id)
                WHEN 15 THEN 'total' WHEN 3 THEN 'lender' WHEN 13 THEN 'applicant' ELSE 'stage' END AS breakdown,
              l.lender, l.lender_kind AS "lenderKind", l.applicant_type AS "applicantType", i.stage_id AS "stageId",
              count(*)::int AS applications, coalesce(sum(i.amount_vnd), 0) AS "requestedVnd",
              coalesce(sum(l.approved_vnd), 0) AS "approvedVnd", coalesce(sum(l.disbursed_vnd), 0) AS "disbursedVnd"
         FROM pipeline_item i
         JOIN loan_application l ON l.item_id = i.id
        WHERE ${where.join(' AND ')}
        GROUP BY GROUPING SETS ((), (l.lender, l.lender_kind), (l.applicant_type), (i.stage_id))`,
      p.values,
    );
  }
}
