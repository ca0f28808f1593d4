import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Page, TimelineEntry } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import { EntryIdPipe } from './entry-id.pipe';
import {
  CreateTimelineEntryDto,
  DeleteTimelineEntryQueryDto,
  TimelineEntryDto,
  TimelinePageDto,
  TimelineQueryDto,
  UpdateTimelineEntryDto,
} from './timeline.dto';
import { TimelineService } from './timeline.service';

@ApiTags('timeline')
@Controller('timeline')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: TimelinePageDto, description: 'Newest first' })
  @ApiBadRequestResponse({ description: 'Unknown subject type, or one whose records do not exist yet' })
  @ApiNotFoundResponse({ description: 'No such record' })
  list(@Query() query: TimelineQueryDto): Promise<Page<TimelineEntry>> {
    return this.timeline.page(query);
  }

  @Post()
  @RequireAccess(Access.User)
  @ApiCreatedResponse({ type: TimelineEntryDto, description: 'A note, call or meeting on any record' })
  @ApiNotFoundResponse({ description: 'No such record' })
  @ApiUnprocessableEntityResponse({ description: 'A mentioned person is not an active user' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateTimelineEntryDto): Promise<TimelineEntry> {
    return this.timeline.create(principal, body);
  }

  @Patch(':id')
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: TimelineEntryDto })
  @ApiForbiddenResponse({ description: 'Staff change only their own notes, calls and meetings' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'Entries written by the system do not change' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', EntryIdPipe) id: string,
    @Body() body: UpdateTimelineEntryDto,
  ): Promise<TimelineEntry> {
    return this.timeline.update(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireAccess(Access.OwnerOrManager)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Staff delete only their own notes, calls and meetings' })
  @ApiConflictResponse({ description: 'Stale version' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', EntryIdPipe) id: string,
    @Query() query: DeleteTimelineEntryQueryDto,
  ): Promise<void> {
    return this.timeline.remove(principal, id, query.version);
  }
}
