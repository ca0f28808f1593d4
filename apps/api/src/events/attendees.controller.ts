import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { BulkAddAttendeesResult, EventAttendee, Page } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import { AttendeesService } from './attendees.service';
import {
  AddAttendeeDto,
  AttendeeDto,
  AttendeeListQueryDto,
  AttendeePageDto,
  BulkAddAttendeesDto,
  BulkAddAttendeesResultDto,
} from './event.dto';

@ApiTags('events')
@Controller('events/:id/attendees')
export class AttendeesController {
  constructor(private readonly attendees: AttendeesService) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: AttendeePageDto, description: "In name order, each with their event contact's stage" })
  list(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: AttendeeListQueryDto,
  ): Promise<Page<EventAttendee>> {
    return this.attendees.list(id, query);
  }

  @Post()
  @RequireAccess(Access.OwnerOrManager)
  @ApiCreatedResponse({ type: AttendeeDto, description: 'The attendance, with the event contact opened in Met' })
  @ApiForbiddenResponse({ description: "Staff change only their own events' attendees" })
  @ApiConflictResponse({ description: 'Already an attendee' })
  @ApiUnprocessableEntityResponse({ description: 'The contact or owner does not exist' })
  add(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AddAttendeeDto,
  ): Promise<EventAttendee> {
    return this.attendees.add(principal, id, body);
  }

  @Post('bulk')
  @HttpCode(200)
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({
    type: BulkAddAttendeesResultDto,
    description: 'Those not yet attending are added in one transaction; the others are reported as skipped',
  })
  @ApiForbiddenResponse({ description: "Staff change only their own events' attendees" })
  addMany(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: BulkAddAttendeesDto,
  ): Promise<BulkAddAttendeesResult> {
    return this.attendees.addMany(principal, id, body);
  }

  @Delete(':attendeeId')
  @HttpCode(204)
  @RequireAccess(Access.OwnerOrManager)
  @ApiNoContentResponse({ description: 'The attendance and its untouched event contact are gone' })
  @ApiConflictResponse({ description: 'The event contact has moved on from its first stage' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('attendeeId', new ParseUUIDPipe()) attendeeId: string,
  ): Promise<void> {
    return this.attendees.remove(principal, id, attendeeId);
  }
}
