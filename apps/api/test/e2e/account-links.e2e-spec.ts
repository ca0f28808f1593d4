import { randomBytes } from 'node:crypto';
import { AuditAction, EmailTemplateKey, Role, SESSION_COOKIE } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';
import { createUser, signedIn, TEST_PASSWORD, TestClient, TestResponse } from '../support/test-client';

const APP_URL = 'https://crm.ipa.test';
const NEW_PASSWORD = 'Cụm công nghiệp Hợp Thịnh 48 ha';
const LINK = new RegExp(`${APP_URL.replace(/\./g, '\\.')}/(invitation|reset-password)/([A-Za-z0-9_-]{43})`);

/** A problem body, with no trace of the server's code in it. */
function expectProblem(response: TestResponse, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code });
  expect(JSON.stringify(response.body)).not.toMatch(/\.ts:\d+|\bat \w+ \(|stack/);
}

async function poll<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('invitation and password reset (HTTP)', () => {
  let t: TestApp;
  let admin: TestClient;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp({ APP_URL, PASSWORD_RESET_LIMIT_PER_ACCOUNT: '3', PASSWORD_RESET_LIMIT_PER_IP: '1000' });
    const signed = await signedIn(t, Role.Admin);
    admin = signed.client;
    adminId = signed.user.id;
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DataSource);
  const anonymous = () => new TestClient(t.baseUrl);
  let unique = 0;
  const email = (who: string) => `${who}.${++unique}.${Date.now().toString(36)}@ipa.test`;

  /** The emails queued for a user (no worker runs here: they stay queued), newest first. */
  const emailsTo = async (userId: string, template: EmailTemplateKey) =>
    (await db().query(
      `SELECT id, language, subject, text_body AS "text", recipient_email AS "to", status
         FROM email_message WHERE recipient_user_id = $1 AND template_key = $2 ORDER BY created_at DESC, id`,
      [userId, template],
    )) as { id: string; language: string; subject: string; text: string; to: string; status: string }[];
  /** The secret in the link of the newest such email. */
  const linkIn = async (userId: string, template: EmailTemplateKey) => {
    const [latest] = await emailsTo(userId, template);
    const match = LINK.exec(latest?.text ?? '');
    if (!match) throw new Error(`no link in ${latest?.text}`);
    return { path: match[1], token: match[2] };
  };
  const auditOf = async (userId: string) =>
    (
      (await db().query(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY id`, [userId])) as {
        action: string;
      }[]
    ).map((row) => row.action);
  const passwordHash = async (userId: string) =>
    ((await db().query(`SELECT password_hash FROM app_user WHERE id = $1`, [userId])) as { password_hash: string }[])[0]
      .password_hash;
  const invite = async (overrides: Record<string, unknown> = {}) => {
    const response = await admin.post('/api/users', {
      email: email('invitee'),
      name: 'Trần Thị Mời',
      role: 'staff',
      invite: true,
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; email: string; name: string; version: number; pendingInvitation: boolean };
  };
  const randomSecret = () => randomBytes(32).toString('base64url');

  describe('invitation', () => {
    it('creates the account without a usable password and emails a single-use link in its language', async () => {
      const created = await admin.post('/api/users', {
        email: email('an.nguyen'),
        name: 'Nguyễn Văn An',
        role: 'manager',
        invite: true,
        language: 'en',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ role: 'manager', language: 'en', pendingInvitation: true, version: 1 });
      const user = created.body;

      // No password works until the invitation is accepted.
      expect(await passwordHash(user.id)).toBe('!invited');
      for (const password of ['!invited', '', TEST_PASSWORD]) {
        const attempt = await anonymous().post('/api/auth/login', { email: user.email, password: password || 'x' });
        expect(attempt.status).toBe(401);
      }

      const [mail] = await emailsTo(user.id, EmailTemplateKey.UserInvitation);
      expect(mail).toMatchObject({ language: 'en', to: user.email, status: 'queued' });
      expect(mail.subject).toMatch(/^Your invitation to the investor relations system/);
      const { path, token } = await linkIn(user.id, EmailTemplateKey.UserInvitation);
      expect(path).toBe('invitation');

      // Stored as a keyed hash only, expiring in 7 days.
      const tokens = await db().query(
        `SELECT purpose, token_hash, extract(epoch FROM expires_at - created_at) / 3600 AS hours
           FROM account_token WHERE user_id = $1`,
        [user.id],
      );
      expect(tokens).toEqual([
        { purpose: 'invitation', token_hash: expect.stringMatching(/^[0-9a-f]{64}$/), hours: expect.anything() },
      ]);
      expect(Math.round(Number(tokens[0].hours))).toBe(168);
      expect(JSON.stringify(await db().query(`SELECT * FROM account_token`))).not.toContain(token);

      const info = await anonymous().get(`/api/public/account-tokens/${token}`);
      expect(info.status).toBe(200);
      expect(info.body).toEqual({
        purpose: 'invitation',
        email: user.email,
        name: 'Nguyễn Văn An',
        expiresAt: expect.stringMatching(/Z$/),
      });

      const listed = await admin.get(`/api/users?q=${encodeURIComponent(user.email)}`);
      expect(listed.body.items).toEqual([expect.objectContaining({ id: user.id, pendingInvitation: true })]);
    });

    it('sets the password from the link and signs the person in; the link then no longer works', async () => {
      const user = await invite({ name: 'Lê Văn Nhận' });
      const { token } = await linkIn(user.id, EmailTemplateKey.UserInvitation);
      const browser = anonymous();

      const weak = await browser.post('/api/auth/invitation/accept', { token, password: 'password1234' });
      expectProblem(weak, 422, 'rule_violated');
      expect(weak.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(/too easy/) }]);
      expect(await passwordHash(user.id)).toBe('!invited');

      const accepted = await browser.post('/api/auth/invitation/accept', { token, password: NEW_PASSWORD });
      expect(accepted.status).toBe(200);
      expect(accepted.body.user).toMatchObject({ id: user.id, email: user.email, role: 'staff', via: 'session' });
      expect(browser.cookie(SESSION_COOKIE)).toBeDefined();
      expect((await browser.get('/api/auth/me')).body.id).toBe(user.id);

      expectProblem(
        await anonymous().post('/api/auth/invitation/accept', { token, password: NEW_PASSWORD }),
        410,
        'link_used',
      );
      expectProblem(await anonymous().get(`/api/public/account-tokens/${token}`), 410, 'link_used');
      await anonymous().login(user.email, NEW_PASSWORD);

      const listed = await admin.get(`/api/users?q=${encodeURIComponent(user.email)}`);
      expect(listed.body.items[0].pendingInvitation).toBe(false);
      expect(await auditOf(user.id)).toEqual([
        AuditAction.Create,
        AuditAction.InvitationSend,
        AuditAction.InvitationAccept,
        AuditAction.Login,
        AuditAction.Login,
      ]);
      const [send] = await db().query(
        `SELECT actor_id FROM audit_event WHERE subject_id = $1 AND action = 'invitation_send'`,
        [user.id],
      );
      expect(send.actor_id).toBe(adminId);
    });

    it('lets one of two simultaneous acceptances through', async () => {
      const user = await invite();
      const { token } = await linkIn(user.id, EmailTemplateKey.UserInvitation);
      const [a, b] = await Promise.all([
        anonymous().post('/api/auth/invitation/accept', { token, password: NEW_PASSWORD }),
        anonymous().post('/api/auth/invitation/accept', { token, password: 'Khu công nghiệp Sơn Lôi 257 ha' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 410]);
      const [{ count }] = await db().query(
        `SELECT count(*)::int AS count FROM audit_event WHERE subject_id = $1 AND action = 'invitation_accept'`,
        [user.id],
      );
      expect(count).toBe(1);
    });

    it('re-sends a new link that replaces the old one, guarded by the version', async () => {
      const user = await invite();
      const first = await linkIn(user.id, EmailTemplateKey.UserInvitation);

      const resent = await admin.post(`/api/users/${user.id}/invitation`, { version: user.version });
      expect(resent.status).toBe(200);
      expect(resent.body).toMatchObject({ id: user.id, version: user.version + 1, pendingInvitation: true });
      expectProblem(
        await admin.post(`/api/users/${user.id}/invitation`, { version: user.version }),
        409,
        'stale_version',
      );
      expect(await emailsTo(user.id, EmailTemplateKey.UserInvitation)).toHaveLength(2);

      const second = await linkIn(user.id, EmailTemplateKey.UserInvitation);
      expect(second.token).not.toBe(first.token);
      expectProblem(await anonymous().get(`/api/public/account-tokens/${first.token}`), 410, 'link_replaced');
      expectProblem(
        await anonymous().post('/api/auth/invitation/accept', { token: first.token, password: NEW_PASSWORD }),
        410,
        'link_replaced',
      );
      const live = await db().query(
        `SELECT count(*)::int AS count FROM account_token WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
        [user.id],
      );
      expect(live[0].count).toBe(1);
      expect(
        (await anonymous().post('/api/auth/invitation/accept', { token: second.token, password: NEW_PASSWORD })).status,
      ).toBe(200);

      // Once a password is set there is nothing to re-send.
      const after = (await admin.get(`/api/users?q=${encodeURIComponent(user.email)}`)).body.items[0];
      expectProblem(
        await admin.post(`/api/users/${user.id}/invitation`, { version: after.version }),
        422,
        'rule_violated',
      );
      expect((await auditOf(user.id)).filter((a) => a === AuditAction.InvitationSend)).toHaveLength(2);
    });

    it('refuses an expired link and changes nothing', async () => {
      const user = await invite();
      const { token } = await linkIn(user.id, EmailTemplateKey.UserInvitation);
      await db().query(
        `UPDATE account_token SET created_at = created_at - interval '8 days', expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [user.id],
      );
      expectProblem(await anonymous().get(`/api/public/account-tokens/${token}`), 410, 'link_expired');
      expectProblem(
        await anonymous().post('/api/auth/invitation/accept', { token, password: NEW_PASSWORD }),
        410,
        'link_expired',
      );
      expect(await passwordHash(user.id)).toBe('!invited');
      expect(await auditOf(user.id)).not.toContain(AuditAction.InvitationAccept);
    });

    it('answers unknown, malformed and wrong-purpose links with 404', async () => {
      expectProblem(await anonymous().get(`/api/public/account-tokens/${randomSecret()}`), 404, 'not_found');
      expectProblem(await anonymous().get('/api/public/account-tokens/short'), 404, 'not_found');
      expectProblem(
        await anonymous().post('/api/auth/invitation/accept', { token: randomSecret(), password: NEW_PASSWORD }),
        404,
        'not_found',
      );
      // A reset link is no invitation.
      const user = await createUser(t, Role.Staff);
      await anonymous().post('/api/auth/password-reset', { email: user.email });
      await poll('the reset email', async () => (await emailsTo(user.id, EmailTemplateKey.PasswordReset)).length > 0);
      const { token } = await linkIn(user.id, EmailTemplateKey.PasswordReset);
      expectProblem(
        await anonymous().post('/api/auth/invitation/accept', { token, password: NEW_PASSWORD }),
        404,
        'not_found',
      );
      // Malformed bodies are 400 problems.
      expectProblem(
        await anonymous().post('/api/auth/invitation/accept', { token: 12, password: NEW_PASSWORD }),
        400,
        'validation_failed',
      );
      expectProblem(await anonymous().post('/api/auth/invitation/accept', '{"token":'), 400, 'malformed_json');
    });

    it('wants either a password or invite: true', async () => {
      const both = await admin.post('/api/users', {
        email: email('both'),
        name: 'Both',
        role: 'staff',
        password: TEST_PASSWORD,
        invite: true,
      });
      expectProblem(both, 400, 'validation_failed');
      expect(both.body.errors[0].field).toBe('password');
      const neither = await admin.post('/api/users', { email: email('neither'), name: 'Neither', role: 'staff' });
      expectProblem(neither, 400, 'validation_failed');
      expect(neither.body.errors[0].field).toBe('password');
      const [{ count }] = await db().query(
        `SELECT count(*)::int AS count FROM app_user WHERE email LIKE 'both.%' OR email LIKE 'neither.%'`,
      );
      expect(count).toBe(0);
    });

    it('voids the link of a deactivated account and refuses to re-send to it', async () => {
      const user = await invite();
      const { token } = await linkIn(user.id, EmailTemplateKey.UserInvitation);
      const patched = await admin.patch(`/api/users/${user.id}`, { version: user.version, active: false });
      expect(patched.status).toBe(200);
      expectProblem(await anonymous().get(`/api/public/account-tokens/${token}`), 410, 'link_used');
      expectProblem(
        await admin.post(`/api/users/${user.id}/invitation`, { version: patched.body.version }),
        422,
        'rule_violated',
      );
    });
  });

  describe('password reset', () => {
    /** The audit row a reset request for `address` leaves once handled (the answer comes before). */
    const handled = (address: string) =>
      poll(`the reset request for ${address}`, async () => {
        const rows = (await db().query(
          `SELECT subject_id AS "subjectId", actor_id AS "actorId", details FROM audit_event
            WHERE action = 'password_reset_request' AND details->>'email' = $1 ORDER BY id`,
          [address],
        )) as { subjectId: string | null; actorId: string | null; details: { outcome: string } }[];
        return rows.length > 0 ? rows : null;
      });

    it('answers alike for an account, a deactivated account and an unknown address; only the account gets mail', async () => {
      const active = await createUser(t, Role.Staff);
      const inactive = await createUser(t, Role.Staff);
      await admin.patch(`/api/users/${inactive.id}`, { version: inactive.version, active: false });
      const unknown = email('nobody');

      const answers = [];
      for (const address of [active.email, inactive.email, unknown]) {
        const response = await anonymous().post('/api/auth/password-reset', { email: address.toUpperCase() });
        answers.push({ status: response.status, body: response.body, type: response.headers.get('content-type') });
      }
      expect(answers[0]).toMatchObject({ status: 202, body: '' });
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);

      expect((await handled(active.email))[0]).toMatchObject({
        subjectId: active.id,
        actorId: null,
        details: { outcome: 'sent' },
      });
      expect((await handled(inactive.email))[0]).toMatchObject({
        subjectId: inactive.id,
        details: { outcome: 'inactive' },
      });
      expect((await handled(unknown))[0]).toMatchObject({ subjectId: null, details: { outcome: 'unknown_email' } });

      const mail = await db().query(
        `SELECT recipient_email AS "to", template_key AS template, language, subject FROM email_message
          WHERE recipient_email = ANY($1)`,
        [[active.email, inactive.email, unknown]],
      );
      expect(mail).toEqual([
        {
          to: active.email,
          template: 'password_reset',
          language: 'vi',
          subject: expect.stringMatching(/^Đặt lại mật khẩu/),
        },
      ]);
      const [token] = await db().query(
        `SELECT extract(epoch FROM expires_at - created_at) / 60 AS minutes FROM account_token WHERE user_id = $1`,
        [active.id],
      );
      expect(Math.round(Number(token.minutes))).toBe(60);
    });

    it('sets the new password, ends every session and works once', async () => {
      const user = await createUser(t, Role.Staff);
      const here = new TestClient(t.baseUrl);
      const elsewhere = new TestClient(t.baseUrl);
      await here.login(user.email, TEST_PASSWORD);
      await elsewhere.login(user.email, TEST_PASSWORD);
      const script = new TestClient(t.baseUrl);
      script.bearer = (await here.post('/api/auth/tokens', { name: 'script' })).body.token;

      expect((await anonymous().post('/api/auth/password-reset', { email: user.email })).status).toBe(202);
      await handled(user.email);
      const { path, token } = await linkIn(user.id, EmailTemplateKey.PasswordReset);
      expect(path).toBe('reset-password');
      const info = await anonymous().get(`/api/public/account-tokens/${token}`);
      expect(info.body).toMatchObject({ purpose: 'password_reset', email: user.email, name: user.name });

      const tooShort = await anonymous().post('/api/auth/password-reset/confirm', { token, password: 'Xy9!short' });
      expectProblem(tooShort, 422, 'rule_violated');
      expect((await here.get('/api/auth/me')).status).toBe(200);

      const done = await anonymous().post('/api/auth/password-reset/confirm', { token, password: NEW_PASSWORD });
      expect(done.status).toBe(204);
      expect((await here.get('/api/auth/me')).status).toBe(401);
      expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
      const [{ live }] = await db().query(
        `SELECT count(*)::int AS live FROM user_session WHERE user_id = $1 AND revoked_at IS NULL`,
        [user.id],
      );
      expect(live).toBe(0);
      // API tokens are the owner's deliberate grants; a reset does not touch them.
      expect((await script.get('/api/auth/me')).status).toBe(200);

      expect((await anonymous().post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(
        401,
      );
      await anonymous().login(user.email, NEW_PASSWORD);
      expectProblem(
        await anonymous().post('/api/auth/password-reset/confirm', { token, password: 'Yet another long phrase 2030' }),
        410,
        'link_used',
      );
      await anonymous().login(user.email, NEW_PASSWORD);
      expect(await auditOf(user.id)).toEqual(
        expect.arrayContaining([AuditAction.PasswordResetRequest, AuditAction.PasswordReset]),
      );
      const [reset] = await db().query(
        `SELECT actor_id FROM audit_event WHERE subject_id = $1 AND action = 'password_reset'`,
        [user.id],
      );
      expect(reset.actor_id).toBe(user.id);
    });

    it('refuses an expired, a replaced or a made-up link and changes nothing', async () => {
      const user = await createUser(t, Role.Staff);
      await anonymous().post('/api/auth/password-reset', { email: user.email });
      await handled(user.email);
      const first = await linkIn(user.id, EmailTemplateKey.PasswordReset);
      await anonymous().post('/api/auth/password-reset', { email: user.email });
      await poll(
        'the second reset email',
        async () => (await emailsTo(user.id, EmailTemplateKey.PasswordReset)).length === 2,
      );
      const second = await linkIn(user.id, EmailTemplateKey.PasswordReset);
      const hash = await passwordHash(user.id);

      expectProblem(
        await anonymous().post('/api/auth/password-reset/confirm', { token: first.token, password: NEW_PASSWORD }),
        410,
        'link_replaced',
      );
      await db().query(
        `UPDATE account_token SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 minute' WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
        [user.id],
      );
      expectProblem(
        await anonymous().post('/api/auth/password-reset/confirm', { token: second.token, password: NEW_PASSWORD }),
        410,
        'link_expired',
      );
      expectProblem(
        await anonymous().post('/api/auth/password-reset/confirm', { token: randomSecret(), password: NEW_PASSWORD }),
        404,
        'not_found',
      );
      expect(await passwordHash(user.id)).toBe(hash);
      expect(await auditOf(user.id)).not.toContain(AuditAction.PasswordReset);
      await anonymous().login(user.email, TEST_PASSWORD);
    });

    it('sends at most the per-account number of emails, answering every request alike', async () => {
      const user = await createUser(t, Role.Staff);
      for (let i = 0; i < 5; i++) {
        expect((await anonymous().post('/api/auth/password-reset', { email: user.email })).status).toBe(202);
      }
      const rows = await poll('five handled requests', async () => {
        const found = await handled(user.email);
        return found.length === 5 ? found : null;
      });
      // Handled concurrently after the answers: which requests were throttled is not fixed, how many is.
      expect(rows.map((row) => row.details.outcome).sort()).toEqual(['sent', 'sent', 'sent', 'throttled', 'throttled']);
      expect(await emailsTo(user.id, EmailTemplateKey.PasswordReset)).toHaveLength(3);
    });

    it('voids an outstanding reset link when the password is changed', async () => {
      const { client, user } = await signedIn(t, Role.Staff);
      await anonymous().post('/api/auth/password-reset', { email: user.email });
      await handled(user.email);
      const { token } = await linkIn(user.id, EmailTemplateKey.PasswordReset);
      expect(
        (await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status,
      ).toBe(204);
      expectProblem(await anonymous().get(`/api/public/account-tokens/${token}`), 410, 'link_used');
    });

    it('rejects a malformed request with a 400 problem', async () => {
      const response = await anonymous().post('/api/auth/password-reset', { email: 'not an email', extra: true });
      expectProblem(response, 400, 'validation_failed');
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'extra']);
    });
  });
});

describe('password reset throttling per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PASSWORD_RESET_LIMIT_PER_IP: '2' });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once an address has used its requests, whatever the account', async () => {
    const client = new TestClient(t.baseUrl);
    const statuses: number[] = [];
    for (const address of ['a@ipa.test', 'b@ipa.test', 'c@ipa.test']) {
      statuses.push((await client.post('/api/auth/password-reset', { email: address })).status);
    }
    expect(statuses).toEqual([202, 202, 429]);
    const limited = await client.post('/api/auth/password-reset', { email: 'd@ipa.test' });
    expect(limited.body.code).toBe('too_many_requests');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
