import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
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
  ValidateBy,
  ValidateIf,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';
import {
  LandBankSummary,
  LandBankTotals,
  LandMovement,
  LandMovementKind,
  LandMovementResult,
  MAX_ZONE_AREA_HA,
  Page,
  RecordLandMovementRequest,
  UpdateZoneRequest,
  Zone,
  ZONE_SECTORS,
  ZoneListQuery,
  ZoneSector,
  ZoneStatus,
  ZoneType,
} from '@irm/contracts';
import { IsVersion, RequiredText, Trim } from '../common/dto';
import { PageQueryDto } from '../common/pagination';

const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : value;

/** Hectares with at most 2 decimals, from 0 up to a size no zone comes near. */
const Hectares = (min = 0) => [
  IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 },
    { message: '$property must be a number of hectares with at most 2 decimals' },
  ),
  Min(min, { message: `$property must be at least ${min} ha` }),
  Max(MAX_ZONE_AREA_HA, { message: `$property must not exceed ${MAX_ZONE_AREA_HA} ha` }),
];

/** A signed change of hectares, at most 2 decimals, within ± the largest plausible zone. */
const SignedHectares = () => [
  IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 },
    { message: '$property must be a number of hectares with at most 2 decimals' },
  ),
  Min(-MAX_ZONE_AREA_HA, { message: `$property must be within ±${MAX_ZONE_AREA_HA} ha` }),
  Max(MAX_ZONE_AREA_HA, { message: `$property must be within ±${MAX_ZONE_AREA_HA} ha` }),
];

const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorator of decorators) decorator(target, key);
  };

/**
 * A latitude or longitude in degrees, sent together with its partner: both numbers, both null (no
 * location), or neither (unchanged). A half location would mean nothing on a map.
 */
