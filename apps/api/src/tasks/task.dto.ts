import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import {
  CreateTaskRequest,
  Page,
  RecordSubjectType,
  Task,
  TaskBucket,
  TaskListQuery,
  TaskSummary,
  UpdateTaskRequest,
} from '@irm/contracts';
import { IsVersion, RequiredText } from '../common/dto';
import { IsInstant } from '../common/instant';
import { PageQueryDto } from '../common/pagination';

const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : value;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateTaskDto implements CreateTaskRequest {
  @ApiProperty({ example: 'Gửi hồ sơ KCN Bá Thiện II cho nhà đầu tư' })
  @RequiredText(300)
  title!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-03-05T17:00:00+07:00' })
  @IsInstant()
  dueAt!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Not after dueAt' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInstant()
  remindAt?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to you; someone else needs a manager' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ enum: RecordSubjectType, nullable: true, description: 'With subjectId, or neither' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEnum(RecordSubjectType)
  subjectType?: RecordSubjectType | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  subjectId?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  done?: boolean;
}

export class UpdateTaskDto extends PartialType(CreateTaskDto) implements UpdateTaskRequest {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsVersion()
  version!: number;
}

export class DeleteTaskQueryDto {
  @ApiProperty()
  @IsVersion()
  version!: number;
}

export class TaskListQueryDto extends PageQueryDto implements TaskListQuery {
  @ApiPropertyOptional({ description: 'Only your own tasks' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({
    enum: TaskBucket,
    description: 'Open tasks overdue, due later today or later, in the business time zone; or done ones',
  })
  @IsOptional()
  @IsEnum(TaskBucket)
  bucket?: TaskBucket;

  @ApiPropertyOptional({ enum: RecordSubjectType })
  @IsOptional()
  @IsEnum(RecordSubjectType)
  subjectType?: RecordSubjectType;

  @ApiPropertyOptional({ format: 'uuid', description: 'With subjectType' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;
}

export class TaskDto implements Task {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) remindAt!: string | null;
  @ApiProperty({ format: 'uuid' }) assigneeId!: string;
  @ApiProperty() assigneeName!: string;
  @ApiProperty({ enum: RecordSubjectType, nullable: true }) subjectType!: RecordSubjectType | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) subjectId!: string | null;
  @ApiProperty({ type: String, nullable: true }) subjectName!: string | null;
  @ApiProperty() done!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) doneAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ format: 'uuid' }) createdById!: string;
  @ApiProperty() createdByName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class TaskPageDto implements Page<TaskDto> {
  @ApiProperty({ type: [TaskDto] }) items!: TaskDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class TaskSummaryDto implements TaskSummary {
  @ApiProperty() overdue!: number;
  @ApiProperty() today!: number;
  @ApiProperty() upcoming!: number;
}
