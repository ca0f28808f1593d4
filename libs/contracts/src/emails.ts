import type { RecordSubjectType } from './timeline';

/**
 * Where an email stands. `sending` is held from just before the SMTP transaction until the server's
 * answer is recorded; `not_sent` means deliberately not sent (no SMTP server configured, or the
 * recipient opted out).
 */
export enum EmailStatus {
  Queued = 'queued',
  Sending = 'sending',
  Sent = 'sent',
  Failed = 'failed',
  NotSent = 'not_sent',
}

/** Emails are written in Vietnamese or English; other preferred languages get English. */
export const EMAIL_LANGUAGES = ['vi', 'en'] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

/** The templates the system writes mail from. */
export enum EmailTemplateKey {
  /** A short message with an optional link, to staff (reminders use it until they get their own). */
  Notification = 'notification',
  /** To an investor contact: same layout, with the unsubscribe link and header. */
  InvestorNotification = 'investor_notification',
  UserInvitation = 'user_invitation',
  PasswordReset = 'password_reset',
  /** 07:30 on working days, to staff and managers: moves, overdue items, their tasks. */
  DailyDigest = 'daily_digest',
}

/** One email in the log, without its rendered body. */
export interface EmailMessage {
  id: string;
  templateKey: EmailTemplateKey;
  language: EmailLanguage;
  recipientEmail: string;
  recipientName: string | null;
  recipientUserId: string | null;
  recipientContactId: string | null;
  /** The record it concerns, as on the timeline. */
  subjectType: RecordSubjectType | null;
  subjectId: string | null;
  /** The Subject header. */
  subject: string;
  status: EmailStatus;
  /** SMTP transactions started for it (a retry after a failure or a crash counts again). */
  attempts: number;
  lastError: string | null;
  /** The Message-ID header, the same on every attempt. */
  messageId: string;
  /** What the SMTP server said when it accepted the message (its queue id, where it gives one). */
  smtpMessageId: string | null;
  createdAt: string;
  sentAt: string | null;
  failedAt: string | null;
  updatedAt: string;
  version: number;
}

export interface RetryEmailRequest {
  version: number;
}

/**
 * Payload of an `email` timeline entry. The entry is written when the email is queued; everything but
 * `emailMessageId` is read from the email log each time, so the status shown is the current one.
 */
export interface EmailEventPayload {
  emailMessageId: string;
  templateKey: EmailTemplateKey;
  recipientEmail: string;
  recipientName: string | null;
  subject: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  failedAt: string | null;
}
