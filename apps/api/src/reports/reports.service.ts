import { Injectable } from '@nestjs/common';
import {
  EventRoiReport,
  EventRoiRow,
  FunnelReport,
  FunnelStage,
  LoanApplicantRow,
  LoanFigures,
  LoanLenderRow,
  LoanPortfolioReport,
  OverdueItem,
  Pipeline,
  PipelineKind,
  ReportPipeline,
  ReportStage,
  SlaBreachesReport,
  SlaBreachOwner,
  SlaBreachStage,
  Stage,
  StageType,
  TimeInStageReport,
  ZoneOccupancyReport,
  ZoneOccupancyTotals,
} from '@irm/contracts';
import { localDate } from '@irm/domain';
import { WorkingCalendarService } from '../calendar/working-calendar.service';
import { AppException, ErrorCode } from '../common/app-exception';
import { decodeCursor, encodeCursor, UUID_PATTERN } from '../common/pagination';
import { PipelinesService } from '../pipelines/pipelines.service';
import { ReportClock } from './report-clock';
import { hundredths, percentileCont, periodsOf, ratio, round2, windowErrors } from './report-math';
import type {
  EventRoiQueryDto,
  FunnelQueryDto,
  LoanPortfolioQueryDto,
  ReportWindowQueryDto,
  SlaBreachesQueryDto,
  TimeInStageQueryDto,
  ZoneOccupancyQueryDto,
} from './reports.dto';
import { LoanFiguresDbRow, ReportsRepository, WindowParams } from './reports.repository';

const KIND_ORDER: readonly PipelineKind[] = [
  PipelineKind.Prospect,
  PipelineKind.LandEnquiry,
  PipelineKind.LoanApplication,
  PipelineKind.EventContact,
];

function reportStage(stage: Stage): ReportStage {
  return {
    stageId: stage.id,
    key: stage.key,
    name: stage.name,
    type: stage.type,
    position: stage.position,
    slaWorkingDays: stage.slaWorkingDays,
    retiredAt: stage.retiredAt,
  };
}

function reportPipeline(pipeline: Pipeline): ReportPipeline {
  return { id: pipeline.id, kind: pipeline.kind, name: pipeline.name };
}

/**
 * The stages a funnel walks: open and won stages up to the last won one, in position order, retired ones left
 * out. Lost stages, parking stages placed after the won stage (On hold) and retired stages are exits.
 */
