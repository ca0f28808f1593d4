import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { DuplicateCandidate, DuplicateGroup, DuplicateMatch, MergeRequest, MergeResult, Page } from '@irm/contracts';
import { IsVersion } from '../common/dto';

export class CreateRecordQueryDto {
  @ApiPropertyOptional({
    description: 'Create even though the record looks like an existing one (after seeing the 409 candidates)',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'confirmDuplicate must be true or false' })
  confirmDuplicate?: boolean;
}

export class MergeRequestDto implements MergeRequest {
  @ApiProperty({ description: 'The version of the record being kept, as you read it' })
  @IsVersion()
  version!: number;

  @ApiProperty({ format: 'uuid', description: 'The record merged in and then deleted' })
  @IsUUID('all')
  duplicateId!: string;

  @ApiProperty({ description: 'The version of the duplicate, as you read it' })
  @IsVersion()
  duplicateVersion!: number;
}

export class MergeResultDto implements MergeResult {
  @ApiProperty({ format: 'uuid' }) survivorId!: string;
  @ApiProperty({ format: 'uuid' }) mergedId!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) moved!: Record<string, number>;
}

export class DuplicateCandidateDto implements DuplicateCandidate {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) detail!: string | null;
  @ApiProperty({ enum: DuplicateMatch }) match!: DuplicateMatch;
  @ApiProperty() similarity!: number;
  @ApiProperty() ownerName!: string;
  @ApiProperty() version!: number;
}

export class DuplicateGroupDto implements DuplicateGroup {
  @ApiProperty() key!: string;
  @ApiProperty({ enum: DuplicateMatch }) match!: DuplicateMatch;
  @ApiProperty({ type: [DuplicateCandidateDto] }) records!: DuplicateCandidateDto[];
}

export class DuplicateGroupPageDto implements Page<DuplicateGroupDto> {
  @ApiProperty({ type: [DuplicateGroupDto] }) items!: DuplicateGroupDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
