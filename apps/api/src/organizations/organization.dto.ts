import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import {
  CreateOrganizationRequest,
  LeadSource,
  Organization,
  OrganizationKind,
  OrganizationSize,
  Page,
  UpdateOrganizationRequest,
} from '@irm/contracts';
import { normalizeTaxCode } from '@irm/domain';
import { IsCountryCode, IsTaxCode, IsVsicCode } from '../common/domain-validators';
import { IsVersion, RequiredText, Trim } from '../common/dto';
import { SortedPageQueryDto } from '../common/record-sort';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : value;

export class CreateOrganizationDto implements CreateOrganizationRequest {
  @ApiProperty({ example: 'Samsung Electronics Việt Nam' })
  @RequiredText(300)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @RequiredText(500)
  legalName?: string | null;

  @ApiProperty({ enum: OrganizationKind })
  @IsEnum(OrganizationKind)
  kind!: OrganizationKind;

  @ApiProperty({ example: 'KR', description: 'ISO 3166-1 alpha-2' })
  @Transform(upper)
  @IsCountryCode()
  country!: string;

  @ApiPropertyOptional({ type: [String], example: ['C', '26'], description: 'VSIC 2018 sections or divisions' })
  @IsOptional()
  @Transform(({ value }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v)) : value,
  )
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsVsicCode({ each: true })
  sectors?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: '0100109106' })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' ? (value.trim() === '' ? null : (normalizeTaxCode(value) ?? value)) : value,
  )
  @ValidateIf((_, v) => v !== null)
  @IsTaxCode()
  taxCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://www.samsung.com/vn' })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @Trim()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) address' })
  @MaxLength(500)
  website?: string | null;

  @ApiPropertyOptional({ enum: OrganizationSize, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEnum(OrganizationSize)
  size?: OrganizationSize | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to you; another owner needs a manager' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u, {
    each: true,
    message: 'each tag must be 1-40 letters, digits, spaces, "-" or "_"',
  })
  tags?: string[];

  @ApiPropertyOptional({ enum: LeadSource, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEnum(LeadSource)
  source?: LeadSource | null;
}

export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto) implements UpdateOrganizationRequest {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsVersion()
  version!: number;
}

export class DeleteOrganizationQueryDto {
  @ApiProperty()
  @IsVersion()
  version!: number;
}

export class OrganizationListQueryDto extends SortedPageQueryDto {
  @ApiPropertyOptional({ description: 'Name, legal name or tax code; diacritics and small typos tolerated' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: OrganizationKind })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @ApiPropertyOptional({ example: 'JP' })
  @IsOptional()
  @Transform(upper)
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ example: 'C' })
  @IsOptional()
  @Transform(upper)
  @IsVsicCode()
  sector?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  tag?: string;
}

export class OrganizationDto implements Organization {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) legalName!: string | null;
  @ApiProperty({ enum: OrganizationKind }) kind!: OrganizationKind;
  @ApiProperty() country!: string;
  @ApiProperty({ type: [String] }) sectors!: string[];
  @ApiProperty({ type: String, nullable: true }) taxCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) website!: string | null;
  @ApiProperty({ enum: OrganizationSize, nullable: true }) size!: OrganizationSize | null;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ enum: LeadSource, nullable: true }) source!: LeadSource | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class OrganizationPageDto implements Page<OrganizationDto> {
  @ApiProperty({ type: [OrganizationDto] }) items!: OrganizationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