const Coordinate = (limit: number, partner: 'latitude' | 'longitude', options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'coordinate',
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const other = (args?.object as Record<string, unknown>)[partner];
          if (value === undefined) return other === undefined;
          if (value === null) return other === null;
          return (
            typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit && typeof other === 'number'
          );
        },
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} must be a number between -${limit} and ${limit}, sent together with ${partner} (or both null)`,
      },
    },
    options,
  );

export class ZoneListQueryDto extends PageQueryDto implements ZoneListQuery {
  @ApiPropertyOptional({ enum: ZoneType })
  @IsOptional()
  @IsEnum(ZoneType)
  type?: ZoneType;

  @ApiPropertyOptional({ enum: ZoneStatus })
  @IsOptional()
  @IsEnum(ZoneStatus)
  status?: ZoneStatus;

  @ApiPropertyOptional({ example: 'Bình Xuyên' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  district?: string;

  @ApiPropertyOptional({ description: 'Name, district or craft village, with or without Vietnamese diacritics' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UpdateZoneDto implements UpdateZoneRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(100)
  district?: string;

  @ApiPropertyOptional({ enum: ZoneStatus })
  @IsOptional()
  @IsEnum(ZoneStatus)
  status?: ZoneStatus;

  @ApiPropertyOptional({ maximum: MAX_ZONE_AREA_HA })
  @IsOptional()
  @apply(Hectares())
  totalAreaHa?: number;

  @ApiPropertyOptional({ description: 'Leasable land; not below leased + reserved, not above the total area' })
  @IsOptional()
  @apply(Hectares())
  industrialLandHa?: number;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'An organization' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  infrastructureInvestorId?: string | null;

  @ApiPropertyOptional({ enum: ZONE_SECTORS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ZONE_SECTORS.length)
  @ArrayUnique()
  @IsIn(ZONE_SECTORS, { each: true })
  sectors?: ZoneSector[];

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'People employed in the zone' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  workforce?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @RequiredText(200)
  craftVillage?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: -90, maximum: 90 })
  @Coordinate(90, 'longitude')
  latitude?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: -180, maximum: 180 })
  @Coordinate(180, 'latitude')
  longitude?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  illustrative?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @RequiredText(1000)
  source?: string | null;

  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsVersion()
  version!: number;
}

export class RecordLandMovementDto implements RecordLandMovementRequest {
  @ApiProperty({ enum: LandMovementKind })
  @IsEnum(LandMovementKind)
  kind!: LandMovementKind;

  @ApiPropertyOptional({ description: 'reserve, release, lease: the area moved (> 0)', maximum: MAX_ZONE_AREA_HA })
  @IsOptional()
  @apply(Hectares(0.01))
  areaHa?: number;

  @ApiPropertyOptional({ description: 'adjust: signed change of leased land' })
  @IsOptional()
  @apply(SignedHectares())
  leasedDeltaHa?: number;

  @ApiPropertyOptional({ description: 'adjust: signed change of reserved land' })
  @IsOptional()
  @apply(SignedHectares())
  reservedDeltaHa?: number;

  @ApiProperty({ example: 'Lease signed directly with the infrastructure investor' })
  @RequiredText(1000)
  reason!: string;

  @ApiPropertyOptional({
    description: "The zone's version you read; a stale one gets 409. Omit to apply to the current figures.",
  })
  @IsOptional()
  @IsVersion()
  version?: number;
}

export class ZoneDto implements Zone {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ZoneType }) type!: ZoneType;
  @ApiProperty() name!: string;
  @ApiProperty() district!: string;
  @ApiProperty({ enum: ZoneStatus }) status!: ZoneStatus;
  @ApiProperty() totalAreaHa!: number;
  @ApiProperty() industrialLandHa!: number;
  @ApiProperty() leasedHa!: number;
  @ApiProperty() reservedHa!: number;
  @ApiProperty() availableHa!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) infrastructureInvestorId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The infrastructure investor's name" })
  infrastructureInvestor!: string | null;
  @ApiProperty({ enum: ZONE_SECTORS, isArray: true }) sectors!: ZoneSector[];
  @ApiProperty({ type: Number, nullable: true }) workforce!: number | null;
  @ApiProperty({ type: String, nullable: true }) craftVillage!: string | null;
  @ApiProperty({ type: Number, nullable: true }) latitude!: number | null;
  @ApiProperty({ type: Number, nullable: true }) longitude!: number | null;
  @ApiProperty() illustrative!: boolean;
  @ApiProperty({ type: String, nullable: true }) source!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class ZonePageDto implements Page<ZoneDto> {
  @ApiProperty({ type: [ZoneDto] }) items!: ZoneDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class LandMovementDto implements LandMovement {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) zoneId!: string;
  @ApiProperty({ enum: LandMovementKind }) kind!: LandMovementKind;
  @ApiProperty() leasedDeltaHa!: number;
  @ApiProperty() reservedDeltaHa!: number;
  @ApiProperty() leasedAfterHa!: number;
  @ApiProperty() reservedAfterHa!: number;
  @ApiProperty() availableAfterHa!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, nullable: true, example: 'land_enquiry' }) causeType!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) causeId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) authorName!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class LandMovementPageDto implements Page<LandMovementDto> {
  @ApiProperty({ type: [LandMovementDto] }) items!: LandMovementDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class LandMovementResultDto implements LandMovementResult {
  @ApiProperty({ type: ZoneDto }) zone!: ZoneDto;
  @ApiProperty({ type: LandMovementDto }) movement!: LandMovementDto;
}

export class ZoneDistrictsDto {
  @ApiProperty({ type: [String] }) items!: string[];
}

export class LandBankTotalsDto implements LandBankTotals {
  @ApiProperty({ enum: ZoneType }) type!: ZoneType;
  @ApiProperty() zoneCount!: number;
  @ApiProperty() totalAreaHa!: number;
  @ApiProperty() industrialLandHa!: number;
  @ApiProperty() leasedHa!: number;
  @ApiProperty() reservedHa!: number;
  @ApiProperty() availableHa!: number;
}

export class LandBankSummaryDto implements LandBankSummary {
  @ApiProperty({ type: [LandBankTotalsDto] }) byType!: LandBankTotalsDto[];
}
