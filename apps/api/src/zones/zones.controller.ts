import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { LandBankSummary, LandMovement, LandMovementResult, Page, Zone } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import { PageQueryDto } from '../common/pagination';
import {
  LandBankSummaryDto,
  LandMovementPageDto,
  LandMovementResultDto,
  RecordLandMovementDto,
  UpdateZoneDto,
  ZoneDistrictsDto,
  ZoneDto,
  ZoneListQueryDto,
  ZonePageDto,
} from './zone.dto';
import { ZonesService } from './zones.service';

@ApiTags('zones')
@Controller('zones')
export class ZonesController {
  constructor(private readonly zones: ZonesService) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: ZonePageDto })
  list(@Query() query: ZoneListQueryDto): Promise<Page<Zone>> {
    return this.zones.list(query);
  }

  @Get('summary')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: LandBankSummaryDto, description: 'Land-bank totals per zone type' })
  summary(): Promise<LandBankSummary> {
    return this.zones.summary();
  }

  @Get('districts')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: ZoneDistrictsDto, description: 'The districts zones lie in, for filters' })
  districts(): Promise<{ items: string[] }> {
    return this.zones.districts();
  }

  @Get(':id')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: ZoneDto })
  @ApiNotFoundResponse()
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<Zone> {
    return this.zones.get(id);
  }

  @Patch(':id')
  @RequireAccess(Access.Manager)
  @ApiOkResponse({ type: ZoneDto })
  @ApiForbiddenResponse({ description: 'Managers only' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'Industrial land below leased + reserved, or above the total area' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateZoneDto): Promise<Zone> {
    return this.zones.update(id, body);
  }

  @Get(':id/land-movements')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: LandMovementPageDto, description: "The zone's land ledger, newest first" })
  @ApiNotFoundResponse()
  movements(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQueryDto): Promise<Page<LandMovement>> {
    return this.zones.movements(id, query);
  }

  @Post(':id/land-movements')
  @RequireAccess(Access.Manager)
  @ApiCreatedResponse({ type: LandMovementResultDto })
  @ApiForbiddenResponse({ description: 'Managers only' })
  @ApiConflictResponse({ description: 'Stale zone version' })
  @ApiUnprocessableEntityResponse({ description: 'Not enough available, reserved or leased land' })
  recordMovement(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordLandMovementDto,
  ): Promise<LandMovementResult> {
    return this.zones.recordMovement(principal, id, body);
  }
}
