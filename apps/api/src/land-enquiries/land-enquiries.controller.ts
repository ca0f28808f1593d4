import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { LandEnquiry, Page, StageMove, ZoneMatch } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import { ItemListQueryDto, MoveDto, StageMoveDto } from '../items/items.dto';
import {
  CreateLandEnquiryDto,
  LandEnquiryDto,
  LandEnquiryPageDto,
  UpdateLandEnquiryDto,
  ZoneMatchDto,
} from './land-enquiry.dto';
import { LandEnquiriesService } from './land-enquiries.service';

@ApiTags('land-enquiries')
@Controller('land-enquiries')
export class LandEnquiriesController {
  constructor(private readonly enquiries: LandEnquiriesService) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: LandEnquiryPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ItemListQueryDto): Promise<Page<LandEnquiry>> {
    return this.enquiries.list(principal, query);
  }

  @Get(':id')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: LandEnquiryDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<LandEnquiry> {
    return this.enquiries.get(id);
  }

  @Get(':id/history')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: [StageMoveDto], description: 'Stage moves, newest first' })
  history(@Param('id', new ParseUUIDPipe()) id: string): Promise<StageMove[]> {
    return this.enquiries.history(id);
  }

  @Get(':id/matches')
  @RequireAccess(Access.User)
  @ApiOkResponse({
    type: [ZoneMatchDto],
    description: 'Zones ranked for the enquiry: enough available land, sector allowed, preference, status',
  })
  matches(@Param('id', new ParseUUIDPipe()) id: string): Promise<ZoneMatch[]> {
    return this.enquiries.matches(id);
  }

  @Post()
  @RequireAccess(Access.User)
  @ApiCreatedResponse({ type: LandEnquiryDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateLandEnquiryDto): Promise<LandEnquiry> {
    return this.enquiries.create(principal, body);
  }

  @Patch(':id')
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: LandEnquiryDto })
  @ApiForbiddenResponse({ description: 'Staff change only enquiries they own' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'Zone or area changed while land is held, or unknown links' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateLandEnquiryDto,
  ): Promise<LandEnquiry> {
    return this.enquiries.update(principal, id, body);
  }

  @Post(':id/move')
  @HttpCode(200)
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({
    type: LandEnquiryDto,
    description: 'Moved, with land reserved, leased or released as the stage says',
  })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'A rule of the target stage is not met, or the zone lacks the land' })
  move(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MoveDto,
  ): Promise<LandEnquiry> {
    return this.enquiries.move(principal, id, body);
  }
}
