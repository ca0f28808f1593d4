import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  DistrictOccupancy,
  EventRoiReport,
  EventRoiRow,
  FunnelExit,
  FunnelOwner,
  FunnelPeriod,
  FunnelReport,
  FunnelStage,
  LenderKind,
  LoanApplicantRow,
  LoanApplicantType,
  LoanFigures,
  LoanLenderRow,
  LoanPortfolioReport,
  LoanStageRow,
  MAX_REPORT_WINDOW_DAYS,
  OverdueItem,
  Page,
  PipelineKind,
  PromotionEventKind,
  REPORT_PERIODS,
  ReportPeriod,
  ReportPipeline,
  SlaBreachCounts,
  SlaBreachesReport,
  SlaBreachOwner,
  SlaBreachStage,
  StageType,
  TimeInStageReport,
  TimeInStageRow,
  ZoneOccupancyReport,
  ZoneOccupancyRow,
  ZoneOccupancyTotals,
  ZoneType,
} from '@irm/contracts';
import { IsLocalDate } from '../calendar/local-date.validator';
import { Trim } from '../common/dto';
import { PageQueryDto } from '../common/pagination';
import { LocalizedTextDto } from '../pipelines/pipelines.dto';

const WINDOW = `Business date (YYYY-MM-DD), included; to ≥ from, at most ${MAX_REPORT_WINDOW_DAYS} days`;

// ---------- queries ----------

/** A report window; its rules across both dates (order, length) are checked by the service as a 422. */
export class ReportWindowQueryDto {
  @ApiProperty({ example: '2026-01-01', description: WINDOW })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2026-12-31', description: WINDOW })
  @IsLocalDate()
  to!: string;
}

export class FunnelQueryDto extends ReportWindowQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  pipelineId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only moves made while this user owned the item' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ enum: REPORT_PERIODS, default: 'month' })
  @IsOptional()
  @IsIn(REPORT_PERIODS, { message: `period must be one of ${REPORT_PERIODS.join(', ')}` })
  period?: ReportPeriod;
}

export class TimeInStageQueryDto extends ReportWindowQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  pipelineId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}

export class SlaBreachesQueryDto extends PageQueryDto {
  @ApiProperty({ example: '2026-01-01', description: WINDOW })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2026-12-31', description: WINDOW })
  @IsLocalDate()
  to!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'All pipelines when absent' })
  @IsOptional()
  @IsUUID()
  pipelineId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}

export class ZoneOccupancyQueryDto {
  @ApiPropertyOptional({ example: 'Bình Xuyên' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  district?: string;

  @ApiPropertyOptional({ enum: ZoneType })
  @IsOptional()
  @IsEnum(ZoneType)
  type?: ZoneType;
}

export class EventRoiQueryDto extends ReportWindowQueryDto {
  @ApiPropertyOptional({ enum: PromotionEventKind })
  @IsOptional()
  @IsEnum(PromotionEventKind)
  kind?: PromotionEventKind;
}

export class LoanPortfolioQueryDto extends ReportWindowQueryDto {
  @ApiPropertyOptional({ enum: LenderKind })
  @IsOptional()
  @IsEnum(LenderKind)
  lenderKind?: LenderKind;

  @ApiPropertyOptional({ enum: LoanApplicantType })
  @IsOptional()
  @IsEnum(LoanApplicantType)
  applicantType?: LoanApplicantType;
}

// ---------- responses ----------

class ReportPipelineDto implements ReportPipeline {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PipelineKind }) kind!: PipelineKind;
  @ApiProperty({ type: LocalizedTextDto }) name!: LocalizedTextDto;
}

class ReportStageDto {
  @ApiProperty({ format: 'uuid' }) stageId!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ type: LocalizedTextDto }) name!: LocalizedTextDto;
  @ApiProperty({ enum: StageType }) type!: StageType;
  @ApiProperty() position!: number;
  @ApiProperty({ type: Number, nullable: true }) slaWorkingDays!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) retiredAt!: string | null;
}

class FunnelStageDto extends ReportStageDto implements FunnelStage {
  @ApiProperty({ description: 'Items that moved in the window into this stage or a later one of the funnel' })
  reached!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of them that reached the next stage' })
  conversionToNext!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of the first stage that got this far' })
  conversionFromFirst!: number | null;
}

