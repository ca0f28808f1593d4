import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page, User } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import { CreateUserDto, UpdateUserDto, UserDto, UserListQueryDto, UserPageDto } from './users.dto';
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
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'The email is taken' })
  create(@Body() body: CreateUserDto): Promise<User> {
    return this.users.create(body);
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
