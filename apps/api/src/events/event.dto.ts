import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  AddAttendeeRequest,
  AttendeeListQuery,
  BulkAddAttendeesRequest,
  BulkAddAttendeesResult,
  BulkSkipReason,
  ConversionKind,
  CreatePromotionEventRequest,
  EventAttendee,
  EventRoi,
  EventRoiStage,
  LocalizedText,
  MAX_BULK_ATTENDEES,
  Page,
  PipelineKind,
  PROMOTION_EVENT_SORTS,
  PromotionEvent,
  PromotionEventKind,
  PromotionEventListQuery,
  PromotionEventSort,
  StageType,
  UpdatePromotionEventRequest,
} from '@irm/contracts';
import { IsLocalDate } from '../calendar/local-date.validator';
import { IsCountryCode } from '../common/domain-validators';
import { emptyToNull, IsVersion, RequiredText, Trim } from '../common/dto';
import { PageQueryDto } from '../common/pagination';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const nullable = () => ValidateIf((_, value) => value !== null);

/** A budget beyond this is a typing slip (about 40 billion USD). */
const MAX_BUDGET_VND = 1e15;

export class CreateEventDto implements CreatePromotionEventRequest {
  @ApiProperty({ example: 'Hội nghị xúc tiến đầu tư Vĩnh Phúc 2026' })
  @RequiredText(300)
  name!: string;

  @ApiProperty({ enum: PromotionEventKind })
  @IsEnum(PromotionEventKind)
  kind!: PromotionEventKind;

  @ApiProperty({ example: '2026-10-14', description: 'First day, YYYY-MM-DD' })
  @IsLocalDate()
  startsOn!: string;

  @ApiProperty({ example: '2026-10-15', description: 'Last day, on or after startsOn' })
  @IsLocalDate()
  endsOn!: string;

  @ApiProperty({ example: 'Trung tâm Hội nghị tỉnh, Vĩnh Yên' })
  @RequiredText(300)
  place!: string;

  @ApiProperty({ example: 'VN', description: 'ISO 3166-1 alpha-2' })
  @Transform(upper)
  @IsCountryCode()
  country!: string;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'VND, an integer ≥ 0' })
  @IsOptional()
  @nullable()
  @IsInt({ message: 'budgetVnd must be a whole number of VND' })
  @Min(0)
  @Max(MAX_BUDGET_VND)
  budgetVnd?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Sở Công Thương' })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @RequiredText(300)
  organizer?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @RequiredText(5000)
  description?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to you; another owner needs a manager' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}

export class UpdateEventDto extends PartialType(CreateEventDto) implements UpdatePromotionEventRequest {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsVersion()
  version!: number;
}

export class EventVersionQueryDto {
  @ApiProperty()
  @IsVersion()
  version!: number;
}

export class EventListQueryDto extends PageQueryDto implements PromotionEventListQuery {
  @ApiPropertyOptional({ description: 'Name, place or organizer; diacritics tolerated' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: PromotionEventKind })
  @IsOptional()
  @IsEnum(PromotionEventKind)
  kind?: PromotionEventKind;

  @ApiPropertyOptional({ example: 'JP' })
  @IsOptional()
  @Transform(upper)
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Events ending on or after this date' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Events starting on or before this date' })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ enum: PROMOTION_EVENT_SORTS, default: '-startsOn' })
  @IsOptional()
  @IsIn(PROMOTION_EVENT_SORTS, { message: `sort must be one of ${PROMOTION_EVENT_SORTS.join(', ')}` })
  sort: PromotionEventSort = '-startsOn';
}

export class EventDto implements PromotionEvent {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PromotionEventKind }) kind!: PromotionEventKind;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty() place!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ type: Number, nullable: true }) budgetVnd!: number | null;
  @ApiProperty({ type: String, nullable: true }) organizer!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty() attendeeCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class EventPageDto implements Page<PromotionEvent> {
  @ApiProperty({ type: [EventDto] }) items!: PromotionEvent[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class AttendeeListQueryDto extends PageQueryDto implements AttendeeListQuery {
  @ApiPropertyOptional({ description: "The contact's name; diacritics tolerated" })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only attendees whose event contact is in this stage' })
  @IsOptional()
  @IsUUID()
  stageId?: string;
}

export class AddAttendeeDto implements AddAttendeeRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  contactId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Owner of the event contact; you unless a manager names someone',
  })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}

