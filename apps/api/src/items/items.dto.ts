import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  Board,
  BoardCard,
  BoardStage,
  LeadSource,
  LocalizedText,
  MoveRequest,
  PipelineItemBase,
  PipelineKind,
  StageMove,
  StageType,
  ZONE_SECTORS,
  ZoneSector,
} from '@irm/contracts';
import { emptyToNull, IsVersion, queryBoolean, RequiredText, Trim } from '../common/dto';
import { PageQueryDto } from '../common/pagination';
import { ITEM_SORTS, ItemSort } from './items.repository';

/** Filters shared by boards and item lists. */
export class ItemFilterQueryDto {
  @ApiPropertyOptional({ description: 'Only your own items' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Assigned zone' })
  @IsOptional()
  @IsUUID()
  zoneId?: string;

  @ApiPropertyOptional({ enum: ZONE_SECTORS })
  @IsOptional()
  @IsIn(ZONE_SECTORS)
  sector?: ZoneSector;

  @ApiPropertyOptional({ description: 'Only items past (true) or within (false) their SLA' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  eventId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ description: 'Words of the title, with or without diacritics' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class BoardQueryDto extends ItemFilterQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20, description: 'Cards per stage' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}

/** A list query: paging, the board's filters, a stage and an order. */
export class ItemListQueryDto extends IntersectionType(PageQueryDto, ItemFilterQueryDto) {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  stageId?: string;

  @ApiPropertyOptional({ enum: ITEM_SORTS, default: '-updatedAt' })
  @IsOptional()
  @IsIn(ITEM_SORTS)
  sort: ItemSort = '-updatedAt';
}

export class MoveDto implements MoveRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  stageId!: string;

  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsVersion()
  version!: number;

  @ApiPropertyOptional({ description: 'Why; required for lost stages' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

const nullable = () => ValidateIf((_, value) => value !== null);

/** A sector a zone admits, or null; empty text counts as null. */
export const OptionalSector = () =>
  applyDecorators(
    ApiPropertyOptional({ enum: ZONE_SECTORS, nullable: true }),
    IsOptional(),
    Transform(emptyToNull),
    nullable(),
    IsIn(ZONE_SECTORS),
  );

/** Planned investment in USD, 2 decimals, or null. */
export const OptionalCapitalUsd = () =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, description: 'Planned investment, USD' }),
    IsOptional(),
    nullable(),
    IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }),
    Min(0),
    Max(1e13),
  );

/** Jobs the project is expected to create, or null. */
export const OptionalJobs = () =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true }),
    IsOptional(),
    nullable(),
    IsInt(),
    Min(0),
    Max(10_000_000),
  );

/**
 * Fields every kind's create and update accept, all optional; a kind's create DTO adds the title and the links it
 * requires (class-validator cannot make a parent's optional field required).
 */
export class ItemFieldsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Managers choose; staff name themselves' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @IsUUID()
  contactId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The promotion event it came from',
  })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @IsUUID()
  eventId?: string | null;

  @OptionalSector()
  sector?: ZoneSector | null;

  @ApiPropertyOptional({ enum: LeadSource, nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @IsEnum(LeadSource)
  source?: LeadSource | null;

  @OptionalCapitalUsd()
  capitalUsd?: number | null;

  @OptionalJobs()
  expectedJobs?: number | null;
}

/** The title and organization an update may change (a create requires them). */
export class ItemUpdateFieldsDto extends ItemFieldsDto {
  @ApiPropertyOptional({ description: 'Project name, or what the item is about' })
  @IsOptional()
  @RequiredText(300)
  title?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @IsUUID()
  organizationId?: string | null;

  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsVersion()
  version!: number;
}

export class VersionQueryDto {
  @ApiProperty()
  @IsVersion()
  version!: number;
}

class LocalizedTextDto implements LocalizedText {
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class PipelineItemBaseDto implements PipelineItemBase {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PipelineKind }) kind!: PipelineKind;
  @ApiProperty({ format: 'uuid' }) pipelineId!: string;
  @ApiProperty({ format: 'uuid' }) stageId!: string;
  @ApiProperty() stageKey!: string;
  @ApiProperty({ enum: StageType }) stageType!: StageType;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty({ type: String, nullable: true }) organizationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) organizationName!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactId!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactName!: string | null;
  @ApiProperty({ type: String, nullable: true }) eventId!: string | null;
  @ApiProperty({ type: String, nullable: true }) eventName!: string | null;
  @ApiProperty({ enum: ZONE_SECTORS, nullable: true }) sector!: ZoneSector | null;
  @ApiProperty({ enum: LeadSource, nullable: true }) source!: LeadSource | null;
  @ApiProperty({ format: 'date-time' }) stageEnteredAt!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) slaDueOn!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() daysInStage!: number;
  @ApiProperty({ type: String, nullable: true }) lostReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class StageMoveDto implements StageMove {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) fromStageId!: string | null;
  @ApiProperty({ type: LocalizedTextDto, nullable: true }) fromStageName!: LocalizedText | null;
  @ApiProperty() toStageId!: string;
  @ApiProperty({ type: LocalizedTextDto }) toStageName!: LocalizedText;
  @ApiProperty({ format: 'date-time' }) movedAt!: string;
  @ApiProperty({ type: String, nullable: true }) movedById!: string | null;
  @ApiProperty({ type: String, nullable: true }) movedByName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) workingDaysInStage!: number | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

class BoardTotalsDto {
  @ApiProperty({ type: Number, nullable: true }) areaHa!: number | null;
  @ApiProperty({ type: Number, nullable: true }) capitalUsd!: number | null;
  @ApiProperty({ type: Number, nullable: true }) amountVnd!: number | null;
}

/** A card: the common fields and the figures its kind shows (absent for the other kinds). */
class BoardCardDto extends PipelineItemBaseDto implements BoardCard {
  @ApiPropertyOptional({ description: 'Land enquiries: hectares requested' }) requestedAreaHa?: number;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Land enquiries' })
  zoneId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Land enquiries' }) zoneName?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Prospects and land enquiries: planned capital' })
  capitalUsd?: number | null;
  @ApiPropertyOptional({ description: 'Loan applications: VND requested' }) requestedVnd?: number;
}

class BoardStageDto implements BoardStage {
  @ApiProperty() stageId!: string;
  @ApiProperty() count!: number;
  @ApiProperty() overdueCount!: number;
  @ApiProperty({ type: BoardTotalsDto }) totals!: BoardTotalsDto;
  @ApiProperty({ type: [BoardCardDto] }) cards!: BoardCard[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class BoardDto implements Board {
  @ApiProperty() pipelineId!: string;
  @ApiProperty({ enum: PipelineKind }) kind!: PipelineKind;
  @ApiProperty({ type: [BoardStageDto] }) stages!: BoardStage[];
}
