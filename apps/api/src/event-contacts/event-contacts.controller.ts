import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { ConvertEventContactResult, EventContact, Page, StageMove } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import { ItemListQueryDto, MoveDto, StageMoveDto } from '../items/items.dto';
import {
  ConvertEventContactDto,
  ConvertEventContactResultDto,
  EventContactDto,
  EventContactPageDto,
  UpdateEventContactDto,
} from './event-contact.dto';
import { EventContactsService } from './event-contacts.service';

/** Event contacts are opened by adding attendees to an event (`POST /api/events/:id/attendees`). */
@ApiTags('event-contacts')
@Controller('event-contacts')
export class EventContactsController {
  constructor(private readonly eventContacts: EventContactsService) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: EventContactPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ItemListQueryDto): Promise<Page<EventContact>> {
    return this.eventContacts.list(principal, query);
  }

  @Get(':id')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: EventContactDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<EventContact> {
    return this.eventContacts.get(id);
  }

  @Get(':id/history')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: [StageMoveDto], description: 'Stage moves, newest first' })
  history(@Param('id', new ParseUUIDPipe()) id: string): Promise<StageMove[]> {
    return this.eventContacts.history(id);
  }

  @Patch(':id')
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: EventContactDto })
  @ApiForbiddenResponse({ description: 'Staff change only event contacts they own' })
  @ApiConflictResponse({ description: 'Stale version' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateEventContactDto,
  ): Promise<EventContact> {
    return this.eventContacts.update(principal, id, body);
  }

  @Post(':id/move')
  @HttpCode(200)
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: EventContactDto, description: 'Moved; the item as it is now' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({
    description: 'A rule of the target stage is not met; Converted is reached only by converting',
  })
  move(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MoveDto,
  ): Promise<EventContact> {
    return this.eventContacts.move(principal, id, body);
  }

  @Post(':id/convert')
  @HttpCode(201)
  @RequireAccess(Access.OwnerOrManager)
  @ApiCreatedResponse({
    type: ConvertEventContactResultDto,
    description: 'The new item was opened and the contact moved to Converted, in one transaction',
  })
  @ApiForbiddenResponse({ description: 'Staff convert only event contacts they own' })
  @ApiConflictResponse({ description: 'Stale version, or already converted' })
  @ApiUnprocessableEntityResponse({
    description: 'The new item would break a rule (e.g. a prospect needs an investor)',
  })
  convert(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ConvertEventContactDto,
  ): Promise<ConvertEventContactResult> {
    return this.eventContacts.convert(principal, id, body);
  }
}
