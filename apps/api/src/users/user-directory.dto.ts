import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Page, UserSummary } from '@irm/contracts';
import { PageQueryDto } from '../common/pagination';

export class UserDirectoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Name or email, with or without diacritics' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UserSummaryDto implements UserSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
}

export class UserSummaryPageDto implements Page<UserSummaryDto> {
  @ApiProperty({ type: [UserSummaryDto] }) items!: UserSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
