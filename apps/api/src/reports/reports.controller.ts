import { applyDecorators, Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type {
  EventRoiReport,
  FunnelReport,
  LoanPortfolioReport,
  SlaBreachesReport,
  TimeInStageReport,
  ZoneOccupancyReport,
} from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import {
  EventRoiQueryDto,
  EventRoiReportDto,
  FunnelQueryDto,
  FunnelReportDto,
  LoanPortfolioQueryDto,
  LoanPortfolioReportDto,
  SlaBreachesQueryDto,
  SlaBreachesReportDto,
  TimeInStageQueryDto,
  TimeInStageReportDto,
  ZoneOccupancyQueryDto,
  ZoneOccupancyReportDto,
} from './reports.dto';
import { ReportsService } from './reports.service';

/** What every windowed report may answer besides 200. */
const WindowedReport = () =>
  applyDecorators(
    ApiBadRequestResponse({ description: 'A parameter is missing or malformed' }),
    ApiUnprocessableEntityResponse({ description: 'to before from, or a window longer than 3 years' }),
  );

@ApiTags('reports')
@ApiForbiddenResponse({ description: 'Managers and admins only' })
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('funnel')
  @RequireAccess(Access.Manager)
  @ApiOperation({ summary: 'Items that reached each stage of a pipeline, with conversions, by period and owner' })
  @ApiOkResponse({ type: FunnelReportDto })
  @WindowedReport()
  funnel(@Query() query: FunnelQueryDto): Promise<FunnelReport> {
    return this.reports.funnel(query);
  }

  @Get('time-in-stage')
  @RequireAccess(Access.Manager)
  @ApiOperation({ summary: 'Working days spent in each stage (median, 90th percentile) and items there now' })
  @ApiOkResponse({ type: TimeInStageReportDto })
  @WindowedReport()
  timeInStage(@Query() query: TimeInStageQueryDto): Promise<TimeInStageReport> {
    return this.reports.timeInStage(query);
  }

  @Get('sla-breaches')
  @RequireAccess(Access.Manager)
  @ApiOperation({ summary: 'Stages left late in the window and items overdue now, by stage and owner' })
  @ApiOkResponse({ type: SlaBreachesReportDto })
  @WindowedReport()
  slaBreaches(@Query() query: SlaBreachesQueryDto): Promise<SlaBreachesReport> {
    return this.reports.slaBreaches(query);
  }

  @Get('zone-occupancy')
  @RequireAccess(Access.Manager)
  @ApiOperation({ summary: 'Leased, reserved and available land by zone, with totals by district' })
  @ApiOkResponse({ type: ZoneOccupancyReportDto })
  @ApiBadRequestResponse({ description: 'A parameter is malformed' })
  zoneOccupancy(@Query() query: ZoneOccupancyQueryDto): Promise<ZoneOccupancyReport> {
    return this.reports.zoneOccupancy(query);
  }

  @Get('event-roi')
  @RequireAccess(Access.Manager)
  @ApiOperation({ summary: "Promotion events' contacts, conversions, hectares, capital and jobs against budget" })
  @ApiOkResponse({ type: EventRoiReportDto })
  @WindowedReport()
  eventRoi(@Query() query: EventRoiQueryDto): Promise<EventRoiReport> {
    return this.reports.eventRoi(query);
  }

  @Get('loan-portfolio')
  @RequireAccess(Access.Manager)
  @ApiOperation({ summary: 'Preferential loans requested, approved and disbursed by lender, applicant type, stage' })
  @ApiOkResponse({ type: LoanPortfolioReportDto })
  @WindowedReport()
  loanPortfolio(@Query() query: LoanPortfolioQueryDto): Promise<LoanPortfolioReport> {
    return this.reports.loanPortfolio(query);
  }
}
