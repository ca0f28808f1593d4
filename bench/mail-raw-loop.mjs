// One process of the mail bench's raw nodemailer loop (bench/mail-delivery.mjs --processes N): nodemailer's SMTP
// pool with the worker's settings, `concurrency` loops calling sendMail() with the given message. Reads its job as
// JSON from the first line of stdin, answers "ready", starts on the next line, prints its figures as JSON, and exits
// on the line after.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);
const { createTransport } = require('nodemailer');

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const { url, concurrency, count, from, to, subject, text, html, tag } = JSON.parse((await lines.next()).value);
const transporter = createTransport({
  url,
  pool: true,
  maxConnections: concurrency,
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 60_000,
  maxRequeues: 0,
});
console.log('ready');
await lines.next();
let next = 0;
let sendMs = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const n = next++;
      const t0 = performance.now();
      await transporter.sendMail({
        from,
        to,
        subject,
        text,
        html,
        messageId: `<raw-${tag}-${n}-${randomUUID()}@ipa.bench.test>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      sendMs += performance.now() - t0;
    }
  }),
);
transporter.close();
console.log(JSON.stringify({ sendMs }));
// Stays until told, so that the bench can still read its CPU time.
await lines.next();
process.exit(0);