class FunnelExitDto extends ReportStageDto implements FunnelExit {
  @ApiProperty({ description: 'Items that entered this stage in the window' }) entered!: number;
}

class FunnelPeriodDto implements FunnelPeriod {
  @ApiProperty({ example: '2026-03' }) period!: string;
  @ApiProperty({ example: '2026-03-01' }) from!: string;
  @ApiProperty({ example: '2026-03-31' }) to!: string;
  @ApiProperty({ type: [Number], description: 'reached per funnel stage, in stage order' }) reached!: number[];
}

class FunnelOwnerDto implements FunnelOwner {
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty({ type: [Number], description: 'reached per funnel stage, in stage order' }) reached!: number[];
}

export class FunnelReportDto implements FunnelReport {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: ReportPipelineDto }) pipeline!: ReportPipelineDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerId!: string | null;
  @ApiProperty({ enum: REPORT_PERIODS }) period!: ReportPeriod;
  @ApiProperty({ type: [FunnelStageDto] }) stages!: FunnelStageDto[];
  @ApiProperty({ type: [FunnelExitDto] }) exits!: FunnelExitDto[];
  @ApiProperty({ type: [FunnelPeriodDto] }) periods!: FunnelPeriodDto[];
  @ApiProperty({ type: [FunnelOwnerDto] }) owners!: FunnelOwnerDto[];
}

class TimeInStageRowDto extends ReportStageDto implements TimeInStageRow {
  @ApiProperty() movesOut!: number;
  @ApiProperty({ type: Number, nullable: true }) medianDays!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90Days!: number | null;
  @ApiProperty() breachedMoves!: number;
  @ApiProperty({ type: Number, nullable: true }) currentCount!: number | null;
  @ApiProperty({ type: Number, nullable: true }) currentMedianDays!: number | null;
}

export class TimeInStageReportDto implements TimeInStageReport {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: ReportPipelineDto }) pipeline!: ReportPipelineDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerId!: string | null;
  @ApiProperty({ description: 'The business date "so far" is counted to' }) asOf!: string;
  @ApiProperty({ type: [TimeInStageRowDto] }) stages!: TimeInStageRowDto[];
}

class SlaBreachCountsDto implements SlaBreachCounts {
  @ApiProperty() breachedMoves!: number;
  @ApiProperty() overdueNow!: number;
}

class SlaBreachStageDto extends ReportStageDto implements SlaBreachStage {
  @ApiProperty({ format: 'uuid' }) pipelineId!: string;
  @ApiProperty({ enum: PipelineKind }) pipelineKind!: PipelineKind;
  @ApiProperty() breachedMoves!: number;
  @ApiProperty() overdueNow!: number;
}

class SlaBreachOwnerDto implements SlaBreachOwner {
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty() breachedMoves!: number;
  @ApiProperty() overdueNow!: number;
}

class OverdueItemDto implements OverdueItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PipelineKind }) kind!: PipelineKind;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty({ format: 'uuid' }) stageId!: string;
  @ApiProperty({ type: LocalizedTextDto }) stageName!: LocalizedTextDto;
  @ApiProperty() slaDueOn!: string;
  @ApiProperty() daysOverdue!: number;
}

class OverdueItemPageDto implements Page<OverdueItem> {
  @ApiProperty({ type: [OverdueItemDto] }) items!: OverdueItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class SlaBreachesReportDto implements SlaBreachesReport {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) pipelineId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerId!: string | null;
  @ApiProperty() asOf!: string;
  @ApiProperty({ type: SlaBreachCountsDto }) totals!: SlaBreachCountsDto;
  @ApiProperty({ type: [SlaBreachStageDto] }) stages!: SlaBreachStageDto[];
  @ApiProperty({ type: [SlaBreachOwnerDto] }) owners!: SlaBreachOwnerDto[];
  @ApiProperty({ type: OverdueItemPageDto, description: 'Paged with limit and cursor' })
  overdue!: OverdueItemPageDto;
}

