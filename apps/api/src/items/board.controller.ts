import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Board } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import { BoardDto, BoardQueryDto } from './items.dto';
import { ItemsService } from './items.service';

@ApiTags('pipelines')
@Controller('pipelines')
export class BoardController {
  constructor(private readonly items: ItemsService) {}

  @Get(':id/board')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: BoardDto, description: 'Every current stage with counts, totals and its first cards' })
  board(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: BoardQueryDto,
  ): Promise<Board> {
    const { mine, ownerId, limit, ...filter } = query;
    return this.items.board(id, { ...filter, ownerId: mine ? principal.userId : ownerId }, limit);
  }
}
