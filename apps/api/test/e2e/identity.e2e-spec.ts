import { AuditAction, CSRF_COOKIE, Role, SESSION_COOKIE } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';
import { createUser, signedIn, TEST_PASSWORD, TestClient } from '../support/test-client';

describe('identity (HTTP)', () => {
  let t: TestApp;
  let admin: TestClient;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_IP: '1000' });
    const signed = await signedIn(t, Role.Admin);
    admin = signed.client;
    adminId = signed.user.id;
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DataSource);
  const auditActions = async (subjectId: string) =>
    (await db().query(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY id`, [subjectId])).map(
      (r: { action: string }) => r.action,
    );

  describe('sign-in', () => {
    it('sets an HttpOnly session cookie and a readable CSRF cookie', async () => {
      const user = await createUser(t, Role.Staff);
      const client = new TestClient(t.baseUrl);
      const response = await client.login(user.email.toUpperCase(), TEST_PASSWORD);
      expect(response.body.user).toMatchObject({ id: user.id, role: 'staff', via: 'session' });
      const cookies = response.headers.getSetCookie();
      const session = cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
      const csrf = cookies.find((c) => c.startsWith(`${CSRF_COOKIE}=`))!;
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);
      expect(csrf).not.toMatch(/HttpOnly/i);
      expect((await client.get('/api/auth/me')).body).toMatchObject({ email: user.email });
    });

    it('gives the same answer for an unknown email and a wrong password', async () => {
      const user = await createUser(t, Role.Staff);
      const anonymous = new TestClient(t.baseUrl);
      const unknown = await anonymous.post('/api/auth/login', { email: 'nobody@ipa.test', password: TEST_PASSWORD });
      const wrong = await anonymous.post('/api/auth/login', { email: user.email, password: 'not the password at all' });
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
      expect(strip(unknown.body)).toEqual(strip(wrong.body));
      expect(await auditActions(user.id)).toContain(AuditAction.LoginFailed);
    });

    it('rotates the session at sign-in: the previous cookie stops working', async () => {
      const user = await createUser(t, Role.Staff);
      const client = new TestClient(t.baseUrl);
      await client.login(user.email, TEST_PASSWORD);
      const first = client.cookie(SESSION_COOKIE)!;
      await client.login(user.email, TEST_PASSWORD);
      expect(client.cookie(SESSION_COOKIE)).not.toBe(first);
      const stale = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { cookie: `${SESSION_COOKIE}=${first}` } });
      expect(stale.status).toBe(401);
    });

    it('throttles failed sign-ins per account with 429 and Retry-After, even for the right password', async () => {
      const user = await createUser(t, Role.Staff);
      const client = new TestClient(t.baseUrl);
      for (let i = 0; i < 3; i++) {
        expect(
          (await client.post('/api/auth/login', { email: user.email, password: 'wrong password here' })).status,
        ).toBe(401);
      }
      const blocked = await client.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(blocked.body.code).toBe('too_many_requests');
    });

    it('checks only as many passwords as the limit allows when failed sign-ins arrive at once', async () => {
      const user = await createUser(t, Role.Staff);
      const statuses = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          new TestClient(t.baseUrl).post('/api/auth/login', { email: user.email, password: `wrong guess ${i}` }),
        ),
      ).then((responses) => responses.map((r) => r.status).sort());
      expect(statuses).toEqual([...Array(3).fill(401), ...Array(9).fill(429)]);
      const failures = await db().query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'login_failed' AND subject_id = $1
            AND details->>'reason' = 'wrong_password'`,
        [user.id],
      );
      expect(failures[0].n).toBe(3);
    });

    it('clears the failed sign-ins of an account when one succeeds', async () => {
      const user = await createUser(t, Role.Staff);
      const client = new TestClient(t.baseUrl);
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 2; i++)
          expect((await client.post('/api/auth/login', { email: user.email, password: 'wrong password' })).status).toBe(
            401,
          );
        expect((await client.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(200);
      }
    });

    it('rejects a malformed sign-in body with 400 naming the field', async () => {
      const response = await new TestClient(t.baseUrl).post('/api/auth/login', {
        email: 'not-an-email',
        password: 'x',
        extra: 1,
      });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'extra']);
    });
  });

  describe('CSRF', () => {
    it('refuses a cookie-authenticated unsafe request without the header, and accepts it with', async () => {
      const { client, user } = await signedIn(t, Role.Staff);
      const denied = await client.patch('/api/auth/me', { name: 'Tên mới' }, { withoutCsrf: true });
      expect(denied.status).toBe(403);
      expect(denied.body.code).toBe('csrf_failed');
      const wrong = await client.patch(
        '/api/auth/me',
        { name: 'Tên mới' },
        { withoutCsrf: true, headers: { 'x-csrf-token': 'forged' } },
      );
      expect(wrong.status).toBe(403);
      const [{ name }] = await db().query('SELECT name FROM app_user WHERE id = $1', [user.id]);
      expect(name).toBe(user.name);
      const allowed = await client.patch('/api/auth/me', { name: 'Tên mới' });
      expect(allowed.status).toBe(200);
      expect(allowed.body.name).toBe('Tên mới');
    });

    it('does not apply to bearer tokens', async () => {
      const { client } = await signedIn(t, Role.Staff);
      const { body } = await client.post('/api/auth/tokens', { name: 'script' });
      const script = new TestClient(t.baseUrl);
      script.bearer = body.token;
      expect((await script.patch('/api/auth/me', { language: 'en' })).status).toBe(200);
    });
  });

  describe('sign-out and deactivation', () => {
    it('revokes the session at logout: the old cookie gets 401', async () => {
      const { client, user } = await signedIn(t, Role.Staff);
      const cookie = client.cookie(SESSION_COOKIE)!;
      expect((await client.post('/api/auth/logout')).status).toBe(204);
      const after = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
      expect(after.status).toBe(401);
      expect(await auditActions(user.id)).toEqual(expect.arrayContaining([AuditAction.Login, AuditAction.Logout]));
    });

    it('ends sessions and tokens of a deactivated user at once', async () => {
      const { client, user } = await signedIn(t, Role.Staff);
      const token = (await client.post('/api/auth/tokens', { name: 'nightly export' })).body.token;
      const script = new TestClient(t.baseUrl);
      script.bearer = token;
      expect((await script.get('/api/auth/me')).body.via).toBe('token');

      const patched = await admin.patch(`/api/users/${user.id}`, { version: user.version, active: false });
      expect(patched.status).toBe(200);
      expect((await client.get('/api/auth/me')).status).toBe(401);
      expect((await script.get('/api/auth/me')).status).toBe(401);
      const relogin = await new TestClient(t.baseUrl).post('/api/auth/login', {
        email: user.email,
        password: TEST_PASSWORD,
      });
      expect(relogin.status).toBe(401);
    });

    it('ends the sessions of a user whose role changes', async () => {
      const { client, user } = await signedIn(t, Role.Staff);
      await admin.patch(`/api/users/${user.id}`, { version: user.version, role: Role.Manager });
      expect((await client.get('/api/auth/me')).status).toBe(401);
      const again = new TestClient(t.baseUrl);
      expect((await again.login(user.email, TEST_PASSWORD)).body.user.role).toBe('manager');
    });
  });

  describe('API tokens', () => {
    it('creates (shown once), lists without the secret, records use, and revokes', async () => {
      const { client, user } = await signedIn(t, Role.Staff);
      const created = await client.post('/api/auth/tokens', { name: 'BI dashboard' });
      expect(created.status).toBe(201);
      expect(created.body.token).toMatch(/^irm_[A-Za-z0-9_-]{43}$/);
      const [{ token_hash: hash }] = await db().query('SELECT token_hash FROM api_token WHERE id = $1', [
        created.body.id,
      ]);
      expect(hash).not.toContain(created.body.token);

      const script = new TestClient(t.baseUrl);
      script.bearer = created.body.token;
      expect((await script.get('/api/zones/summary')).status).toBe(200);

      const list = await client.get('/api/auth/tokens');
      expect(list.body.items).toEqual([
        expect.objectContaining({ id: created.body.id, name: 'BI dashboard', lastUsedAt: expect.any(String) }),
      ]);
      expect(JSON.stringify(list.body)).not.toContain(created.body.token);

      expect((await client.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(204);
      expect((await script.get('/api/auth/me')).status).toBe(401);
      expect(await auditActions(created.body.id)).toEqual([AuditAction.TokenCreate, AuditAction.TokenRevoke]);
      expect((await client.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(404);
      void user;
    });

    it('acts with its owner role: a staff token cannot reach admin routes', async () => {
      const { client } = await signedIn(t, Role.Staff);
      const script = new TestClient(t.baseUrl);
      script.bearer = (await client.post('/api/auth/tokens', { name: 'x' })).body.token;
      expect((await script.get('/api/users')).status).toBe(403);
    });

    it('answers a made-up token with 401', async () => {
      const script = new TestClient(t.baseUrl);
      script.bearer = 'irm_made-up';
      expect((await script.get('/api/health')).status).toBe(401);
    });
  });

  describe('passwords', () => {
    it('changes the password with the current one and signs out other sessions', async () => {
      const user = await createUser(t, Role.Staff);
      const here = new TestClient(t.baseUrl);
      const elsewhere = new TestClient(t.baseUrl);
      await here.login(user.email, TEST_PASSWORD);
      await elsewhere.login(user.email, TEST_PASSWORD);
      const wrongCurrent = await here.post('/api/auth/password', {
        currentPassword: 'nope nope nope',
        newPassword: 'Đầm Vạc mùa thu 2027',
      });
      expect(wrongCurrent.status).toBe(422);
      expect(wrongCurrent.body.errors).toEqual([{ field: 'currentPassword', message: 'is not correct' }]);
      const weak = await here.post('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'password1234',
      });
      expect(weak.status).toBe(422);
      expect(weak.body.errors[0].field).toBe('newPassword');
      const short = await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Xy9!short' });
      expect(short.body.errors[0].message).toMatch(/at least 12/);

      expect(
        (await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Đầm Vạc mùa thu 2027' }))
          .status,
      ).toBe(204);
      expect((await here.get('/api/auth/me')).status).toBe(200);
      expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
      await new TestClient(t.baseUrl).login(user.email, 'Đầm Vạc mùa thu 2027');
      expect(await auditActions(user.id)).toContain(AuditAction.PasswordChange);
    });

    it('refuses a user created with a guessable password', async () => {
      const response = await admin.post('/api/users', {
        email: 'weak@ipa.test',
        name: 'Weak',
        role: 'staff',
        password: 'qwertyuiop12',
      });
      expect(response.status).toBe(422);
      expect(response.body.errors[0].field).toBe('password');
    });
  });

  describe('user administration', () => {
    it('creates, lists, searches and updates users with optimistic locking', async () => {
      const created = await admin.post('/api/users', {
        email: 'Nguyen.Van.An@IPA.test',
        name: 'Nguyễn Văn An',
        role: 'staff',
        password: TEST_PASSWORD,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ email: 'nguyen.van.an@ipa.test', active: true, version: 1 });
      expect(
        (
          await admin.post('/api/users', {
            email: 'nguyen.van.an@ipa.test',
            name: 'Dup',
            role: 'staff',
            password: TEST_PASSWORD,
          })
        ).status,
      ).toBe(409);

      const found = await admin.get('/api/users?q=nguyen%20van');
      expect(found.body.items.map((u: { id: string }) => u.id)).toContain(created.body.id);

      const first = await admin.patch(`/api/users/${created.body.id}`, { version: 1, role: 'manager' });
      expect(first.status).toBe(200);
      const stale = await admin.patch(`/api/users/${created.body.id}`, { version: 1, name: 'Lost update' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      const [row] = await db().query('SELECT name, role FROM app_user WHERE id = $1', [created.body.id]);
      expect(row).toEqual({ name: 'Nguyễn Văn An', role: 'manager' });

      const [update] = await db().query(
        `SELECT changes, actor_id FROM audit_event WHERE subject_id = $1 AND action = 'update'`,
        [created.body.id],
      );
      expect(update).toEqual({ changes: { role: { before: 'staff', after: 'manager' } }, actor_id: adminId });
    });

    it('refuses a version that is not a whole number in range, instead of failing in SQL or reading it as 1', async () => {
      const user = await createUser(t, Role.Staff);
      for (const version of [2 ** 31, true, [1], ''])
        expect((await admin.patch(`/api/users/${user.id}`, { version, name: 'Renamed' })).status).toBe(400);
      const [row] = await db().query('SELECT name, version FROM app_user WHERE id = $1', [user.id]);
      expect(row).toEqual({ name: user.name, version: user.version });
    });

    it('keeps an admin from locking themselves out', async () => {
      const me = (await admin.get('/api/auth/me')).body;
      const [{ version }] = await db().query('SELECT version FROM app_user WHERE id = $1', [me.id]);
      expect((await admin.patch(`/api/users/${me.id}`, { version, active: false })).status).toBe(422);
    });

    it('pages users with a cursor', async () => {
      const page = await admin.get('/api/users?limit=2');
      expect(page.body.items).toHaveLength(2);
      const next = await admin.get(`/api/users?limit=2&cursor=${page.body.nextCursor}`);
      expect(next.body.items[0].id).not.toBe(page.body.items[1].id);
    });
  });

  describe('audit trail', () => {
    it('is readable by managers, filterable by subject and actor, and refused to staff', async () => {
      const { client: manager } = await signedIn(t, Role.Manager);
      const { client: staff, user } = await signedIn(t, Role.Staff);
      const denied = await staff.get('/api/audit');
      expect(denied.status).toBe(403);
      const bySubject = await manager.get(`/api/audit?subjectType=user&subjectId=${user.id}`);
      expect(bySubject.body.items.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['create', 'login']),
      );
      const byActor = await manager.get(`/api/audit?actorId=${user.id}&action=permission_denied`);
      expect(byActor.body.items[0]).toMatchObject({
        actorId: user.id,
        details: expect.objectContaining({ route: '/api/audit' }),
      });
      expect(byActor.body.items[0].requestId).toEqual(expect.any(String));
      const future = await manager.get(
        `/api/audit?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      );
      expect(future.body.items).toEqual([]);
      expect((await manager.get('/api/audit?from=yesterday')).status).toBe(400);
    });

    it('cannot be changed or deleted through the application connection', async () => {
      await expect(db().query(`UPDATE audit_event SET ip = '0.0.0.0'`)).rejects.toThrow(/append-only/);
      await expect(db().query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
      await expect(db().query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
      const [{ count }] = await db().query('SELECT count(*)::int AS count FROM audit_event');
      expect(count).toBeGreaterThan(0);
    });

    it('records every kind of action this far', async () => {
      const kinds = (await db().query('SELECT DISTINCT action FROM audit_event')).map(
        (r: { action: string }) => r.action,
      );
      expect(kinds).toEqual(
        expect.arrayContaining([
          'create',
          'update',
          'login',
          'login_failed',
          'logout',
          'password_change',
          'token_create',
          'token_revoke',
          'permission_denied',
        ]),
      );
    });
  });
});

describe('session lifetime', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '8' });
  });
  afterAll(() => t.close());

  const age = (sql: string) => t.app.get(DataSource).query(sql);

  it('ends a session idle for longer than the idle timeout', async () => {
    const { client, user } = await signedIn(t, Role.Staff);
    await age(`UPDATE user_session SET last_seen_at = now() - interval '29 minutes' WHERE user_id = '${user.id}'`);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const [{ seen }] = await age(
      `SELECT extract(epoch FROM now() - last_seen_at) AS seen FROM user_session WHERE user_id = '${user.id}'`,
    );
    expect(Number(seen)).toBeLessThan(60);
    await age(`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = '${user.id}'`);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('ends a session at its absolute lifetime however active it is', async () => {
    const { client, user } = await signedIn(t, Role.Staff);
    const [{ hours }] = await age(
      `SELECT extract(epoch FROM expires_at - created_at) / 3600 AS hours FROM user_session WHERE user_id = '${user.id}'`,
    );
    expect(Math.round(Number(hours))).toBe(8);
    await age(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = '${user.id}'`);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });
});

describe('general request limit per user', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ API_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After past the per-minute budget, for that user only', async () => {
    const { client } = await signedIn(t, Role.Staff);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await client.get('/api/auth/me')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await client.get('/api/auth/me');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const { client: other } = await signedIn(t, Role.Staff);
    expect((await other.get('/api/auth/me')).status).toBe(200);
  });
});

describe('sign-in throttling per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_IP: '2' });
  });
  afterAll(() => t.close());

  it('answers 429 once an address has used its attempts, whatever the account', async () => {
    const client = new TestClient(t.baseUrl);
    const statuses: number[] = [];
    for (const email of ['a@ipa.test', 'b@ipa.test', 'c@ipa.test']) {
      statuses.push((await client.post('/api/auth/login', { email, password: 'whatever it is' })).status);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });
});
