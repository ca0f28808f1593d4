import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import {
  ConfirmLoanTrancheRequest,
  CreateLoanTrancheRequest,
  LoanTranche,
  UpdateLoanTrancheRequest,
} from '@irm/contracts';
import { IsLocalDate } from '../calendar/local-date.validator';
import { emptyToNull, IsVersion, RequiredText } from '../common/dto';
import { MAX_VND } from './loan-application.dto';

const milestoneDueOn = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      format: 'date',
      nullable: true,
      description: 'When the project should reach the milestone; the applicant contact is reminded before',
      example: '2026-06-30',
    }),
    IsOptional(),
    Transform(emptyToNull),
    ValidateIf((_, value) => value !== null),
    IsLocalDate() as PropertyDecorator,
  );

const version = (description: string) =>
  ApiProperty({ description: `${description}; a stale one gets 409` }) as PropertyDecorator;

export class CreateLoanTrancheDto implements CreateLoanTrancheRequest {
  @ApiProperty({ description: 'The project milestone it is tied to', example: 'Hoàn thành móng nhà xưởng' })
  @RequiredText(500)
  milestone!: string;

  @ApiProperty({ minimum: 0, maximum: 100, description: 'Project progress the milestone stands for, percent' })
  @IsInt()
  @Min(0)
  @Max(100)
  requiredProgressPct!: number;

  @ApiProperty({ description: 'VND (integer); all tranches together stay within the approved amount' })
  @IsInt()
  @Min(1)
  @Max(MAX_VND)
  amountVnd!: number;

  @milestoneDueOn()
  milestoneDueOn?: string | null;

  @version('The application’s version you read')
  @IsVersion()
  version!: number;
}

export class UpdateLoanTrancheDto implements UpdateLoanTrancheRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(500)
  milestone?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  requiredProgressPct?: number;

  @ApiPropertyOptional({ description: 'VND (integer)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VND)
  amountVnd?: number;

  @milestoneDueOn()
  milestoneDueOn?: string | null;

  @version('The tranche’s version you read')
  @IsVersion()
  version!: number;
}

export class ConfirmLoanTrancheDto implements ConfirmLoanTrancheRequest {
  @version('The tranche’s version you read')
  @IsVersion()
  version!: number;

  @ApiProperty({ minimum: 0, maximum: 100, description: 'Project progress reported, percent' })
  @IsInt()
  @Min(0)
  @Max(100)
  progressPct!: number;
}

export class TrancheVersionDto {
  @version('The tranche’s version you read')
  @IsVersion()
  version!: number;
}

/** `DELETE …/tranches/:trancheId?version=`. */
export class TrancheVersionQueryDto {
  @version('The tranche’s version you read')
  @IsVersion()
  version!: number;
}

export class LoanTrancheDto implements LoanTranche {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ description: '1, 2, … in the order planned' }) sequence!: number;
  @ApiProperty() milestone!: string;
  @ApiProperty() requiredProgressPct!: number;
  @ApiProperty({ description: 'VND' }) amountVnd!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) milestoneDueOn!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) confirmedByName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) confirmedProgressPct!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) releasedByName!: string | null;
  @ApiProperty() version!: number;
}
