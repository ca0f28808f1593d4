import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional } from 'class-validator';
import { ExportFormat } from '@irm/contracts';
import { ContactListQueryDto } from '../contacts/contact.dto';
import { OrganizationListQueryDto } from '../organizations/organization.dto';

/** The list's own filters, without paging: an export takes every matching row. */
export class OrganizationExportQueryDto extends OmitType(OrganizationListQueryDto, ['limit', 'cursor'] as const) {
  @ApiPropertyOptional({ enum: ExportFormat, default: ExportFormat.Csv })
  @IsOptional()
  @IsEnum(ExportFormat)
  format: ExportFormat = ExportFormat.Csv;

  @ApiPropertyOptional({ enum: ['vi', 'en'], description: 'Language of headers and labels; defaults to yours' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  lang?: 'vi' | 'en';
}

export class ContactExportQueryDto extends OmitType(ContactListQueryDto, ['limit', 'cursor'] as const) {
  @ApiPropertyOptional({ enum: ExportFormat, default: ExportFormat.Csv })
  @IsOptional()
  @IsEnum(ExportFormat)
  format: ExportFormat = ExportFormat.Csv;

  @ApiPropertyOptional({ enum: ['vi', 'en'], description: 'Language of headers and labels; defaults to yours' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  lang?: 'vi' | 'en';
}
