import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Holiday, HolidayBasis } from '@irm/contracts';
import { RequiredText } from '../common/dto';
import { IsLocalDate } from './local-date.validator';

const BASES: HolidayBasis[] = ['statutory', 'decided', 'assumed', 'compensatory'];

export class HolidayListQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class HolidayDto implements Holiday {
  @ApiProperty({ example: '2026-09-03', description: 'A date in the business time zone' })
  @IsLocalDate()
  date!: string;

  @ApiProperty({ example: 'Quốc khánh (ngày liền kề)' })
  @RequiredText(120)
  nameVi!: string;

  @ApiProperty({ example: 'National Day (adjacent day)' })
  @RequiredText(120)
  nameEn!: string;

  @ApiProperty({ enum: BASES, description: 'What fixes the day: the law, a decision, an assumption, or a weekend' })
  @IsIn(BASES, { message: `basis must be one of ${BASES.join(', ')}` })
  basis!: HolidayBasis;
}

export class HolidayDateParamDto {
  @ApiProperty({ example: '2026-09-03' })
  @IsLocalDate()
  date!: string;
}
