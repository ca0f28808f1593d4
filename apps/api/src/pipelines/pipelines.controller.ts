import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Pipeline } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import { PipelineDto } from './pipelines.dto';
import { PipelinesService } from './pipelines.service';

@ApiTags('pipelines')
@Controller('pipelines')
export class PipelinesController {
  constructor(private readonly pipelines: PipelinesService) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: [PipelineDto], description: 'The four pipelines with their stages in order' })
  list(): Promise<Pipeline[]> {
    return this.pipelines.list();
  }

  @Get(':id')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: PipelineDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<Pipeline> {
    return this.pipelines.get(id);
  }
}
