import { Injectable } from '@nestjs/common';
import type { PipelineKind, RecordSubjectType } from '@irm/contracts';
import type { EntityManager } from 'typeorm';

export interface MovementRow {
  pipelineId: string;
  nameVi: string;
  nameEn: string;
  created: number;
  won: number;
  lost: number;
  moved: number;
}

export interface OverdueCountRow {
  pipelineId: string;
  nameVi: string;
  nameEn: string;
  count: number;
}

export interface OverdueItemRow {
  id: string;
  kind: PipelineKind;
  title: string;
  pipelineVi: string;
  pipelineEn: string;
  stageVi: string;
  stageEn: string;
  ownerId: string;
  ownerName: string;
  /** `YYYY-MM-DD`: the first working day it counted as overdue. */
  overdueFrom: string;
}

export interface DueTaskRow {
  id: string;
  title: string;
  dueAt: Date;
  assigneeId: string;
  subjectType: RecordSubjectType | null;
  subjectId: string | null;
}

const OVERDUE_ITEM = `i.id, i.kind, i.title, p.name_vi AS "pipelineVi", p.name_en AS "pipelineEn",
  s.name_vi AS "stageVi", s.name_en AS "stageEn", i.owner_id AS "ownerId", u.name AS "ownerName",
  to_char(i.overdue_from, 'YYYY-MM-DD') AS "overdueFrom"`;
const OVERDUE_JOINS = `JOIN pipeline p ON p.id = i.pipeline_id JOIN stage s ON s.id = i.stage_id
  JOIN app_user u ON u.id = i.owner_id`;

/** What the morning digest reports, read with explicit selects and one query per section. */
@Injectable()
export class DailyDigestRepository {
  /** Active staff (promotion officers); managers are found through the reminder audience. */
  async activeStaff(manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM app_user WHERE role = 'staff' AND active ORDER BY id`,
    );
    return rows.map((row) => row.id);
  }

  /** Stage history entries in [from, to), per pipeline: new items, and moves into won, lost and open stages. */
  movement(manager: EntityManager, from: Date, to: Date): Promise<MovementRow[]> {
    return manager.query(
      `SELECT p.id AS "pipelineId", p.name_vi AS "nameVi", p.name_en AS "nameEn",
              count(*) FILTER (WHERE h.from_stage_id IS NULL)::int AS created,
              count(*) FILTER (WHERE h.from_stage_id IS NOT NULL AND s.type = 'won')::int AS won,
              count(*) FILTER (WHERE h.from_stage_id IS NOT NULL AND s.type = 'lost')::int AS lost,
              count(*) FILTER (WHERE h.from_stage_id IS NOT NULL AND s.type = 'open')::int AS moved
         FROM stage_history h
         JOIN stage s ON s.id = h.to_stage_id
         JOIN pipeline p ON p.id = h.pipeline_id
        WHERE h.moved_at >= $1 AND h.moved_at < $2
        GROUP BY p.id
        ORDER BY p.kind, p.id`,
      [from, to],
    );
  }

  overdueCounts(manager: EntityManager, date: string): Promise<OverdueCountRow[]> {
    return manager.query(
      `SELECT p.id AS "pipelineId", p.name_vi AS "nameVi", p.name_en AS "nameEn", count(*)::int AS count
         FROM pipeline_item i JOIN pipeline p ON p.id = i.pipeline_id
        WHERE i.closed_at IS NULL AND i.overdue_from <= $1::date
        GROUP BY p.id
        ORDER BY p.kind, p.id`,
      [date],
    );
  }

  oldestOverdue(manager: EntityManager, date: string, limit: number): Promise<OverdueItemRow[]> {
    return manager.query(
      `SELECT ${OVERDUE_ITEM} FROM pipeline_item i ${OVERDUE_JOINS}
        WHERE i.closed_at IS NULL AND i.overdue_from <= $1::date
        ORDER BY i.overdue_from, i.stage_entered_at, i.id
        LIMIT $2`,
      [date, limit],
    );
  }

  /** Each owner's overdue items, oldest first, at most `limit` each. */
  ownOverdue(
    manager: EntityManager,
    ownerIds: readonly string[],
    date: string,
    limit: number,
  ): Promise<OverdueItemRow[]> {
    return manager.query(
      `SELECT * FROM (
         SELECT ${OVERDUE_ITEM},
                row_number() OVER (PARTITION BY i.owner_id ORDER BY i.overdue_from, i.stage_entered_at, i.id) AS rank
           FROM pipeline_item i ${OVERDUE_JOINS}
          WHERE i.owner_id = ANY($1::uuid[]) AND i.closed_at IS NULL AND i.overdue_from <= $2::date
       ) ranked WHERE rank <= $3
       ORDER BY "ownerId", rank`,
      [ownerIds, date, limit],
    );
  }

  /** Open tasks of these people due before `before`, earliest first, at most `limit` each. */
  dueTasks(manager: EntityManager, assigneeIds: readonly string[], before: Date, limit: number): Promise<DueTaskRow[]> {
    return manager.query(
      `SELECT id, title, "dueAt", "assigneeId", "subjectType", "subjectId" FROM (
         SELECT id, title, due_at AS "dueAt", assignee_id AS "assigneeId", subject_type AS "subjectType",
                subject_id AS "subjectId",
                row_number() OVER (PARTITION BY assignee_id ORDER BY due_at, id) AS rank
           FROM task
          WHERE assignee_id = ANY($1::uuid[]) AND NOT done AND due_at < $2
       ) ranked WHERE rank <= $3
       ORDER BY "assigneeId", rank`,
      [assigneeIds, before, limit],
    );
  }
}
