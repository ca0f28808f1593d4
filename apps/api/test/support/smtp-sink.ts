import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream } from 'smtp-server';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  /** The Message-ID header as sent, e.g. `<uuid@irm.local>`. */
  messageId: string | null;
  /** Wall-clock time (ms, sub-millisecond precision) at which the sink accepted it, just before its 250 reply. */
  acceptedAt: number;
}

export interface SmtpSink {
  port: number;
  /** For SMTP_URL. */
  url: string;
  /** Every accepted message, in order of acceptance. */
  received: ReceivedMail[];
  /** Transactions refused so far. */
  refusals: number;
  /** Refuses every transaction with this reply (e.g. 451, a temporary failure) until `accept()`. */
  refuse(code?: number, text?: string): void;
  /** Refuses only the next `count` transactions, then accepts again. */
  refuseNext(count: number, code?: number, text?: string): void;
  accept(): void;
  /** Holds each message this long after its data arrives before accepting it (a slow server). */
  slowDown(ms: number): void;
  /** Resolves when the next message's data has arrived (before it is accepted). */
  nextData(): Promise<void>;
  parsed(mail: ReceivedMail): Promise<ParsedMail>;
  /** Waits until at least `count` messages have been accepted. */
  waitForCount(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  clear(): void;
  close(): Promise<void>;
}

const wallClock = () => performance.timeOrigin + performance.now();

/**
 * A real SMTP server in the test process (the `smtp-server` package, as the system's MTA would be):
 * records what it accepts and can be told to refuse for a while.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  let refusal: { code: number; text: string; remaining: number } | null = null;
  let acceptDelayMs = 0;
  let dataWaiters: (() => void)[] = [];
  const sink = {
    received: [] as ReceivedMail[],
    refusals: 0,
  };
  const takeRefusal = (): { code: number; text: string } | null => {
    if (!refusal) return null;
    const current = refusal;
    current.remaining -= 1;
    if (current.remaining <= 0) refusal = null;
    sink.refusals += 1;
    return current;
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    // Many pooled connections at once in the crash and volume tests.
    maxClients: 1_000,
    onMailFrom(_address, _session, callback) {
      const refused = takeRefusal();
      if (!refused) return callback();
      callback(Object.assign(new Error(refused.text), { responseCode: refused.code }));
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        for (const wake of dataWaiters.splice(0)) wake();
        if (acceptDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, acceptDelayMs));
        const raw = Buffer.concat(chunks);
        const header = raw.subarray(0, Math.max(0, raw.indexOf('\r\n\r\n'))).toString('utf8');
        sink.received.push({
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          raw,
          messageId: /^message-id:\s*(<[^>]+>)/im.exec(header)?.[1] ?? null,
          acceptedAt: wallClock(),
        });
        callback(null, `Ok: queued as SINK${sink.received.length}`);
      });
    },
  });
  // A client killed mid-conversation resets its connection; that is the client's problem, not the test's.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    get received() {
      return sink.received;
    },
    get refusals() {
      return sink.refusals;
    },
    refuse: (code = 451, text = 'Try again later') => {
      refusal = { code, text, remaining: Infinity };
    },
    refuseNext: (count, code = 451, text = 'Try again later') => {
      refusal = count > 0 ? { code, text, remaining: count } : null;
    },
    accept: () => {
      refusal = null;
    },
    slowDown: (ms) => {
      acceptDelayMs = ms;
    },
    nextData: () => new Promise<void>((resolve) => dataWaiters.push(resolve)),
    parsed: (mail) => simpleParser(mail.raw),
    waitForCount: async (count, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      while (sink.received.length < count) {
        if (Date.now() > deadline)
          throw new Error(`the SMTP sink got ${sink.received.length} of ${count} messages in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return sink.received;
    },
    clear: () => {
      acceptDelayMs = 0;
      dataWaiters = [];
      sink.received = [];
      sink.refusals = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
