import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { Page, Prospect } from '@irm/contracts';
import { RequiredText } from '../common/dto';
import { ItemFieldsDto, ItemUpdateFieldsDto, PipelineItemBaseDto } from '../items/items.dto';

export class CreateProspectDto extends ItemFieldsDto {
  @ApiProperty({ example: 'Nhà máy linh kiện điện tử Bình Xuyên' })
  @RequiredText(300)
  title!: string;

  @ApiProperty({ format: 'uuid', description: 'The investor considering the project' })
  @IsUUID()
  organizationId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Start in this open stage instead of the first' })
  @IsOptional()
  @IsUUID()
  stageId?: string;
}

export class UpdateProspectDto extends ItemUpdateFieldsDto {}

class ProspectFiguresDto {
  @ApiProperty({ type: Number, nullable: true }) capitalUsd!: number | null;
  @ApiProperty({ type: Number, nullable: true }) expectedJobs!: number | null;
}

export class ProspectDto extends IntersectionType(PipelineItemBaseDto, ProspectFiguresDto) implements Prospect {}

export class ProspectPageDto implements Page<Prospect> {
  @ApiProperty({ type: [ProspectDto] }) items!: Prospect[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
