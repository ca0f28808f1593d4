import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { LandBankSummary, Page, Zone } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import { LandBankSummaryDto, ZoneDto, ZoneListQueryDto, ZonePageDto } from './zone.dto';
import { ZonesService } from './zones.service';

@ApiTags('zones')
@Controller('zones')
@RequireAccess(Access.User)
export class ZonesController {
  constructor(private readonly zones: ZonesService) {}

  @Get()
  @ApiOkResponse({ type: ZonePageDto })
  list(@Query() query: ZoneListQueryDto): Promise<Page<Zone>> {
    return this.zones.list(query);
  }

  @Get('summary')
  @ApiOkResponse({ type: LandBankSummaryDto, description: 'Land-bank totals per zone type' })
  summary(): Promise<LandBankSummary> {
    return this.zones.summary();
  }

  @Get(':id')
  @ApiOkResponse({ type: ZoneDto })
  @ApiNotFoundResponse()
  get(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<Zone> {
    return this.zones.get(id);
  }
}
