import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { MailModule } from './mail.module';
import { MailTransport } from './mail-transport';
import { RecoverEmailsHandler } from './recover-emails.handler';
import { SendEmailHandler } from './send-email.handler';

/** Sending: the SMTP pool and the jobs that send and recover email. Only the worker process imports it. */
@Module({
  imports: [MailModule, QueueModule],
  providers: [MailTransport, SendEmailHandler, RecoverEmailsHandler],
})
export class MailWorkerModule {}
