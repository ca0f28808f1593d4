import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { EventRoi, Page, PromotionEvent } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import {
  CreateEventDto,
  EventDto,
  EventListQueryDto,
  EventPageDto,
  EventRoiDto,
  EventVersionQueryDto,
  UpdateEventDto,
} from './event.dto';
import { EventsService } from './events.service';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: EventPageDto, description: 'Newest first unless sorted otherwise' })
  list(@Query() query: EventListQueryDto): Promise<Page<PromotionEvent>> {
    return this.events.list(query);
  }

  @Get(':id')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: EventDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PromotionEvent> {
    return this.events.get(id);
  }

  @Get(':id/roi')
  @RequireAccess(Access.User)
  @ApiOkResponse({
    type: EventRoiDto,
    description: 'Contacts met, conversions, hectares, capital and jobs of the items it led to, against its budget',
  })
  roi(@Param('id', new ParseUUIDPipe()) id: string): Promise<EventRoi> {
    return this.events.roi(id);
  }

  @Post()
  @RequireAccess(Access.User)
  @ApiCreatedResponse({ type: EventDto })
  @ApiUnprocessableEntityResponse({ description: 'Ends before it starts, or the owner is not an active user' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateEventDto): Promise<PromotionEvent> {
    return this.events.create(principal, body);
  }

  @Patch(':id')
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: EventDto })
  @ApiForbiddenResponse({ description: 'Staff change only events they own' })
  @ApiConflictResponse({ description: 'Stale version' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateEventDto,
  ): Promise<PromotionEvent> {
    return this.events.update(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireAccess(Access.OwnerOrManager)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'Stale version, or the event has attendees or items opened from it' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: EventVersionQueryDto,
  ): Promise<void> {
    return this.events.remove(principal, id, query.version);
  }
}
