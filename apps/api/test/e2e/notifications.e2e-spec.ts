import { ReminderKind, REMINDER_KINDS, Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { NotificationPreferences } from '../../src/notifications/notification-preferences';
import { startTestApp, TestApp } from '../support/test-app';
import { createUser, signedIn, TestClient } from '../support/test-client';

const PATH = '/api/auth/me/notifications';
const allOn = () => Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, true])) as Record<ReminderKind, boolean>;

describe('notification settings', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('gives a person every kind at version 0 until they choose', async () => {
    const { client } = await signedIn(t, Role.Staff);
    const response = await client.get(PATH);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ version: 0, kinds: allOn() });
    expect(Object.keys(response.body.kinds).sort()).toEqual([...REMINDER_KINDS].sort());
  });

  it('saves a choice with the version, creates the row at the first save, and audits each save', async () => {
    const { client, user } = await signedIn(t, Role.Manager);
    const first = await client.put(PATH, {
      version: 0,
      kinds: { ...allOn(), [ReminderKind.DailyDigest]: false, [ReminderKind.SlaEscalation]: false },
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      version: 1,
      kinds: { ...allOn(), [ReminderKind.DailyDigest]: false, [ReminderKind.SlaEscalation]: false },
    });
    expect((await client.get(PATH)).body).toEqual(first.body);

    const second = await client.put(PATH, { version: 1, kinds: { ...allOn(), [ReminderKind.SlaEscalation]: false } });
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(2);
    expect(second.body.kinds[ReminderKind.DailyDigest]).toBe(true);

    const [row] = await db.query(`SELECT opted_out, version FROM user_notification_settings WHERE user_id = $1`, [
      user.id,
    ]);
    expect(row).toEqual({ opted_out: [ReminderKind.SlaEscalation], version: 2 });

    const trail = await db.query(
      `SELECT action, actor_id, changes FROM audit_event
        WHERE subject_type = 'user_notification_settings' AND subject_id = $1 ORDER BY id`,
      [user.id],
    );
    expect(trail).toEqual([
      {
        action: 'create',
        actor_id: user.id,
        changes: {
          [ReminderKind.SlaEscalation]: { before: true, after: false },
          [ReminderKind.DailyDigest]: { before: true, after: false },
        },
      },
      {
        action: 'update',
        actor_id: user.id,
        changes: { [ReminderKind.DailyDigest]: { before: false, after: true } },
      },
    ]);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const { client, user } = await signedIn(t, Role.Staff);
    const off = { ...allOn(), [ReminderKind.TaskReminder]: false };
    // Before the first save only version 0 is current.
    expect((await client.put(PATH, { version: 1, kinds: off })).status).toBe(409);
    expect((await client.put(PATH, { version: 0, kinds: off })).status).toBe(200);
    const stale = await client.put(PATH, { version: 0, kinds: allOn() });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.body).toMatchObject({ status: 409, code: 'stale_version' });
    expect((await client.get(PATH)).body).toEqual({ version: 1, kinds: off });
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM audit_event WHERE subject_type = 'user_notification_settings' AND subject_id = $1`,
      [user.id],
    );
    expect(count).toBe(1);
  });

  it('lets only one of two first saves through', async () => {
    const { client } = await signedIn(t, Role.Staff);
    const statuses = await Promise.all(
      [ReminderKind.TaskReminder, ReminderKind.SlaOverdue].map(
        async (kind) => (await client.put(PATH, { version: 0, kinds: { ...allOn(), [kind]: false } })).status,
      ),
    );
    expect(statuses.sort()).toEqual([200, 409]);
    expect((await client.get(PATH)).body.version).toBe(1);
  });

  it.each([
    [
      'a missing kind',
      { version: 0, kinds: { ...allOn(), [ReminderKind.DailyDigest]: undefined } },
      'kinds.daily_digest',
    ],
    ['an unknown kind', { version: 0, kinds: { ...allOn(), weekly_horoscope: true } }, 'kinds.weekly_horoscope'],
    [
      'a kind that is not true/false',
      { version: 0, kinds: { ...allOn(), task_reminder: 'yes' } },
      'kinds.task_reminder',
    ],
    ['no kinds', { version: 0 }, 'kinds'],
    ['kinds as a list', { version: 0, kinds: [ReminderKind.TaskReminder] }, 'kinds'],
    ['no version', { kinds: allOn() }, 'version'],
    ['a negative version', { version: -1, kinds: allOn() }, 'version'],
    ['an unknown field', { version: 0, kinds: allOn(), email: true }, 'email'],
  ])('answers 400 naming the field for %s', async (_what, body, field) => {
    const { client } = await signedIn(t, Role.Staff);
    const response = await client.put(PATH, body);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await client.get(PATH)).body.version).toBe(0);
  });

  it('answers 400 for a body that is not JSON, and 401 without a session', async () => {
    const { client } = await signedIn(t, Role.Staff);
    const malformed = await client.request('PUT', PATH, {
      body: '{"version": 0, "kinds": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect((await new TestClient(t.baseUrl).get(PATH)).status).toBe(401);
  });

  describe('NotificationPreferences.enabledRecipients', () => {
    it('names the active users who have not turned the kind off', async () => {
      const everything = await createUser(t, Role.Staff);
      const noDigest = await signedIn(t, Role.Manager);
      const inactive = await createUser(t, Role.Staff);
      await db.query(`UPDATE app_user SET active = false WHERE id = $1`, [inactive.id]);
      const saved = await noDigest.client.put(PATH, {
        version: 0,
        kinds: { ...allOn(), [ReminderKind.DailyDigest]: false },
      });
      expect(saved.status).toBe(200);
      const unknown = crypto.randomUUID();
      const ids = [everything.id, noDigest.user.id, inactive.id, unknown, everything.id];

      const preferences = t.app.get(NotificationPreferences);
      const digest = await db.transaction((manager) =>
        preferences.enabledRecipients(manager, ReminderKind.DailyDigest, ids),
      );
      expect(digest).toEqual(new Set([everything.id]));
      const tasks = await preferences.enabledRecipients(db.manager, ReminderKind.TaskReminder, ids);
      expect(tasks).toEqual(new Set([everything.id, noDigest.user.id]));
      expect(await preferences.enabledRecipients(db.manager, ReminderKind.TaskReminder, [])).toEqual(new Set());
    });

    it('forgets the settings of a deleted user', async () => {
      const user = await createUser(t, Role.Staff);
      await db.query(
        `INSERT INTO user_notification_settings (user_id, opted_out, version) VALUES ($1, '{daily_digest}', 1)`,
        [user.id],
      );
      await db.query(`DELETE FROM app_user WHERE id = $1`, [user.id]);
      const rows = await db.query(`SELECT 1 FROM user_notification_settings WHERE user_id = $1`, [user.id]);
      expect(rows).toEqual([]);
    });
  });
});
