import type { INestApplicationContext } from '@nestjs/common';
import { EmailStatus, EmailTemplateKey, RecordSubjectType, Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { MailService, QueueEmailRequest } from '../../src/mail/mail.service';
import { UnsubscribeTokens } from '../../src/mail/unsubscribe-tokens';
import { SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';
import { startTestWorker } from '../support/test-worker';

describe('emails', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: INestApplicationContext;
  let staff: TestClient;
  let admin: TestClient;
  let adminId: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: sink.url, MAIL_SEND_ATTEMPTS: '2', MAIL_RETRY_DELAY_MS: '50' });
    worker = await startTestWorker(t);
    staff = (await signedIn(t, Role.Staff)).client;
    const signedAdmin = await signedIn(t, Role.Admin);
    admin = signedAdmin.client;
    adminId = signedAdmin.user.id;
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sink?.close();
  });
  beforeEach(() => {
    sink.accept();
    sink.clear();
  });

  let keys = 0;
  const queue = <K extends EmailTemplateKey>(request: Omit<QueueEmailRequest<K>, 'idempotencyKey'>) =>
    t.app
      .get(DataSource)
      .transaction((manager) =>
        t.app.get(MailService).queue(manager, { ...request, idempotencyKey: `e2e:${++keys}` } as QueueEmailRequest<K>),
      );
  const until = async <T>(what: string, check: () => Promise<T | undefined>): Promise<T> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const notification = (subject: string) => ({
    template: EmailTemplateKey.Notification,
    data: { subject, paragraphs: ['Xin chào'] },
    to: { userId: adminId },
  });

  async function organization(): Promise<string> {
    const created = await staff.post('/api/organizations?confirmDuplicate=true', {
      name: `Emails investor ${keys}`,
      kind: 'domestic',
      country: 'VN',
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  describe('GET /api/emails', () => {
    it("lists a record's emails, newest first, with their delivery status", async () => {
      const organizationId = await organization();
      const about = { type: RecordSubjectType.Organization, id: organizationId };
      const first = await queue({ ...notification('First'), about });
      const second = await queue({ ...notification('Second'), about });
      await queue(notification('About nothing'));
      await sink.waitForCount(3);

      const path = `/api/emails?subjectType=organization&subjectId=${organizationId}`;
      const page = await until('both sent', async () => {
        const response = await staff.get(path);
        return response.body.items?.every((e: { status: string }) => e.status === 'sent') ? response : undefined;
      });
      expect(page.status).toBe(200);
      expect(page.body.items.map((e: { id: string }) => e.id)).toEqual([second.id, first.id]);
      expect(page.body.items[0]).toEqual({
        ...second,
        status: EmailStatus.Sent,
        attempts: 1,
        smtpMessageId: expect.stringMatching(/^SINK/),
        sentAt: expect.any(String),
        updatedAt: expect.any(String),
        version: expect.any(Number),
      });
      expect(page.body.items[0]).not.toHaveProperty('htmlBody');

      const paged = await staff.get(`${path}&limit=1`);
      expect(paged.body.items.map((e: { id: string }) => e.id)).toEqual([second.id]);
      const next = await staff.get(`${path}&limit=1&cursor=${paged.body.nextCursor}`);
      expect(next.body).toEqual({ items: [expect.objectContaining({ id: first.id })], nextCursor: null });
    });

    it('answers 404 for an unknown record and 400 for a malformed query', async () => {
      expect((await staff.get(`/api/emails?subjectType=contact&subjectId=${crypto.randomUUID()}`)).status).toBe(404);
      const bad = await staff.get('/api/emails?subjectType=planet&subjectId=1');
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['subjectId', 'subjectType']);
      expect((await staff.get('/api/emails?subjectType=contact&subjectId=x&cursor=zzz')).status).toBe(400);
    });
  });

  describe('on the timeline', () => {
    const timelineOf = (type: string, id: string, query = '') =>
      staff.get(`/api/timeline?subjectType=${type}&subjectId=${id}${query}`);

    it("shows an email about a record among its other entries, newest first, with the email's current status", async () => {
      const organizationId = await organization();
      const about = { type: RecordSubjectType.Organization, id: organizationId };
      const email = await queue({ ...notification('Hồ sơ KCN Bá Thiện II'), about });
      const note = await staff.post('/api/timeline', {
        subjectType: 'organization',
        subjectId: organizationId,
        kind: 'note',
        body: 'Đã gửi hồ sơ',
      });
      expect(note.status).toBe(201);

      const sent = await until('the email to show as sent', async () => {
        const page = await timelineOf('organization', organizationId);
        const entry = page.body.items.find((e: { kind: string }) => e.kind === 'email');
        return entry?.payload.status === EmailStatus.Sent ? page.body.items : undefined;
      });
      expect(sent.map((e: { kind: string }) => e.kind)).toEqual(['note', 'email', 'edit']);
      expect(sent[1]).toMatchObject({
        subjectType: 'organization',
        subjectId: organizationId,
        kind: 'email',
        occurredAt: email.createdAt,
        payload: {
          emailMessageId: email.id,
          templateKey: EmailTemplateKey.Notification,
          recipientEmail: email.recipientEmail,
          recipientName: email.recipientName,
          subject: 'Hồ sơ KCN Bá Thiện II',
          status: EmailStatus.Sent,
          attempts: 1,
          lastError: null,
          failedAt: null,
        },
      });
      const [row] = await t.app.get(DataSource).query(`SELECT sent_at FROM email_message WHERE id = $1`, [email.id]);
      expect(new Date(sent[1].payload.sentAt).getTime()).toBe(Math.floor(row.sent_at.getTime()));

      const onlyEmails = await timelineOf('organization', organizationId, '&kind=email');
      expect(onlyEmails.body.items.map((e: { id: string }) => e.id)).toEqual([sent[1].id]);
      // Written by the system: nobody may edit or delete it.
      const edit = await staff.patch(`/api/timeline/${sent[1].id}`, { version: 1, body: 'x' });
      expect(edit.status).toBe(422);
    });

    it('shows a failed email with its attempts and last error, and the same email once however often it is queued', async () => {
      const organizationId = await organization();
      sink.refuse(550, 'Mailbox unavailable');
      const request = {
        ...notification('Refused'),
        about: { type: RecordSubjectType.Organization, id: organizationId },
        idempotencyKey: `e2e-timeline-once:${organizationId}`,
      };
      const queueTwice = () =>
        t.app
          .get(DataSource)
          .transaction((manager) =>
            t.app.get(MailService).queue(manager, request as QueueEmailRequest<EmailTemplateKey.Notification>),
          );
      const email = await queueTwice();
      expect((await queueTwice()).id).toBe(email.id);

      const entry = await until('the email to show as failed', async () => {
        const page = await timelineOf('organization', organizationId, '&kind=email');
        return page.body.items[0]?.payload.status === EmailStatus.Failed ? page.body.items : undefined;
      });
      expect(entry).toHaveLength(1);
      expect(entry[0].payload).toMatchObject({
        emailMessageId: email.id,
        attempts: 1,
        lastError: expect.stringContaining('Mailbox unavailable'),
        failedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        sentAt: null,
      });
    });

    it('gives emails queued before entries were written one entry each, once (migration)', async () => {
      const organizationId = await organization();
      const db = t.app.get(DataSource);
      const email = await queue({
        ...notification('Older'),
        about: { type: RecordSubjectType.Organization, id: organizationId },
      });
      await db.query(`DELETE FROM timeline_entry WHERE kind = 'email' AND subject_id = $1`, [organizationId]);
      // The migration as the app loaded it from migrations/, run twice: the second run adds nothing.
      const migration = db.migrations.find((m) => m.name === 'EmailTimelineEntries1795815200001');
      if (!migration) throw new Error('the EmailTimelineEntries migration is not loaded');
      const runner = db.createQueryRunner();
      try {
        await migration.up(runner);
        await migration.up(runner);
      } finally {
        await runner.release();
      }
      const entries = (await timelineOf('organization', organizationId, '&kind=email')).body.items;
      expect(entries).toEqual([
        expect.objectContaining({
          occurredAt: email.createdAt,
          payload: expect.objectContaining({ emailMessageId: email.id }),
        }),
      ]);
    });

    it("moves a merged investor's email entries to the investor kept", async () => {
      const [kept, duplicate] = [await organization(), await organization()];
      await queue({ ...notification('Merged'), about: { type: RecordSubjectType.Organization, id: duplicate } });
      const version = async (id: string) => (await staff.get(`/api/organizations/${id}`)).body.version;
      const merged = await staff.post(`/api/organizations/${kept}/merge`, {
        version: await version(kept),
        duplicateId: duplicate,
        duplicateVersion: await version(duplicate),
      });
      expect(merged.status).toBe(200);
      const entries = (await timelineOf('organization', kept, '&kind=email')).body.items;
      expect(entries).toEqual([
        expect.objectContaining({ subjectId: kept, payload: expect.objectContaining({ subject: 'Merged' }) }),
      ]);
    });
  });

  it("moves a merged contact's emails to the contact kept", async () => {
    const contact = async (email: string) =>
      (await staff.post('/api/contacts?confirmDuplicate=true', { fullName: 'Choi Yuna', email })).body;
    const kept = await contact(`choi.${keys}@example.kr`);
    const duplicate = await contact(`yuna.${keys}@example.kr`);
    const email = await queue({
      template: EmailTemplateKey.InvestorNotification,
      data: { subject: 'Hello', paragraphs: ['…'] },
      to: { contactId: duplicate.id },
      about: { type: RecordSubjectType.Contact, id: duplicate.id },
    });
    const merged = await staff.post(`/api/contacts/${kept.id}/merge`, {
      version: kept.version,
      duplicateId: duplicate.id,
      duplicateVersion: duplicate.version,
    });
    expect(merged.status).toBe(200);
    expect(merged.body.moved).toMatchObject({ emails: 1 });
    const log = await staff.get(`/api/emails?subjectType=contact&subjectId=${kept.id}`);
    expect(log.body.items).toEqual([
      expect.objectContaining({ id: email.id, subjectId: kept.id, recipientContactId: kept.id }),
    ]);
  });

  describe('failed emails', () => {
    it('shows a failed email to admins with its error, and a retry delivers it once', async () => {
      sink.refuse(451, 'Greylisted');
      const failed = await queue(notification('Refused twice'));
      await until('the email to fail', async () => {
        const list = await admin.get('/api/emails/failed');
        return list.body.items?.some((e: { id: string }) => e.id === failed.id) ? true : undefined;
      });
      const list = await admin.get('/api/emails/failed');
      const entry = list.body.items.find((e: { id: string }) => e.id === failed.id);
      expect(entry).toMatchObject({ status: 'failed', attempts: 2, lastError: expect.stringContaining('Greylisted') });
      expect(entry.failedAt).toEqual(expect.any(String));
      expect((await staff.get('/api/emails/failed')).status).toBe(403);
      expect((await staff.post(`/api/emails/${failed.id}/retry`, { version: entry.version })).status).toBe(403);

      sink.accept();
      const stale = await admin.post(`/api/emails/${failed.id}/retry`, { version: entry.version - 1 });
      expect(stale.status).toBe(409);
      const retried = await admin.post(`/api/emails/${failed.id}/retry`, { version: entry.version });
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({
        id: failed.id,
        status: 'queued',
        failedAt: null,
        version: entry.version + 1,
      });

      await sink.waitForCount(1);
      const sent = await until('the retried email to be sent', async () => {
        const [row] = await t.app
          .get(DataSource)
          .query(`SELECT status, attempts, version FROM email_message WHERE id = $1`, [failed.id]);
        return row.status === 'sent' ? row : undefined;
      });
      expect(sent.attempts).toBe(3);
      expect(sink.received.map((m) => m.messageId)).toEqual([failed.messageId]);
      expect((await admin.get('/api/emails/failed')).body.items.map((e: { id: string }) => e.id)).not.toContain(
        failed.id,
      );

      const again = await admin.post(`/api/emails/${failed.id}/retry`, { version: sent.version });
      expect(again.status).toBe(422);
      const audit = await t.app
        .get(DataSource)
        .query(
          `SELECT action, changes, details FROM audit_event WHERE subject_type = 'email_message' AND subject_id = $1`,
          [failed.id],
        );
      expect(audit).toEqual([
        {
          action: 'update',
          changes: { status: { before: 'failed', after: 'queued' } },
          details: expect.objectContaining({ retry: true, lastError: expect.stringContaining('Greylisted') }),
        },
      ]);
    });

    it('refuses a retry of an unknown email and a malformed one', async () => {
      expect((await admin.post(`/api/emails/${crypto.randomUUID()}/retry`, { version: 1 })).status).toBe(404);
      expect((await admin.post('/api/emails/not-an-id/retry', { version: 1 })).status).toBe(400);
      expect((await admin.post(`/api/emails/${crypto.randomUUID()}/retry`, {})).status).toBe(400);
    });
  });

  describe('queue dashboard at /admin/queues', () => {
    it('shows the dashboard and its API to admins only', async () => {
      const anonymous = await new TestClient(t.baseUrl).get('/admin/queues');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
      const forStaff = await staff.get('/admin/queues');
      expect(forStaff.status).toBe(403);
      expect(String(forStaff.body)).not.toContain('<html');
      expect((await staff.get('/admin/queues/api/queues')).status).toBe(403);
      expect((await new TestClient(t.baseUrl).get('/admin/queues/static/css/x.css')).status).toBe(401);

      const page = await admin.get('/admin/queues');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.body).toContain('IRM queues');
      const queues = await admin.get('/admin/queues/api/queues');
      expect(queues.status).toBe(200);
      expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(
        expect.arrayContaining(['email', 'maintenance', 'imports']),
      );
    });

    it('takes changes only from its own pages', async () => {
      const resume = '/admin/queues/api/queues/email/resume';
      expect((await admin.request('PUT', resume)).status).toBe(403);
      const sameSite = await admin.request('PUT', resume, { headers: { origin: t.baseUrl } });
      expect(sameSite.status).toBe(200);
      const crossSite = await admin.request('PUT', resume, { headers: { origin: 'https://evil.example' } });
      expect(crossSite.status).toBe(403);
    });
  });

  describe('unsubscribe', () => {
    it('opts a contact out from the List-Unsubscribe one-click POST, once, with audit and timeline', async () => {
      const contact = await staff.post('/api/contacts?confirmDuplicate=true', {
        fullName: 'Park Ji-hoon',
        email: `park.${keys}@example.kr`,
        preferredLanguage: 'ko',
      });
      expect(contact.status).toBe(201);
      const token = t.app.get(UnsubscribeTokens).tokenFor(contact.body.id);
      const oneClick = (path: string) =>
        fetch(`${t.baseUrl}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
      expect((await oneClick(`/api/public/unsubscribe/${token}`)).status).toBe(204);
      expect((await oneClick(`/api/public/unsubscribe/${token}`)).status).toBe(204);
      const after = await staff.get(`/api/contacts/${contact.body.id}`);
      expect(after.body).toMatchObject({ emailConsent: 'opted_out', consentSource: 'unsubscribe', version: 2 });
      const audit = await t.app
        .get(DataSource)
        .query(
          `SELECT actor_id, changes FROM audit_event WHERE subject_type = 'contact' AND subject_id = $1 AND action = 'update'`,
          [contact.body.id],
        );
      expect(audit).toEqual([
        {
          actor_id: null,
          changes: {
            emailConsent: { before: 'unknown', after: 'opted_out' },
            consentSource: { before: null, after: 'unsubscribe' },
          },
        },
      ]);

      const timeline = await staff.get(`/api/timeline?subjectType=contact&subjectId=${contact.body.id}&kind=edit`);
      expect(timeline.body.items[0]).toMatchObject({
        authorId: null,
        payload: { action: 'update', fields: ['emailConsent', 'consentSource'] },
      });

      // Mail queued for them afterwards is logged, not sent.
      const refused = await queue({
        template: EmailTemplateKey.InvestorNotification,
        data: { subject: 'News', paragraphs: ['…'] },
        to: { contactId: contact.body.id },
      });
      expect(refused.status).toBe(EmailStatus.NotSent);
    });

    it('refuses a forged or malformed link', async () => {
      const contactId = crypto.randomUUID();
      const forged = `${contactId}.${'A'.repeat(43)}`;
      expect((await fetch(`${t.baseUrl}/api/public/unsubscribe/${forged}`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${t.baseUrl}/api/public/unsubscribe/nonsense`, { method: 'POST' })).status).toBe(404);
      // A valid token for a contact that does not exist.
      const orphan = t.app.get(UnsubscribeTokens).tokenFor(contactId);
      expect((await fetch(`${t.baseUrl}/api/public/unsubscribe/${orphan}`, { method: 'POST' })).status).toBe(404);
    });
  });
});
