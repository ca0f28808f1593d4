import { Role } from '@irm/contracts';
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';
import { createUser, signedIn, TEST_PASSWORD, TestClient } from '../support/test-client';
import { spawnWorker, WorkerProcess } from '../support/worker-process';
import { insertProvinceSettings } from './support/mail-fixtures';
import { waitFor } from './support/queue-harness';

const APP_URL = 'https://crm.ipa.example.vn';
const NEW_PASSWORD = 'Khu công nghiệp Thăng Long Vĩnh Phúc 213 ha';

/** The link of an account email, from the plain-text part, checked against the HTML button. */
function linkOf(mail: ParsedMail, path: 'invitation' | 'reset-password'): string {
  const match = new RegExp(`${APP_URL.replace(/\./g, '\\.')}/${path}/([A-Za-z0-9_-]{43})`).exec(mail.text ?? '');
  if (!match) throw new Error(`no ${path} link in:\n${mail.text}`);
  expect(mail.html).toContain(`href="${match[0]}"`);
  return match[1];
}

/**
 * Invitation and reset emails as people receive them: the API queues them, the real worker process sends them
 * over SMTP, and the link in the received message works against the API.
 */
describe('account mail through the worker', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: WorkerProcess;
  let admin: TestClient;
  let adminName: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    const env = {
      SMTP_URL: sink.url,
      APP_URL,
      MAIL_FROM: 'Trung tâm XTĐT <no-reply@ipa.example.vn>',
      MAIL_RETRY_DELAY_MS: '100',
    };
    t = await startTestApp(env);
    await insertProvinceSettings(t.app.get(DataSource));
    worker = spawnWorker({
      ...env,
      DATABASE_URL: t.config.DATABASE_URL,
      REDIS_URL: t.config.REDIS_URL,
      REDIS_PREFIX: t.config.REDIS_PREFIX,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
    });
    const signed = await signedIn(t, Role.Admin);
    admin = signed.client;
    adminName = signed.user.name;
  }, 60_000);
  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await t?.close();
    await sink?.close();
  });

  /** The message the sink accepted for this address (there is one per test and address). */
  const received = async (address: string): Promise<ParsedMail> => {
    const mail = await waitFor(
      `an email to ${address} (worker said: ${worker.output().slice(-1500)})`,
      async () => sink.received.find((m) => m.envelope.to.includes(address)),
      30_000,
    );
    expect(mail.envelope.from).toBe('no-reply@ipa.example.vn');
    return sink.parsed(mail);
  };
  const statusOfEmailTo = async (address: string) =>
    (
      (await t.app.get(DataSource).query(`SELECT status FROM email_message WHERE recipient_email = $1`, [address])) as {
        status: string;
      }[]
    ).map((row) => row.status);

  it.each([
    {
      language: 'en' as const,
      subject: 'Your invitation to the investor relations system – Vinh Phuc Investment Promotion Centre',
      invited: (inviter: string) => `${inviter} has invited you to the investor relations system as manager.`,
    },
    {
      language: 'vi' as const,
      subject: 'Lời mời sử dụng hệ thống quản lý nhà đầu tư – Trung tâm Xúc tiến Đầu tư tỉnh Vĩnh Phúc',
      invited: (inviter: string) => `${inviter} mời anh/chị sử dụng hệ thống quản lý nhà đầu tư với vai trò Quản lý.`,
    },
  ])('delivers the invitation in $language, and its link sets the password and signs in', async (expected) => {
    const address = `invitee.${expected.language}.${Date.now().toString(36)}@ipa.test`;
    const created = await admin.post('/api/users', {
      email: address,
      name: 'Phạm Minh Khách',
      role: 'manager',
      invite: true,
      language: expected.language,
    });
    expect(created.status).toBe(201);

    const mail = await received(address);
    expect(mail.subject).toBe(expected.subject);
    expect(mail.to).toMatchObject({ value: [{ address, name: 'Phạm Minh Khách' }] });
    expect(mail.html).toContain(`<html dir="ltr" lang="${expected.language}">`);
    expect(mail.text).toContain(expected.invited(adminName));
    const token = linkOf(mail, 'invitation');
    await waitFor('the email to be recorded as sent', async () => (await statusOfEmailTo(address))[0] === 'sent');

    const browser = new TestClient(t.baseUrl);
    const info = await browser.get(`/api/public/account-tokens/${token}`);
    expect(info.body).toMatchObject({ purpose: 'invitation', email: address, name: 'Phạm Minh Khách' });
    const accepted = await browser.post('/api/auth/invitation/accept', { token, password: NEW_PASSWORD });
    expect(accepted.status).toBe(200);
    expect((await browser.get('/api/auth/me')).body).toMatchObject({ email: address, language: expected.language });
  });

  it.each([
    {
      language: 'vi' as const,
      subject: 'Đặt lại mật khẩu – Trung tâm Xúc tiến Đầu tư tỉnh Vĩnh Phúc',
      asked: 'Có yêu cầu đặt lại mật khẩu cho tài khoản của anh/chị.',
    },
    {
      language: 'en' as const,
      subject: 'Reset your password – Vinh Phuc Investment Promotion Centre',
      asked: 'Someone asked to reset the password of your account.',
    },
  ])('delivers the password reset in $language, and its link sets the new password', async (expected) => {
    const user = await createUser(t, Role.Staff, { name: 'Đỗ Thị Quên' });
    if (expected.language === 'en') {
      const self = new TestClient(t.baseUrl);
      await self.login(user.email, TEST_PASSWORD);
      expect((await self.patch('/api/auth/me', { language: 'en' })).status).toBe(200);
    }
    expect((await new TestClient(t.baseUrl).post('/api/auth/password-reset', { email: user.email })).status).toBe(202);

    const mail = await received(user.email);
    expect(mail.subject).toBe(expected.subject);
    expect(mail.to).toMatchObject({ value: [{ address: user.email, name: 'Đỗ Thị Quên' }] });
    expect(mail.html).toContain(`<html dir="ltr" lang="${expected.language}">`);
    expect(mail.text).toContain(expected.asked);
    const token = linkOf(mail, 'reset-password');

    const confirmed = await new TestClient(t.baseUrl).post('/api/auth/password-reset/confirm', {
      token,
      password: NEW_PASSWORD,
    });
    expect(confirmed.status).toBe(204);
    await new TestClient(t.baseUrl).login(user.email, NEW_PASSWORD);
    const again = await new TestClient(t.baseUrl).post('/api/auth/password-reset/confirm', {
      token,
      password: NEW_PASSWORD,
    });
    expect(again.status).toBe(410);
  });

  it('sends nothing for an address without an account', async () => {
    const address = `nobody.${Date.now().toString(36)}@ipa.test`;
    expect((await new TestClient(t.baseUrl).post('/api/auth/password-reset', { email: address })).status).toBe(202);
    await waitFor('the request to be handled', async () => {
      const rows = await t.app
        .get(DataSource)
        .query(`SELECT 1 FROM audit_event WHERE action = 'password_reset_request' AND details->>'email' = $1`, [
          address,
        ]);
      return rows.length > 0;
    });
    // A real account's reset sent after it has arrived, so the worker has had every chance to send the first.
    const user = await createUser(t, Role.Staff);
    await new TestClient(t.baseUrl).post('/api/auth/password-reset', { email: user.email });
    await received(user.email);
    expect(sink.received.filter((m) => m.envelope.to.includes(address))).toEqual([]);
    expect(await statusOfEmailTo(address)).toEqual([]);
  });
});
