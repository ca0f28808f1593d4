import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import {
  Contact,
  CONTACT_LANGUAGES,
  ContactLanguage,
  ContactListQuery,
  ConsentSource,
  CreateContactRequest,
  EmailConsent,
  Page,
  UpdateContactRequest,
} from '@irm/contracts';
import { normalizeEmail } from '@irm/domain';
import { IsPhoneNumber, toE164 } from '../common/domain-validators';
import { IsVersion, RequiredText } from '../common/dto';
import { SortedPageQueryDto } from '../common/record-sort';

const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : value;

export class CreateContactDto implements CreateContactRequest {
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @RequiredText(200)
  fullName!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? (value.trim() === '' ? null : normalizeEmail(value)) : value))
  @ValidateIf((_, v) => v !== null)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0912 345 678', description: 'Stored as E.164' })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' ? (value.trim() === '' ? null : (toE164(value) ?? value)) : value,
  )
  @ValidateIf((_, v) => v !== null)
  @IsPhoneNumber()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @RequiredText(200)
  position?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({ enum: CONTACT_LANGUAGES, default: 'vi' })
  @IsOptional()
  @IsIn(CONTACT_LANGUAGES)
  preferredLanguage?: ContactLanguage;

  @ApiPropertyOptional({ enum: EmailConsent })
  @IsOptional()
  @IsEnum(EmailConsent)
  emailConsent?: EmailConsent;

  @ApiPropertyOptional({ enum: ConsentSource, nullable: true, description: 'Required when consent is opted in or out' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEnum(ConsentSource)
  consentSource?: ConsentSource | null;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}

export class UpdateContactDto extends PartialType(CreateContactDto) implements UpdateContactRequest {
  @ApiProperty()
  @IsVersion()
  version!: number;
}

export class DeleteContactQueryDto {
  @ApiProperty()
  @IsVersion()
  version!: number;
}

export class ContactListQueryDto extends SortedPageQueryDto implements ContactListQuery {
  @ApiPropertyOptional({ description: 'Name, email or phone; diacritics and small typos tolerated' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ enum: CONTACT_LANGUAGES })
  @IsOptional()
  @IsIn(CONTACT_LANGUAGES)
  language?: ContactLanguage;

  @ApiPropertyOptional({ enum: EmailConsent })
  @IsOptional()
  @IsEnum(EmailConsent)
  consent?: EmailConsent;
}

export class ContactDto implements Contact {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) position!: string | null;
  @ApiProperty({ type: String, nullable: true }) organizationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) organizationName!: string | null;
  @ApiProperty({ enum: CONTACT_LANGUAGES }) preferredLanguage!: ContactLanguage;
  @ApiProperty({ enum: EmailConsent }) emailConsent!: EmailConsent;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) consentChangedAt!: string | null;
  @ApiProperty({ enum: ConsentSource, nullable: true }) consentSource!: ConsentSource | null;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class ContactPageDto implements Page<ContactDto> {
  @ApiProperty({ type: [ContactDto] }) items!: ContactDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
