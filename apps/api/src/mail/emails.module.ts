import { Module } from '@nestjs/common';
import { RecordLinksModule } from '../records/record-links';
import { QueueModule } from '../queue/queue.module';
import { EmailRecordLinks } from './email-record-links';
import { EmailsController } from './emails.controller';
import { EmailsService } from './emails.service';
import { MailModule } from './mail.module';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe.service';

/** The email log over HTTP: a record's emails, failed deliveries and their retry, the unsubscribe link. */
@Module({
  imports: [MailModule, QueueModule, RecordLinksModule],
  controllers: [EmailsController, UnsubscribeController],
  providers: [EmailsService, UnsubscribeService, EmailRecordLinks],
})
export class EmailsModule {}
