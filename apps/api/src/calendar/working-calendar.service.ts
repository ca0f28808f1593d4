import { Injectable } from '@nestjs/common';
import { localDate, WorkingDays } from '@irm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';

/** How long a loaded calendar is trusted before the holidays are read again (other processes may edit them). */
const FRESH_MS = 60_000;

/**
 * The agency's working-day calendar (business time zone, weekends, the holiday table), loaded once and kept
 * for a minute; holiday edits in this process drop it at once.
 */
@Injectable()
export class WorkingCalendarService {
  private cached: { days: WorkingDays; loadedAt: number } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  get timeZone(): string {
    return this.config.TZ_BUSINESS;
  }

  async current(manager: EntityManager = this.dataSource.manager): Promise<WorkingDays> {
    if (this.cached && Date.now() - this.cached.loadedAt < FRESH_MS) return this.cached.days;
    const rows: { date: string }[] = await manager.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM public_holiday ORDER BY date`,
    );
    const days = new WorkingDays({ timeZone: this.timeZone, holidays: rows.map((row) => row.date) });
    this.cached = { days, loadedAt: Date.now() };
    return days;
  }

  invalidate(): void {
    this.cached = null;
  }

  /**
   * SLA dates for an item entering an open stage at `enteredAt`: the last working day it is due, and the
   * first working day it counts as overdue. Both null without an SLA.
   */
  slaDates(days: WorkingDays, enteredAt: Date, slaWorkingDays: number | null) {
    if (slaWorkingDays === null) return { slaDueOn: null, overdueFrom: null };
    const entered = localDate(enteredAt, this.timeZone);
    return { slaDueOn: days.add(entered, slaWorkingDays), overdueFrom: days.add(entered, slaWorkingDays + 1) };
  }

  /**
   * Recomputes the SLA dates of open items (of one stage, or all) after holidays or an SLA changed. Works per
   * distinct (entry date, SLA) pair, so the cost follows the calendar, not the number of items. Only rows whose
   * dates change are written, each with a new version, so that a client holding the old dates reloads them.
   */
  async recomputeSla(manager: EntityManager, stageId?: string): Promise<number> {
    this.invalidate();
    const days = await this.current(manager);
    const scope = stageId ? 'AND s.id = $2' : '';
    const params = stageId ? [this.timeZone, stageId] : [this.timeZone];
    const pairs: { entered: string; sla: number }[] = await manager.query(
      `SELECT DISTINCT to_char((i.stage_entered_at AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS entered,
              s.sla_working_days AS sla
         FROM pipeline_item i JOIN stage s ON s.id = i.stage_id
        WHERE i.closed_at IS NULL ${scope}`,
      params,
    );
    const withSla = pairs.filter((pair) => pair.sla !== null);
    const [, changed] = await manager.query(
      `UPDATE pipeline_item i
          SET sla_due_on = v.due, overdue_from = v.overdue_from, version = i.version + 1, updated_at = now()
         FROM stage s, unnest($2::date[], $3::int[], $4::date[], $5::date[]) AS v(entered, sla, due, overdue_from)
        WHERE s.id = i.stage_id AND i.closed_at IS NULL ${stageId ? 'AND s.id = $6' : ''}
          AND s.sla_working_days = v.sla AND (i.stage_entered_at AT TIME ZONE $1)::date = v.entered
          AND (i.sla_due_on, i.overdue_from) IS DISTINCT FROM (v.due, v.overdue_from)`,
      [
        this.timeZone,
        withSla.map((pair) => pair.entered),
        withSla.map((pair) => pair.sla),
        withSla.map((pair) => days.add(pair.entered, pair.sla)),
        withSla.map((pair) => days.add(pair.entered, pair.sla + 1)),
        ...(stageId ? [stageId] : []),
      ],
    );
    // Open items of stages without an SLA have no SLA dates.
    const [, cleared] = await manager.query(
      `UPDATE pipeline_item i
          SET sla_due_on = NULL, overdue_from = NULL, version = i.version + 1, updated_at = now()
         FROM stage s
        WHERE s.id = i.stage_id AND s.sla_working_days IS NULL ${stageId ? 'AND s.id = $1' : ''}
          AND (i.sla_due_on IS NOT NULL OR i.overdue_from IS NOT NULL)`,
      stageId ? [stageId] : [],
    );
    return Number(changed) + Number(cleared);
  }
}
