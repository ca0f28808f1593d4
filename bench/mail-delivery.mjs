// Email delivery: throughput of the real path (MailService.queue in a transaction → outbox → relay → BullMQ →
// the worker's pooled SMTP send → recorded) beside a raw nodemailer loop to the same SMTP sink, and how late
// delayed email jobs and task reminders arrive.
// Usage: npm run bench:mail [-- --emails 2000 --concurrency 4,8 --delayed 200 --delayed-concurrency 5
//        --batch-size 100 --producers 1 --processes 1 --smtp-port 3330 --api-port 3331 --out FILE --profile-dir DIR]
// Needs PostgreSQL and Redis (DATABASE_URL's server, REDIS_URL); uses its own database and Redis prefix, and
// an SMTP sink of its own (smtp-server, in a worker thread of this process) on --smtp-port.
// The worker runs as its own process from dist, as in production; results go to bench/results/mail-delivery.json.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import prettier from 'prettier';
import { startSmtpSink } from './smtp-sink.mjs';
import { onServer } from './lib/server-sql.mjs';

const require = createRequire(import.meta.url);
// Production React (the development build renders several times slower), set before anything loads it.
process.env.NODE_ENV = 'production';
require('reflect-metadata');
const Redis = require('ioredis');
const { createTransport } = require('nodemailer');
const { Queue } = require('bullmq');
const { DataSource } = require('typeorm');
const { EmailStatus, EmailTemplateKey } = require('@irm/contracts');
const dist = '../dist/api/apps/api/src';
const { loadConfig } = require(`${dist}/config/app-config.js`);
const { createHttpApp } = require(`${dist}/bootstrap/http-app.js`);
const { seed } = require(`${dist}/seed/seeder.js`);
const { MailService } = require(`${dist}/mail/mail.service.js`);
const { EmailMessagesRepository } = require(`${dist}/mail/email-messages.repository.js`);
const { AgencyProfileReader } = require(`${dist}/mail/agency-profile.js`);
const { renderEmail } = require(`${dist}/mail/templates/email-templates.js`);
const { OutboxService } = require(`${dist}/queue/outbox.service.js`);
const { outboxJobId } = require(`${dist}/queue/outbox.relay.js`);
const { JobName } = require(`${dist}/queue/queue-names.js`);
const { SEND_BATCH_MAX } = require(`${dist}/queue/job-payloads.js`);

const { values: options } = parseArgs({
  options: {
    emails: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '4,8' },
    delayed: { type: 'string', default: '200' },
    'delayed-concurrency': { type: 'string', default: '5' },
    'batch-size': { type: 'string', default: '100' },
    producers: { type: 'string', default: '1' },
    'smtp-port': { type: 'string', default: '3330' },
    'api-port': { type: 'string', default: '3331' },
    database: { type: 'string', default: 'irm_mbench_mail' },
    out: { type: 'string', default: join(import.meta.dirname, 'results/mail-delivery.json') },
    // Writes a V8 CPU profile of each worker process here (open in Chrome DevTools or speedscope).
    'profile-dir': { type: 'string' },
    // Also runs the worker alone as this many processes, against the raw loop in as many processes.
    processes: { type: 'string', default: '1' },
  },
});
const EMAILS = Number(options.emails);
const CONCURRENCIES = options.concurrency.split(',').map(Number);
const DELAYED = Number(options.delayed);
const DELAYED_CONCURRENCY = Number(options['delayed-concurrency']);
// Emails per queuing transaction, and transactions queuing at once (as reminder jobs or requests would).
const BATCH_SIZE = Number(options['batch-size']);
const PRODUCERS = Number(options.producers);
const PROCESSES = Number(options.processes);
// Delayed sends are due spread evenly over this window after they are scheduled.
const DUE_FROM_MS = 2_000;
const DUE_TO_MS = 20_000;
const DELIVERY_TIMEOUT_MS = 120_000;

const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/irm');
const database = options.database;
const redisPrefix = `irm-mbench-${process.pid}`;
const password = 'Bench mail password 2026';
const MAIL_FROM = 'Trung tâm Xúc tiến Đầu tư <no-reply@ipa.bench.test>';

