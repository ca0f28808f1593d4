import { Redis } from 'ioredis';
import { Role } from '@irm/contracts';
import { JobName, QueueName } from '../../src/queue/queue-names';
import { WorkerHost } from '../../src/queue/worker-host';
import { ReceivedMail, SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';
import { spawnWorker, WorkerProcess } from '../support/worker-process';
import { insertProvinceSettings } from './support/mail-fixtures';
import { QueueHarness, startQueueHarness, waitFor } from './support/queue-harness';

const APP_URL = 'https://crm.ipa.example.vn';
const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface ReminderRow {
  status: string;
  occurrence: number;
  emails: number | null;
}

/** The API (to plan reminders as people do) and a worker on one database and Redis prefix. */
async function startStack(sink: SmtpSink): Promise<{ h: QueueHarness; t: TestApp }> {
  const env = { SMTP_URL: sink.url, APP_URL, MAIL_RETRY_DELAY_MS: '100' };
  const h = await startQueueHarness({ env });
  const t = await startTestApp({ ...env, DATABASE_URL: h.database.url, REDIS_PREFIX: h.config.REDIS_PREFIX });
  await insertProvinceSettings(h.dataSource);
  return { h, t };
}

async function createTask(client: TestClient, fields: { title: string; remindAt: number; assigneeId: string }) {
  const res = await client.post('/api/tasks', {
    title: fields.title,
    dueAt: iso(fields.remindAt + HOUR),
    remindAt: iso(fields.remindAt),
    assigneeId: fields.assigneeId,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

const reminderOf = async (h: QueueHarness, taskId: string): Promise<ReminderRow> =>
  (await h.dataSource.query(`SELECT status, occurrence, emails FROM reminder WHERE slot = $1`, [`task:${taskId}`]))[0];

const subjectOf = async (sink: SmtpSink, mail: ReceivedMail) => (await sink.parsed(mail)).subject;

describe('task reminders', () => {
  let sink: SmtpSink;
  let h: QueueHarness;
  let t: TestApp;
  let staff: TestClient;
  let staffId: string;
  let staffEmail: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    ({ h, t } = await startStack(sink));
    ({
      client: staff,
      user: { id: staffId, email: staffEmail },
    } = await signedIn(t, Role.Staff));
    await h.app.get(WorkerHost).start();
  });
  afterAll(async () => {
    await t?.close();
    await h?.close();
    await sink?.close();
  });
  beforeEach(() => sink.clear());

  it('emails the assignee at the reminder time, in their language, with a link', async () => {
    const remindAt = Date.now() + 1500;
    const task = await createTask(staff, { title: 'Gọi lại Công ty Daewoo', remindAt, assigneeId: staffId });
    const [mail] = await sink.waitForCount(1, 10_000);

    expect(mail.acceptedAt).toBeGreaterThanOrEqual(remindAt);
    expect(mail.acceptedAt - remindAt).toBeLessThan(3000);
    expect(mail.envelope.to).toEqual([staffEmail]);
    const parsed = await sink.parsed(mail);
    expect(parsed.subject).toBe('Nhắc việc: Gọi lại Công ty Daewoo');
    expect(parsed.text).toContain(`${APP_URL}/tasks`);
    expect(await reminderOf(h, task.id)).toEqual({ status: 'fired', occurrence: 1, emails: 1 });
    const [{ sent }] = await h.dataSource.query(`SELECT reminder_sent_at IS NOT NULL AS sent FROM task WHERE id = $1`, [
      task.id,
    ]);
    expect(sent).toBe(true);
  });

  it('moves the reminder when its time moves, and sends only at the new time', async () => {
    const first = Date.now() + 1500;
    const task = await createTask(staff, { title: 'Gửi hồ sơ KCN Bá Thiện', remindAt: first, assigneeId: staffId });
    const later = Date.now() + 3500;
    const moved = await staff.patch(`/api/tasks/${task.id}`, { remindAt: iso(later), version: task.version });
    expect(moved.status).toBe(200);

    const [mail] = await sink.waitForCount(1, 10_000);
    expect(mail.acceptedAt).toBeGreaterThanOrEqual(later);
    expect(await subjectOf(sink, mail)).toBe('Nhắc việc: Gửi hồ sơ KCN Bá Thiện');
    // The first time's job found its occurrence replaced and sent nothing.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.received).toHaveLength(1);
    expect(await reminderOf(h, task.id)).toEqual({ status: 'fired', occurrence: 2, emails: 1 });
  });

  it('cancels the reminder when the task is completed or deleted', async () => {
    const remindAt = Date.now() + 1500;
    const done = await createTask(staff, { title: 'Completed early', remindAt, assigneeId: staffId });
    const gone = await createTask(staff, { title: 'Deleted', remindAt, assigneeId: staffId });
    const kept = await createTask(staff, { title: 'Kept', remindAt: remindAt + 200, assigneeId: staffId });
    expect((await staff.patch(`/api/tasks/${done.id}`, { done: true, version: done.version })).status).toBe(200);
    expect((await staff.delete(`/api/tasks/${gone.id}?version=${gone.version}`)).status).toBe(204);

    const [mail] = await sink.waitForCount(1, 10_000);
    expect(await subjectOf(sink, mail)).toBe('Nhắc việc: Kept');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(sink.received).toHaveLength(1);
    expect((await reminderOf(h, done.id)).status).toBe('cancelled');
    expect((await reminderOf(h, gone.id)).status).toBe('cancelled');
    expect((await reminderOf(h, kept.id)).status).toBe('fired');
  });

  it('sends nothing to an assignee who turned task reminders off on their profile', async () => {
    const quiet = await signedIn(t, Role.Staff);
    const kinds = {
      task_reminder: false,
      sla_overdue: true,
      sla_escalation: true,
      event_follow_up: true,
      daily_digest: true,
    };
    expect((await quiet.client.put('/api/auth/me/notifications', { version: 0, kinds })).status).toBe(200);
    const remindAt = Date.now() + 1500;
    const off = await createTask(quiet.client, { title: 'Not wanted', remindAt, assigneeId: quiet.user.id });
    const on = await createTask(staff, { title: 'Wanted', remindAt: remindAt + 200, assigneeId: staffId });

    const [mail] = await sink.waitForCount(1, 10_000);
    expect(await subjectOf(sink, mail)).toBe('Nhắc việc: Wanted');
    await waitFor('both reminders to fire', async () =>
      (await reminderOf(h, off.id)).status === 'fired' && (await reminderOf(h, on.id)).status === 'fired'
        ? true
        : undefined,
    );
    expect(await reminderOf(h, off.id)).toEqual({ status: 'fired', occurrence: 1, emails: 0 });
    expect(sink.received).toHaveLength(1);
  });

  it('does not remind of a reminder time set well in the past', async () => {
    const task = await createTask(staff, { title: 'Logged late', remindAt: Date.now() - HOUR, assigneeId: staffId });
    expect(await reminderOf(h, task.id)).toBeUndefined();
  });
});

describe('reminders across worker processes', () => {
  let sink: SmtpSink;
  let h: QueueHarness;
  let t: TestApp;
  let staff: TestClient;
  let staffId: string;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink();
    ({ h, t } = await startStack(sink));
    ({
      client: staff,
      user: { id: staffId },
    } = await signedIn(t, Role.Staff));
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill('SIGKILL')));
    await t?.close();
    await h?.close();
    await sink?.close();
  });
  beforeEach(() => sink.clear());

  const worker = () => {
    const w = spawnWorker({
      DATABASE_URL: h.config.DATABASE_URL,
      REDIS_URL: h.config.REDIS_URL,
      REDIS_PREFIX: h.config.REDIS_PREFIX,
      SMTP_URL: sink.url,
      APP_URL,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
    });
    workers.push(w);
    return w;
  };
  /** One delivery per task title, none twice. */
  const deliveredOnce = async (titles: string[]) => {
    const subjects = await Promise.all(sink.received.map((mail) => subjectOf(sink, mail)));
    expect([...subjects].sort()).toEqual(titles.map((title) => `Nhắc việc: ${title}`).sort());
    expect(new Set(sink.received.map((mail) => mail.messageId)).size).toBe(titles.length);
  };

  /** Resolves once `count` workers listen on the reminders queue (a worker process takes seconds to boot). */
  const listening = (count: number, ...processes: WorkerProcess[]) =>
    waitFor(
      `${count} workers on the reminders queue (${processes.map((p) => p.output().slice(-800)).join('\n')})`,
      async () => (await h.queue(QueueName.Reminders).getWorkersCount()) >= count,
      60_000,
    );

  it('restores reminders whose jobs Redis lost, when a worker starts', async () => {
    // A worker relays the reminders' jobs to Redis, then stops.
    const first = worker();
    await listening(1, first);
    const base = Date.now();
    const titles = Array.from({ length: 20 }, (_, i) => `Restored ${i}`);
    const tasks = [];
    for (const [i, title] of titles.entries())
      tasks.push(await createTask(staff, { title, remindAt: base + 5000 + i * 50, assigneeId: staffId }));
    await waitFor(
      `reminder jobs relayed (${first.output().slice(-1000)})`,
      async () =>
        (await h.queue(QueueName.Reminders).getJobs(['delayed'])).filter((job) => job.name === JobName.FireReminder)
          .length === titles.length,
      5_000,
    );
    expect(await first.kill('SIGTERM')).toBe(0);

    // Redis restarts empty.
    const redis = new Redis(h.config.REDIS_URL);
    try {
      const keys = await redis.keys(`${h.config.REDIS_PREFIX}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    expect(await h.jobCount(QueueName.Reminders)).toBe(0);

    const second = worker();
    await sink.waitForCount(titles.length, 30_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${second.output().slice(-2000)}`);
    });
    for (const mail of sink.received) expect(mail.acceptedAt).toBeGreaterThanOrEqual(base + 5000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await deliveredOnce(titles);
    for (const task of tasks) expect((await reminderOf(h, task.id)).status).toBe('fired');
    expect(await second.kill('SIGTERM')).toBe(0);
  });

  it('sends each reminder once with two workers running', async () => {
    const [a, b] = [worker(), worker()];
    await listening(2, a, b);
    const started = Date.now();
    const base = Date.now() + 2000;
    const titles = Array.from({ length: 100 }, (_, i) => `Shared ${i}`);
    for (const [i, title] of titles.entries())
      await createTask(staff, { title, remindAt: base + (i % 20) * 100, assigneeId: staffId });

    await sink.waitForCount(titles.length, 30_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${a.output().slice(-1500)}\n${b.output().slice(-1500)}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await deliveredOnce(titles);
    // Both workers fired reminders, or the test proves nothing about two.
    const fired = await h.queue(QueueName.Reminders).getJobs(['completed'], 0, -1);
    const firedNow = fired.filter((job) => job.name === JobName.FireReminder && (job.finishedOn ?? 0) >= started);
    expect(firedNow).toHaveLength(titles.length);
    expect(new Set(firedNow.map((job) => job.processedBy)).size).toBe(2);
    expect(await a.kill('SIGTERM')).toBe(0);
    expect(await b.kill('SIGTERM')).toBe(0);
  });
});