class LandBankFiguresDto {
  @ApiProperty() industrialLandHa!: number;
  @ApiProperty() leasedHa!: number;
  @ApiProperty() reservedHa!: number;
  @ApiProperty() availableHa!: number;
}

class ZoneOccupancyRowDto extends LandBankFiguresDto implements ZoneOccupancyRow {
  @ApiProperty({ format: 'uuid' }) zoneId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ZoneType }) type!: ZoneType;
  @ApiProperty() district!: string;
  @ApiProperty({ description: 'Leased share of the industrial land' }) occupancy!: number;
  @ApiProperty() openEnquiries!: number;
  @ApiProperty() enquiredHa!: number;
}

class ZoneOccupancyTotalsDto extends LandBankFiguresDto implements ZoneOccupancyTotals {
  @ApiProperty() zoneCount!: number;
  @ApiProperty() occupancy!: number;
}

class DistrictOccupancyDto extends ZoneOccupancyTotalsDto implements DistrictOccupancy {
  @ApiProperty() district!: string;
}

export class ZoneOccupancyReportDto implements ZoneOccupancyReport {
  @ApiProperty({ type: String, nullable: true }) district!: string | null;
  @ApiProperty({ enum: ZoneType, nullable: true }) type!: ZoneType | null;
  @ApiProperty({ type: [ZoneOccupancyRowDto] }) zones!: ZoneOccupancyRowDto[];
  @ApiProperty({ type: [DistrictOccupancyDto] }) districts!: DistrictOccupancyDto[];
  @ApiProperty({ type: ZoneOccupancyTotalsDto }) totals!: ZoneOccupancyTotalsDto;
}

class EventRoiFiguresDto {
  @ApiProperty({ type: Number, nullable: true }) budgetVnd!: number | null;
  @ApiProperty() contacts!: number;
  @ApiProperty() ledItems!: number;
  @ApiProperty() conversions!: number;
  @ApiProperty() hectaresEnquired!: number;
  @ApiProperty() capitalUsd!: number;
  @ApiProperty() expectedJobs!: number;
  @ApiProperty({ type: Number, nullable: true }) costPerConversionVnd!: number | null;
}

class EventRoiRowDto extends EventRoiFiguresDto implements EventRoiRow {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PromotionEventKind }) kind!: PromotionEventKind;
  @ApiProperty() startsOn!: string;
  @ApiProperty() endsOn!: string;
}

class EventRoiTotalsDto extends EventRoiFiguresDto {
  @ApiProperty() eventCount!: number;
}

export class EventRoiReportDto implements EventRoiReport {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [EventRoiRowDto] }) events!: EventRoiRowDto[];
  @ApiProperty({ type: EventRoiTotalsDto }) totals!: EventRoiTotalsDto;
}

class LoanFiguresDto implements LoanFigures {
  @ApiProperty() applications!: number;
  @ApiProperty() requestedVnd!: number;
  @ApiProperty() approvedVnd!: number;
  @ApiProperty() disbursedVnd!: number;
}

class LoanLenderRowDto extends LoanFiguresDto implements LoanLenderRow {
  @ApiProperty() lender!: string;
  @ApiProperty({ enum: LenderKind }) lenderKind!: LenderKind;
}

class LoanApplicantRowDto extends LoanFiguresDto implements LoanApplicantRow {
  @ApiProperty({ enum: LoanApplicantType }) applicantType!: LoanApplicantType;
}

class LoanStageRowDto extends ReportStageDto implements LoanStageRow {
  @ApiProperty() applications!: number;
  @ApiProperty() requestedVnd!: number;
  @ApiProperty() approvedVnd!: number;
  @ApiProperty() disbursedVnd!: number;
}

export class LoanPortfolioReportDto implements LoanPortfolioReport {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: LoanFiguresDto }) totals!: LoanFiguresDto;
  @ApiProperty({ type: [LoanLenderRowDto] }) lenders!: LoanLenderRowDto[];
  @ApiProperty({ type: [LoanApplicantRowDto] }) applicantTypes!: LoanApplicantRowDto[];
  @ApiProperty({ type: [LoanStageRowDto] }) stages!: LoanStageRowDto[];
}
