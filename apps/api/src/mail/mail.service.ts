import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  EmailLanguage,
  EmailMessage,
  EmailStatus,
  EmailTemplateKey,
  EmailConsent,
  RecordSubjectType,
  TimelineEntryKind,
} from '@irm/contracts';
import type { EntityManager } from 'typeorm';
import { AppException, ErrorCode } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { SEND_BATCH_MAX } from '../queue/job-payloads';
import { OUTBOX_CHANNEL } from '../queue/outbox.repository';
import { JOB_QUEUE, JobName } from '../queue/queue-names';
import { TimelineService } from '../timeline/timeline.service';
import { agencyProfileFrom, PROVINCE_SETTINGS_SQL } from './agency-profile';
import { EmailMessageRow, EmailMessagesRepository, NewEmailMessage } from './email-messages.repository';
import { mailDomain } from './mail-address';
import { EMAIL_TEMPLATES, EmailTemplateData, renderEmail } from './templates/email-templates';
import type { AgencyProfile } from './templates/localized';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/**
 * Who receives it: a user, a contact (investor mail must name one; `language` overrides their preferred one, e.g.
 * the language a form was filled in), or a bare address.
 */
export type EmailRecipient =
  | { userId: string }
  | { contactId: string; language?: string }
  | { email: string; name?: string | null; language: string };

export interface QueueEmailRequest<K extends EmailTemplateKey> {
  /**
   * One per email that must go out once, e.g. `task-reminder:<taskId>:<remindAt>`. Queuing the same key
   * again returns the email already queued and changes nothing.
   */
  idempotencyKey: string;
  template: K;
  data: EmailTemplateData[K];
  to: EmailRecipient;
  /** The record it concerns; it then shows in that record's email log and on its timeline. */
  about?: { type: RecordSubjectType; id: string };
}

/** A request for any one template, with the data of that template. */
export type AnyQueueEmailRequest = { [K in EmailTemplateKey]: QueueEmailRequest<K> }[EmailTemplateKey];

interface RecipientRow {
  id: string;
  email: string | null;
  name: string;
  language: string | null;
}

interface ResolvedRecipient {
  email: string;
  name: string | null;
  userId: string | null;
  contactId: string | null;
  language: EmailLanguage;
  optedOut: boolean;
  /** Read in the same statement, for the footer. */
  agency: AgencyProfile;
}

export const OPTED_OUT = 'The recipient has opted out of email.';
const MAX_KEY_LENGTH = 300;

/** Vietnamese for Vietnamese readers; English for everyone else (contacts may prefer ja, ko, zh). */
export function emailLanguage(preferred: string | null | undefined): EmailLanguage {
  return preferred === 'vi' ? 'vi' : 'en';
}

export function toEmailMessage(row: EmailMessageRow): EmailMessage {
  const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
  return {
    id: row.id,
    templateKey: row.templateKey as EmailTemplateKey,
    language: row.language as EmailLanguage,
    recipientEmail: row.recipientEmail,
    recipientName: row.recipientName,
    recipientUserId: row.recipientUserId,
    recipientContactId: row.recipientContactId,
    subjectType: row.subjectType as RecordSubjectType | null,
    subjectId: row.subjectId,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    messageId: row.messageId,
    smtpMessageId: row.smtpMessageId,
    createdAt: iso(row.createdAt)!,
    sentAt: iso(row.sentAt),
    failedAt: iso(row.failedAt),
    updatedAt: iso(row.updatedAt)!,
    version: row.version,
  };
}

/**
 * Queues email. Every email is rendered and logged in the caller's transaction together with the outbox
 * message of its send job, so it exists exactly when the change that causes it commits.
 */
@Injectable()
export class MailService {
  constructor(
    private readonly config: AppConfig,
    private readonly emails: EmailMessagesRepository,
    private readonly unsubscribe: UnsubscribeTokens,
    private readonly timeline: TimelineService,
  ) {}

  async queue<K extends EmailTemplateKey>(
    manager: EntityManager,
    request: QueueEmailRequest<K>,
  ): Promise<EmailMessage> {
    const [email] = await this.queueMany(manager, [request as AnyQueueEmailRequest]);
    return email;
  }

