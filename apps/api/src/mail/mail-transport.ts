import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type MailMessage from 'nodemailer/lib/mailer/mail-message';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppConfig } from '../config/app-config';
import type { OutgoingEmail } from './email-messages.repository';
import { mimeBytes } from './mime-bytes';

/** A message ready for the wire: the SMTP envelope and the whole MIME text. */
export interface ComposedEmail {
  envelope: { from: string | false; to: string[] };
  /** As in the Message-ID header, with its angle brackets. */
  messageId: string;
  raw: Buffer;
}

/** What the server said on accepting a message. */
export interface SmtpAcceptance {
  /** The server's id for it ("queued as ..."), else its whole reply. */
  smtpMessageId: string;
}

/** A reply code of 5xx: the server will refuse the same message again, so retrying is pointless. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Short SMTP error text for the log: the server's reply where there is one. */
export function smtpErrorText(error: unknown): string {
  const { response, message } = error as { response?: unknown; message?: unknown };
  return String(typeof response === 'string' && response ? response : (message ?? error));
}

/** Picks the queue id out of replies like "250 2.0.0 Ok: queued as 4C2F1A" or "250 OK id=1q2w3e". */
export function smtpQueueId(response: string): string {
  const match = /queued as\s+([^\s]+)|\bid=([^\s]+)/i.exec(response);
  return match?.[1] ?? match?.[2] ?? response;
}

/** A composed message in the shape the SMTP pool reads: its envelope, its Message-ID and its bytes. */
function prepared({ envelope, messageId, raw }: ComposedEmail): MailMessage<SMTPPool.SentMessageInfo> {
  const message = {
    getEnvelope: () => ({ from: envelope.from, to: [...envelope.to] }),
    messageId: () => messageId,
    getHeader: (key: string) => (key.toLowerCase() === 'message-id' ? messageId : undefined),
    createReadStream: () => raw,
  };
  return { data: {}, message } as unknown as MailMessage<SMTPPool.SentMessageInfo>;
}

/**
 * Pooled SMTP connections to `SMTP_URL`, one per concurrent send. Without `SMTP_URL` there is no
 * transport and the send job logs the message instead.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private transporter?: Transporter<SMTPPool.SentMessageInfo>;

  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly config: AppConfig) {
    this.free = config.MAIL_CONCURRENCY;
  }

  get configured(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  /**
   * Runs `exchange` once one of the pool's connections is free for it, so that a job holds what it needs for
   * the SMTP exchange (its database connection) only from when a connection is there to carry its message. The
   * connection is free again for the next job as soon as `exchange` returns.
   */
  async withConnection<T>(exchange: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await exchange();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }

  /**
   * The message as it goes on the wire, composed into one buffer. The pool then writes it to the socket in a
   * few large writes instead of one per MIME part and line; and composing it before a connection is taken keeps
   * the connection busy with nothing but the SMTP exchange. nodemailer builds the MIME tree and its headers and
   * encodes the parts; `mimeBytes` writes them out without streaming (the same bytes, measured at well under
   * half the CPU), and anything it does not cover goes through nodemailer's own `build()`.
   */
  async compose(email: OutgoingEmail): Promise<ComposedEmail> {
    const message = new MailComposer({
      from: this.config.MAIL_FROM,
      to: email.recipientName ? { name: email.recipientName, address: email.recipientEmail } : email.recipientEmail,
      subject: email.subject,
      text: email.textBody,
      html: email.htmlBody,
      // The same on every attempt: a receiving system that sees the message twice can tell.
      messageId: email.messageId,
      headers: { ...email.headers, 'Auto-Submitted': 'auto-generated' },
      disableFileAccess: true,
      disableUrlAccess: true,
    }).compile();
    const raw = mimeBytes(message) ?? (await message.build());
    return { envelope: message.getEnvelope(), messageId: message.messageId(), raw };
  }

  /**
   * Resolves once the server has accepted the message (its 250 after DATA); rejects with its error otherwise.
   *
   * The finished bytes go to the pool itself rather than through `sendMail({ raw })`, which would wrap them
   * in a new MIME tree, stamp its headers and stream that tree out through a pipeline of transforms again
   * (about 0.3 ms of the worker's CPU per email). The pool reads only the envelope, the Message-ID and the
   * bytes of what it is given, and the connection writes a buffer as it is, dot-stuffed. `mail.int-spec.ts`
   * checks what arrives at a real server.
   */
  async send(composed: ComposedEmail): Promise<SmtpAcceptance> {
    const pool = this.pool().transporter as SMTPPool;
    const info = await new Promise<SMTPPool.SentMessageInfo>((resolve, reject) => {
      pool.send(prepared(composed), (error, sent) =>
        error || !sent ? reject(error ?? new Error('no reply')) : resolve(sent),
      );
    });
    return { smtpMessageId: smtpQueueId(String(info.response ?? '')) };
  }

  async onApplicationShutdown(): Promise<void> {
    // Runs after the workers have stopped, so no send is cut off here.
    this.transporter?.close();
    this.transporter = undefined;
  }

  private pool(): Transporter<SMTPPool.SentMessageInfo> {
    if (!this.config.SMTP_URL) throw new Error('SMTP_URL is not set');
    if (!this.transporter) {
      this.transporter = createTransport({
        url: this.config.SMTP_URL,
        pool: true,
        maxConnections: this.config.MAIL_CONCURRENCY,
        // Bounded waits: a hung server must fail the attempt well within the claim lease.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 60_000,
        // The pool would otherwise resend a message on a new connection when the old one drops mid-send, even
        // after the server may have accepted it; a failed attempt goes back to the send job, which counts it.
        maxRequeues: 0,
      } as SMTPPool.Options);
      this.transporter.on('error', (error) => this.logger.warn({ msg: 'SMTP pool error', error: error.message }));
      this.logger.log({ msg: 'SMTP pool opened', maxConnections: this.config.MAIL_CONCURRENCY });
    }
    return this.transporter;
  }
}
