import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { EmailMessage, Page } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import { PageQueryDto } from '../common/pagination';
import { EmailLogQueryDto, EmailMessageDto, EmailMessagePageDto, RetryEmailDto } from './emails.dto';
import { EmailsService } from './emails.service';

@ApiTags('emails')
@Controller('emails')
export class EmailsController {
  constructor(private readonly emails: EmailsService) {}

  /** Readable by whoever may read the record (every signed-in user), like its timeline. */
  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: EmailMessagePageDto, description: "The record's emails, newest first" })
  @ApiBadRequestResponse({ description: 'Unknown subject type, or one whose records do not exist yet' })
  @ApiNotFoundResponse({ description: 'No such record' })
  list(@Query() query: EmailLogQueryDto): Promise<Page<EmailMessage>> {
    return this.emails.forSubject(query);
  }

  @Get('failed')
  @RequireAccess(Access.Admin)
  @ApiOkResponse({ type: EmailMessagePageDto, description: 'Emails that gave up, most recent first, with their error' })
  failed(@Query() query: PageQueryDto): Promise<Page<EmailMessage>> {
    return this.emails.failed(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @RequireAccess(Access.Admin)
  @ApiOkResponse({ type: EmailMessageDto, description: 'Queued again; attempts keep counting' })
  @ApiNotFoundResponse({ description: 'No such email' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'The email has not failed' })
  retry(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RetryEmailDto): Promise<EmailMessage> {
    return this.emails.retry(id, body.version);
  }
}
