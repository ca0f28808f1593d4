import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { SearchHit, SearchHitType, SearchResults } from '@irm/contracts';
import { Trim } from '../common/dto';

export class SearchQueryDto {
  @ApiProperty({
    description: 'At least 2 characters; diacritics, case and small typos tolerated',
    example: 'dong soc',
  })
  @Trim()
  @IsString()
  @MinLength(2, { message: 'q must be at least 2 characters' })
  @MaxLength(100)
  q!: string;

  @ApiPropertyOptional({ description: 'Hits per record type', minimum: 1, maximum: 20, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit = 5;
}

export class SearchHitDto implements SearchHit {
  @ApiProperty({ enum: ['organization', 'contact', 'zone'] }) type!: SearchHitType;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) subtitle!: string | null;
  @ApiProperty() score!: number;
}

export class SearchResultsDto implements SearchResults {
  @ApiProperty() query!: string;
  @ApiProperty({ type: [SearchHitDto] }) hits!: SearchHitDto[];
}
