import { Role, SESSION_COOKIE } from '@irm/contracts';
import { JobName, QueueName } from '../../src/queue/queue-names';
import { SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { TEST_PASSWORD, TestClient } from '../support/test-client';
import { ProcessStack, startProcessStack } from './support/process-stack';
import { waitFor } from './support/queue-harness';

const API_LIMIT = 60;
const LOGIN_LIMIT = 5;
const HOUR = 3600_000;

/**
 * Two API and two worker processes on one PostgreSQL database, one Redis prefix and one SMTP server behave as one
 * system: sessions, request limits, jobs and email.
 */
describe('two API and two worker processes', () => {
  let sink: SmtpSink;
  let stack: ProcessStack;

  beforeAll(async () => {
    sink = await startSmtpSink();
    stack = await startProcessStack(sink, {
      apis: 2,
      workers: 2,
      env: { API_LIMIT_PER_MINUTE: String(API_LIMIT), LOGIN_LIMIT_PER_ACCOUNT: String(LOGIN_LIMIT) },
    });
    await stack.workersListening(2);
  }, 150_000);
  afterAll(async () => {
    await stack?.close();
    await sink?.close();
  });

  const [first, second] = [0, 1];
  const url = (api: number) => stack.apis[api].baseUrl;

  it('keeps one session across processes: opened on one, used on the other, ended from either', async () => {
    const staff = await stack.createUser(Role.Staff);
    const replay = (api: number, session: string) =>
      fetch(`${url(api)}/api/auth/me`, { headers: { cookie: `${SESSION_COOKIE}=${session}` } }).then((r) => r.status);

    for (const [opened, ended] of [
      [first, second],
      [second, first],
    ]) {
      const browser = new TestClient(url(opened));
      await browser.login(staff.email, TEST_PASSWORD);
      const session = browser.cookie(SESSION_COOKIE)!;
      const elsewhere = browser.at(url(ended));
      expect((await elsewhere.get('/api/auth/me')).body).toMatchObject({ id: staff.id, email: staff.email });
      // An unsafe request carrying the CSRF cookie the other process issued.
      const task = await elsewhere.post('/api/tasks', { title: 'Hai tiến trình', dueAt: new Date(Date.now() + HOUR) });
      expect(task.status).toBe(201);
      const edited = await browser.patch(`/api/tasks/${task.body.id}`, { done: true, version: task.body.version });
      expect(edited.status).toBe(200);

      expect((await elsewhere.post('/api/auth/logout')).status).toBe(204);
      // A copy of the cookie kept from before the sign-out works nowhere.
      expect([await replay(first, session), await replay(second, session)]).toEqual([401, 401]);
    }
  });

  it('counts the request limit of a user across both processes', async () => {
    const { client } = await stack.signedIn(Role.Staff);
    const statuses = await Promise.all(
      Array.from({ length: API_LIMIT + 20 }, (_, i) => client.at(url(i % 2)).get('/api/auth/me')),
    ).then((responses) => responses.map((r) => r.status));
    expect(statuses.filter((s) => s === 200)).toHaveLength(API_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });

  it('counts failed sign-ins of an account across both processes, even when they arrive at once', async () => {
    const staff = await stack.createUser(Role.Staff);
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        new TestClient(url(i % 2)).post('/api/auth/login', { email: staff.email, password: `wrong ${i}` }),
      ),
    );
    const statuses = attempts.map((r) => r.status);
    // Exactly the limit is checked against the password; the rest are refused before.
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - LOGIN_LIMIT);
    for (const api of [first, second]) {
      const right = await new TestClient(url(api)).post('/api/auth/login', {
        email: staff.email,
        password: TEST_PASSWORD,
      });
      expect(right.status).toBe(429);
    }
  });

  it('runs each job queued through either API once, and sends each of hundreds of emails once', async () => {
    const staff = await Promise.all(Array.from({ length: 10 }, () => stack.signedIn(Role.Staff)));
    const remindAt = Date.now() + 4_000;
    const titles: string[] = [];
    await Promise.all(
      staff.map(async ({ client }, s) => {
        for (let i = 0; i < 30; i++) {
          const title = `Burst ${s}-${i}`;
          const created = await client.at(url(i % 2)).post('/api/tasks', {
            title,
            dueAt: new Date(remindAt + HOUR).toISOString(),
            remindAt: new Date(remindAt + i * 20).toISOString(),
          });
          expect(created.status).toBe(201);
          titles.push(title);
        }
      }),
    );

    await sink.waitForCount(titles.length, 90_000);
    // Anything sent twice would arrive within moments of the first copy.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const messageIds = sink.received.map((m) => m.messageId);
    expect(new Set(messageIds).size).toBe(titles.length);
    expect(messageIds).toHaveLength(titles.length);
    const subjects = await Promise.all(sink.received.map(async (m) => (await sink.parsed(m)).subject));
    expect(subjects.sort()).toEqual(titles.map((t) => `Nhắc việc: ${t}`).sort());

    const [emails] = await stack.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'sent' AND attempts = 1)::int AS "sentOnce", count(*)::int AS total
         FROM email_message`,
    );
    expect(emails).toEqual({ sentOnce: titles.length, total: titles.length });
    const [reminders] = await stack.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'fired' AND emails = 1)::int AS fired, count(*)::int AS total FROM reminder`,
    );
    expect(reminders).toEqual({ fired: titles.length, total: titles.length });

    // Each job ran once, and both workers took a share of each queue.
    const workerOf = new Map(stack.workers.map((w, i) => [w.child.pid, i]));
    for (const [queue, name] of [
      [QueueName.Reminders, JobName.FireReminder],
      [QueueName.Email, JobName.SendEmail],
    ] as const) {
      const jobs = (await stack.queue(queue).getJobs(['completed'])).filter((job) => job.name === name);
      expect(jobs).toHaveLength(titles.length);
      expect(jobs.filter((job) => job.attemptsStarted !== 1).map((job) => job.id)).toEqual([]);
      const shares = new Set(jobs.map((job) => workerOf.get(Number(job.processedBy?.split('-').at(-1)))));
      expect([...shares].sort()).toEqual([0, 1]);
    }
    await waitFor('nothing left in the queues', async () => {
      const counts = await stack.queue(QueueName.Email).getJobCounts('waiting', 'active', 'delayed');
      return Object.values(counts).every((n) => n === 0);
    });
  }, 150_000);
});
