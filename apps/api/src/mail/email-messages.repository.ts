import { Injectable } from '@nestjs/common';
import { EmailStatus, RecordSubjectType } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { EmailMessageEntity } from './email-message.entity';

/** Everything the API shows of an email: no bodies. */
export type EmailMessageRow = Pick<
  EmailMessageEntity,
  | 'id'
  | 'templateKey'
  | 'language'
  | 'recipientEmail'
  | 'recipientName'
  | 'recipientUserId'
  | 'recipientContactId'
  | 'subjectType'
  | 'subjectId'
  | 'subject'
  | 'status'
  | 'attempts'
  | 'lastError'
  | 'messageId'
  | 'smtpMessageId'
  | 'jobId'
  | 'createdAt'
  | 'sentAt'
  | 'failedAt'
  | 'updatedAt'
  | 'version'
> & { createdAtKey: string; failedAtKey: string | null };

/** What the send job needs: the row with its rendered parts and headers. */
export type OutgoingEmail = EmailMessageRow &
  Pick<EmailMessageEntity, 'htmlBody' | 'textBody' | 'headers' | 'honoursOptOut'>;

export type NewEmailMessage = Pick<
  EmailMessageEntity,
  | 'id'
  | 'idempotencyKey'
  | 'templateKey'
  | 'language'
  | 'recipientEmail'
  | 'recipientName'
  | 'recipientUserId'
  | 'recipientContactId'
  | 'subjectType'
  | 'subjectId'
  | 'subject'
  | 'htmlBody'
  | 'textBody'
  | 'headers'
  | 'honoursOptOut'
  | 'messageId'
  | 'status'
  | 'lastError'
>;

/** A send job asking for its email. */
export interface EmailClaim {
  id: string;
  jobId: string;
}

/** The server's acceptance of an email sent under a claim. */
export interface SentRecord extends EmailClaim {
  smtpMessageId: string;
}

export interface UnsettledEmail {
  id: string;
  jobId: string | null;
  status: EmailStatus;
  recoveries: number;
}

const COLUMNS = `e.id, e.template_key AS "templateKey", e.language, e.recipient_email AS "recipientEmail",
  e.recipient_name AS "recipientName", e.recipient_user_id AS "recipientUserId",
  e.recipient_contact_id AS "recipientContactId", e.subject_type AS "subjectType", e.subject_id AS "subjectId",
  e.subject, e.status, e.attempts, e.last_error AS "lastError", e.message_id AS "messageId",
  e.smtp_message_id AS "smtpMessageId", e.job_id AS "jobId", e.created_at AS "createdAt",
  e.created_at::text AS "createdAtKey", e.sent_at AS "sentAt", e.failed_at AS "failedAt",
  e.failed_at::text AS "failedAtKey", e.updated_at AS "updatedAt", e.version`;
const OUTGOING = `${COLUMNS}, e.html_body AS "htmlBody", e.text_body AS "textBody", e.headers,
  e.honours_opt_out AS "honoursOptOut"`;

/** The 18 values of a new email row, in the column order both inserts use. */
const emailParams = (email: NewEmailMessage) => [
  email.id,
  email.idempotencyKey,
  email.templateKey,
  email.language,
  email.recipientEmail,
  email.recipientName,
  email.recipientUserId,
  email.recipientContactId,
  email.subjectType,
  email.subjectId,
  email.subject,
  email.htmlBody,
  email.textBody,
  JSON.stringify(email.headers),
  email.honoursOptOut,
  email.messageId,
  email.status,
  email.lastError,
];

/** Errors are kept to a readable length; a whole SMTP transcript helps nobody in a list. */
const errorText = (error: string) => error.slice(0, 2_000);

/**
 * The email log. Status changes are single statements that commit on their own (the send job runs
 * them outside any transaction), so each one is durable the moment it returns.
 */
