import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  CONVERSION_KINDS,
  ConversionKind,
  ConvertEventContactRequest,
  ConvertEventContactResult,
  EventContact,
  LeadSource,
  LenderKind,
  LoanApplicantType,
  MAX_ZONE_AREA_HA,
  Page,
  PipelineKind,
  UpdateEventContactRequest,
  ZONE_SECTORS,
  ZoneSector,
} from '@irm/contracts';
import { IsLocalDate } from '../calendar/local-date.validator';
import { emptyToNull, IsVersion, RequiredText } from '../common/dto';
import { OptionalCapitalUsd, OptionalJobs, OptionalSector, PipelineItemBaseDto } from '../items/items.dto';

const nullable = () => ValidateIf((_, value) => value !== null);
/** Required for one kind of conversion, checked whenever sent. */
const requiredFor = (kind: ConversionKind, field: keyof ConvertEventContactDto) =>
  ValidateIf((body: ConvertEventContactDto) => body.kind === kind || body[field] !== undefined);

export class UpdateEventContactDto implements UpdateEventContactRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(300)
  title?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Managers reassign; staff keep their own' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({ enum: ZONE_SECTORS, nullable: true, description: 'What they are interested in' })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @IsIn(ZONE_SECTORS)
  sector?: ZoneSector | null;

  @ApiPropertyOptional({ enum: LeadSource, nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @IsEnum(LeadSource)
  source?: LeadSource | null;

  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsVersion()
  version!: number;
}

export class ConvertEventContactDto implements ConvertEventContactRequest {
  @ApiProperty({ enum: CONVERSION_KINDS })
  @IsIn(CONVERSION_KINDS)
  kind!: ConversionKind;

  @ApiProperty({ description: "The event contact's version; a stale one gets 409" })
  @IsVersion()
  version!: number;

  @ApiPropertyOptional({ description: "Defaults to the organization's name, or the person's" })
  @IsOptional()
  @RequiredText(300)
  title?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Defaults to the event contact's owner" })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "Defaults to the event contact's organization; a prospect needs one",
  })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @IsUUID()
  organizationId?: string | null;

  @OptionalSector()
  sector?: ZoneSector | null;

  @OptionalCapitalUsd()
  capitalUsd?: number | null;

  @OptionalJobs()
  expectedJobs?: number | null;

  @ApiPropertyOptional({ description: 'Land enquiries (required): hectares requested' })
  @requiredFor('land_enquiry', 'requestedAreaHa')
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    { message: 'requestedAreaHa must be a number of hectares with at most 2 decimals' },
  )
  @Min(0.01)
  @Max(MAX_ZONE_AREA_HA)
  requestedAreaHa?: number;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Land enquiries: the zone' })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @IsUUID()
  zoneId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Land enquiries: zones the investor prefers' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  preferredZoneIds?: string[];

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'Land enquiries' })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @IsLocalDate()
  wantedBy?: string | null;

  @ApiPropertyOptional({ description: 'Loan applications (required): VND requested' })
  @requiredFor('loan_application', 'requestedVnd')
  @IsInt({ message: 'requestedVnd must be a whole number of VND' })
  @Min(1)
  @Max(1e15)
  requestedVnd?: number;

  @ApiPropertyOptional({ enum: LoanApplicantType, description: 'Loan applications (required)' })
  @requiredFor('loan_application', 'applicantType')
  @IsEnum(LoanApplicantType)
  applicantType?: LoanApplicantType;

  @ApiPropertyOptional({ description: 'Loan applications (required): the bank or fund' })
  @requiredFor('loan_application', 'lender')
  @RequiredText(200)
  lender?: string;

  @ApiPropertyOptional({ enum: LenderKind, description: 'Loan applications (required)' })
  @requiredFor('loan_application', 'lenderKind')
  @IsEnum(LenderKind)
  lenderKind?: LenderKind;

  @ApiPropertyOptional({ description: 'Loan applications (required): what the loan is for' })
  @requiredFor('loan_application', 'purpose')
  @RequiredText(500)
  purpose?: string;
}

class ConvertedItemFieldsDto {
  @ApiProperty({ type: String, nullable: true, description: 'The item it became, once converted' })
  convertedItemId!: string | null;
  @ApiProperty({ enum: PipelineKind, nullable: true }) convertedItemKind!: PipelineKind | null;
}

export class EventContactDto
  extends IntersectionType(PipelineItemBaseDto, ConvertedItemFieldsDto)
  implements EventContact {}

export class EventContactPageDto implements Page<EventContact> {
  @ApiProperty({ type: [EventContactDto] }) items!: EventContact[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

class ConvertedItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONVERSION_KINDS }) kind!: ConversionKind;
}

export class ConvertEventContactResultDto implements ConvertEventContactResult {
  @ApiProperty({ type: EventContactDto }) eventContact!: EventContact;
  @ApiProperty({ type: ConvertedItemDto }) item!: { id: string; kind: ConversionKind };
}
