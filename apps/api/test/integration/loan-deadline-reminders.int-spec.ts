import type { INestApplicationContext } from '@nestjs/common';
import { Role } from '@irm/contracts';
import { deadlineNoticeAt, localDate, WorkingDays } from '@irm/domain';
import { DataSource } from 'typeorm';
import { WorkingCalendarService } from '../../src/calendar/working-calendar.service';
import { loadConfig } from '../../src/config/app-config';
import { WorkerHost } from '../../src/queue/worker-host';
import { seed } from '../../src/seed/seeder';
import { createWorkerApp } from '../../src/worker.module';
import { SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';
import { TEST_REDIS_URL } from '../support/test-env';
import { insertContact, insertProvinceSettings } from './support/mail-fixtures';
import { waitFor } from './support/queue-harness';

const TZ = 'Asia/Ho_Chi_Minh';
const APP_URL = 'https://crm.ipa.example.vn';
const BILLION = 1_000_000_000;

interface ReminderRow {
  status: string;
  occurrence: number;
  due_at: Date;
  emails: number | null;
}

/** The API (HTTP) and the worker over one database and Redis prefix, mail going to a real SMTP listener. */
describe('loan deadline reminders to the applicant contact', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: INestApplicationContext;
  let staff: TestClient;
  let manager: TestClient;
  let staffId: string;
  let organizationId: string;
  let days: WorkingDays;
  let stages: Record<string, string>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    const env = { SMTP_URL: sink.url, APP_URL, MAIL_RETRY_DELAY_MS: '50' };
    t = await startTestApp(env);
    await seed(t.app.get(DataSource), { adminPassword: 'a long enough password' });
    await insertProvinceSettings(t.app.get(DataSource));
    worker = await createWorkerApp(
      loadConfig({
        DATABASE_URL: t.database.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_PREFIX: t.config.REDIS_PREFIX,
        LOG_LEVEL: process.env.IRM_TEST_LOG_LEVEL ?? 'silent',
        NODE_ENV: 'test',
        ...env,
      }),
    );
    await worker.get(WorkerHost).start();
    ({
      client: staff,
      user: { id: staffId },
    } = await signedIn(t, Role.Staff));
    ({ client: manager } = await signedIn(t, Role.Manager));
    organizationId = (
      await staff.post('/api/organizations?confirmDuplicate=true', {
        name: 'Công ty TNHH Cơ khí Đồng Sóc',
        kind: 'domestic',
        country: 'VN',
      })
    ).body.id;
    days = await t.app.get(WorkingCalendarService).current();
    const pipelines = (await staff.get('/api/pipelines')).body as {
      kind: string;
      stages: { id: string; key: string }[];
    }[];
    stages = Object.fromEntries(
      pipelines.find((p) => p.kind === 'loan_application')!.stages.map((stage) => [stage.key, stage.id]),
    );
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sink?.close();
  });
  beforeEach(() => sink.clear());

  const db = () => t.app.get(DataSource);
  const today = () => localDate(new Date(), TZ);
  /** A deadline nearer than the notice: its reminder is due at once. */
  const soon = () => days.add(today(), 1);
  const later = (workingDays: number) => days.add(today(), workingDays);

  const contact = (language: string, optedOut = false) =>
    insertContact(db(), { ownerId: staffId, fullName: `Applicant ${language}`, language, optedOut });

  const createLoan = async (body: Record<string, unknown>) => {
    const response = await staff.post('/api/loan-applications', {
      organizationId,
      applicantType: 'sme',
      lender: 'Vietcombank Vĩnh Phúc',
      lenderKind: 'bank',
      purpose: 'Nhà xưởng cơ khí',
      requestedVnd: 5 * BILLION,
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number; documentsDueOn: string | null };
  };
  const patchLoan = async (id: string, body: Record<string, unknown>) => {
    const { version } = (await staff.get(`/api/loan-applications/${id}`)).body;
    const response = await staff.patch(`/api/loan-applications/${id}`, { version, ...body });
    expect(response.status).toBe(200);
    return response.body;
  };
  const approvedLoan = async (body: Record<string, unknown>) => {
    const loan = await createLoan(body);
    const approved = await manager.patch(`/api/loan-applications/${loan.id}`, {
      version: loan.version,
      approvedVnd: 2 * BILLION,
    });
    expect(approved.status).toBe(200);
    return approved.body as { id: string; version: number };
  };
  const planTranche = async (loan: { id: string; version: number }, milestoneDueOn: string | null) => {
    const response = await staff.post(`/api/loan-applications/${loan.id}/tranches`, {
      milestone: 'Hoàn thành móng nhà xưởng',
      requiredProgressPct: 30,
      amountVnd: BILLION,
      milestoneDueOn,
      version: loan.version,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number; milestoneDueOn: string | null };
  };
  const reminder = async (slot: string): Promise<ReminderRow | undefined> =>
    (await db().query(`SELECT status, occurrence, due_at, emails FROM reminder WHERE slot = $1`, [slot]))[0];
  const fired = (slot: string) =>
    waitFor(`reminder ${slot} to fire`, async () => {
      const row = await reminder(slot);
      return row?.status === 'fired' ? row : undefined;
    });
  const mailTo = (address: string) =>
    waitFor(`mail to ${address}`, async () => sink.received.find((mail) => mail.envelope.to.includes(address)));
  const emailsAbout = (id: string): Promise<{ status: string; recipient_email: string; subject: string }[]> =>
    db().query(`SELECT status, recipient_email, subject FROM email_message WHERE subject_id = $1`, [id]);

  it('sends the outstanding documents and the deadline to the contact, in Vietnamese', async () => {
    const applicant = await contact('vi');
    const dueOn = soon();
    const loan = await createLoan({ contactId: applicant.id });
    // A document already on file is left out of the list.
    const received = await staff.request('PUT', `/api/loan-applications/${loan.id}/documents/application_form`, {
      body: { version: loan.version },
    });
    expect(received.status).toBe(200);
    expect((await patchLoan(loan.id, { documentsDueOn: dueOn })).documentsDueOn).toBe(dueOn);

    const mail = await sink.parsed(await mailTo(applicant.email));
    const [year, month, day] = dueOn.split('-').map(Number);
    const date = `${day} tháng ${month}, ${year}`;
    expect(mail.subject).toBe(`Nhắc nộp hồ sơ vay vốn trước ngày ${date}`);
    expect(mail.html).toContain('<html dir="ltr" lang="vi">');
    expect(mail.text).toContain('Giấy chứng nhận đăng ký doanh nghiệp');
    expect(mail.text).toContain('Hợp đồng tín dụng đã ký');
    expect(mail.text).not.toContain('Văn bản về môi trường');
    expect(mail.text).toContain(`${APP_URL}/unsubscribe/${applicant.id}.`);
    expect(mail.text).not.toContain('Đơn đề nghị vay vốn');
    expect(mail.headerLines.map((line) => line.key)).toContain('list-unsubscribe');
    expect(mail.text).toContain('"Nhà xưởng cơ khí — Vietcombank Vĩnh Phúc"');
    expect(await fired(`loan-documents:${loan.id}`)).toMatchObject({ emails: 1, occurrence: 1 });
  });

  it('sends the milestone with its progress and due date, in English for an English reader', async () => {
    const applicant = await contact('en');
    const loan = await approvedLoan({ contactId: applicant.id });
    const dueOn = soon();
    const tranche = await planTranche(loan, dueOn);
    expect(tranche.milestoneDueOn).toBe(dueOn);

    const mail = await sink.parsed(await mailTo(applicant.email));
    const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${dueOn}T00:00:00Z`),
    );
    expect(mail.subject).toBe(`Disbursement milestone 1 due ${date}: Hoàn thành móng nhà xưởng`);
    expect(mail.text).toContain('should reach 30% progress by');
    expect(mail.text).toContain('Unsubscribe');
    expect(mail.text).toContain(`${APP_URL}/unsubscribe/${applicant.id}.`);
    expect(await fired(`loan-milestone:${tranche.id}`)).toMatchObject({ emails: 1 });
  });

  it('logs the reminder of an opted-out contact as not sent, and sends nothing', async () => {
    const applicant = await contact('vi', true);
    const loan = await createLoan({ contactId: applicant.id, documentsDueOn: soon() });
    expect(await fired(`loan-documents:${loan.id}`)).toMatchObject({ emails: 1 });
    expect(await emailsAbout(loan.id)).toEqual([
      expect.objectContaining({ status: 'not_sent', recipient_email: applicant.email }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received.filter((mail) => mail.envelope.to.includes(applicant.email))).toEqual([]);
  });

  it('sends nothing when every document is on file, or there is no contact', async () => {
    const applicant = await contact('vi');
    let loan = await createLoan({ contactId: applicant.id });
    for (const key of [
      'application_form',
      'business_registration',
      'investment_plan',
      'financial_statements',
      'collateral',
      'land_lease',
      'credit_contract',
    ]) {
      const response = await staff.request('PUT', `/api/loan-applications/${loan.id}/documents/${key}`, {
        body: { version: loan.version },
      });
      expect(response.status).toBe(200);
      loan = response.body;
    }
    await patchLoan(loan.id, { documentsDueOn: soon() });
    expect(await fired(`loan-documents:${loan.id}`)).toMatchObject({ emails: 0 });

    const withoutContact = await createLoan({ documentsDueOn: soon() });
    expect(await fired(`loan-documents:${withoutContact.id}`)).toMatchObject({ emails: 0 });
    expect([...(await emailsAbout(loan.id)), ...(await emailsAbout(withoutContact.id))]).toEqual([]);
  });

  it('moves the reminder with the date, cancels it when the date is cleared or the application closes', async () => {
    const applicant = await contact('vi');
    const slot = (id: string) => `loan-documents:${id}`;
    const first = later(40);
    const loan = await createLoan({ contactId: applicant.id, documentsDueOn: first });
    let row = await reminder(slot(loan.id));
    expect(row).toMatchObject({ status: 'pending', occurrence: 1 });
    expect(row!.due_at).toEqual(deadlineNoticeAt(days, first, 3, new Date()));

    const second = later(50);
    await patchLoan(loan.id, { documentsDueOn: second });
    row = await reminder(slot(loan.id));
    expect(row).toMatchObject({ status: 'pending', occurrence: 2 });
    expect(row!.due_at).toEqual(deadlineNoticeAt(days, second, 3, new Date()));
    // The same date again is no new occurrence.
    await patchLoan(loan.id, { documentsDueOn: second, purpose: 'Nhà xưởng cơ khí giai đoạn 2' });
    expect(await reminder(slot(loan.id))).toMatchObject({ occurrence: 2 });
    const job = await waitFor('the delayed job of occurrence 2', async () => {
      const [outbox] = await db().query(`SELECT job_id, run_at FROM outbox_message WHERE job_id LIKE $1`, [
        `reminder-%-2`,
      ]);
      return outbox as { job_id: string; run_at: Date } | undefined;
    });
    expect(job.run_at).toEqual(deadlineNoticeAt(days, second, 3, new Date()));

    await patchLoan(loan.id, { documentsDueOn: null });
    expect(await reminder(slot(loan.id))).toMatchObject({ status: 'cancelled', occurrence: 2 });
    await patchLoan(loan.id, { documentsDueOn: first });
    expect(await reminder(slot(loan.id))).toMatchObject({ status: 'pending', occurrence: 3 });

    const current = (await staff.get(`/api/loan-applications/${loan.id}`)).body;
    const moved = await staff.post(`/api/loan-applications/${loan.id}/move`, {
      stageId: stages.withdrawn,
      version: current.version,
      reason: 'Doanh nghiệp rút hồ sơ',
    });
    expect(moved.status).toBe(200);
    expect(await reminder(slot(loan.id))).toMatchObject({ status: 'cancelled', occurrence: 3 });
  });

  it('cancels a milestone reminder when the tranche is confirmed or removed', async () => {
    const applicant = await contact('en');
    const loan = await approvedLoan({ contactId: applicant.id });
    const tranche = await planTranche(loan, later(30));
    const slot = `loan-milestone:${tranche.id}`;
    expect(await reminder(slot)).toMatchObject({ status: 'pending', occurrence: 1 });

    const moved = await staff.patch(`/api/loan-applications/${loan.id}/tranches/${tranche.id}`, {
      milestoneDueOn: later(35),
      version: tranche.version,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.milestoneDueOn).toBe(later(35));
    expect(await reminder(slot)).toMatchObject({ status: 'pending', occurrence: 2 });

    const confirmed = await staff.post(`/api/loan-applications/${loan.id}/tranches/${tranche.id}/confirm`, {
      version: moved.body.version,
      progressPct: 35,
    });
    expect(confirmed.status).toBe(200);
    expect(await reminder(slot)).toMatchObject({ status: 'cancelled' });

    const { version } = (await staff.get(`/api/loan-applications/${loan.id}`)).body;
    const other = await planTranche({ id: loan.id, version }, later(30));
    expect(await reminder(`loan-milestone:${other.id}`)).toMatchObject({ status: 'pending' });
    const removed = await staff.delete(
      `/api/loan-applications/${loan.id}/tranches/${other.id}?version=${other.version}`,
    );
    expect(removed.status).toBe(204);
    expect(await reminder(`loan-milestone:${other.id}`)).toMatchObject({ status: 'cancelled' });
  });
});
