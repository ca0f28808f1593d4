import { Global, Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { AgencyProfileReader } from './agency-profile';
import { EmailMessagesRepository } from './email-messages.repository';
import { MailService } from './mail.service';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/** Queuing email, for the API and the worker alike. Global: any feature may send mail in its transaction. */
@Global()
@Module({
  imports: [QueueModule],
  providers: [MailService, EmailMessagesRepository, AgencyProfileReader, UnsubscribeTokens],
  exports: [MailService, EmailMessagesRepository, UnsubscribeTokens],
})
export class MailModule {}
