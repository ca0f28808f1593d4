import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { StatementBatcher } from '../database/statement-batcher';
import { JobHandler } from '../queue/job-handler.decorator';
import { emailsOf, SendEmailPayload } from '../queue/job-payloads';
import { JobName } from '../queue/queue-names';
import { EmailClaim, EmailMessagesRepository, OutgoingEmail, SentRecord } from './email-messages.repository';
import { OPTED_OUT } from './mail.service';
import { ComposedEmail, isPermanentSmtpFailure, MailTransport, smtpErrorText } from './mail-transport';

/**
 * How long an email stays with a job that claimed it before another job may take it over. Far above the
 * longest SMTP attempt (bounded by the transport's timeouts), so a live attempt is never doubled.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;
export const NO_SMTP = 'Not sent: SMTP_URL is not set, so mail is only logged.';
/** Recording an accepted message is retried this long: giving up would send it again later. */
const RECORD_SENT_PATIENCE_MS = 60_000;

/** How one email of a job ended: delivered (or deliberately not sent), or the error the job answers with. */
const DELIVERED = 'delivered';
type Outcome = typeof DELIVERED | { error: unknown };

/**
 * Sends the logged emails of one job: one email, or a batch queued together (`MailService.queueMany`), one
 * after another. A batch spares each email BullMQ's completion and the fetch of a next job; a refused email
 * is recorded and the job is retried for it (with BullMQ's back-off), and emails sent or failed for good are
 * skipped by the retry. For each email, the sequence, and why:
 *
 * 1. claim: `queued` → `sending`, attempts + 1, committed before the SMTP transaction begins. An email
 *    already `sent`, `failed` or `not_sent` is never claimed, so a job run twice sends nothing twice.
 * 2. SMTP transaction with the email's fixed Message-ID.
 * 3. On the server's 250, `sent` is written at once on the database connection this job already holds,
 *    so nothing (no pool wait, no other query) stands between the server's acceptance and the record.
 *
 * Claims are group-committed (`StatementBatcher`): jobs that start together share one statement. Records are
 * not: sharing one connection made them wait for each other, which widened the window below about threefold.
 *
 * What remains is the interval between the server's acceptance and that UPDATE reaching PostgreSQL
 * (RFC 1047's window; SMTP has no two-phase commit). A worker killed inside it leaves the email in
 * `sending` although it was delivered; when BullMQ hands the job out again (its lock expired) it is
 * claimed by the same job id and sent again, with the same Message-ID. A worker killed anywhere else
 * either never reached the server (sent once, later) or had recorded `sent` (skipped). docs/email-delivery.md
 * has the measured size of that interval.
 */
@JobHandler(JobName.SendEmail)
export class SendEmailHandler implements JobHandler<JobName.SendEmail> {
  private readonly logger = new Logger(SendEmailHandler.name);
  private readonly claims = new StatementBatcher((requests: EmailClaim[]) =>
    this.emails.claimMany(this.dataSource.manager, requests, CLAIM_LEASE_MS),
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly emails: EmailMessagesRepository,
    private readonly transport: MailTransport,
  ) {}

  async handle(payload: SendEmailPayload, job: Job<SendEmailPayload>): Promise<void> {
    const jobId = String(job.id);
    const ids = emailsOf(payload);
    const refused: Exclude<Outcome, typeof DELIVERED>[] = [];
    const unclaimed: string[] = [];
    // One email after another, each claimed just before it is sent: a job never holds more than one email in
    // flight, whether it carries one or a batch, so a crash leaves as little in `sending` as before batches.
    for (const id of ids) {
      const email = await this.claims.submit({ id, jobId });
      if (!email) {
        unclaimed.push(id);
        continue;
      }
      const outcome = await this.deliver(email, job);
      if (outcome !== DELIVERED) refused.push(outcome);
    }
    if (unclaimed.length > 0)
      this.logger.log({ msg: 'emails not claimed', jobId, emails: await this.emails.statuses(unclaimed) });
    if (refused.length === 0) return;
    if (ids.length === 1) throw refused[0].error;
    // The job is tried again for the refused emails: those sent, or failed for good, are not claimed again.
    const retry = refused.filter((outcome) => !(outcome.error instanceof UnrecoverableError));
    if (retry.length > 0)
      throw new Error(`${retry.length} of ${ids.length} emails refused: ${(retry[0].error as Error).message}`);
  }

