import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Access, RequireAccess } from '../auth/access.decorator';
import { UnsubscribeService } from './unsubscribe.service';

@ApiTags('public')
@Controller('public/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  /**
   * The `List-Unsubscribe` address: mail clients POST `List-Unsubscribe=One-Click` here (RFC 8058), and the
   * unsubscribe page posts here too. No sign-in: the signed token is the authority.
   */
  @Post(':token')
  @HttpCode(204)
  @RequireAccess(Access.Public)
  @ApiNoContentResponse({ description: 'The contact receives no more email' })
  @ApiNotFoundResponse({ description: 'The link is not valid' })
  async oneClick(@Param('token') token: string): Promise<void> {
    await this.unsubscribe.unsubscribe(token);
  }
}