export function funnelPath(pipeline: Pipeline): { path: Stage[]; exits: Stage[] } {
  const stages = [...pipeline.stages].sort((a, b) => a.position - b.position);
  const wonPositions = stages.filter((s) => s.type === StageType.Won && !s.retiredAt).map((s) => s.position);
  const end = wonPositions.length ? Math.max(...wonPositions) : Infinity;
  const onPath = (s: Stage) => s.type !== StageType.Lost && !s.retiredAt && s.position <= end;
  return { path: stages.filter(onPath), exits: stages.filter((s) => !onPath(s)) };
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly pipelines: PipelinesService,
    private readonly calendar: WorkingCalendarService,
    private readonly clock: ReportClock,
  ) {}

  async funnel(query: FunnelQueryDto): Promise<FunnelReport> {
    const window = this.window(query);
    const period = query.period ?? 'month';
    const pipeline = await this.pipelines.get(query.pipelineId);
    const { path, exits } = funnelPath(pipeline);
    const slices = periodsOf(window.from, window.to, period);
    const rows = await this.reports.snapshot((q) =>
      q.funnel(
        pipeline.id,
        window,
        path.map((s) => s.id),
        exits.map((s) => s.id),
        slices.map((slice) => slice.from),
        query.ownerId,
      ),
    );

    const zeros = () => path.map(() => 0);
    const total = zeros();
    const byPeriod = slices.map(() => zeros());
    const byOwner = new Map<string, { ownerName: string; reached: number[] }>();
    const entered = new Map<string, number>();
    for (const row of rows) {
      if (row.breakdown === 'exit') entered.set(row.stageId, row.items);
      else if (row.breakdown === 'total') total[row.rank] = row.items;
      else if (row.breakdown === 'period') {
        const counts = byPeriod[row.period - 1];
        if (counts) counts[row.rank] = row.items;
      } else {
        let owner = byOwner.get(row.ownerId);
        if (!owner) byOwner.set(row.ownerId, (owner = { ownerName: row.ownerName, reached: zeros() }));
        owner.reached[row.rank] = row.items;
      }
    }

    // Rows count the items whose furthest stage is that one; an item reached every stage up to its furthest.
    for (const counts of [total, ...byPeriod, ...[...byOwner.values()].map((o) => o.reached)]) {
      for (let rank = counts.length - 2; rank >= 0; rank--) counts[rank] += counts[rank + 1];
    }
    const stages: FunnelStage[] = path.map((stage, index) => ({
      ...reportStage(stage),
      reached: total[index],
      conversionToNext: index + 1 < path.length ? ratio(total[index + 1], total[index]) : null,
      conversionFromFirst: ratio(total[index], total[0]),
    }));
    return {
      from: window.from,
      to: window.to,
      pipeline: reportPipeline(pipeline),
      ownerId: query.ownerId ?? null,
      period,
      stages,
      exits: exits
        .filter((stage) => !stage.retiredAt || entered.has(stage.id))
        .map((stage) => ({ ...reportStage(stage), entered: entered.get(stage.id) ?? 0 })),
      periods: slices.map((slice, index) => ({
        period: slice.period,
        from: slice.from,
        to: slice.to,
        reached: byPeriod[index],
      })),
      owners: [...byOwner]
        .map(([ownerId, owner]) => ({ ownerId, ...owner }))
        .sort(
          (a, b) =>
            (b.reached[0] ?? 0) - (a.reached[0] ?? 0) ||
            (b.reached.at(-1) ?? 0) - (a.reached.at(-1) ?? 0) ||
            a.ownerName.localeCompare(b.ownerName),
        ),
    };
  }

  async timeInStage(query: TimeInStageQueryDto): Promise<TimeInStageReport> {
    const window = this.window(query);
    const pipeline = await this.pipelines.get(query.pipelineId);
    const stages = [...pipeline.stages].sort((a, b) => a.position - b.position);
    const open = stages.filter((s) => s.type === StageType.Open);
    const [durations, current] = await this.reports.snapshot(
      async (q) =>
        [
          await q.stageDurations(pipeline.id, window, query.ownerId),
          open.length
            ? await q.currentByEntryDate(
                open.map((s) => s.id),
                window.timeZone,
                query.ownerId,
              )
            : [],
        ] as const,
    );
    const days = await this.calendar.current();
    const today = this.today();
    const byStage = new Map(durations.map((row) => [row.stageId, row]));
    // Working days so far per entry date, then the median over the items: the cost follows the calendar.
    const soFar = new Map<string, [number, number][]>();
    for (const row of current) {
      const list = soFar.get(row.stageId) ?? [];
      list.push([Math.max(0, days.between(row.entered, today)), row.items]);
      soFar.set(row.stageId, list);
    }
    return {
      from: window.from,
      to: window.to,
      pipeline: reportPipeline(pipeline),
      ownerId: query.ownerId ?? null,
      asOf: today,
      stages: stages
        .filter((s) => (s.type === StageType.Open && !s.retiredAt) || byStage.has(s.id) || soFar.has(s.id))
        .map((stage) => {
          const moves = byStage.get(stage.id);
          const items = soFar.get(stage.id) ?? [];
          const isOpen = stage.type === StageType.Open;
          return {
            ...reportStage(stage),
            movesOut: moves?.movesOut ?? 0,
            medianDays: round2(moves?.medianDays ?? null),
            p90Days: round2(moves?.p90Days ?? null),
            breachedMoves: moves?.breachedMoves ?? 0,
            currentCount: isOpen ? items.reduce((sum, [, n]) => sum + n, 0) : null,
            currentMedianDays: isOpen ? round2(percentileCont(items, 0.5)) : null,
          };
        }),
    };
  }

  async slaBreaches(query: SlaBreachesQueryDto): Promise<SlaBreachesReport> {
    const window = this.window(query);
    const after = query.cursor
      ? (decodeCursor(
          query.cursor,
          2,
          ([date, id]) => /^\d{4}-\d{2}-\d{2}$/.test(String(date)) && UUID_PATTERN.test(String(id)),
        ) as [string, string])
      : undefined;
    const today = this.today();
    const pipelines = await this.pipelines.list();
    if (query.pipelineId && !pipelines.some((p) => p.id === query.pipelineId)) {
      throw new AppException(ErrorCode.NotFound, `Pipeline ${query.pipelineId} does not exist.`);
    }
    const [counts, page] = await this.reports.snapshot(
      async (q) =>
        [
          await q.breachCounts(window, today, query.pipelineId, query.ownerId),
          await q.overdueItems(today, query.limit, after, query.pipelineId, query.ownerId),
        ] as const,
    );
    const days = await this.calendar.current();

    const stageIndex = new Map(
      pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, { pipeline, stage }] as const)),
    );
    const stages = new Map<string, SlaBreachStage>();
    const owners = new Map<string, SlaBreachOwner>();
    const totals = { breachedMoves: 0, overdueNow: 0 };
    for (const row of counts) {
      const found = stageIndex.get(row.stageId);
      if (found) {
        let stage = stages.get(row.stageId);
        if (!stage) {
          stage = {
            ...reportStage(found.stage),
            pipelineId: found.pipeline.id,
            pipelineKind: found.pipeline.kind,
            breachedMoves: 0,
            overdueNow: 0,
          };
          stages.set(row.stageId, stage);
        }
        stage.breachedMoves += row.breachedMoves;
        stage.overdueNow += row.overdueNow;
      }
      let owner = owners.get(row.ownerId);
      if (!owner) {
        owner = { ownerId: row.ownerId, ownerName: row.ownerName, breachedMoves: 0, overdueNow: 0 };
        owners.set(row.ownerId, owner);
      }
      owner.breachedMoves += row.breachedMoves;
      owner.overdueNow += row.overdueNow;
      totals.breachedMoves += row.breachedMoves;
      totals.overdueNow += row.overdueNow;
    }

    const items = page.slice(0, query.limit);
    const last = items.at(-1);
    return {
      from: window.from,
      to: window.to,
      pipelineId: query.pipelineId ?? null,
      ownerId: query.ownerId ?? null,
      asOf: today,
      totals,
      stages: [...stages.values()].sort(
        (a, b) => KIND_ORDER.indexOf(a.pipelineKind) - KIND_ORDER.indexOf(b.pipelineKind) || a.position - b.position,
      ),
      owners: [...owners.values()].sort(
        (a, b) =>
          b.breachedMoves + b.overdueNow - (a.breachedMoves + a.overdueNow) || a.ownerName.localeCompare(b.ownerName),
      ),
      overdue: {
        items: items.map((row): OverdueItem => ({
          id: row.id,
          kind: row.kind,
          title: row.title,
          ownerId: row.ownerId,
          ownerName: row.ownerName,
          stageId: row.stageId,
          stageName: { vi: row.stageNameVi, en: row.stageNameEn },
          slaDueOn: row.slaDueOn ?? row.overdueFrom,
          daysOverdue: row.slaDueOn
            ? days.between(row.slaDueOn, today)
            : Math.max(1, days.between(row.overdueFrom, today) + 1),
        })),
        nextCursor: page.length > query.limit && last ? encodeCursor([last.overdueFrom, last.id]) : null,
      },
    };
  }

  async zoneOccupancy(query: ZoneOccupancyQueryDto): Promise<ZoneOccupancyReport> {
    const rows = await this.reports.snapshot((q) => q.zoneOccupancy(query.district, query.type));
    type Sums = { zoneCount: number; industrial: number; leased: number; reserved: number };
    const empty = (): Sums => ({ zoneCount: 0, industrial: 0, leased: 0, reserved: 0 });
    const totals = empty();
    const districts = new Map<string, Sums>();
    const zones = rows.map((row) => {
      const [industrial, leased, reserved] = [row.industrialLandHa, row.leasedHa, row.reservedHa].map(hundredths);
      let district = districts.get(row.district);
      if (!district) districts.set(row.district, (district = empty()));
      for (const sums of [totals, district]) {
        sums.zoneCount += 1;
        sums.industrial += industrial;
        sums.leased += leased;
        sums.reserved += reserved;
      }
      return {
        zoneId: row.zoneId,
        code: row.code,
        name: row.name,
        type: row.type,
        district: row.district,
        industrialLandHa: industrial / 100,
        leasedHa: leased / 100,
        reservedHa: reserved / 100,
        availableHa: (industrial - leased - reserved) / 100,
        occupancy: ratio(leased, industrial) ?? 0,
        openEnquiries: row.openEnquiries,
        enquiredHa: hundredths(row.enquiredHa) / 100,
      };
    });
    const figures = (sums: Sums): ZoneOccupancyTotals => ({
      zoneCount: sums.zoneCount,
      industrialLandHa: sums.industrial / 100,
      leasedHa: sums.leased / 100,
      reservedHa: sums.reserved / 100,
      availableHa: (sums.industrial - sums.leased - sums.reserved) / 100,
      occupancy: ratio(sums.leased, sums.industrial) ?? 0,
    });
    return {
      district: query.district ?? null,
      type: query.type ?? null,
      zones,
      districts: [...districts]
        .map(([district, sums]) => ({ district, ...figures(sums) }))
        .sort((a, b) => a.district.localeCompare(b.district, 'vi')),
      totals: figures(totals),
    };
  }

  async eventRoi(query: EventRoiQueryDto): Promise<EventRoiReport> {
    const window = this.window(query);
    const rows = await this.reports.snapshot((q) => q.eventRoi(window.from, window.to, query.kind));
    const events: EventRoiRow[] = rows.map((row) => {
      const budgetVnd = row.budgetVnd === null ? null : Number(row.budgetVnd);
      return {
        eventId: row.eventId,
        name: row.name,
        kind: row.kind,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        budgetVnd,
        contacts: row.contacts,
        ledItems: row.ledItems,
        conversions: row.conversions,
        hectaresEnquired: hundredths(row.hectaresEnquired) / 100,
        capitalUsd: hundredths(row.capitalUsd) / 100,
        expectedJobs: Number(row.expectedJobs),
        costPerConversionVnd:
          budgetVnd !== null && row.conversions > 0 ? Math.round(budgetVnd / row.conversions) : null,
      };
    });
    const sum = (pick: (row: EventRoiRow) => number) => events.reduce((total, row) => total + pick(row), 0);
    const budgeted = events.filter((row) => row.budgetVnd !== null);
    const budgetVnd = budgeted.length ? sum((row) => row.budgetVnd ?? 0) : null;
    const conversionsWithBudget = budgeted.reduce((total, row) => total + row.conversions, 0);
    return {
      from: window.from,
      to: window.to,
      events,
      totals: {
        eventCount: events.length,
        budgetVnd,
        contacts: sum((row) => row.contacts),
        ledItems: sum((row) => row.ledItems),
        conversions: sum((row) => row.conversions),
        hectaresEnquired: sum((row) => hundredths(row.hectaresEnquired)) / 100,
        capitalUsd: sum((row) => hundredths(row.capitalUsd)) / 100,
        expectedJobs: sum((row) => row.expectedJobs),
        // Over the events that had a budget: spending on the others is not known.
        costPerConversionVnd:
          budgetVnd !== null && conversionsWithBudget > 0 ? Math.round(budgetVnd / conversionsWithBudget) : null,
      },
    };
  }

  async loanPortfolio(query: LoanPortfolioQueryDto): Promise<LoanPortfolioReport> {
    const window = this.window(query);
    const pipelines = await this.pipelines.list();
    const loans = pipelines.find((p) => p.kind === PipelineKind.LoanApplication);
    const rows = await this.reports.snapshot((q) => q.loanPortfolio(window, query.lenderKind, query.applicantType));
    const figures = (row?: LoanFiguresDbRow): LoanFigures => ({
      applications: row?.applications ?? 0,
      requestedVnd: Number(row?.requestedVnd ?? 0),
      approvedVnd: Number(row?.approvedVnd ?? 0),
      disbursedVnd: Number(row?.disbursedVnd ?? 0),
    });
    const totals = rows.find((row) => row.breakdown === 'total');
    const byStage = new Map<string, LoanFiguresDbRow>();
    const lenders: LoanLenderRow[] = [];
    const applicantTypes: LoanApplicantRow[] = [];
    for (const row of rows) {
      if (row.breakdown === 'stage') byStage.set(row.stageId, row);
      else if (row.breakdown === 'lender')
        lenders.push({ lender: row.lender, lenderKind: row.lenderKind, ...figures(row) });
      else if (row.breakdown === 'applicant')
        applicantTypes.push({ applicantType: row.applicantType, ...figures(row) });
    }
    return {
      from: window.from,
      to: window.to,
      totals: figures(totals),
      lenders: lenders.sort(
        (a, b) => b.approvedVnd - a.approvedVnd || b.requestedVnd - a.requestedVnd || a.lender.localeCompare(b.lender),
      ),
      applicantTypes: applicantTypes.sort((a, b) => a.applicantType.localeCompare(b.applicantType)),
      stages: [...(loans?.stages ?? [])]
        .sort((a, b) => a.position - b.position)
        .filter((stage) => !stage.retiredAt || byStage.has(stage.id))
        .map((stage) => ({ ...reportStage(stage), ...figures(byStage.get(stage.id)) })),
    };
  }

  /** The window's dates in the business time zone; a 422 when they are out of order or too far apart. */
  private window(query: ReportWindowQueryDto): WindowParams {
    const errors = windowErrors(query.from, query.to);
    if (errors.length) {
      throw new AppException(ErrorCode.RuleViolated, errors.map((e) => e.message).join('; '), errors);
    }
    return { from: query.from, to: query.to, timeZone: this.calendar.timeZone };
  }

  private today(): string {
    return localDate(this.clock.now(), this.calendar.timeZone);
  }
}