export class BulkAddAttendeesDto implements BulkAddAttendeesRequest {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_BULK_ATTENDEES })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BULK_ATTENDEES)
  @IsUUID('all', { each: true })
  contactIds?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: MAX_BULK_ATTENDEES, description: 'Contacts found by email' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BULK_ATTENDEES)
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value,
  )
  @IsEmail({}, { each: true, message: 'each of emails must be an email address' })
  emails?: string[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}

class LocalizedTextDto implements LocalizedText {
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class AttendeeDto implements EventAttendee {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty() contactName!: string;
  @ApiProperty({ type: String, nullable: true }) contactEmail!: string | null;
  @ApiProperty({ type: String, nullable: true }) organizationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) organizationName!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The event contact opened for this person' }) itemId!: string;
  @ApiProperty({ format: 'uuid' }) stageId!: string;
  @ApiProperty() stageKey!: string;
  @ApiProperty({ enum: StageType }) stageType!: StageType;
  @ApiProperty({ type: LocalizedTextDto }) stageName!: LocalizedText;
  @ApiProperty() itemVersion!: number;
  @ApiProperty({ format: 'uuid' }) itemOwnerId!: string;
  @ApiProperty() itemOwnerName!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: String, nullable: true }) convertedItemId!: string | null;
  @ApiProperty({ enum: PipelineKind, nullable: true }) convertedItemKind!: PipelineKind | null;
  @ApiProperty({ description: 'Still in the first stage with no move, so it may be removed' }) removable!: boolean;
  @ApiProperty() addedByName!: string;
  @ApiProperty({ format: 'date-time' }) addedAt!: string;
}

export class AttendeePageDto implements Page<EventAttendee> {
  @ApiProperty({ type: [AttendeeDto] }) items!: EventAttendee[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

class BulkSkipDto {
  @ApiProperty({ type: String, nullable: true }) contactId!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ enum: ['already_attendee', 'unknown_contact', 'unknown_email'] }) reason!: BulkSkipReason;
}

export class BulkAddAttendeesResultDto implements BulkAddAttendeesResult {
  @ApiProperty() added!: number;
  @ApiProperty() skipped!: number;
  @ApiProperty({ type: [AttendeeDto] }) addedAttendees!: EventAttendee[];
  @ApiProperty({ type: [BulkSkipDto] }) skippedEntries!: BulkSkipDto[];
}

class EventRoiStageDto implements EventRoiStage {
  @ApiProperty() stageId!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ type: LocalizedTextDto }) name!: LocalizedText;
  @ApiProperty({ enum: StageType }) type!: StageType;
  @ApiProperty() count!: number;
}

class ConversionsByKindDto {
  @ApiProperty() prospect!: number;
  @ApiProperty() land_enquiry!: number;
  @ApiProperty() loan_application!: number;
}

export class EventRoiDto implements EventRoi {
  @ApiProperty() eventId!: string;
  @ApiProperty({ description: 'Attendees' }) contacts!: number;
  @ApiProperty({ description: 'Event contacts converted' }) conversions!: number;
  @ApiProperty({ type: ConversionsByKindDto }) conversionsByKind!: Record<ConversionKind, number>;
  @ApiProperty({ type: Number, nullable: true }) conversionRate!: number | null;
  @ApiProperty({ description: 'Prospects, land enquiries and loan applications linked to the event' })
  linkedItems!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  linkedItemsByKind!: Partial<Record<PipelineKind, number>>;
  @ApiProperty() hectaresEnquired!: number;
  @ApiProperty() capitalUsd!: number;
  @ApiProperty() expectedJobs!: number;
  @ApiProperty({ type: Number, nullable: true }) budgetVnd!: number | null;
  @ApiProperty({ type: Number, nullable: true }) costPerConversionVnd!: number | null;
  @ApiProperty({ type: Number, nullable: true }) costPerContactVnd!: number | null;
  @ApiProperty({ type: [EventRoiStageDto] }) stages!: EventRoiStage[];
}
