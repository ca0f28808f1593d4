import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Page, Prospect, StageMove } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import { ItemListQueryDto, MoveDto, StageMoveDto } from '../items/items.dto';
import { CreateProspectDto, ProspectDto, ProspectPageDto, UpdateProspectDto } from './prospect.dto';
import { ProspectsService } from './prospects.service';

@ApiTags('prospects')
@Controller('prospects')
export class ProspectsController {
  constructor(private readonly prospects: ProspectsService) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: ProspectPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ItemListQueryDto): Promise<Page<Prospect>> {
    return this.prospects.list(principal, query);
  }

  @Get(':id')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: ProspectDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<Prospect> {
    return this.prospects.get(id);
  }

  @Get(':id/history')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: [StageMoveDto], description: 'Stage moves, newest first' })
  history(@Param('id', new ParseUUIDPipe()) id: string): Promise<StageMove[]> {
    return this.prospects.history(id);
  }

  @Post()
  @RequireAccess(Access.User)
  @ApiCreatedResponse({ type: ProspectDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateProspectDto): Promise<Prospect> {
    return this.prospects.create(principal, body);
  }

  @Patch(':id')
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: ProspectDto })
  @ApiForbiddenResponse({ description: 'Staff change only prospects they own' })
  @ApiConflictResponse({ description: 'Stale version' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateProspectDto,
  ): Promise<Prospect> {
    return this.prospects.update(principal, id, body);
  }

  @Post(':id/move')
  @HttpCode(200)
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: ProspectDto, description: 'Moved; the item as it is now' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'A rule of the target stage is not met; the reasons are listed' })
  move(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MoveDto,
  ): Promise<Prospect> {
    return this.prospects.move(principal, id, body);
  }
}
