import { Injectable } from '@nestjs/common';
import { AuditAction, EmailMessage, EmailStatus, Page } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppException, ErrorCode } from '../common/app-exception';
import { TIMESTAMP_TEXT } from '../common/instant';
import { decodeCursor, PageQueryDto, toPage, UUID_PATTERN } from '../common/pagination';
import { OutboxService } from '../queue/outbox.service';
import { outboxJobId } from '../queue/outbox.relay';
import { JobName } from '../queue/queue-names';
import { subjectExists } from '../timeline/record-subjects';
import type { EmailLogQueryDto } from './emails.dto';
import { EmailMessagesRepository } from './email-messages.repository';
import { toEmailMessage } from './mail.service';

const AUDIT_SUBJECT = 'email_message';

function timestampCursor(cursor: string | undefined): [string, string] | undefined {
  return cursor
    ? (decodeCursor(cursor, 2, ([at, id]) => TIMESTAMP_TEXT.test(String(at)) && UUID_PATTERN.test(String(id))) as [
        string,
        string,
      ])
    : undefined;
}

/** The email log as people see it: a record's emails, the failed ones, and an admin's retry. */
@Injectable()
export class EmailsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly emails: EmailMessagesRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async forSubject(query: EmailLogQueryDto): Promise<Page<EmailMessage>> {
    if (!(await subjectExists(this.dataSource.manager, query.subjectType, query.subjectId)))
      throw new AppException(ErrorCode.NotFound, `No ${query.subjectType} has this id.`);
    const rows = await this.emails.listForSubject(
      query.subjectType,
      query.subjectId,
      timestampCursor(query.cursor),
      query.limit,
    );
    return toPage(rows, query.limit, toEmailMessage, (row) => [row.createdAtKey, row.id]);
  }

  async failed(query: PageQueryDto): Promise<Page<EmailMessage>> {
    const rows = await this.emails.listFailed(timestampCursor(query.cursor), query.limit);
    return toPage(rows, query.limit, toEmailMessage, (row) => [row.failedAtKey!, row.id]);
  }

  /** Queues a failed email again under a new job; its attempts keep counting. */
  async retry(id: string, version: number): Promise<EmailMessage> {
    return this.dataSource.transaction(async (manager) => {
      const email = await this.emails.findForUpdate(manager, id);
      if (!email) throw new AppException(ErrorCode.NotFound, 'No email has this id.');
      if (email.version !== version)
        throw new AppException(ErrorCode.StaleVersion, `The email is at version ${email.version}; reload it.`);
      if (email.status !== EmailStatus.Failed)
        throw new AppException(
          ErrorCode.RuleViolated,
          `Only a failed email can be retried; this one is ${email.status}.`,
        );
      await this.emails.requeue(manager, id);
      const outboxId = await this.outbox.enqueue(manager, JobName.SendEmail, { emailMessageId: id });
      await this.emails.assignJob(manager, id, outboxJobId(outboxId), outboxId);
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: AUDIT_SUBJECT,
        subjectId: id,
        changes: { status: { before: EmailStatus.Failed, after: EmailStatus.Queued } },
        details: { retry: true, recipientEmail: email.recipientEmail, lastError: email.lastError },
      });
      return toEmailMessage((await this.emails.findById(id, manager))!);
    });
  }
}
