import { request as httpRequest, IncomingMessage } from 'node:http';
import { CSRF_COOKIE, Role, SESSION_COOKIE } from '@irm/contracts';
import { JobName, QueueName } from '../../src/queue/queue-names';
import { seed } from '../../src/seed/seeder';
import { healthStatus } from '../support/api-process';
import { SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { TEST_PASSWORD, TestClient } from '../support/test-client';
import { ProcessStack, startProcessStack } from './support/process-stack';
import { waitFor } from './support/queue-harness';

const API_LIMIT = 60;
const LOGIN_LIMIT = 5;
const HOUR = 3600_000;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

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

  it("serves an investor's document from every process: uploads go to the one shared PORTAL_UPLOAD_DIR", async () => {
    // The portal files enquiries into the default pipelines.
    await seed(stack.dataSource, {});
    const submitted = await new TestClient(url(first)).post('/api/public/land-enquiries', {
      fullName: 'Nguyễn Văn Hai',
      email: `hai.${stack.prefix}@example.com`,
      companyName: 'Công ty Hai Tiến Trình',
      language: 'vi',
      requestedAreaHa: 2,
    });
    expect(submitted.status).toBe(201);
    const token = String(submitted.body.trackingUrl).split('/track/')[1];
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'ho-so.pdf');
    const uploaded = await new TestClient(url(second)).post(`/api/public/track/${token}/documents`, form);
    expect(uploaded.status).toBe(201);

    const { client: manager } = await stack.signedIn(Role.Manager);
    for (const api of [first, second]) {
      const download = await manager.at(url(api)).download(`/api/portal-documents/${uploaded.body.id}/download`);
      expect(download.status).toBe(200);
      expect(download.bytes).toEqual(PDF);
    }
  });

  it('drains on SIGTERM: a request in flight completes, new connections go elsewhere, the process exits', async () => {
    const leaving = await stack.startApi();
    const { client } = await stack.signedIn(Role.Staff, leaving);
    const body = Buffer.from(JSON.stringify({ title: 'Giữa lúc dừng', dueAt: new Date(Date.now() + HOUR) }));
    const csrf = client.cookie(CSRF_COOKIE) ?? '';
    const inFlight = httpRequest(`${leaving.baseUrl}/api/tasks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}; ${CSRF_COOKIE}=${csrf}`,
        'x-csrf-token': csrf,
      },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      inFlight.once('response', (response: IncomingMessage) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.once('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      inFlight.once('error', reject);
    });
    // The headers and part of the body now, the rest once the process has been told to stop.
    await new Promise<void>((resolve) => inFlight.write(body.subarray(0, 10), () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 300));

    leaving.child.kill('SIGTERM');
    await waitFor(
      'the stopping process to refuse new connections',
      async () => (await healthStatus(leaving.baseUrl, 1_000)) === 0,
    );
    expect(await healthStatus(url(first))).toBe(200);
    expect(leaving.child.exitCode).toBeNull();

    inFlight.end(body.subarray(10));
    const { status, body: created } = await answer;
    expect(status).toBe(201);
    expect(await leaving.exited).toBe('SIGTERM');
    const [task] = await stack.dataSource.query('SELECT title FROM task WHERE id = $1', [JSON.parse(created).id]);
    expect(task).toEqual({ title: 'Giữa lúc dừng' });
  });
});
