import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';
import { createUser, signedIn, TestClient } from '../support/test-client';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** The first instant of tomorrow in a zone with a fixed offset (Asia/Ho_Chi_Minh is UTC+7 all year). */
function startOfTomorrow(offsetHours: number, now = Date.now()): number {
  const local = new Date(now + offsetHours * HOUR);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1) - offsetHours * HOUR;
}

/** Bucket tests place tasks half a minute either side of the coming midnight; not while it is a minute away. */
async function awayFromMidnight(offsetHours: number): Promise<void> {
  const wait = startOfTomorrow(offsetHours) - Date.now();
  if (wait < 60_000) await new Promise((resolve) => setTimeout(resolve, wait + 1000));
}
const MIDNIGHT_TEST_TIMEOUT = 90_000;

const iso = (ms: number) => new Date(ms).toISOString();

describe('tasks (HTTP)', () => {
  let t: TestApp;
  let staff: TestClient;
  let otherStaff: TestClient;
  let manager: TestClient;
  let staffId: string;
  let otherStaffId: string;
  let managerId: string;
  let investorId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({
      client: staff,
      user: { id: staffId },
    } = await signedIn(t, Role.Staff));
    ({
      client: otherStaff,
      user: { id: otherStaffId },
    } = await signedIn(t, Role.Staff));
    ({
      client: manager,
      user: { id: managerId },
    } = await signedIn(t, Role.Manager));
    investorId = (
      await staff.post('/api/organizations', { name: 'Công ty CP Điện tử Bình Xuyên', kind: 'domestic', country: 'VN' })
    ).body.id;
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DataSource);
  const tomorrow = () => iso(Date.now() + DAY);
  const task = async (client: TestClient, body: Record<string, unknown>) => {
    const response = await client.post('/api/tasks', { title: 'Gửi bản đồ quy hoạch', dueAt: tomorrow(), ...body });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number; dueAt: string };
  };
  const fieldsOf = async (response: Promise<{ status: number; body: { errors?: { field: string }[] } }>) => {
    const { status, body } = await response;
    return [status, [...new Set((body.errors ?? []).map((e) => e.field))]];
  };

  it('creates a task for yourself about a record, shown on its timeline', async () => {
    const dueAt = '2030-03-05T17:00:00+07:00';
    const created = await staff.post('/api/tasks', {
      title: '  Gửi hồ sơ KCN Bá Thiện II  ',
      notes: 'Kèm bảng giá thuê',
      dueAt,
      remindAt: '2030-03-05T08:00:00+07:00',
      subjectType: 'organization',
      subjectId: investorId,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Gửi hồ sơ KCN Bá Thiện II',
      notes: 'Kèm bảng giá thuê',
      dueAt: '2030-03-05T10:00:00.000Z',
      remindAt: '2030-03-05T01:00:00.000Z',
      assigneeId: staffId,
      createdById: staffId,
      subjectType: 'organization',
      subjectId: investorId,
      subjectName: 'Công ty CP Điện tử Bình Xuyên',
      done: false,
      doneAt: null,
      overdue: false,
      version: 1,
    });
    const [audit] = await db().query(
      `SELECT action, changes FROM audit_event WHERE subject_type = 'task' AND subject_id = $1`,
      [created.body.id],
    );
    expect(audit.action).toBe('create');
    expect(audit.changes.title).toEqual({ before: null, after: 'Gửi hồ sơ KCN Bá Thiện II' });
    const [entry] = (await staff.get(`/api/timeline?subjectType=organization&subjectId=${investorId}&kind=task`)).body
      .items;
    expect(entry.payload).toEqual({
      taskId: created.body.id,
      event: 'created',
      title: 'Gửi hồ sơ KCN Bá Thiện II',
      dueAt: '2030-03-05T10:00:00.000Z',
      assigneeId: staffId,
      assigneeName: expect.any(String),
    });
  });

  it('lets managers give tasks to anyone and staff only to themselves', async () => {
    expect((await staff.post('/api/tasks', { title: 'x', dueAt: tomorrow(), assigneeId: otherStaffId })).status).toBe(
      403,
    );
    const given = await task(manager, { assigneeId: otherStaffId });
    expect(given).toMatchObject({ assigneeId: otherStaffId, createdById: managerId });
    const own = await task(staff, { assigneeId: staffId });
    expect(own).toMatchObject({ assigneeId: staffId });
  });

  it('refuses invalid tasks with 400 and unknown references with 422, storing nothing', async () => {
    const due = '2030-03-05T17:00:00+07:00';
    expect(
      await fieldsOf(staff.post('/api/tasks', { title: 'x', dueAt: due, remindAt: '2030-03-05T17:01:00+07:00' })),
    ).toEqual([400, ['remindAt']]);
    expect(await fieldsOf(staff.post('/api/tasks', { title: ' ', dueAt: '2030-03-05T17:00' }))).toEqual([
      400,
      ['title', 'dueAt'],
    ]);
    expect(await fieldsOf(staff.post('/api/tasks', { title: 'x' }))).toEqual([400, ['dueAt']]);
    expect(await fieldsOf(staff.post('/api/tasks', { title: 'x', dueAt: due, subjectType: 'organization' }))).toEqual([
      400,
      ['subjectId'],
    ]);
    expect(await fieldsOf(staff.post('/api/tasks', { title: 'x', dueAt: due, subjectId: investorId }))).toEqual([
      400,
      ['subjectType'],
    ]);
    expect(
      await fieldsOf(
        staff.post('/api/tasks', { title: 'x', dueAt: due, subjectType: 'prospect', subjectId: UNKNOWN_ID }),
      ),
    ).toEqual([422, ['subjectId']]);
    expect(
      await fieldsOf(
        staff.post('/api/tasks', { title: 'x', dueAt: due, subjectType: 'contact', subjectId: UNKNOWN_ID }),
      ),
    ).toEqual([422, ['subjectId']]);
    expect(await fieldsOf(manager.post('/api/tasks', { title: 'x', dueAt: due, assigneeId: UNKNOWN_ID }))).toEqual([
      422,
      ['assigneeId'],
    ]);
    const gone = await createUser(t, Role.Staff);
    await db().query(`UPDATE app_user SET active = false WHERE id = $1`, [gone.id]);
    expect(await fieldsOf(manager.post('/api/tasks', { title: 'x', dueAt: due, assigneeId: gone.id }))).toEqual([
      422,
      ['assigneeId'],
    ]);
    const [{ count }] = await db().query(`SELECT count(*)::int AS count FROM task WHERE title = 'x'`);
    expect(count).toBe(0);
  });

  it(
    'puts open tasks in overdue, today and upcoming by the business calendar day',
    async () => {
      const { client, user } = await signedIn(t, Role.Staff);
      await awayFromMidnight(7);
      const midnight = startOfTomorrow(7);
      const overdue = await task(client, { title: 'quá hạn', dueAt: iso(Date.now() - HOUR) });
      const lateToday = await task(client, { title: 'tối nay', dueAt: iso(midnight - 30_000) });
      const earlyTomorrow = await task(client, { title: 'sáng sớm mai', dueAt: iso(midnight + 30_000) });
      const nextWeek = await task(client, { title: 'tuần sau', dueAt: iso(Date.now() + 7 * DAY) });
      const finished = await task(client, { title: 'đã xong', dueAt: iso(Date.now() - 2 * HOUR), done: true });
      // Someone else's tasks are not in "mine".
      await task(otherStaff, { title: 'của người khác', dueAt: iso(Date.now() - HOUR) });

      const ids = async (bucket: string) =>
        (await client.get(`/api/tasks?mine=true&bucket=${bucket}`)).body.items.map((x: { id: string }) => x.id);
      expect(await ids('overdue')).toEqual([overdue.id]);
      expect(await ids('today')).toEqual([lateToday.id]);
      expect(await ids('upcoming')).toEqual([earlyTomorrow.id, nextWeek.id]);
      expect(await ids('done')).toEqual([finished.id]);
      const byAssignee = await manager.get(`/api/tasks?assigneeId=${user.id}&bucket=overdue`);
      expect(byAssignee.body.items).toEqual([expect.objectContaining({ id: overdue.id, overdue: true })]);

      expect((await client.get('/api/tasks/summary')).body).toEqual({ overdue: 1, today: 1, upcoming: 2 });
      const [row] = await db().query(`SELECT done_at FROM task WHERE id = $1`, [finished.id]);
      expect(row.done_at).not.toBeNull();
    },
    MIDNIGHT_TEST_TIMEOUT,
  );

  it('orders by due time, done tasks latest first, and pages with a cursor', async () => {
    const { client } = await signedIn(t, Role.Staff);
    const base = Date.now() + 3 * DAY;
    // Two share a due time: the id breaks the tie.
    const dues = [base + 4 * HOUR, base, base + 2 * HOUR, base + 2 * HOUR, base + HOUR];
    for (const [i, due] of dues.entries()) await task(client, { title: `việc ${i}`, dueAt: iso(due) });
    const all = (await client.get('/api/tasks?mine=true')).body.items as { id: string; dueAt: string }[];
    expect(all.map((x) => Date.parse(x.dueAt) - base)).toEqual([0, HOUR, 2 * HOUR, 2 * HOUR, 4 * HOUR]);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await client.get(
        `/api/tasks?mine=true&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...page.body.items.map((x) => x.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((x) => x.id));

    for (const x of all.slice(0, 3)) await client.patch(`/api/tasks/${x.id}`, { version: 1, done: true });
    const done = (await client.get('/api/tasks?mine=true&bucket=done&limit=2')).body;
    expect(done.items.map((x: { id: string }) => x.id)).toEqual([all[2].id, all[1].id]);
    const rest = (await client.get(`/api/tasks?mine=true&bucket=done&limit=2&cursor=${done.nextCursor}`)).body;
    expect(rest.items.map((x: { id: string }) => x.id)).toEqual([all[0].id]);
    expect((await client.get('/api/tasks?cursor=bm9wZQ')).status).toBe(400);
  });

  it('lets the assignee and the creator change a task, others not; stale versions get 409', async () => {
    const given = await task(manager, { assigneeId: staffId, title: 'Chuẩn bị đoàn khảo sát' });
    const path = `/api/tasks/${given.id}`;
    expect((await otherStaff.patch(path, { version: 1, title: 'x' })).status).toBe(403);
    const byAssignee = await staff.patch(path, { version: 1, title: 'Chuẩn bị đoàn khảo sát Nhật Bản' });
    expect(byAssignee.status).toBe(200);
    expect(byAssignee.body.version).toBe(2);
    expect((await staff.patch(path, { version: 1, title: 'cũ' })).status).toBe(409);
    // Handing it on is a manager's decision.
    expect((await staff.patch(path, { version: 2, assigneeId: otherStaffId })).status).toBe(403);
    expect((await manager.patch(path, { version: 2, assigneeId: otherStaffId })).status).toBe(200);
    // A colleague's own task is neither given to nor created by this person.
    const own = await task(staff, {});
    expect((await otherStaff.patch(`/api/tasks/${own.id}`, { version: 1, done: true })).status).toBe(403);
    const [row] = await db().query(`SELECT title, version, assignee_id FROM task WHERE id = $1`, [given.id]);
    expect(row).toEqual({ title: 'Chuẩn bị đoàn khảo sát Nhật Bản', version: 3, assignee_id: otherStaffId });
  });

  it('completes and reopens a task, on its timeline too', async () => {
    const created = await task(staff, { subjectType: 'organization', subjectId: investorId, title: 'Gọi lại' });
    const path = `/api/tasks/${created.id}`;
    const completed = await staff.patch(path, { version: 1, done: true });
    expect(completed.body).toMatchObject({ done: true, overdue: false, version: 2 });
    expect(Date.now() - Date.parse(completed.body.doneAt)).toBeLessThan(60_000);
    const reopened = await staff.patch(path, { version: 2, done: false });
    expect(reopened.body).toMatchObject({ done: false, doneAt: null, version: 3 });
    const events = (
      await staff.get(`/api/timeline?subjectType=organization&subjectId=${investorId}&kind=task`)
    ).body.items
      .filter((e: { payload: { taskId: string } }) => e.payload.taskId === created.id)
      .map((e: { payload: { event: string } }) => e.payload.event);
    expect(events).toEqual(['reopened', 'completed', 'created']);
  });

  it('checks the reminder against the due time after a change, and clears what was sent when times move', async () => {
    const created = await task(staff, {
      dueAt: '2030-03-05T17:00:00+07:00',
      remindAt: '2030-03-05T09:00:00+07:00',
    });
    const path = `/api/tasks/${created.id}`;
    expect(await fieldsOf(staff.patch(path, { version: 1, dueAt: '2030-03-05T08:00:00+07:00' }))).toEqual([
      400,
      ['remindAt'],
    ]);
    await db().query(`UPDATE task SET reminder_sent_at = now(), due_notified_at = now() WHERE id = $1`, [created.id]);
    expect((await staff.patch(path, { version: 1, title: 'Chỉ đổi tên' })).status).toBe(200);
    let [row] = await db().query(`SELECT reminder_sent_at, due_notified_at FROM task WHERE id = $1`, [created.id]);
    expect(row.reminder_sent_at).not.toBeNull();
    expect(row.due_notified_at).not.toBeNull();
    expect((await staff.patch(path, { version: 2, remindAt: '2030-03-05T10:00:00+07:00' })).status).toBe(200);
    [row] = await db().query(`SELECT reminder_sent_at, due_notified_at FROM task WHERE id = $1`, [created.id]);
    expect(row.reminder_sent_at).toBeNull();
    expect(row.due_notified_at).not.toBeNull();
    expect((await staff.patch(path, { version: 3, dueAt: '2030-03-06T17:00:00+07:00' })).status).toBe(200);
    [row] = await db().query(`SELECT due_notified_at FROM task WHERE id = $1`, [created.id]);
    expect(row.due_notified_at).toBeNull();
    const cleared = await staff.patch(path, { version: 4, remindAt: null, subjectType: null, subjectId: null });
    expect(cleared.body).toMatchObject({ remindAt: null, subjectType: null, version: 5 });
  });

  it('lets the creator or a manager delete a task, not the assignee it was given to', async () => {
    const given = await task(manager, { assigneeId: staffId });
    expect((await staff.delete(`/api/tasks/${given.id}?version=1`)).status).toBe(403);
    expect((await manager.delete(`/api/tasks/${given.id}?version=2`)).status).toBe(409);
    expect((await manager.delete(`/api/tasks/${given.id}?version=1`)).status).toBe(204);
    const own = await task(staff, {});
    expect((await otherStaff.delete(`/api/tasks/${own.id}?version=1`)).status).toBe(403);
    expect((await staff.delete(`/api/tasks/${own.id}?version=1`)).status).toBe(204);
    expect((await staff.delete(`/api/tasks/${own.id}?version=1`)).status).toBe(404);
    const [audit] = await db().query(
      `SELECT details FROM audit_event WHERE subject_type = 'task' AND subject_id = $1 AND action = 'delete'`,
      [own.id],
    );
    expect(audit.details).toMatchObject({ title: 'Gửi bản đồ quy hoạch', assigneeId: staffId });
  });

  it('lists the tasks about one record, and checks the filters', async () => {
    const contact = (await staff.post('/api/contacts', { fullName: 'Kim Min-jun' })).body;
    const about = await task(otherStaff, { subjectType: 'contact', subjectId: contact.id });
    const list = await staff.get(`/api/tasks?subjectType=contact&subjectId=${contact.id}`);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: about.id, subjectName: 'Kim Min-jun', assigneeId: otherStaffId }),
    ]);
    expect((await staff.get(`/api/tasks?subjectId=${contact.id}`)).status).toBe(400);
    expect((await staff.get(`/api/tasks?mine=true&assigneeId=${otherStaffId}`)).status).toBe(400);
    expect((await staff.get('/api/tasks?bucket=someday')).status).toBe(400);
    expect((await staff.get('/api/tasks?mine=maybe')).status).toBe(400);
  });
});

describe('task buckets in another business time zone', () => {
  let t: TestApp;

  beforeAll(async () => {
    // UTC+14: its calendar day differs from UTC's for most of every day.
    t = await startTestApp({ TZ_BUSINESS: 'Pacific/Kiritimati' });
  });
  afterAll(() => t.close());

  it(
    'follows TZ_BUSINESS for where today ends',
    async () => {
      const { client } = await signedIn(t, Role.Staff);
      await awayFromMidnight(14);
      const midnight = startOfTomorrow(14);
      for (const [title, due] of [
        ['before midnight', midnight - 30_000],
        ['after midnight', midnight + 30_000],
      ] as const) {
        expect((await client.post('/api/tasks', { title, dueAt: iso(due) })).status).toBe(201);
      }
      const titles = async (bucket: string) =>
        (await client.get(`/api/tasks?mine=true&bucket=${bucket}`)).body.items.map((x: { title: string }) => x.title);
      expect(await titles('today')).toEqual(['before midnight']);
      expect(await titles('upcoming')).toEqual(['after midnight']);
    },
    MIDNIGHT_TEST_TIMEOUT,
  );
});