const wallClock = () => performance.timeOrigin + performance.now();
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (value, digits = 1) => Number(value.toFixed(digits));
const percent = (share) => (share === undefined ? '?' : `${Math.round(share * 100)} %`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// CPU time from /proc (clock ticks of 10 ms): a process (all its threads), or this process's main thread alone
// (the sink runs in another thread of it), and the whole machine's busy time.
const TICK_MS = 10;
const processCpuMs = (pid, thread = false) => {
  const stat = readFileSync(thread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
};
const machineCpuMs = () => {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = ticks[3] + ticks[4];
  return {
    busy: (ticks.reduce((sum, t) => sum + t, 0) - idle) * TICK_MS,
    all: ticks.reduce((s, t) => s + t, 0) * TICK_MS,
  };
};
/**
 * Samples the CPU of one or more processes (or of their main threads) and the machine's while collect() waits for arrivals; `between`
 * gives the CPU per email and the machine's busy share over the samples taken while emails were arriving.
 */
function cpuMeter(pid, { thread = false } = {}) {
  const samples = [];
  return {
    sample: () => {
      const ids = [typeof pid === 'function' ? pid() : pid].flat().filter(Boolean);
      const sum = (read) => ids.reduce((total, id) => total + read(id), 0);
      if (ids.length > 0)
        samples.push({
          at: wallClock(),
          cpu: sum((id) => processCpuMs(id, thread)),
          mainThread: sum((id) => processCpuMs(id, true)),
          machine: machineCpuMs(),
        });
    },
    between: (arrivals) => {
      const first = Math.min(...arrivals.map((a) => a.at));
      const from = samples.find((s) => s.at >= first);
      const to = samples.at(-1);
      if (!from || to === from) return null;
      const count = arrivals.filter((a) => a.at > from.at && a.at <= to.at).length;
      return {
        cpuMsPerEmail: round((to.cpu - from.cpu) / count, 2),
        mainThreadCpuMsPerEmail: round((to.mainThread - from.mainThread) / count, 2),
        machineBusy: round((to.machine.busy - from.machine.busy) / (to.machine.all - from.machine.all), 2),
      };
    },
  };
}

const admin = (sql) => onServer(base, sql);

/** A progress line with rate, redrawn in place on a terminal, every tenth on a log. */
function progress(label, total) {
  const t0 = performance.now();
  let lastLogged = -1;
  return (done) => {
    const ratio = total ? done / total : 1;
    const bar = '█'.repeat(Math.round(ratio * 30)).padEnd(30, '░');
    const rate = Math.round(done / Math.max((performance.now() - t0) / 1000, 0.001));
    const line = `  ${bar} ${String(Math.round(ratio * 100)).padStart(3)}%  ${label} ${done.toLocaleString('en')}/${total.toLocaleString('en')}  ${rate.toLocaleString('en')}/s`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}${done >= total ? '\n' : ''}`);
    else if (Math.floor(ratio * 10) > lastLogged || done >= total) {
      lastLogged = Math.floor(ratio * 10);
      console.log(line);
    }
  };
}

/** A task reminder as staff receive it: Vietnamese, a few lines and a link. */
function reminderData(n) {
  return {
    subject: `Nhắc việc: gọi lại nhà đầu tư về lô đất tại CCN Đồng Sóc (#${n})`,
    paragraphs: [
      'Đã đến giờ nhắc cho công việc được giao cho anh/chị: gọi lại Công ty TNHH Cơ khí Chính xác Vĩnh Phúc về nhu cầu thuê 3,5 ha đất công nghiệp tại cụm công nghiệp Đồng Sóc, huyện Vĩnh Tường.',
      'Hạn hoàn thành: 17:00 thứ Sáu. Ghi lại kết quả cuộc gọi trên dòng thời gian của nhà đầu tư.',
    ],
    action: { label: { vi: 'Mở công việc', en: 'Open the task' }, url: `https://crm.ipa.bench.test/tasks/${n}` },
  };
}

/** Collects the sink's arrivals until `count` have come (or the timeout), with a progress line. */
async function collect(sink, count, label, timeoutMs = DELIVERY_TIMEOUT_MS, meter = undefined) {
  const show = progress(label, count);
  const arrivals = [];
  const deadline = performance.now() + timeoutMs;
  while (arrivals.length < count) {
    if (performance.now() > deadline)
      throw new Error(`${label}: the sink got ${arrivals.length} of ${count} messages in ${timeoutMs / 1000} s`);
    await sleep(100);
    arrivals.push(...(await sink.arrivals()));
    if (arrivals.length > 0) meter?.sample();
    show(Math.min(arrivals.length, count));
  }
  // Anything arriving beyond the count would be a duplicate; give it a moment to show.
  await sleep(300);
  arrivals.push(...(await sink.arrivals()));
  return arrivals;
}

function deliveryFigures(arrivals, startedAt) {
  const times = arrivals.map((a) => a.at).sort((a, b) => a - b);
  const first = times[0];
  const last = times.at(-1);
  const distinct = new Set(arrivals.map((a) => a.messageId)).size;
  return {
    delivered: arrivals.length,
    distinctMessageIds: distinct,
    seconds: round((last - startedAt) / 1000, 3),
    emailsPerSecond: round(arrivals.length / ((last - startedAt) / 1000)),
    firstArrivalMs: round(first - startedAt),
    // Between the first and the last arrival only: the sending itself, without start-up or queuing lead.
    sendingEmailsPerSecond: round((arrivals.length - 1) / ((last - first) / 1000)),
    meanMessageBytes: Math.round(arrivals.reduce((sum, a) => sum + a.bytes, 0) / arrivals.length),
  };
}

/**
 * The same SMTP pool the worker opens (apps/api/src/mail/mail-transport.ts), driven by `concurrency` loops; with
 * `processes` > 1, that many processes (bench/mail-raw-loop.mjs) each with such a pool and loops, sharing the count.
 */
async function rawNodemailer(sink, rendered, recipient, concurrency, count, processes = 1) {
  if (processes > 1) return rawNodemailerProcesses(sink, rendered, recipient, concurrency, count, processes);
  const transporter = createTransport({
    url: sink.url,
    pool: true,
    maxConnections: concurrency,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
    maxRequeues: 0,
  });
  let next = 0;
  let sendMs = 0;
  const startedAt = wallClock();
  const loops = Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const n = next++;
      const t0 = performance.now();
      await transporter.sendMail({
        from: MAIL_FROM,
        to: { name: recipient.name, address: recipient.email },
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId: `<raw-${concurrency}-${n}-${randomUUID()}@ipa.bench.test>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      sendMs += performance.now() - t0;
    }
  });
  // The loops run on this process's main thread; the sink has a thread of its own.
  const meter = cpuMeter(process.pid, { thread: true });
  const arrivals = collect(sink, count, `raw nodemailer, pool ${concurrency}`, DELIVERY_TIMEOUT_MS, meter);
  await Promise.all(loops);
  const received = await arrivals;
  const result = deliveryFigures(received, startedAt);
  transporter.close();
  // The raw counterpart of a send job's time: one sendMail() call, from the call to its resolution.
  return { ...result, sendMs: round(sendMs / count, 2), cpu: meter.between(received) };
}

async function rawNodemailerProcesses(sink, rendered, recipient, concurrency, count, processes) {
  const children = Array.from({ length: processes }, (_, index) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'mail-raw-loop.mjs')], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines = [];
    const waiting = [];
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
        lines.push(buffered.slice(0, end));
        buffered = buffered.slice(end + 1);
        waiting.shift()?.();
      }
    });
    const line = async () => {
      while (lines.length === 0) await new Promise((resolve) => waiting.push(resolve));
      return lines.shift();
    };
    const share = Math.floor(count / processes) + (index < count % processes ? 1 : 0);
    child.stdin.write(
      `${JSON.stringify({
        url: sink.url,
        concurrency,
        count: share,
        from: MAIL_FROM,
        to: { name: recipient.name, address: recipient.email },
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        tag: `${concurrency}-${index}`,
      })}\n`,
    );
    return { child, line, share };
  });
  for (const { line } of children) if ((await line()) !== 'ready') throw new Error('a raw loop process did not start');
  const meter = cpuMeter(
    children.map(({ child }) => child.pid),
    { thread: true },
  );
  const startedAt = wallClock();
  for (const { child } of children) child.stdin.write('go\n');
  const label = `raw nodemailer, ${processes} processes × pool ${concurrency}`;
  const arrivals = collect(sink, count, label, DELIVERY_TIMEOUT_MS, meter);
  const received = await arrivals;
  let sendMs = 0;
  for (const { line } of children) sendMs += JSON.parse(await line()).sendMs;
  for (const { child } of children) child.stdin.end('bye\n');
  const result = deliveryFigures(received, startedAt);
  return { ...result, sendMs: round(sendMs / count, 2), cpu: meter.between(received) };
}

/** The real worker entry point from dist, in its own process; resolves once it has started its queues. */
async function startWorker(env) {
  const profile = options['profile-dir'] ? ['--cpu-prof', `--cpu-prof-dir=${options['profile-dir']}`] : [];
  const child = spawn(process.execPath, [...profile, join(import.meta.dirname, `${dist}/worker.js`)], {
    env: { PATH: process.env.PATH ?? '', ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = [];
  let started;
  const ready = new Promise((resolve) => (started = resolve));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const read = (chunk) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      tail.push(line);
      if (tail.length > 200) tail.shift();
      if (line.includes('"worker started"')) started();
      // Warnings and errors are worth seeing while it runs (pino levels: 40 warn, 50 error).
      if (/"level":(4|5|6)0/.test(line)) console.error(`  [worker] ${line}`);
    }
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  const outcome = await Promise.race([ready.then(() => 'started'), exited.then(() => 'exited'), sleep(60_000)]);
  if (outcome !== 'started') {
    child.kill('SIGKILL');
    throw new Error(`the worker did not start (${outcome ?? 'timeout'}):\n${tail.join('\n')}`);
  }
  return {
    pid: child.pid,
    stop: async () => {
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) console.error(`  [worker] exited with ${code}:\n${tail.slice(-20).join('\n')}`);
    },
    kill: () => child.kill('SIGKILL'),
  };
}

async function waitForStatus(dataSource, prefix, count) {
  const deadline = performance.now() + 60_000;
  for (;;) {
    const [{ sent }] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent FROM email_message WHERE idempotency_key LIKE $1`,
      [`${prefix}%`],
    );
    if (sent === count) return;
    if (performance.now() > deadline) throw new Error(`${prefix}: ${sent} of ${count} recorded as sent`);
    await sleep(100);
  }
}

/**
 * N emails queued by MailService.queueMany in transactions of BATCH_SIZE, PRODUCERS of them at once, while the worker runs;
 * timed from the first queue() to the last arrival.
 */
async function realPath({ sink, env, dataSource, mail, recipient, concurrency, count }) {
  const worker = await startWorker({ ...env, MAIL_CONCURRENCY: String(concurrency) });
  try {
    await sink.arrivals();
    const prefix = `bench-throughput:${concurrency}:`;
    const arrivals = collect(sink, count, `worker, MAIL_CONCURRENCY=${concurrency}`);
    let nextBatch = 0;
    const startedAt = wallClock();
    const producers = Array.from({ length: PRODUCERS }, async () => {
      for (let from = nextBatch; from < count; from = nextBatch) {
        nextBatch += BATCH_SIZE;
        // A batch is queued as the daily digest queues its emails: together, in one transaction.
        const requests = [];
        for (let n = from; n < Math.min(count, from + BATCH_SIZE); n++)
          requests.push({
            idempotencyKey: `${prefix}${n}`,
            template: EmailTemplateKey.Notification,
            data: reminderData(n),
            to: { userId: recipient.id },
          });
        await dataSource.transaction((manager) => mail.queueMany(manager, requests));
      }
    });
    await Promise.all(producers);
    const queuedAt = wallClock();
    const result = deliveryFigures(await arrivals, startedAt);
    await waitForStatus(dataSource, prefix, count);
    const recordedAt = wallClock();
    return {
      ...result,
      queuingSeconds: round((queuedAt - startedAt) / 1000, 3),
      queuedPerSecond: round(count / ((queuedAt - startedAt) / 1000)),
      allRecordedSentSeconds: round((recordedAt - startedAt) / 1000, 3),
    };
  } finally {
    await worker.stop();
  }
}

/**
 * The worker's share alone: N emails already queued (copies of the real path's rows, with their send jobs' outbox messages,
 * written by SQL while no worker runs), then a worker started; rated between the first and the last arrival.
 */
async function workerAlone({ sink, env, dataSource, concurrency, count, sourcePrefix, processes = 1 }) {
  const prefix = `bench-prequeued:${concurrency}x${processes}:`;
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO email_message (id, idempotency_key, template_key, language, recipient_email, recipient_name,
              recipient_user_id, subject, html_body, text_body, headers, honours_opt_out, message_id, status, version)
       SELECT new_id, $2 || n, template_key, language, recipient_email, recipient_name, recipient_user_id,
              subject, html_body, text_body, headers, honours_opt_out, '<' || new_id || '@ipa.bench.test>', 'queued', 1
         FROM (SELECT e.*, gen_random_uuid() AS new_id, row_number() OVER (ORDER BY e.created_at, e.id) AS n
                 FROM email_message e WHERE e.idempotency_key LIKE $1 || '%') source`,
      [sourcePrefix, prefix],
    );
    // Send jobs as queueMany() makes them: one per SEND_BATCH_MAX emails, in the order they were queued.
    await manager.query(
      `WITH numbered AS (
         SELECT id, (row_number() OVER (ORDER BY created_at, idempotency_key) - 1) / $3 AS batch
           FROM email_message WHERE idempotency_key LIKE $1 || '%'
       ), outbox AS (
         INSERT INTO outbox_message (queue, job_name, payload, delay_ms)
         SELECT 'email', $2, jsonb_build_object('emailMessageIds', jsonb_agg(id ORDER BY id)), 0
           FROM numbered GROUP BY batch ORDER BY batch
         RETURNING id, payload
       )
       UPDATE email_message e SET job_id = 'outbox-' || outbox.id, outbox_message_id = outbox.id
         FROM outbox, jsonb_array_elements_text(outbox.payload -> 'emailMessageIds') AS listed(email_id)
        WHERE e.id = listed.email_id::uuid`,
      [prefix, JobName.SendEmail, SEND_BATCH_MAX],
    );
  });
  const [{ queued }] = await dataSource.query(
    `SELECT count(*)::int AS queued FROM email_message WHERE idempotency_key LIKE $1 || '%' AND job_id IS NOT NULL`,
    [prefix],
  );
  if (queued !== count) throw new Error(`worker alone: ${queued} of ${count} emails copied`);
  await sink.arrivals();
  const startedAt = wallClock();
  const workers = [];
  const meter = cpuMeter(() => workers.map((worker) => worker.pid));
  const label = `worker alone, ${processes > 1 ? `${processes} processes × ` : ''}MAIL_CONCURRENCY=${concurrency}`;
  const arrivals = collect(sink, count, label, DELIVERY_TIMEOUT_MS, meter);
  try {
    // Started together; each takes jobs as soon as it is up.
    const started = await Promise.allSettled(
      Array.from({ length: processes }, () => startWorker({ ...env, MAIL_CONCURRENCY: String(concurrency) })),
    );
    for (const outcome of started) if (outcome.status === 'fulfilled') workers.push(outcome.value);
    const failed = started.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    const received = await arrivals;
    const result = deliveryFigures(received, startedAt);
    await waitForStatus(dataSource, prefix, count);
    return { ...result, jobMs: await jobBreakdown(env, dataSource, prefix, received), cpu: meter.between(received) };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}

/**
 * Where a send job's time goes, per email (mean ms). A job sends its emails one after another: from the job's
 * start or the previous email's record to the sink's acceptance (claim, MIME build, pool connection, SMTP
 * exchange), to the `sent` record (sent_at, clock_timestamp()), and from the last record to BullMQ's completion
 * (moving the job to completed and fetching the next), shared by the job's emails; `job` is the job's whole time
 * over its emails. All on this machine's one clock; BullMQ's stamps are whole milliseconds.
 */
async function jobBreakdown(env, dataSource, prefix, received) {
  const arrivalOf = new Map(received.map((a) => [a.messageId, a.at]));
  const rows = await dataSource.query(
    `SELECT job_id AS "jobId", message_id AS "messageId", (extract(epoch FROM sent_at) * 1000)::float8 AS "sentAt"
       FROM email_message WHERE idempotency_key LIKE $1 || '%'`,
    [prefix],
  );
  const byJob = new Map();
  for (const row of rows) byJob.set(row.jobId, [...(byJob.get(row.jobId) ?? []), row]);
  const queue = new Queue('email', { connection: { url: env.REDIS_URL }, prefix: env.REDIS_PREFIX });
  try {
    const parts = { startToAccepted: [], acceptedToRecorded: [], recordedToFinished: [], job: [] };
    let emailsPerJob = 0;
    for (const [jobId, emails] of byJob) {
      const job = await queue.getJob(jobId);
      const sent = emails
        .map((row) => ({ ...row, accepted: arrivalOf.get(row.messageId) }))
        .filter((row) => row.accepted !== undefined)
        .sort((a, b) => a.accepted - b.accepted);
      if (!job?.processedOn || !job.finishedOn || sent.length === 0) continue;
      emailsPerJob += sent.length;
      let from = job.processedOn;
      for (const row of sent) {
        parts.startToAccepted.push(row.accepted - from);
        parts.acceptedToRecorded.push(row.sentAt - row.accepted);
        from = row.sentAt;
      }
      const share = (job.finishedOn - sent.at(-1).sentAt) / sent.length;
      const whole = (job.finishedOn - job.processedOn) / sent.length;
      for (let n = 0; n < sent.length; n++) {
        parts.recordedToFinished.push(share);
        parts.job.push(whole);
      }
    }
    const mean = (values) => round(values.reduce((sum, v) => sum + v, 0) / values.length, 2);
    return {
      ...Object.fromEntries(Object.entries(parts).map(([key, values]) => [key, mean(values)])),
      emailsPerJob: round(emailsPerJob / byJob.size, 1),
    };
  } finally {
    await queue.close();
  }
}

/** Sorted figures of a list of lateness values (ms). */
function latenessFigures(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: round(sorted[0]),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1)),
  };
}

/**
 * Lateness of things due at a planned instant, two kinds in one window, each due spread evenly 2–20 s ahead:
 * - outbox: M emails, each in its own transaction as a feature would write it, with the send job put in the
 *   outbox with `delayMs` counted from the moment before it is written (commit and relay time are part of the
 *   lateness); lateness = arrival at the sink − the planned instant;
 * - task reminders: M tasks created over HTTP (`POST /api/tasks` with `remindAt`, assigned to the recipient),
 *   whose reminder engine fires a `reminders.fire` job at `remindAt` that queues the reminder email;
 *   lateness = arrival − remindAt, and firing (the fire job's transaction) − remindAt.
 * The two kinds' due instants interleave, half a step apart.
 */
async function latenessPhase({ sink, env, dataSource, emails, outbox, rendered, recipient, count, concurrency, api }) {
  const worker = await startWorker({ ...env, MAIL_CONCURRENCY: String(concurrency) });
  try {
    await sink.arrivals();
    const outboxDue = new Map();
    const taskRemindAt = new Map();
    let tasksCreatedLate = 0;
    let pushedBack = 0;
    const plannedAt = wallClock();
    const step = (DUE_TO_MS - DUE_FROM_MS) / count;
    const show = progress('outbox sends and tasks scheduled', 2 * count);
    for (let n = 0; n < count; n++) {
      // Never less than DUE_FROM_MS after it is written: on a busy machine writing them all can outlast the spread.
      const dueAt = Math.max(plannedAt + DUE_FROM_MS + n * step, wallClock() + DUE_FROM_MS);
      if (dueAt > plannedAt + DUE_FROM_MS + n * step) pushedBack += 1;
      const id = randomUUID();
      const messageId = `<${id}@ipa.bench.test>`;
      await dataSource.transaction(async (manager) => {
        await emails.insertIfAbsent(manager, {
          id,
          idempotencyKey: `bench-delayed:${n}`,
          templateKey: EmailTemplateKey.Notification,
          language: 'vi',
          recipientEmail: recipient.email,
          recipientName: recipient.name,
          recipientUserId: recipient.id,
          recipientContactId: null,
          subjectType: null,
          subjectId: null,
          subject: rendered.subject,
          htmlBody: rendered.html,
          textBody: rendered.text,
          headers: {},
          honoursOptOut: false,
          messageId,
          status: EmailStatus.Queued,
          lastError: null,
        });
        const delayMs = Math.max(0, Math.round(dueAt - wallClock()));
        const outboxId = await outbox.enqueue(manager, JobName.SendEmail, { emailMessageId: id }, { delayMs });
        await emails.assignJob(manager, id, outboxJobId(outboxId), outboxId);
      });
      outboxDue.set(messageId, dueAt);
      show(2 * n + 1);

      const plannedRemindAt = plannedAt + DUE_FROM_MS + (n + 0.5) * step;
      const remindAt = Math.round(Math.max(plannedRemindAt, wallClock() + DUE_FROM_MS));
      if (remindAt > plannedRemindAt + 1) pushedBack += 1;
      const task = await api.post('/tasks', {
        title: `Gọi lại nhà đầu tư về lô đất tại CCN Đồng Sóc (#${n})`,
        dueAt: new Date(remindAt + 3_600_000).toISOString(),
        remindAt: new Date(remindAt).toISOString(),
        assigneeId: recipient.id,
      });
      if (wallClock() > remindAt) tasksCreatedLate += 1;
      taskRemindAt.set(task.id, remindAt);
      show(2 * n + 2);
    }
    const schedulingEndedAt = wallClock();
    const arrived = await collect(sink, 2 * count, 'outbox sends and task reminders arrived', DUE_TO_MS + 60_000);
    const distinct = new Set(arrived.map((a) => a.messageId)).size;
    if (arrived.length !== 2 * count || distinct !== 2 * count)
      throw new Error(`lateness: ${arrived.length} emails arrived, ${distinct} distinct, of ${2 * count}`);

    // Each email's way, stage by stage: its send job (BullMQ's add, due and start stamps, whole ms), and for
    // reminders the fire job's transaction (fired_at) — all on this machine's one clock.
    const rows = await dataSource.query(
      `SELECT e.message_id AS "messageId", e.job_id AS "jobId", substring(r.slot FROM 6) AS "taskId",
              (extract(epoch FROM r.fired_at) * 1000)::float8 AS "firedAt", o.delay_ms AS "delayMs"
         FROM email_message e
         LEFT JOIN reminder r ON e.idempotency_key LIKE 'reminder:' || r.id || ':%'
         LEFT JOIN outbox_message o ON o.id = e.outbox_message_id
        WHERE e.idempotency_key LIKE 'bench-delayed:%' OR e.idempotency_key LIKE 'reminder:%'`,
    );
    const emailOf = new Map(rows.map((row) => [row.messageId, row]));
    const queue = new Queue('email', { connection: { url: env.REDIS_URL }, prefix: env.REDIS_PREFIX });
    const kinds = {
      outboxDelayed: { lateness: [], whileScheduling: [], afterScheduling: [], stages: {} },
      taskReminders: { lateness: [], whileScheduling: [], afterScheduling: [], stages: {} },
    };
    const stage = (kind, name, ms) => (kind.stages[name] ??= []).push(ms);
    try {
      for (const arrival of arrived) {
        const email = emailOf.get(arrival.messageId);
        const job = email && (await queue.getJob(email.jobId));
        const dueAt = outboxDue.get(arrival.messageId) ?? (email?.taskId && taskRemindAt.get(email.taskId));
        if (!job || !dueAt) throw new Error(`an email arrived that was not scheduled here: ${arrival.messageId}`);
        const kind = outboxDue.has(arrival.messageId) ? kinds.outboxDelayed : kinds.taskReminders;
        kind.lateness.push(arrival.at - dueAt);
        (dueAt < schedulingEndedAt ? kind.whileScheduling : kind.afterScheduling).push(arrival.at - dueAt);
        if (kind === kinds.outboxDelayed) {
          // BullMQ zeroes a job's `delay` when it promotes it, so its due time is taken from the outbox message.
          stage(kind, 'dueToJobDue', job.timestamp + email.delayMs - dueAt);
          stage(kind, 'jobDueToStarted', job.processedOn - (job.timestamp + email.delayMs));
        } else {
          stage(kind, 'dueToFired', email.firedAt - dueAt);
          stage(kind, 'firedToEmailJobAdded', job.timestamp - email.firedAt);
          stage(kind, 'emailJobAddedToStarted', job.processedOn - job.timestamp);
        }
        stage(kind, 'startedToArrived', arrival.at - job.processedOn);
      }
    } finally {
      await queue.close();
    }
    const summary = (kind) => ({
      scheduled: count,
      delivered: kind.lateness.length,
      latenessMs: latenessFigures(kind.lateness),
      // Due while this phase was still writing the rest (the API and database busy with it), and due after.
      dueWhileScheduling: kind.whileScheduling.length,
      latenessWhileSchedulingMs: kind.whileScheduling.length ? latenessFigures(kind.whileScheduling) : null,
      latenessAfterSchedulingMs: kind.afterScheduling.length ? latenessFigures(kind.afterScheduling) : null,
      stagesMs: Object.fromEntries(
        Object.entries(kind.stages).map(([name, values]) => [name, latenessFigures(values)]),
      ),
    });
    return {
      concurrency,
      dueFromMs: DUE_FROM_MS,
      dueToMs: DUE_TO_MS,
      schedulingSeconds: round((schedulingEndedAt - plannedAt) / 1000, 3),
      outboxDelayed: summary(kinds.outboxDelayed),
      taskReminders: { ...summary(kinds.taskReminders), createdAfterRemindAt: tasksCreatedLate },
      dueTimesPushedBack: pushedBack,
    };
  } finally {
    await worker.stop();
  }
}