  /**
   * Queues several emails in the caller's transaction with two statements whatever their number (recipients
   * and agency, then emails with their send jobs' outbox messages), for jobs that mail many people at once
   * (the daily digest). Answers in the order of the requests; each behaves as `queue()` would.
   */
  async queueMany(manager: EntityManager, requests: readonly AnyQueueEmailRequest[]): Promise<EmailMessage[]> {
    if (requests.length === 0) return [];
    for (const request of requests) {
      const key = request.idempotencyKey;
      if (key.trim() === '' || key.length > MAX_KEY_LENGTH)
        throw new RangeError(`idempotencyKey must be 1-${MAX_KEY_LENGTH} characters`);
      if (EMAIL_TEMPLATES[request.template].audience === 'investor' && !('contactId' in request.to))
        throw new TypeError(`${request.template} is investor mail: address it to a contact`);
    }
    // No look-up of the keys first: the insert settles them, and keys are seldom queued twice.
    const recipients = await this.resolve(
      manager,
      requests.map((request) => request.to),
    );
    const answers: (EmailMessage | undefined)[] = new Array(requests.length);
    const fresh: { index: number; email: NewEmailMessage; batch: number | null }[] = [];
    let sent = 0;
    for (const [index, request] of requests.entries()) {
      const recipient = recipients[index];
      if (recipient instanceof AppException) {
        // A repeat of an email already queued still answers with it after its recipient has gone.
        const existing = await this.emails.findByIdempotencyKey(manager, request.idempotencyKey);
        if (!existing) throw recipient;
        answers[index] = toEmailMessage(existing);
        continue;
      }
      const email = this.render(request, recipient);
      // Emails that go out share send jobs of up to SEND_BATCH_MAX, in the order they were asked for.
      const batch = email.status === EmailStatus.Queued ? Math.floor(sent++ / SEND_BATCH_MAX) : null;
      fresh.push({ index, email, batch });
    }
    const rows = await this.emails.insertManyWithJobs(manager, fresh, {
      queue: JOB_QUEUE[JobName.SendEmail],
      jobName: JobName.SendEmail,
      channel: OUTBOX_CHANNEL,
    });
    for (const [n, { index, email }] of fresh.entries()) {
      const row = rows[n];
      // Null: the key was queued already, by another transaction while we rendered or earlier in this batch.
      if (!row) {
        answers[index] = toEmailMessage((await this.emails.findByIdempotencyKey(manager, email.idempotencyKey))!);
        continue;
      }
      const about = requests[index].about;
      if (about) {
        // Only the id is stored: the timeline reads the email's current status from the log.
        await this.timeline.record(manager, {
          subjectType: about.type,
          subjectId: about.id,
          kind: TimelineEntryKind.Email,
          payload: { emailMessageId: row.id },
        });
      }
      answers[index] = toEmailMessage(row);
    }
    return answers as EmailMessage[];
  }

  /** The email's row: rendered in the recipient's language, with its Message-ID fixed now. */
  private render(request: AnyQueueEmailRequest, recipient: ResolvedRecipient): NewEmailMessage {
    const investor = EMAIL_TEMPLATES[request.template].audience === 'investor';
    const links = investor && recipient.contactId ? this.unsubscribe.links(recipient.contactId) : undefined;
    const rendered = renderEmail(request.template, request.data as never, {
      language: recipient.language,
      agency: recipient.agency,
      timeZone: this.config.TZ_BUSINESS,
      unsubscribeUrl: links?.page,
    });
    const id = randomUUID();
    const status = investor && recipient.optedOut ? EmailStatus.NotSent : EmailStatus.Queued;
    return {
      id,
      idempotencyKey: request.idempotencyKey,
      templateKey: request.template,
      language: recipient.language,
      recipientEmail: recipient.email,
      recipientName: recipient.name,
      recipientUserId: recipient.userId,
      recipientContactId: recipient.contactId,
      subjectType: request.about?.type ?? null,
      subjectId: request.about?.id ?? null,
      subject: rendered.subject,
      htmlBody: rendered.html,
      textBody: rendered.text,
      headers: links
        ? { 'List-Unsubscribe': `<${links.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
        : {},
      honoursOptOut: investor,
      messageId: `<${id}@${mailDomain(this.config.MAIL_FROM)}>`,
      status,
      lastError: status === EmailStatus.NotSent ? OPTED_OUT : null,
    };
  }

  /**
   * Each recipient's address, name and language (or why there is none), and the agency's profile, in one
   * statement for all of them.
   */
  private async resolve(
    manager: EntityManager,
    recipients: readonly EmailRecipient[],
  ): Promise<(ResolvedRecipient | AppException)[]> {
    const userIds = recipients.flatMap((to) => ('userId' in to ? [to.userId] : []));
    const contactIds = recipients.flatMap((to) => ('contactId' in to ? [to.contactId] : []));
    const [row] = (await manager.query(
      `SELECT ${PROVINCE_SETTINGS_SQL} AS agency,
              (SELECT coalesce(json_agg(json_build_object('id', u.id, 'email', u.email, 'name', u.name,
                                                          'language', u.language)), '[]')
                 FROM app_user u WHERE u.id = ANY($1::uuid[])) AS users,
              (SELECT coalesce(json_agg(json_build_object('id', c.id, 'email', c.email, 'name', c.full_name,
                                                          'language', c.preferred_language, 'consent', c.email_consent)), '[]')
                 FROM contact c WHERE c.id = ANY($2::uuid[])) AS contacts`,
      [userIds, contactIds],
    )) as {
      agency: unknown;
      users: (RecipientRow & { email: string })[];
      contacts: (RecipientRow & { consent: EmailConsent })[];
    }[];
    const agency = agencyProfileFrom(row.agency);
    const users = new Map(row.users.map((user) => [user.id, user]));
    const contacts = new Map(row.contacts.map((contact) => [contact.id, contact]));
    return recipients.map((to) => {
      if ('userId' in to) {
        const user = users.get(to.userId);
        if (!user) return new AppException(ErrorCode.RuleViolated, 'The recipient is not a user.');
        return {
          email: user.email,
          name: user.name,
          userId: to.userId,
          contactId: null,
          language: emailLanguage(user.language),
          optedOut: false,
          agency,
        };
      }
      if ('contactId' in to) {
        const contact = contacts.get(to.contactId);
        if (!contact) return new AppException(ErrorCode.RuleViolated, 'The recipient is not a contact.');
        if (!contact.email) return new AppException(ErrorCode.RuleViolated, 'The contact has no email address.');
        return {
          email: contact.email,
          name: contact.name,
          userId: null,
          contactId: to.contactId,
          language: emailLanguage(to.language ?? contact.language),
          optedOut: contact.consent === EmailConsent.OptedOut,
          agency,
        };
      }
      return {
        email: to.email,
        name: to.name ?? null,
        userId: null,
        contactId: null,
        language: emailLanguage(to.language),
        optedOut: false,
        agency,
      };
    });
  }
}
