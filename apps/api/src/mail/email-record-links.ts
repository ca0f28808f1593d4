import { Injectable, OnModuleInit } from '@nestjs/common';
import { RecordLinks } from '../records/record-links';
import { EmailMessagesRepository } from './email-messages.repository';

/** A merge moves the duplicate's email log, and the emails it received, to the record kept. */
@Injectable()
export class EmailRecordLinks implements OnModuleInit {
  constructor(
    private readonly links: RecordLinks,
    private readonly emails: EmailMessagesRepository,
  ) {}

  onModuleInit(): void {
    this.links.register('emails', async (manager, subject, fromId, toId) => {
      const moved = await this.emails.reassignSubject(manager, subject, fromId, toId);
      if (subject === 'contact') await this.emails.reassignRecipientContact(manager, fromId, toId);
      return moved;
    });
  }
}
