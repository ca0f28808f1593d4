import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page, UserSummary } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import { UserDirectoryQueryDto, UserSummaryPageDto } from './user-directory.dto';
import { UserDirectoryService } from './user-directory.service';

@ApiTags('users')
@Controller('users/directory')
export class UserDirectoryController {
  constructor(private readonly directory: UserDirectoryService) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: UserSummaryPageDto })
  list(@Query() query: UserDirectoryQueryDto): Promise<Page<UserSummary>> {
    return this.directory.list(query);
  }
}
