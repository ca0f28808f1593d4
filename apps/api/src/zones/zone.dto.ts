import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { LandBankSummary, LandBankTotals, Page, Zone, ZoneStatus, ZoneType } from '@irm/contracts';
import { PageQueryDto } from '../common/pagination';

export class ZoneListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ZoneType })
  @IsOptional()
  @IsEnum(ZoneType)
  type?: ZoneType;

  @ApiPropertyOptional({ enum: ZoneStatus })
  @IsOptional()
  @IsEnum(ZoneStatus)
  status?: ZoneStatus;

  @ApiPropertyOptional({ description: 'Name or district, with or without Vietnamese diacritics' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ZoneDto implements Zone {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ZoneType }) type!: ZoneType;
  @ApiProperty() name!: string;
  @ApiProperty() district!: string;
  @ApiProperty({ enum: ZoneStatus }) status!: ZoneStatus;
  @ApiProperty() totalAreaHa!: number;
  @ApiProperty() industrialLandHa!: number;
  @ApiProperty() leasedHa!: number;
  @ApiProperty() reservedHa!: number;
  @ApiProperty() availableHa!: number;
  @ApiProperty({ type: String, nullable: true }) infrastructureInvestor!: string | null;
  @ApiProperty({ type: [String] }) sectors!: string[];
  @ApiProperty() illustrative!: boolean;
  @ApiProperty() version!: number;
}

export class ZonePageDto implements Page<ZoneDto> {
  @ApiProperty({ type: [ZoneDto] }) items!: ZoneDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class LandBankTotalsDto implements LandBankTotals {
  @ApiProperty({ enum: ZoneType }) type!: ZoneType;
  @ApiProperty() zoneCount!: number;
  @ApiProperty() totalAreaHa!: number;
  @ApiProperty() industrialLandHa!: number;
  @ApiProperty() leasedHa!: number;
  @ApiProperty() reservedHa!: number;
  @ApiProperty() availableHa!: number;
}

export class LandBankSummaryDto implements LandBankSummary {
  @ApiProperty({ type: [LandBankTotalsDto] }) byType!: LandBankTotalsDto[];
}