  /** One claimed email: sent and recorded, or why not (a refusal is recorded before it is answered). */
  private async deliver(email: OutgoingEmail, job: Job<SendEmailPayload>): Promise<Outcome> {
    const { id } = email;
    const jobId = String(job.id);
    if (email.honoursOptOut && email.recipientContactId) {
      if (await this.emails.contactOptedOut(this.dataSource.manager, email.recipientContactId)) {
        await this.emails.markNotSent(this.dataSource.manager, id, jobId, OPTED_OUT);
        return DELIVERED;
      }
    }
    if (!this.transport.configured) {
      this.logger.log({
        msg: 'email not sent: SMTP_URL is not set',
        emailId: id,
        to: email.recipientEmail,
        subject: email.subject,
        text: email.textBody,
      });
      await this.emails.markNotSent(this.dataSource.manager, id, jobId, NO_SMTP);
      return DELIVERED;
    }

    let composed: ComposedEmail;
    try {
      composed = await this.transport.compose(email);
    } catch (error) {
      // The same message would fail the same way on every attempt.
      const message = `could not compose the message: ${(error as Error).message}`;
      await this.emails.markFailed(this.dataSource.manager, id, jobId, message);
      return { error: new UnrecoverableError(message) };
    }
    // Held from before the SMTP exchange to the record of its outcome, so that statement goes out without waiting.
    const connection = this.dataSource.createQueryRunner();
    let refusal: Outcome | undefined;
    const { recording } = await this.transport.withConnection(async () => {
      await connection.connect();
      let smtpMessageId: string;
      try {
        ({ smtpMessageId } = await this.transport.send(composed));
      } catch (error) {
        try {
          refusal = await this.recordFailure(connection.manager, job, id, error);
        } finally {
          await connection.release();
        }
        return { recording: undefined };
      }
      // Issued before the SMTP connection is handed to the next job, and not awaited here: the connection is
      // free for the next message while PostgreSQL writes this one's record.
      return { recording: this.recordSent(connection.manager, { id, jobId, smtpMessageId }) };
    });
    if (refusal) return refusal;
    try {
      await recording;
    } finally {
      await connection.release();
    }
    return DELIVERED;
  }

  /**
   * Back to `queued` for BullMQ's next attempt, or `failed` when there is none (or the refusal is final). The
   * answer carries what the job throws: the server's error, or an UnrecoverableError for a final refusal.
   */
  private async recordFailure(manager: EntityManager, job: Job, id: string, error: unknown): Promise<Outcome> {
    const message = smtpErrorText(error);
    const permanent = isPermanentSmtpFailure(error);
    const last = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    this.logger.warn({ msg: last ? 'email failed' : 'email refused; will retry', emailId: id, error: message });
    if (last) await this.emails.markFailed(manager, id, String(job.id), message);
    else await this.emails.release(manager, id, String(job.id), message);
    return { error: permanent ? new UnrecoverableError(message) : error };
  }

  /**
   * The server has the message: this must be recorded, or it goes out again. A database blip is waited
   * out (on a fresh connection if the held one broke) rather than failing the job into a resend.
   */
  private async recordSent(manager: EntityManager, record: SentRecord): Promise<void> {
    const deadline = Date.now() + RECORD_SENT_PATIENCE_MS;
    for (let attempt = 0, target = manager; ; attempt++, target = this.dataSource.manager) {
      try {
        await this.emails.markSent(target, record);
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new UnrecoverableError(`sent but not recorded: ${(error as Error).message}`);
        this.logger.warn({
          msg: 'could not record a sent email; retrying',
          emailId: record.id,
          error: (error as Error).message,
        });
        await sleep(Math.min(200 * 2 ** attempt, 5_000));
      }
    }
  }
}
