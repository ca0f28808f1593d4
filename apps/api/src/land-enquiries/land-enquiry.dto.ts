import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import type { LandEnquiry, Page, ZoneMatch } from '@irm/contracts';
import { MAX_ZONE_AREA_HA } from '@irm/contracts';
import { IsLocalDate } from '../calendar/local-date.validator';
import { emptyToNull, RequiredText } from '../common/dto';
import { ItemFieldsDto, ItemUpdateFieldsDto, PipelineItemBaseDto } from '../items/items.dto';

const nullable = () => ValidateIf((_, value) => value !== null);

/** Hectares: positive, 2 decimals, no bigger than any zone. */
export const Hectares = () =>
  applyDecorators(
    IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }),
    Min(0.01),
    Max(MAX_ZONE_AREA_HA),
  );

class LandFieldsDto extends ItemFieldsDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The zone the land is sought in' })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @IsUUID()
  zoneId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Zones the investor prefers' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  preferredZoneIds?: string[];

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'When the investor wants the land',
  })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @IsLocalDate()
  wantedBy?: string | null;
}

export class CreateLandEnquiryDto extends LandFieldsDto {
  @ApiProperty({ example: 'Xưởng cơ khí chính xác 3 ha' })
  @RequiredText(300)
  title!: string;

  @ApiProperty({ format: 'uuid', description: 'The investor asking for land' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ example: 3.5, description: 'Hectares requested, 2 decimals' })
  @Hectares()
  requestedAreaHa!: number;
}

export class UpdateLandEnquiryDto extends IntersectionType(ItemUpdateFieldsDto, LandFieldsDto) {
  @ApiPropertyOptional({ description: 'Hectares requested; fixed while land is held for the enquiry' })
  @IsOptional()
  @Hectares()
  requestedAreaHa?: number;
}

class LandEnquiryFiguresDto {
  @ApiProperty() requestedAreaHa!: number;
  @ApiProperty({ type: [String] }) preferredZoneIds!: string[];
  @ApiProperty({ type: String, nullable: true }) zoneId!: string | null;
  @ApiProperty({ type: String, nullable: true }) zoneName!: string | null;
  @ApiProperty() reservedHa!: number;
  @ApiProperty() leasedHa!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) wantedBy!: string | null;
  @ApiProperty({ type: Number, nullable: true }) capitalUsd!: number | null;
  @ApiProperty({ type: Number, nullable: true }) expectedJobs!: number | null;
}

export class LandEnquiryDto
  extends IntersectionType(PipelineItemBaseDto, LandEnquiryFiguresDto)
  implements LandEnquiry {}

export class LandEnquiryPageDto implements Page<LandEnquiry> {
  @ApiProperty({ type: [LandEnquiryDto] }) items!: LandEnquiry[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ZoneMatchDto implements ZoneMatch {
  @ApiProperty() zoneId!: string;
  @ApiProperty() zoneName!: string;
  @ApiProperty() zoneCode!: string;
  @ApiProperty() district!: string;
  @ApiProperty() status!: string;
  @ApiProperty() availableHa!: number;
  @ApiProperty() fits!: boolean;
  @ApiProperty() sectorAllowed!: boolean;
  @ApiProperty() preferred!: boolean;
  @ApiProperty() score!: number;
}
