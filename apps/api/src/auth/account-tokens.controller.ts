import { Controller, Get, Param } from '@nestjs/common';
import { ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AccountTokenInfo } from '@irm/contracts';
import { AccountLinksService } from './account-links.service';
import { Access, RequireAccess } from './access.decorator';
import { AccountTokenInfoDto } from './auth.dto';

@ApiTags('public')
@Controller('public/account-tokens')
export class AccountTokensController {
  constructor(private readonly accountLinks: AccountLinksService) {}

  /** For the page behind an invitation or reset link: whose account, and until when the link works. */
  @Get(':token')
  @RequireAccess(Access.Public)
  @ApiOkResponse({ type: AccountTokenInfoDto })
  @ApiNotFoundResponse({ description: 'Unknown link' })
  @ApiGoneResponse({ description: 'Link expired (`link_expired`), used (`link_used`) or replaced (`link_replaced`)' })
  describe(@Param('token') token: string): Promise<AccountTokenInfo> {
    return this.accountLinks.describe(token);
  }
}
