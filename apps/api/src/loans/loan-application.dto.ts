import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  CreateLoanApplicationRequest,
  LenderKind,
  LoanApplicantType,
  LoanApplication,
  LoanDocumentStatus,
  LocalizedText,
  Page,
  ReceiveLoanDocumentRequest,
  UpdateLoanApplicationRequest,
} from '@irm/contracts';
import { IsLocalDate } from '../calendar/local-date.validator';
import { emptyToNull, IsVersion, RequiredText, Trim } from '../common/dto';
import { ItemFieldsDto, ItemUpdateFieldsDto, PipelineItemBaseDto } from '../items/items.dto';

/** The largest amount of VND accepted (a thousand trillion): far above any provincial loan, within bigint. */
export const MAX_VND = 1e15;

const nullable = () => ValidateIf((_, value) => value !== null);

/** Lender, purpose and terms: what create and update share. */
class LoanTermsDto {
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Interest support, percent a year (2 decimals)',
    example: 2,
  })
  @IsOptional()
  @nullable()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  interestSupportRate?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Loan term in months', example: 60 })
  @IsOptional()
  @nullable()
  @IsInt()
  @Min(1)
  @Max(600)
  termMonths?: number | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'Deadline for the documents still outstanding; the applicant contact is reminded some working days before',
    example: '2026-03-20',
  })
  @IsOptional()
  @Transform(emptyToNull)
  @nullable()
  @IsLocalDate()
  documentsDueOn?: string | null;
}

export class CreateLoanApplicationDto
  extends IntersectionType(ItemFieldsDto, LoanTermsDto)
  implements CreateLoanApplicationRequest
{
  @ApiPropertyOptional({ description: 'Generated as "<purpose> — <lender>" when absent' })
  @IsOptional()
  @RequiredText(300)
  title?: string;

  @ApiProperty({ format: 'uuid', description: 'The applicant: an SME or a cluster infrastructure developer' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ enum: LoanApplicantType })
  @IsEnum(LoanApplicantType)
  applicantType!: LoanApplicantType;

  @ApiProperty({ description: 'The bank or fund lending', example: 'Vietcombank Vĩnh Phúc' })
  @RequiredText(200)
  lender!: string;

  @ApiProperty({ enum: LenderKind })
  @IsEnum(LenderKind)
  lenderKind!: LenderKind;

  @ApiProperty({ description: 'What the money is for', example: 'Nhà xưởng cơ khí tại CCN Đồng Sóc' })
  @RequiredText(500)
  purpose!: string;

  @ApiProperty({ description: 'Requested amount, VND (integer)', example: 12_000_000_000 })
  @IsInt()
  @Min(1)
  @Max(MAX_VND)
  requestedVnd!: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Start in this open stage instead of the first' })
  @IsOptional()
  @IsUUID()
  stageId?: string;
}

export class UpdateLoanApplicationDto
  extends IntersectionType(ItemUpdateFieldsDto, LoanTermsDto)
  implements UpdateLoanApplicationRequest
{
  @ApiPropertyOptional({ enum: LoanApplicantType })
  @IsOptional()
  @IsEnum(LoanApplicantType)
  applicantType?: LoanApplicantType;

  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(200)
  lender?: string;

  @ApiPropertyOptional({ enum: LenderKind })
  @IsOptional()
  @IsEnum(LenderKind)
  lenderKind?: LenderKind;

  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(500)
  purpose?: string;

  @ApiPropertyOptional({ description: 'Requested amount, VND (integer)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VND)
  requestedVnd?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'Approved amount, VND (integer). Managers only: it is the lender’s decision as the agency records it. ' +
      'Never below what the tranches already plan (422).',
  })
  @IsOptional()
  @nullable()
  @IsInt()
  @Min(1)
  @Max(MAX_VND)
  approvedVnd?: number | null;
}

export class ReceiveLoanDocumentDto implements ReceiveLoanDocumentRequest {
  @ApiProperty({ description: 'The application’s version you read; a stale one gets 409' })
  @IsVersion()
  version!: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'E.g. which copy, or who brought it' })
  @IsOptional()
  @nullable()
  @Trim()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

class LocalizedTextDto implements LocalizedText {
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class LoanDocumentStatusDto implements LoanDocumentStatus {
  @ApiProperty({ example: 'application_form' }) key!: string;
  @ApiProperty({ type: LocalizedTextDto }) name!: LocalizedText;
  @ApiProperty({ type: String, nullable: true, description: 'Key of the stage from which it is required' })
  requiredFromStage!: string | null;
  @ApiProperty({ description: 'Required in the current stage' }) requiredNow!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) receivedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) receivedByName!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

class LoanFiguresDto {
  @ApiProperty({ enum: LoanApplicantType }) applicantType!: LoanApplicantType;
  @ApiProperty() lender!: string;
  @ApiProperty({ enum: LenderKind }) lenderKind!: LenderKind;
  @ApiProperty() purpose!: string;
  @ApiProperty({ description: 'VND' }) requestedVnd!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'VND' }) approvedVnd!: number | null;
  @ApiProperty({ description: 'Sum of all tranches, VND' }) plannedVnd!: number;
  @ApiProperty({ description: 'Sum of the released tranches, VND' }) disbursedVnd!: number;
  @ApiProperty({ type: Number, nullable: true }) interestSupportRate!: number | null;
  @ApiProperty({ type: Number, nullable: true }) termMonths!: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) documentsDueOn!: string | null;
  @ApiProperty({ type: [LoanDocumentStatusDto] }) documents!: LoanDocumentStatus[];
}

export class LoanApplicationDto
  extends IntersectionType(PipelineItemBaseDto, LoanFiguresDto)
  implements LoanApplication {}

export class LoanApplicationPageDto implements Page<LoanApplication> {
  @ApiProperty({ type: [LoanApplicationDto] }) items!: LoanApplication[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