/** Signs in as the seeded admin; `post` sends JSON with the CSRF header and fails loudly on anything but 201. */
async function signIn(root, email) {
  const login = await fetch(`${root}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed (${login.status}): ${await login.text()}`);
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('csrf_token='))?.split('=')[1] ?? '');
  const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf, 'content-type': 'application/json' };
  return {
    post: async (path, body) => {
      const response = await fetch(`${root}/api${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      const answer = await response.json();
      if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(answer)}`);
      return answer;
    },
  };
}

async function dropRedisKeys() {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}:*`, 'COUNT', 1000);
      cursor = nextCursor;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

const loadAtStart = loadavg();
console.log(`load average at start: ${loadAtStart} (${cpus().length} cores)`);
console.log(
  `emails: ${EMAILS.toLocaleString('en')} per run, MAIL_CONCURRENCY ${CONCURRENCIES.join(', ')}; ` +
    `lateness: ${DELAYED} outbox-delayed sends and ${DELAYED} task reminders due ${DUE_FROM_MS / 1000}–${DUE_TO_MS / 1000} s ahead`,
);
const sink = await startSmtpSink(Number(options['smtp-port']));
await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
await admin(`CREATE DATABASE ${database}`);
const env = {
  DATABASE_URL: new URL(`/${database}`, base).href,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: redisPrefix,
  SMTP_URL: sink.url,
  MAIL_FROM,
  LOG_LEVEL: 'warn',
  ADMIN_PASSWORD: password,
  API_LIMIT_PER_MINUTE: '1000000',
  NODE_ENV: 'production',
  SESSION_SECRET: randomUUID() + randomUUID(),
};
const config = loadConfig(env);
const { app } = await createHttpApp(config);
const results = { throughput: [], lateness: null };
try {
  const dataSource = app.get(DataSource);
  console.log('migrating and seeding…');
  await dataSource.runMigrations();
  await seed(dataSource, { adminEmail: 'bench@irm.local', adminPassword: password });
  const recipient = { name: 'Nguyễn Thị Thu Hương', email: 'huong.nguyen@ipa.bench.test' };
  const [user] = await dataSource.query(
    `INSERT INTO app_user (email, name, role, password_hash, language, version)
     VALUES ($1, $2, 'staff', 'not-a-hash', 'vi', 1) RETURNING id`,
    [recipient.email, recipient.name],
  );
  recipient.id = user.id;
  const mail = app.get(MailService);
  // The raw loop sends what MailService would render for the same email.
  const rendered = renderEmail(EmailTemplateKey.Notification, reminderData(0), {
    language: 'vi',
    agency: await app.get(AgencyProfileReader).read(dataSource.manager),
    timeZone: config.TZ_BUSINESS,
  });

  for (const concurrency of CONCURRENCIES) {
    console.log(`\nMAIL_CONCURRENCY=${concurrency}`);
    const raw = await rawNodemailer(sink, rendered, recipient, concurrency, EMAILS);
    const real = await realPath({ sink, env, dataSource, mail, recipient, concurrency, count: EMAILS });
    const alone = await workerAlone({
      sink,
      env,
      dataSource,
      concurrency,
      count: EMAILS,
      sourcePrefix: `bench-throughput:${concurrency}:`,
    });
    for (const [what, r] of [
      ['raw', raw],
      ['real', real],
      ['worker alone', alone],
    ])
      if (r.delivered !== EMAILS || r.distinctMessageIds !== EMAILS)
        throw new Error(`${what}: ${r.delivered} delivered, ${r.distinctMessageIds} distinct, of ${EMAILS}`);
    const ratio = real.emailsPerSecond / raw.emailsPerSecond;
    const aloneRatio = alone.sendingEmailsPerSecond / raw.sendingEmailsPerSecond;
    results.throughput.push({
      concurrency,
      raw,
      realPath: real,
      workerAlone: alone,
      ratio: round(ratio, 3),
      workerAloneRatio: round(aloneRatio, 3),
      loadavg: loadavg(),
    });
    console.log(
      `  raw nodemailer: ${raw.emailsPerSecond}/s (${raw.seconds} s, ${raw.meanMessageBytes} bytes a message)\n` +
        `  real path:      ${real.emailsPerSecond}/s (${real.seconds} s from the first queue() to the last arrival; ` +
        `queued in ${real.queuingSeconds} s at ${real.queuedPerSecond}/s, first arrival after ${real.firstArrivalMs} ms, ` +
        `${real.sendingEmailsPerSecond}/s between first and last arrival)\n` +
        `  ratio: ${(ratio * 100).toFixed(1)}% of raw (target ≥ 70%) — ${ratio >= 0.7 ? 'met' : 'NOT met'}\n` +
        `  worker alone (emails queued beforehand): ${alone.sendingEmailsPerSecond}/s between first and last arrival, ` +
        `${(aloneRatio * 100).toFixed(1)}% of raw's ${raw.sendingEmailsPerSecond}/s\n` +
        `  per email (${alone.jobMs.emailsPerJob} a job): ${alone.jobMs.job} ms of a send job (to the sink's acceptance ` +
        `${alone.jobMs.startToAccepted}, to the record ${alone.jobMs.acceptedToRecorded}, its share of the job's completion ` +
        `${alone.jobMs.recordedToFinished}); ` +
        `a raw sendMail() ${raw.sendMs} ms\n` +
        `  CPU per email while sending: worker process ${alone.cpu?.cpuMsPerEmail} ms, its main thread ` +
        `${alone.cpu?.mainThreadCpuMsPerEmail} ms (machine ${percent(alone.cpu?.machineBusy)} busy), ` +
        `raw loop's thread ${raw.cpu?.cpuMsPerEmail} ms (machine ${percent(raw.cpu?.machineBusy)} busy)`,
    );
    if (PROCESSES > 1) {
      // The same comparison with the work spread over processes: raw loops in as many processes as workers.
      const rawSpread = await rawNodemailer(sink, rendered, recipient, concurrency, EMAILS, PROCESSES);
      const aloneSpread = await workerAlone({
        sink,
        env,
        dataSource,
        concurrency,
        count: EMAILS,
        sourcePrefix: `bench-throughput:${concurrency}:`,
        processes: PROCESSES,
      });
      for (const [what, r] of [
        ['raw, processes', rawSpread],
        ['worker alone, processes', aloneSpread],
      ])
        if (r.delivered !== EMAILS || r.distinctMessageIds !== EMAILS)
          throw new Error(`${what}: ${r.delivered} delivered, ${r.distinctMessageIds} distinct, of ${EMAILS}`);
      const spreadRatio = aloneSpread.sendingEmailsPerSecond / rawSpread.sendingEmailsPerSecond;
      Object.assign(results.throughput.at(-1), {
        processes: PROCESSES,
        rawProcesses: rawSpread,
        workerAloneProcesses: aloneSpread,
        workerAloneProcessesRatio: round(spreadRatio, 3),
        loadavgAfterProcesses: loadavg(),
      });
      console.log(
        `  ${PROCESSES} processes: worker alone ${aloneSpread.sendingEmailsPerSecond}/s, ` +
          `${(spreadRatio * 100).toFixed(1)}% of raw's ${rawSpread.sendingEmailsPerSecond}/s (${PROCESSES} raw processes); ` +
          `CPU per email: workers ${aloneSpread.cpu?.cpuMsPerEmail} ms, their main threads ` +
          `${aloneSpread.cpu?.mainThreadCpuMsPerEmail} ms (machine ${percent(aloneSpread.cpu?.machineBusy)} busy), ` +
          `raw loops' threads ${rawSpread.cpu?.cpuMsPerEmail} ms (machine ${percent(rawSpread.cpu?.machineBusy)} busy)`,
      );
    }
  }

  if (DELAYED > 0) {
    console.log(`\nlateness: outbox-delayed sends and task reminders, MAIL_CONCURRENCY=${DELAYED_CONCURRENCY}`);
    await app.listen({ port: Number(options['api-port']), host: '127.0.0.1' });
    const api = await signIn(`http://127.0.0.1:${app.getHttpServer().address().port}`, 'bench@irm.local');
    const lateness = await latenessPhase({
      sink,
      env,
      dataSource,
      emails: app.get(EmailMessagesRepository),
      outbox: app.get(OutboxService),
      rendered,
      recipient,
      count: DELAYED,
      concurrency: DELAYED_CONCURRENCY,
      api,
    });
    results.lateness = lateness;
    const verdict = (l) => `(target p95 < 1,000 ms) — ${l.p95 < 1000 ? 'met' : 'NOT met'}`;
    const line = (l) => (l ? `p50 ${l.p50} ms, p95 ${l.p95} ms, max ${l.max} ms, min ${l.min} ms` : '—');
    for (const [label, kind] of [
      ['outbox-delayed sends, arrival − due', lateness.outboxDelayed],
      ['task reminders, arrival − remindAt', lateness.taskReminders],
    ]) {
      console.log(`  ${label}: ${line(kind.latenessMs)} ${verdict(kind.latenessMs)}`);
      const after = kind.delivered - kind.dueWhileScheduling;
      console.log(`    ${kind.dueWhileScheduling} due while scheduling: ${line(kind.latenessWhileSchedulingMs)}`);
      console.log(`    ${after} due after scheduling: ${line(kind.latenessAfterSchedulingMs)}`);
      for (const [name, figures] of Object.entries(kind.stagesMs)) console.log(`    ${name}: ${line(figures)}`);
    }
    if (lateness.dueTimesPushedBack)
      console.log(
        `  (${lateness.dueTimesPushedBack} of ${2 * DELAYED} due times were set later than planned, ` +
          `to stay ${DUE_FROM_MS / 1000} s after they were written: writing took ${lateness.schedulingSeconds} s)`,
      );
  }
} finally {
  await app.close();
  await sink.close();
  await dropRedisKeys();
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}

const loadAtEnd = loadavg();
console.log(`\nload average at end: ${loadAtEnd}`);
const report = {
  date: new Date().toISOString(),
  command: `npm run bench:mail -- ${process.argv.slice(2).join(' ')}`.trim(),
  machine: { cores: cpus().length, loadavgAtStart: loadAtStart, loadavgAtEnd: loadAtEnd },
  options: {
    emails: EMAILS,
    processes: PROCESSES,
    concurrency: CONCURRENCIES,
    batchSize: BATCH_SIZE,
    producers: PRODUCERS,
    delayed: DELAYED,
    delayedConcurrency: DELAYED_CONCURRENCY,
  },
  ...results,
};
mkdirSync(dirname(options.out), { recursive: true });
// Formatted as the repository's other JSON is, so the committed results pass `prettier --check`.
writeFileSync(options.out, await prettier.format(JSON.stringify(report), { parser: 'json' }));
console.log(`results: ${options.out}`);
process.exit(0);