@Injectable()
export class EmailMessagesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts each email unless its idempotency key exists (or came earlier in the batch), in one statement with
   * the outbox messages of their send jobs: the emails given the same `batch` number share one job (its payload
   * lists them; a batch of one names its email alone), and those with none get no job. A job's id is
   * `outbox-<message id>`. The relay is woken once. Answers per email with its row, or null when the key was taken.
   */
  async insertManyWithJobs(
    manager: EntityManager,
    emails: readonly { email: NewEmailMessage; batch: number | null }[],
    target: { queue: string; jobName: string; channel: string },
  ): Promise<(EmailMessageRow | null)[]> {
    if (emails.length === 0) return [];
    const params = emails.map(({ email }) => emailParams(email));
    // The outbox ids are drawn first, so each email can name its job; a batch whose emails all existed already
    // leaves its id unused. `o` reads what `e` inserted, so only emails inserted here are in a job's payload.
    const rows = (await manager.query(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[],
                              $8::uuid[], $9::text[], $10::uuid[], $11::text[], $12::text[], $13::text[],
                              $14::jsonb[], $15::boolean[], $16::text[], $17::email_status[], $18::text[], $19::int[])
                WITH ORDINALITY AS i(id, idempotency_key, template_key, language, recipient_email, recipient_name,
                                     recipient_user_id, recipient_contact_id, subject_type, subject_id, subject,
                                     html_body, text_body, headers, honours_opt_out, message_id, status, last_error,
                                     batch, ord)
       ), batches AS (
         SELECT batch, nextval(pg_get_serial_sequence('outbox_message', 'id')) AS outbox_id
           FROM (SELECT DISTINCT batch FROM input WHERE batch IS NOT NULL ORDER BY batch) b
       ), e AS (
         INSERT INTO email_message AS e (id, idempotency_key, template_key, language, recipient_email,
                recipient_name, recipient_user_id, recipient_contact_id, subject_type, subject_id, subject,
                html_body, text_body, headers, honours_opt_out, message_id, status, last_error, version, job_id,
                outbox_message_id)
         SELECT i.id, i.idempotency_key, i.template_key, i.language, i.recipient_email, i.recipient_name,
                i.recipient_user_id, i.recipient_contact_id, i.subject_type, i.subject_id, i.subject, i.html_body,
                i.text_body, i.headers, i.honours_opt_out, i.message_id, i.status, i.last_error, 1,
                'outbox-' || b.outbox_id, b.outbox_id
           FROM input i LEFT JOIN batches b USING (batch)
          ORDER BY i.ord
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING ${COLUMNS}, e.outbox_message_id AS "outboxId"
       ), o AS (
         INSERT INTO outbox_message (id, queue, job_name, payload, delay_ms) OVERRIDING SYSTEM VALUE
         SELECT e."outboxId", $20, $21,
                CASE count(*) WHEN 1 THEN jsonb_build_object('emailMessageId', min(e.id::text))
                     ELSE jsonb_build_object('emailMessageIds', jsonb_agg(e.id ORDER BY i.ord)) END, 0
           FROM e JOIN input i ON i.id = e.id WHERE e."outboxId" IS NOT NULL
          GROUP BY e."outboxId" ORDER BY e."outboxId"
         RETURNING id
       ), woken AS (
         SELECT pg_notify($22, '') FROM o LIMIT 1
       )
       SELECT (SELECT count(*) FROM woken) AS woken, e.*
         FROM input i LEFT JOIN e ON e.id = i.id
        ORDER BY i.ord`,
      [
        ...params[0].map((_, n) => params.map((values) => values[n])),
        emails.map(({ batch }) => batch),
        target.queue,
        target.jobName,
        target.channel,
      ],
    )) as (EmailMessageRow & { outboxId: string | null; woken: unknown })[];
    return rows.map(({ outboxId: _outboxId, woken: _woken, ...email }) => (email.id ? email : null));
  }

  /** Inserts unless the idempotency key exists; true when this call inserted it. */
  async insertIfAbsent(manager: EntityManager, email: NewEmailMessage): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO email_message (id, idempotency_key, template_key, language, recipient_email, recipient_name,
              recipient_user_id, recipient_contact_id, subject_type, subject_id, subject, html_body, text_body,
              headers, honours_opt_out, message_id, status, last_error, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 1)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      emailParams(email),
    )) as { id: string }[];
    return rows.length === 1;
  }

  async findByIdempotencyKey(manager: EntityManager, key: string): Promise<EmailMessageRow | null> {
    const rows: EmailMessageRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM email_message e WHERE e.idempotency_key = $1`,
      [key],
    );
    return rows[0] ?? null;
  }

  /** Where each email stands, for the log of a job that found them already taken or settled. */
  statuses(ids: readonly string[]): Promise<{ id: string; status: EmailStatus }[]> {
    return this.dataSource.query(`SELECT id, status FROM email_message WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<EmailMessageRow | null> {
    const rows: EmailMessageRow[] = await manager.query(`SELECT ${COLUMNS} FROM email_message e WHERE e.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findOutgoing(id: string): Promise<OutgoingEmail | null> {
    const rows: OutgoingEmail[] = await this.dataSource.query(
      `SELECT ${OUTGOING} FROM email_message e WHERE e.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Locks the row for an admin's change (retry). */
  async findForUpdate(manager: EntityManager, id: string): Promise<EmailMessageRow | null> {
    const rows: EmailMessageRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM email_message e WHERE e.id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Names the job that sends the email (and the outbox message that will create it). */
  async assignJob(manager: EntityManager, id: string, jobId: string, outboxMessageId: string | null): Promise<void> {
    await manager.query(`UPDATE email_message SET job_id = $2, outbox_message_id = $3 WHERE id = $1`, [
      id,
      jobId,
      outboxMessageId,
    ]);
  }

  /**
   * Takes each email for one SMTP attempt and counts it, committed before the attempt starts. A queued
   * email is free; one in `sending` is taken again only by the same job (BullMQ runs a job id once at a
   * time, so its earlier run died) or once the other job's claim is older than `leaseMs`. One statement for
   * the batch; the result holds, per request, the email when that job got it and null otherwise.
   */
  async claimMany(
    manager: EntityManager,
    requests: readonly EmailClaim[],
    leaseMs: number,
  ): Promise<(OutgoingEmail | null)[]> {
    const [rows] = (await manager.query(
      `UPDATE email_message e
          SET status = 'sending', attempts = e.attempts + 1, claimed_by = c.job_id, claimed_at = clock_timestamp(),
              version = e.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS c(id, job_id)
        WHERE e.id = c.id
          AND (e.status = 'queued'
               OR (e.status = 'sending'
                   AND (e.claimed_by = c.job_id OR e.claimed_at < clock_timestamp() - make_interval(secs => $3))))
        RETURNING ${OUTGOING}, e.claimed_by AS "claimedBy"`,
      [requests.map((request) => request.id), requests.map((request) => request.jobId), leaseMs / 1000],
    )) as [(OutgoingEmail & { claimedBy: string })[], number];
    // The same email asked for by two jobs in one batch is given to one of them.
    const won = new Map(rows.map(({ claimedBy, ...email }) => [`${email.id} ${claimedBy}`, email]));
    return requests.map((request) => won.get(`${request.id} ${request.jobId}`) ?? null);
  }

  /**
   * The server accepted the message. `clock_timestamp()` rather than `now()`: the moment of this
   * statement, which is what measurements of the duplicate window compare with the server's clock.
   */
  async markSent(manager: EntityManager, { id, jobId, smtpMessageId }: SentRecord): Promise<void> {
    await manager.query(
      `UPDATE email_message
          SET status = 'sent', sent_at = clock_timestamp(), smtp_message_id = $3, last_error = NULL,
              claimed_by = NULL, claimed_at = NULL, version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND claimed_by = $2`,
      [id, jobId, smtpMessageId],
    );
  }

  /** The attempt failed and another will follow: back to `queued`, with the error. */
  async release(manager: EntityManager, id: string, jobId: string, error: string): Promise<void> {
    await manager.query(
      `UPDATE email_message
          SET status = 'queued', last_error = $3, claimed_by = NULL, claimed_at = NULL,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND claimed_by = $2`,
      [id, jobId, errorText(error)],
    );
  }

  async markFailed(manager: EntityManager, id: string, jobId: string, error: string): Promise<void> {
    await manager.query(
      `UPDATE email_message
          SET status = 'failed', failed_at = now(), last_error = $3, claimed_by = NULL, claimed_at = NULL,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND claimed_by = $2`,
      [id, jobId, errorText(error)],
    );
  }

  /** Deliberately not sent (no SMTP server, or the recipient opted out meanwhile). */
  async markNotSent(manager: EntityManager, id: string, jobId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE email_message
          SET status = 'not_sent', last_error = $3, claimed_by = NULL, claimed_at = NULL,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND claimed_by = $2`,
      [id, jobId, reason],
    );
  }

  /** Whether the contact has opted out of email now. */
  async contactOptedOut(manager: EntityManager, contactId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM contact WHERE id = $1 AND email_consent = 'opted_out'`, [
      contactId,
    ]);
    return rows.length > 0;
  }

  /** A failed email queued again by an admin, with the job that will send it. */
  async requeue(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE email_message SET status = 'queued', failed_at = NULL, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id],
    );
  }

  /** One page of a record's emails, newest first. */
  listForSubject(
    subjectType: RecordSubjectType,
    subjectId: string,
    before: [string, string] | undefined,
    limit: number,
  ): Promise<EmailMessageRow[]> {
    const params: unknown[] = [subjectType, subjectId, limit + 1];
    const keyset = before ? `AND (e.created_at, e.id) < ($4::timestamptz, $5::uuid)` : '';
    if (before) params.push(...before);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM email_message e
        WHERE e.subject_type = $1 AND e.subject_id = $2 ${keyset}
        ORDER BY e.created_at DESC, e.id DESC LIMIT $3`,
      params,
    );
  }

  /** One page of failed emails, most recently failed first. */
  listFailed(before: [string, string] | undefined, limit: number): Promise<EmailMessageRow[]> {
    const params: unknown[] = [limit + 1];
    const keyset = before ? `AND (e.failed_at, e.id) < ($2::timestamptz, $3::uuid)` : '';
    if (before) params.push(...before);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM email_message e
        WHERE e.status = 'failed' ${keyset}
        ORDER BY e.failed_at DESC, e.id DESC LIMIT $1`,
      params,
    );
  }

  /**
   * Unsettled emails after `afterId`, leaving out those whose first job is still in the outbox
   * (the relay will create it).
   */
  unsettled(afterId: string, limit: number): Promise<UnsettledEmail[]> {
    return this.dataSource.query(
      `SELECT e.id, e.job_id AS "jobId", e.status, e.recoveries FROM email_message e
        WHERE e.status IN ('queued', 'sending') AND e.id > $1
          AND NOT EXISTS (SELECT 1 FROM outbox_message o WHERE o.id = e.outbox_message_id AND o.relayed_at IS NULL)
        ORDER BY e.id LIMIT $2`,
      [afterId, limit],
    );
  }

  /**
   * Gives an unsettled email a new job in place of `oldJobId`, unless someone else did first. When the
   * old job has finished (`takeOverClaim`), an email it left in `sending` passes to the new job, which
   * may then claim it at once.
   */
  async replaceJob(id: string, oldJobId: string | null, newJobId: string, takeOverClaim: boolean): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(
      `UPDATE email_message
          SET job_id = $3, recoveries = recoveries + 1,
              claimed_by = CASE WHEN $4 AND status = 'sending' THEN $3 ELSE claimed_by END
        WHERE id = $1 AND job_id IS NOT DISTINCT FROM $2 AND status IN ('queued', 'sending')`,
      [id, oldJobId, newJobId, takeOverClaim],
    )) as [unknown, number];
    return affected === 1;
  }

  /** Moves a record's emails to another record of the same type (merge). */
  async reassignSubject(manager: EntityManager, type: string, fromId: string, toId: string): Promise<number> {
    const [, affected] = (await manager.query(
      `UPDATE email_message SET subject_id = $3 WHERE subject_type = $1 AND subject_id = $2`,
      [type, fromId, toId],
    )) as [unknown, number];
    return affected;
  }

  async reassignRecipientContact(manager: EntityManager, fromId: string, toId: string): Promise<void> {
    await manager.query(`UPDATE email_message SET recipient_contact_id = $2 WHERE recipient_contact_id = $1`, [
      fromId,
      toId,
    ]);
  }
}
