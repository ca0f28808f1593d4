import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Page, User } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import { CreateUserDto, ResendInvitationDto, UpdateUserDto, UserDto, UserListQueryDto, UserPageDto } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@RequireAccess(Access.Admin)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UserListQueryDto): Promise<Page<User>> {
    return this.users.list(query);
  }

  @Post()
  @ApiCreatedResponse({ type: UserDto, description: 'With `invite: true`, the invitation email is queued too' })
  @ApiConflictResponse({ description: 'The email is taken' })
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateUserDto): Promise<User> {
    return this.users.create(body, actor);
  }

  @Post(':id/invitation')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto, description: 'A new invitation email is queued; the earlier link stops working' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'Deactivated, or the person has already chosen a password' })
  resendInvitation(
    @CurrentPrincipal() actor: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ResendInvitationDto,
  ): Promise<User> {
    return this.users.resendInvitation(actor, id, body.version);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Stale version' })
  update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<User> {
    return this.users.update(actor, id, body);
  }
}
