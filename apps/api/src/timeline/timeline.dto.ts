import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
  AUTHORED_ENTRY_KINDS,
  AuthoredEntryKind,
  CreateTimelineEntryRequest,
  MentionedUser,
  Page,
  RecordSubjectType,
  TimelineEntry,
  TimelineEntryKind,
  UpdateTimelineEntryRequest,
} from '@irm/contracts';
import { IsVersion, Trim } from '../common/dto';
import { IsInstant } from '../common/instant';
import { PageQueryDto } from '../common/pagination';

const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : value;
const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export const MAX_BODY_LENGTH = 10_000;

export class TimelineQueryDto extends PageQueryDto {
  @ApiProperty({ enum: RecordSubjectType })
  @IsEnum(RecordSubjectType)
  subjectType!: RecordSubjectType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  subjectId!: string;

  @ApiPropertyOptional({ enum: TimelineEntryKind })
  @IsOptional()
  @IsEnum(TimelineEntryKind)
  kind?: TimelineEntryKind;
}

/** The fields a person writes on a note, call or meeting; which apply depends on the kind. */
class AuthoredFieldsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_BODY_LENGTH,
    description: 'Required for a note. Mention a colleague with `@[Name](userId)`.',
  })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(MAX_BODY_LENGTH)
  body?: string | null;

  @ApiPropertyOptional({ format: 'date-time', description: 'Calls and meetings: when it took place (default now)' })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 1440 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  durationMinutes?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @Trim()
  @IsString()
  @MaxLength(500)
  outcome?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Names of the people who took part' })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  participants?: string[];
}

export class CreateTimelineEntryDto extends AuthoredFieldsDto implements CreateTimelineEntryRequest {
  @ApiProperty({ enum: RecordSubjectType })
  @IsEnum(RecordSubjectType)
  subjectType!: RecordSubjectType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  subjectId!: string;

  @ApiProperty({ enum: AUTHORED_ENTRY_KINDS })
  @IsIn(AUTHORED_ENTRY_KINDS)
  kind!: AuthoredEntryKind;
}

export class UpdateTimelineEntryDto extends AuthoredFieldsDto implements UpdateTimelineEntryRequest {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsVersion()
  version!: number;
}

export class DeleteTimelineEntryQueryDto {
  @ApiProperty()
  @IsVersion()
  version!: number;
}

class MentionedUserDto implements MentionedUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class TimelineEntryDto implements TimelineEntry {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: RecordSubjectType }) subjectType!: RecordSubjectType;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ enum: TimelineEntryKind }) kind!: TimelineEntryKind;
  @ApiProperty({ type: String, nullable: true }) body!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) authorName!: string | null;
  @ApiProperty({ type: [MentionedUserDto] }) mentions!: MentionedUser[];
  @ApiProperty({
    type: Object,
    nullable: true,
    description:
      'call/meeting: {durationMinutes, outcome, participants}; edit: {action, fields}; task: {taskId, event, title, dueAt, assigneeId, assigneeName}; email: {emailMessageId, templateKey, recipientEmail, recipientName, subject, status, attempts, lastError, sentAt, failedAt}, read from the email log when asked',
  })
  payload!: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class TimelinePageDto implements Page<TimelineEntryDto> {
  @ApiProperty({ type: [TimelineEntryDto] }) items!: TimelineEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
