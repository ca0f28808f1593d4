import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { QueueModule } from '../queue/queue.module';
import { TimelineModule } from '../timeline/timeline.module';
import { AgencyProfileReader } from './agency-profile';
import { EmailMessagesRepository } from './email-messages.repository';
import { MailService } from './mail.service';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/**
 * Queuing email, for the API and the worker alike. Global: any feature may send mail in its transaction.
 * An email about a record goes on that record's timeline, hence the timeline (and the audit it needs).
 */
@Global()
@Module({
  imports: [QueueModule, AuditModule, TimelineModule],
  providers: [MailService, EmailMessagesRepository, AgencyProfileReader, UnsubscribeTokens],
  exports: [MailService, EmailMessagesRepository, UnsubscribeTokens],
})
export class MailModule {}
