import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import {
  CreateStageRequest,
  LocalizedText,
  Pipeline,
  PipelineKind,
  RestoreStageRequest,
  RetireStageRequest,
  Stage,
  StageOrderRequest,
  StageRetirement,
  StageType,
  StageUsage,
  UpdateStageRequest,
} from '@irm/contracts';
import { emptyToNull, IsVersion, RequiredText } from '../common/dto';

const STAGE_NAME_MAX = 80;
/** About a working year: an SLA longer than that is no commitment. */
export const MAX_SLA_WORKING_DAYS = 250;

export class LocalizedTextDto implements LocalizedText {
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class StageDto implements Stage {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Stable key the rules use, e.g. land_reserved' }) key!: string;
  @ApiProperty({ type: LocalizedTextDto }) name!: LocalizedTextDto;
  @ApiProperty({ enum: StageType }) type!: StageType;
  @ApiProperty() position!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Response time in working days; null: no SLA' })
  slaWorkingDays!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) retiredAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Investor-facing label; null: the phase default' })
  publicLabelVi!: string | null;
  @ApiProperty({ type: String, nullable: true }) publicLabelEn!: string | null;
  @ApiProperty() version!: number;
}

export class PipelineDto implements Pipeline {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PipelineKind }) kind!: PipelineKind;
  @ApiProperty({ type: LocalizedTextDto }) name!: LocalizedTextDto;
  @ApiProperty({ type: [StageDto] }) stages!: StageDto[];
  @ApiProperty() version!: number;
}

/** An SLA in working days: a whole number from 1 to a year's worth; null (or absent) for none. */
const SlaWorkingDays = () =>
  applyDecorators(
    IsOptional(),
    IsInt({ message: '$property must be a whole number of working days, or null for no SLA' }),
    Min(1, { message: '$property must be at least 1 working day, or null for no SLA' }),
    Max(MAX_SLA_WORKING_DAYS, { message: `$property must not exceed ${MAX_SLA_WORKING_DAYS} working days` }),
  );

export class CreateStageDto implements CreateStageRequest {
  @ApiProperty({ example: 'Thương thảo hợp đồng' })
  @RequiredText(STAGE_NAME_MAX)
  nameVi!: string;

  @ApiProperty({ example: 'Contract negotiation', description: 'Also the source of the stage key' })
  @RequiredText(STAGE_NAME_MAX)
  nameEn!: string;

  @ApiProperty({ enum: StageType })
  @IsEnum(StageType, { message: `type must be one of ${Object.values(StageType).join(', ')}` })
  type!: StageType;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Working days; null or absent: no SLA' })
  @SlaWorkingDays()
  slaWorkingDays!: number | null;

  @ApiPropertyOptional({ description: '1-based; later stages shift down. At the end when absent.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  position?: number;

  @ApiPropertyOptional({ description: "The pipeline's version you read; a stale one gets 409" })
  @IsOptional()
  @IsVersion()
  version?: number;
}

export class UpdateStageDto implements UpdateStageRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(STAGE_NAME_MAX)
  nameVi?: string;

  @ApiPropertyOptional({ description: 'Renaming keeps the key' })
  @IsOptional()
  @RequiredText(STAGE_NAME_MAX)
  nameEn?: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: "Changing it recomputes the open items' SLA dates",
  })
  @SlaWorkingDays()
  slaWorkingDays?: number | null;

  @ApiPropertyOptional({ enum: StageType, description: 'Only for a stage without items that the rules do not use' })
  @IsOptional()
  @IsEnum(StageType, { message: `type must be one of ${Object.values(StageType).join(', ')}` })
  type?: StageType;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'What investors read on their tracking page; null restores the default ("Received", "In review"…)',
  })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, value) => value !== null)
  @RequiredText(STAGE_NAME_MAX)
  publicLabelVi?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, value) => value !== null)
  @RequiredText(STAGE_NAME_MAX)
  publicLabelEn?: string | null;

  @ApiProperty({ description: "The stage's version you read; a stale one gets 409" })
  @IsVersion()
  version!: number;
}

export class StageOrderDto implements StageOrderRequest {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Every stage of the pipeline, retired ones included' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each of stageIds must be a stage id (UUID)' })
  stageIds!: string[];

  @ApiProperty({ description: "The pipeline's version you read; a stale one gets 409" })
  @IsVersion()
  version!: number;
}

export class RetireStageDto implements RetireStageRequest {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A stage in use, of the same pipeline and type, to take the items; required when there are any',
  })
  @IsOptional()
  @IsUUID('all', { message: 'moveItemsToStageId must be a stage id (UUID)' })
  moveItemsToStageId?: string | null;

  @ApiProperty({ description: "The stage's version you read; a stale one gets 409" })
  @IsVersion()
  version!: number;
}

export class StageVersionDto implements RestoreStageRequest {
  @ApiProperty({ description: "The stage's version you read; a stale one gets 409" })
  @IsVersion()
  version!: number;
}

export class StageParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a pipeline id (UUID)' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'stageId must be a stage id (UUID)' })
  stageId!: string;
}

export class StageUsageDto implements StageUsage {
  @ApiProperty({ format: 'uuid' }) stageId!: string;
  @ApiProperty({ description: 'Items in the stage now' }) items!: number;
  @ApiProperty() openItems!: number;
  @ApiProperty() overdueItems!: number;
  @ApiProperty({ description: 'Items are or were in it: it can be retired, not deleted' }) everUsed!: boolean;
}

export class StageRetirementDto implements StageRetirement {
  @ApiProperty({ type: StageDto }) stage!: StageDto;
  @ApiProperty({ description: 'Items moved, each with a stage-history row' }) movedItems!: number;
}
