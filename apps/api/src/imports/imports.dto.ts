import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  ExportFormat,
  ImportCreated,
  ImportEntity,
  ImportFormat,
  ImportJob,
  ImportPreviewRow,
  ImportRowAction,
  ImportRowErrorItem,
  ImportStatus,
  Page,
} from '@irm/contracts';
import { PageQueryDto } from '../common/pagination';

const booleanText = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' || value === 'on' ? true : value === 'false' || value === '0' ? false : value;

/** The text fields sent with the file in the multipart body. */
export class CreateImportFieldsDto {
  @ApiProperty({ enum: ImportEntity })
  @IsEnum(ImportEntity)
  entity!: ImportEntity;

  @ApiPropertyOptional({ default: false, description: 'Check and preview only; write nothing' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'For `attendees`: the event the listed people attended' })
  @IsOptional()
  @IsUUID()
  eventId?: string;
}

export class ImportEntityParamDto {
  @ApiProperty({ enum: ImportEntity })
  @IsEnum(ImportEntity)
  entity!: ImportEntity;
}

export class TemplateQueryDto {
  @ApiPropertyOptional({ enum: ExportFormat, default: ExportFormat.Xlsx })
  @IsOptional()
  @IsEnum(ExportFormat)
  format: ExportFormat = ExportFormat.Xlsx;

  @ApiPropertyOptional({ enum: ['vi', 'en'], description: 'Header language; defaults to yours' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  lang?: 'vi' | 'en';
}

export class ImportListQueryDto extends PageQueryDto {}

export class ImportErrorsQueryDto extends PageQueryDto {}

export class ImportCreatedDto implements ImportCreated {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class ImportPreviewRowDto implements ImportPreviewRow {
  @ApiProperty() rowNumber!: number;
  @ApiProperty({ enum: ImportRowAction }) action!: ImportRowAction;
  @ApiProperty({ type: 'object', additionalProperties: true }) values!: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) errors!: { field: string | null; message: string }[];
}

export class ImportJobDto implements ImportJob {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ImportEntity }) entity!: ImportEntity;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ImportFormat }) format!: ImportFormat;
  @ApiProperty() fileSize!: number;
  @ApiProperty({ enum: ImportStatus }) status!: ImportStatus;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) columns!: Record<string, string>;
  @ApiProperty({ type: [String] }) ignoredColumns!: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'Data rows in the file; null until counted' })
  total!: number | null;
  @ApiProperty() processed!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ type: String, nullable: true }) errorMessage!: string | null;
  @ApiProperty({ type: [ImportPreviewRowDto], description: 'A dry run’s first rows (empty in lists)' })
  preview!: ImportPreviewRow[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) appliedJobId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) dryRunJobId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The event of an attendee import' })
  eventId!: string | null;
  @ApiProperty({ type: String, nullable: true }) eventName!: string | null;
  @ApiProperty({ format: 'uuid' }) createdById!: string;
  @ApiProperty() createdByName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty() version!: number;
}

export class ImportJobPageDto implements Page<ImportJobDto> {
  @ApiProperty({ type: [ImportJobDto] }) items!: ImportJobDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ImportRowErrorDto implements ImportRowErrorItem {
  @ApiProperty() id!: string;
  @ApiProperty() rowNumber!: number;
  @ApiProperty({ type: String, nullable: true }) field!: string | null;
  @ApiProperty({ type: String, nullable: true }) column!: string | null;
  @ApiProperty() message!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) raw!: Record<string, string>;
}

export class ImportRowErrorPageDto implements Page<ImportRowErrorDto> {
  @ApiProperty({ type: [ImportRowErrorDto] }) items!: ImportRowErrorDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
