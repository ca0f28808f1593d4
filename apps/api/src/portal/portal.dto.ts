import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  CONTACT_LANGUAGES,
  ContactLanguage,
  LenderKind,
  LoanApplicantType,
  LocalizedText,
  PipelineKind,
  PortalAssignment,
  PortalAssignmentMode,
  PortalDocument,
  PortalUploadRules,
  PublicAgency,
  PortalDocumentInfo,
  PortalMessage,
  PortalPhase,
  PortalReply,
  PortalStep,
  PortalSubmitted,
  PortalTracking,
  PublicEvent,
  PublicZone,
  StageType,
  ZONE_SECTORS,
  ZoneSector,
  ZoneStatus,
  ZoneType,
} from '@irm/contracts';
import { normalizeTaxCode } from '@irm/domain';
import { IsLocalDate } from '../calendar/local-date.validator';
import { IsCountryCode, IsPhoneNumber, IsTaxCode, toE164 } from '../common/domain-validators';
import { emptyToNull, IsVersion, RequiredText, Trim } from '../common/dto';
import { OptionalCapitalUsd, OptionalJobs, OptionalSector } from '../items/items.dto';
import { Hectares } from '../land-enquiries/land-enquiry.dto';
import { MAX_VND } from '../loans/loan-application.dto';
import { DOCUMENT_CONTENT_TYPES } from './document-types';

/** Longest free text an investor may send (message, reply). */
export const PORTAL_TEXT_LENGTH = 4000;

const nullable = () => ValidateIf((_, value) => value !== null);
const lowerEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** Who is writing: the fields every public form has, checked as the staff contact and investor forms check them. */
export class PortalApplicantDto {
  @ApiProperty({ example: 'Tanaka Hiroshi' })
  @RequiredText(200)
  fullName!: string;

  @ApiProperty({ example: 'tanaka@example.co.jp' })
  @Transform(lowerEmail)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+81 3 1234 5678' })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' ? (value.trim() === '' ? null : (toE164(value) ?? value)) : value,
  )
  @nullable()
  @IsPhoneNumber()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @RequiredText(200)
  position?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0100109106' })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' ? (value.trim() === '' ? null : (normalizeTaxCode(value) ?? value)) : value,
  )
  @nullable()
  @IsTaxCode()
  taxCode?: string | null;

  @ApiPropertyOptional({ example: 'JP', description: 'ISO 3166-1 alpha-2; VN when absent' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsCountryCode()
  country?: string;

  @ApiProperty({ enum: CONTACT_LANGUAGES, description: 'The language the form was filled in' })
  @IsIn(CONTACT_LANGUAGES)
  language!: ContactLanguage;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PORTAL_TEXT_LENGTH })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @Trim()
  @IsString()
  @MaxLength(PORTAL_TEXT_LENGTH)
  message?: string | null;

  @ApiPropertyOptional({ description: 'Leave empty (a field people do not see; bots fill it)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  website?: string;
}

export class PublicLandEnquiryDto extends PortalApplicantDto {
  @ApiProperty({ example: 'Tanaka Precision Vietnam' })
  @RequiredText(300)
  companyName!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The zone chosen in the catalogue',
  })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @IsUUID()
  zoneId?: string | null;

  @ApiProperty({ example: 3.5, description: 'Hectares wanted, 2 decimals' })
  @Hectares()
  requestedAreaHa!: number;

  @OptionalSector()
  sector?: ZoneSector | null;

  @OptionalCapitalUsd()
  capitalUsd?: number | null;

  @OptionalJobs()
  expectedJobs?: number | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'When the land is wanted' })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @IsLocalDate()
  wantedBy?: string | null;
}

export class PublicLoanApplicationDto extends PortalApplicantDto {
  @ApiProperty({ example: 'Công ty TNHH Cơ khí Đồng Sóc' })
  @RequiredText(300)
  companyName!: string;

  @ApiProperty({ enum: LoanApplicantType })
  @IsEnum(LoanApplicantType)
  applicantType!: LoanApplicantType;

  @ApiProperty({ example: 'Vietcombank Vĩnh Phúc' })
  @RequiredText(200)
  lender!: string;

  @ApiProperty({ enum: LenderKind })
  @IsEnum(LenderKind)
  lenderKind!: LenderKind;

  @ApiProperty({ example: 'Nhà xưởng cơ khí tại CCN Đồng Sóc' })
  @RequiredText(500)
  purpose!: string;

  @ApiProperty({ example: 12_000_000_000, description: 'VND, integer' })
  @IsInt()
  @Min(1)
  @Max(MAX_VND)
  requestedVnd!: number;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 60 })
  @IsOptional()
  @nullable()
  @IsInt()
  @Min(1)
  @Max(600)
  termMonths?: number | null;

  @OptionalSector()
  sector?: ZoneSector | null;

  @OptionalJobs()
  expectedJobs?: number | null;
}

export class PublicEventRegistrationDto extends PortalApplicantDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The company, if any' })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @RequiredText(300)
  companyName?: string | null;
}

export class PublicZoneQueryDto {
  @ApiPropertyOptional({ enum: ZoneType })
  @IsOptional()
  @IsEnum(ZoneType)
  type?: ZoneType;

  @ApiPropertyOptional({ enum: ZoneStatus })
  @IsOptional()
  @IsEnum(ZoneStatus)
  status?: ZoneStatus;

