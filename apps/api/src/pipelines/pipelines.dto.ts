import { ApiProperty } from '@nestjs/swagger';
import { LocalizedText, Pipeline, PipelineKind, Stage, StageType } from '@irm/contracts';

export class LocalizedTextDto implements LocalizedText {
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class StageDto implements Stage {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Stable key the rules use, e.g. land_reserved' }) key!: string;
  @ApiProperty({ type: LocalizedTextDto }) name!: LocalizedTextDto;
  @ApiProperty({ enum: StageType }) type!: StageType;
  @ApiProperty() position!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Response time in working days; null: no SLA' })
  slaWorkingDays!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) retiredAt!: string | null;
  @ApiProperty() version!: number;
}

export class PipelineDto implements Pipeline {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PipelineKind }) kind!: PipelineKind;
  @ApiProperty({ type: LocalizedTextDto }) name!: LocalizedTextDto;
  @ApiProperty({ type: [StageDto] }) stages!: StageDto[];
  @ApiProperty() version!: number;
}
