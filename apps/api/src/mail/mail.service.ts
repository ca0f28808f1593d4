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
import type { JobPayload } from '../queue/job-payloads';
import { OUTBOX_CHANNEL } from '../queue/outbox.repository';
import { JOB_QUEUE, JobName } from '../queue/queue-names';
import { TimelineService } from '../timeline/timeline.service';
import { AgencyProfileReader, agencyProfileFrom, PROVINCE_SETTINGS_SQL } from './agency-profile';
import { EmailMessageRow, EmailMessagesRepository } from './email-messages.repository';
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
    private readonly agency: AgencyProfileReader,
    private readonly unsubscribe: UnsubscribeTokens,
    private readonly timeline: TimelineService,
  ) {}

  async queue<K extends EmailTemplateKey>(
    manager: EntityManager,
    request: QueueEmailRequest<K>,
  ): Promise<EmailMessage> {
    const key = request.idempotencyKey;
    if (key.trim() === '' || key.length > MAX_KEY_LENGTH)
      throw new RangeError(`idempotencyKey must be 1-${MAX_KEY_LENGTH} characters`);

    const template = EMAIL_TEMPLATES[request.template];
    const investor = template.audience === 'investor';
    if (investor && !('contactId' in request.to))
      throw new TypeError(`${request.template} is investor mail: address it to a contact`);
    // No look-up of the key first: the insert below settles it, and keys are seldom queued twice.
    let recipient: ResolvedRecipient;
    try {
      recipient = await this.resolve(manager, request.to);
    } catch (error) {
      // A repeat of an email already queued still answers with it after its recipient has gone.
      if (!(error instanceof AppException)) throw error;
      const existing = await this.emails.findByIdempotencyKey(manager, key);
      if (existing) return toEmailMessage(existing);
      throw error;
    }
    const links = investor && recipient.contactId ? this.unsubscribe.links(recipient.contactId) : undefined;
    const rendered = renderEmail(request.template, request.data, {
      language: recipient.language,
      agency: recipient.agency,
      timeZone: this.config.TZ_BUSINESS,
      unsubscribeUrl: links?.page,
    });

    const id = randomUUID();
    const status = investor && recipient.optedOut ? EmailStatus.NotSent : EmailStatus.Queued;
    const payload: JobPayload<JobName.SendEmail> = { emailMessageId: id };
    const row = await this.emails.insertWithJob(
      manager,
      {
        id,
        idempotencyKey: key,
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
      },
      status === EmailStatus.Queued
        ? { queue: JOB_QUEUE[JobName.SendEmail], jobName: JobName.SendEmail, payload, channel: OUTBOX_CHANNEL }
        : null,
    );
    // Null: another transaction queued the same key and committed while we rendered.
    if (!row) return toEmailMessage((await this.emails.findByIdempotencyKey(manager, key))!);
    if (request.about) {
      // Only the id is stored: the timeline reads the email's current status from the log.
      await this.timeline.record(manager, {
        subjectType: request.about.type,
        subjectId: request.about.id,
        kind: TimelineEntryKind.Email,
        payload: { emailMessageId: id },
      });
    }
    return toEmailMessage(row);
  }

  /** The recipient's address, name and language, and the agency's profile, in one statement. */
  private async resolve(manager: EntityManager, to: EmailRecipient): Promise<ResolvedRecipient> {
    if ('userId' in to) {
      const [user] = (await manager.query(
        `SELECT email, name, language, ${PROVINCE_SETTINGS_SQL} AS agency FROM app_user WHERE id = $1`,
        [to.userId],
      )) as { email: string; name: string; language: string; agency: unknown }[];
      if (!user) throw new AppException(ErrorCode.RuleViolated, 'The recipient is not a user.');
      return {
        email: user.email,
        name: user.name,
        userId: to.userId,
        contactId: null,
        language: emailLanguage(user.language),
        optedOut: false,
        agency: agencyProfileFrom(user.agency),
      };
    }
    if ('contactId' in to) {
      const [contact] = (await manager.query(
        `SELECT email, full_name AS name, preferred_language AS language, email_consent AS consent,
                ${PROVINCE_SETTINGS_SQL} AS agency
           FROM contact WHERE id = $1`,
        [to.contactId],
      )) as { email: string | null; name: string; language: string; consent: EmailConsent; agency: unknown }[];
      if (!contact) throw new AppException(ErrorCode.RuleViolated, 'The recipient is not a contact.');
      if (!contact.email) throw new AppException(ErrorCode.RuleViolated, 'The contact has no email address.');
      return {
        email: contact.email,
        name: contact.name,
        userId: null,
        contactId: to.contactId,
        language: emailLanguage(to.language ?? contact.language),
        optedOut: contact.consent === EmailConsent.OptedOut,
        agency: agencyProfileFrom(contact.agency),
      };
    }
    return {
      email: to.email,
      name: to.name ?? null,
      userId: null,
      contactId: null,
      language: emailLanguage(to.language),
      optedOut: false,
      agency: await this.agency.read(manager),
    };
  }
}