  @ApiPropertyOptional({ example: 'Vĩnh Tường' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  district?: string;

  @ApiPropertyOptional({ enum: ZONE_SECTORS })
  @IsOptional()
  @IsIn(ZONE_SECTORS)
  sector?: ZoneSector;

  @ApiPropertyOptional({ description: 'Only zones with at least this many hectares available' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100_000)
  minAvailableHa?: number;
}

export class PortalMessageDto {
  @ApiProperty({ maxLength: PORTAL_TEXT_LENGTH })
  @RequiredText(PORTAL_TEXT_LENGTH)
  body!: string;
}

export class PortalResendDto {
  @ApiProperty()
  @Transform(lowerEmail)
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class PortalReplyDto {
  @ApiProperty({ maxLength: PORTAL_TEXT_LENGTH })
  @RequiredText(PORTAL_TEXT_LENGTH)
  body!: string;

  @ApiPropertyOptional({ description: "The item's version; a stale one gets 409" })
  @IsOptional()
  @IsVersion()
  version?: number;
}

export class PortalAssignmentDto implements PortalAssignment {
  @ApiProperty({ enum: PortalAssignmentMode })
  @IsEnum(PortalAssignmentMode)
  mode!: PortalAssignmentMode;

  @ApiProperty({ type: [String], description: 'Staff who take turns' })
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  staffIds!: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', format: 'uuid' },
    description: 'sector → user id',
  })
  @IsObject()
  sectorOwners!: Partial<Record<ZoneSector, string>>;

  @ApiProperty({ description: 'The version you read (0 before the first save); a stale one gets 409' })
  @IsVersion(0)
  version!: number;
}

export class DocumentListQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  itemId!: string;
}

// Responses.

export class PortalSubmittedDto implements PortalSubmitted {
  @ApiProperty({ example: 'https://ipa.example.vn/track/3q2-…' }) trackingUrl!: string;
}

export class PublicZoneDto implements PublicZone {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ZoneType }) type!: ZoneType;
  @ApiProperty() name!: string;
  @ApiProperty() district!: string;
  @ApiProperty({ enum: ZoneStatus }) status!: ZoneStatus;
  @ApiProperty({ enum: ZONE_SECTORS, isArray: true }) sectors!: ZoneSector[];
  @ApiProperty() totalAreaHa!: number;
  @ApiProperty() industrialLandHa!: number;
  @ApiProperty() availableHa!: number;
  @ApiProperty({ type: Number, nullable: true }) workforce!: number | null;
  @ApiProperty({ type: String, nullable: true }) craftVillage!: string | null;
  @ApiProperty({ type: Number, nullable: true }) latitude!: number | null;
  @ApiProperty({ type: Number, nullable: true }) longitude!: number | null;
  @ApiProperty() illustrative!: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class PublicZonePageDto {
  @ApiProperty({ type: [PublicZoneDto] }) items!: PublicZone[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the catalogue comes whole' })
  nextCursor!: null;
}

export class PublicEventDto implements PublicEvent {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty() place!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ type: String, nullable: true }) organizer!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty() registrationOpen!: boolean;
}

class LocalizedLabelDto implements LocalizedText {
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class PublicAgencyDto implements PublicAgency {
  @ApiProperty({ type: LocalizedLabelDto, description: 'Vietnamese and English; other languages show English' })
  name!: LocalizedText;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'An http(s) address' }) website!: string | null;
}

class PortalStatusDto {
  @ApiProperty({ enum: ['received', 'in_review', 'completed', 'closed'] }) phase!: PortalPhase;
  @ApiProperty({ enum: StageType }) stageType!: StageType;
  @ApiProperty({ type: LocalizedLabelDto }) label!: LocalizedText;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

class PortalStepDto implements PortalStep {
  @ApiProperty({ type: LocalizedLabelDto }) label!: LocalizedText;
  @ApiProperty({ enum: ['received', 'in_review', 'completed', 'closed'] }) phase!: PortalPhase;
  @ApiProperty() current!: boolean;
  @ApiProperty() done!: boolean;
}

export class PortalMessageViewDto implements PortalMessage {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['investor', 'agency'] }) from!: 'investor' | 'agency';
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class PortalDocumentDto implements PortalDocument {
  @ApiProperty() id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: DOCUMENT_CONTENT_TYPES })
  contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
}

export class PortalDocumentInfoDto extends PortalDocumentDto implements PortalDocumentInfo {
  @ApiProperty() itemId!: string;
  @ApiProperty({ enum: PipelineKind }) kind!: PipelineKind;
}

class PortalUploadRulesDto implements PortalUploadRules {
  @ApiProperty({ example: 10485760, description: 'PORTAL_UPLOAD_MAX_MB in bytes' }) maxBytes!: number;
  @ApiProperty({ type: [String], example: DOCUMENT_CONTENT_TYPES }) contentTypes!: string[];
  @ApiProperty({ type: [String], example: ['pdf', 'jpg', 'jpeg', 'png', 'xlsx'] }) extensions!: string[];
}

export class PortalTrackingDto implements PortalTracking {
  @ApiProperty({ enum: PipelineKind }) kind!: PipelineKind;
  @ApiProperty({ example: 'LE-3F9A2C71' }) reference!: string;
  @ApiProperty({ enum: CONTACT_LANGUAGES }) language!: ContactLanguage;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time' }) lastSubmittedAt!: string;
  @ApiProperty({ type: PortalStatusDto }) status!: PortalTracking['status'];
  @ApiProperty({ type: [PortalStepDto] }) steps!: PortalStep[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What was sent, field → value' })
  submission!: Record<string, unknown>;
  @ApiProperty({ type: [PortalMessageViewDto] }) messages!: PortalMessage[];
  @ApiProperty({ type: [PortalDocumentDto] }) documents!: PortalDocument[];
  @ApiProperty({ type: PortalUploadRulesDto }) uploads!: PortalUploadRules;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class PortalReplyViewDto implements PortalReply {
  @ApiProperty() id!: string;
  @ApiProperty() itemId!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() emailId!: string;
}

export class PortalAssignmentViewDto extends PortalAssignmentDto {}
