import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { NotificationSettings } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import { NotificationSettingsDto, UpdateNotificationSettingsDto } from './notifications.dto';
import { NotificationSettingsService } from './notification-settings.service';

@ApiTags('auth')
@Controller('auth/me/notifications')
export class NotificationsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({
    type: NotificationSettingsDto,
    description: 'Which reminder mail you get; all of it until you choose',
  })
  get(@CurrentPrincipal() principal: Principal): Promise<NotificationSettings> {
    return this.settings.get(principal);
  }

  @Put()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: NotificationSettingsDto })
  @ApiBadRequestResponse({ description: 'A kind missing, unknown, or not true/false' })
  @ApiConflictResponse({ description: 'Stale version' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateNotificationSettingsDto,
  ): Promise<NotificationSettings> {
    return this.settings.update(principal, body);
  }
}
