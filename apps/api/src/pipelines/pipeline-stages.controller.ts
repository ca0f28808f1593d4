import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Pipeline, Stage, StageRetirement, StageUsage } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import {
  CreateStageDto,
  PipelineDto,
  RetireStageDto,
  StageDto,
  StageOrderDto,
  StageParamsDto,
  StageRetirementDto,
  StageUsageDto,
  StageVersionDto,
  UpdateStageDto,
} from './pipelines.dto';
import { StageSettingsService } from './stage-settings.service';

const RULES =
  'A rule of the pipeline configuration is broken; `rule` names it and `errors` the field (rule stages, stage types, ' +
  'SLA on closing stages, order, where items may move)';

/** Managers' configuration of a pipeline's stages: add, rename, reorder, retire, restore, delete. */
@ApiTags('pipelines')
@Controller('pipelines/:id')
export class PipelineStagesController {
  constructor(private readonly stages: StageSettingsService) {}

  @Get('stage-usage')
  @RequireAccess(Access.User)
  @ApiOperation({ summary: 'Items per stage now, and whether items were ever in it (may it be deleted?)' })
  @ApiOkResponse({ type: [StageUsageDto] })
  @ApiNotFoundResponse()
  usage(@Param('id', new ParseUUIDPipe()) id: string): Promise<StageUsage[]> {
    return this.stages.usage(id);
  }

  @Post('stages')
  @RequireAccess(Access.Manager)
  @ApiOperation({ summary: 'Adds a stage at a position (the end by default); its key comes from the English name' })
  @ApiCreatedResponse({ type: StageDto })
  @ApiForbiddenResponse({ description: 'Managers only' })
  @ApiConflictResponse({ description: 'Stale pipeline version, or a stage of that name exists' })
  @ApiUnprocessableEntityResponse({ description: RULES })
  create(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateStageDto): Promise<Stage> {
    return this.stages.create(id, body);
  }

  @Patch('stages/:stageId')
  @RequireAccess(Access.Manager)
  @ApiOperation({ summary: "Renames a stage, changes its SLA (recomputing its open items' SLA dates) or type" })
  @ApiOkResponse({ type: StageDto })
  @ApiForbiddenResponse({ description: 'Managers only' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Stale stage version, or another stage has that name' })
  @ApiUnprocessableEntityResponse({ description: RULES })
  update(@Param() params: StageParamsDto, @Body() body: UpdateStageDto): Promise<Stage> {
    return this.stages.update(params.id, params.stageId, body);
  }

  @Put('stage-order')
  @RequireAccess(Access.Manager)
  @ApiOperation({ summary: 'Puts all stages of the pipeline in a new order' })
  @ApiOkResponse({ type: PipelineDto })
  @ApiForbiddenResponse({ description: 'Managers only' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Stale pipeline version' })
  @ApiUnprocessableEntityResponse({ description: RULES })
  reorder(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: StageOrderDto): Promise<Pipeline> {
    return this.stages.reorder(id, body);
  }

  @Post('stages/:stageId/retire')
  @HttpCode(200)
  @RequireAccess(Access.Manager)
  @ApiOperation({
    summary:
      'Retires a stage, moving its items to another stage of the pipeline, each with a new version, a stage-history ' +
      'row, a timeline entry and an audit event',
  })
  @ApiOkResponse({ type: StageRetirementDto })
  @ApiForbiddenResponse({ description: 'Managers only' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Stale stage version' })
  @ApiUnprocessableEntityResponse({
    description:
      `${RULES}; or, with rule \`target_refuses_items\`, items of the stage that cannot enter the target under the ` +
      'move rules (required fields, loan documents, reserved land): `refusedItems` counts them, `items` names the ' +
      'first ones with their `errors`, and nothing moves',
  })
  retire(
    @CurrentPrincipal() principal: Principal,
    @Param() params: StageParamsDto,
    @Body() body: RetireStageDto,
  ): Promise<StageRetirement> {
    return this.stages.retire(principal, params.id, params.stageId, body);
  }

  @Post('stages/:stageId/restore')
  @HttpCode(200)
  @RequireAccess(Access.Manager)
  @ApiOperation({ summary: 'Puts a retired stage back in use' })
  @ApiOkResponse({ type: StageDto })
  @ApiForbiddenResponse({ description: 'Managers only' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Stale stage version, or a stage in use has its name' })
  @ApiUnprocessableEntityResponse({ description: 'The stage is not retired' })
  restore(@Param() params: StageParamsDto, @Body() body: StageVersionDto): Promise<Stage> {
    return this.stages.restore(params.id, params.stageId, body.version);
  }

  @Delete('stages/:stageId')
  @HttpCode(204)
  @RequireAccess(Access.Manager)
  @ApiOperation({ summary: 'Deletes a stage no item was ever in; a used stage is retired instead' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Managers only' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Stale stage version, or items are or were in the stage (retire it)' })
  @ApiUnprocessableEntityResponse({ description: RULES })
  remove(@Param() params: StageParamsDto, @Query() query: StageVersionDto): Promise<void> {
    return this.stages.remove(params.id, params.stageId, query.version);
  }
}
