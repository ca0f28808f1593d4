import { Role } from '@irm/contracts';
import { mentionToken } from '@irm/domain';
import { DataSource } from 'typeorm';
import { TasksService } from '../../src/tasks/tasks.service';
import { TimelineService } from '../../src/timeline/timeline.service';
import { startTestApp, TestApp } from '../support/test-app';
import { createUser, signedIn, TestClient } from '../support/test-client';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('timeline (HTTP)', () => {
  let t: TestApp;
  let staff: TestClient;
  let otherStaff: TestClient;
  let manager: TestClient;
  let staffId: string;
  let colleague: { id: string; name: string };

  beforeAll(async () => {
    t = await startTestApp();
    ({
      client: staff,
      user: { id: staffId },
    } = await signedIn(t, Role.Staff));
    ({ client: otherStaff } = await signedIn(t, Role.Staff));
    ({ client: manager } = await signedIn(t, Role.Manager));
    colleague = await createUser(t, Role.Staff, { name: 'Trần Thị Lan' });
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DataSource);
  const timelineOf = (client: TestClient, type: string, id: string, extra = '') =>
    client.get(`/api/timeline?subjectType=${type}&subjectId=${id}${extra}`);
  const newInvestor = async (client: TestClient = staff, name = 'Công ty TNHH Cơ khí Yên Lạc') => {
    // The same name on purpose, many times: these tests are about timelines, not duplicates.
    const response = await client.post('/api/organizations?confirmDuplicate=true', {
      name,
      kind: 'domestic',
      country: 'VN',
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number };
  };
  const note = (client: TestClient, subjectId: string, body: string, subjectType = 'organization') =>
    client.post('/api/timeline', { subjectType, subjectId, kind: 'note', body });

  it('records creating and editing an investor as edit entries naming the changed fields', async () => {
    const investor = await newInvestor();
    const patched = await staff.patch(`/api/organizations/${investor.id}`, {
      version: 1,
      size: 'small',
      website: 'https://yenlac.example.vn',
    });
    expect(patched.status).toBe(200);
    // Saving the same values again changes nothing, so it tells the timeline nothing.
    expect((await staff.patch(`/api/organizations/${investor.id}`, { version: 2, size: 'small' })).status).toBe(200);

    const timeline = await timelineOf(staff, 'organization', investor.id);
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.map((e: { kind: string; payload: unknown }) => [e.kind, e.payload])).toEqual([
      ['edit', { action: 'update', fields: ['website', 'size'] }],
      ['edit', { action: 'create', fields: expect.arrayContaining(['name', 'kind', 'country', 'ownerId']) }],
    ]);
    expect(timeline.body.items[0]).toMatchObject({ authorId: staffId, authorName: expect.any(String), version: 1 });
    expect(timeline.body.nextCursor).toBeNull();
  });

  it('records contact edits on the contact', async () => {
    const contact = (await staff.post('/api/contacts', { fullName: 'Phạm Quốc Huy' })).body;
    expect((await staff.patch(`/api/contacts/${contact.id}`, { version: 1, position: 'Giám đốc' })).status).toBe(200);
    const timeline = await timelineOf(otherStaff, 'contact', contact.id);
    expect(timeline.body.items.map((e: { payload: { action: string; fields: string[] } }) => e.payload)).toEqual([
      { action: 'update', fields: ['position'] },
      expect.objectContaining({ action: 'create' }),
    ]);
  });

  it('adds a note with mentions, kept as user ids and shown with current names', async () => {
    const investor = await newInvestor();
    const body = `Nhà đầu tư muốn xem lô 12 ha; ${mentionToken('Lan', colleague.id)} chuẩn bị hồ sơ.`;
    const created = await note(otherStaff, investor.id, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'note',
      body,
      subjectType: 'organization',
      subjectId: investor.id,
      mentions: [{ id: colleague.id, name: 'Trần Thị Lan' }],
      payload: null,
      version: 1,
    });
    const [row] = await db().query(`SELECT mentions FROM timeline_entry WHERE id = $1`, [created.body.id]);
    expect(row.mentions).toEqual([colleague.id]);
    const [audit] = await db().query(
      `SELECT action, details FROM audit_event WHERE subject_type = 'timeline_entry' AND subject_id = $1`,
      [created.body.id],
    );
    expect(audit).toEqual({
      action: 'create',
      details: { subjectType: 'organization', subjectId: investor.id, kind: 'note', mentions: [colleague.id] },
    });
  });

  it('refuses mentions of people who are not active users with 422, storing nothing', async () => {
    const investor = await newInvestor();
    const unknown = await note(staff, investor.id, `Hỏi ${mentionToken('Ai đó', UNKNOWN_ID)}`);
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ field: 'body', message: expect.stringContaining('not an active user') }]);
    const gone = await createUser(t, Role.Staff, { name: 'Người đã nghỉ' });
    await db().query(`UPDATE app_user SET active = false WHERE id = $1`, [gone.id]);
    expect((await note(staff, investor.id, `cc ${mentionToken(gone.name, gone.id)}`)).status).toBe(422);
    const [{ count }] = await db().query(
      `SELECT count(*)::int AS count FROM timeline_entry WHERE subject_id = $1 AND kind = 'note'`,
      [investor.id],
    );
    expect(count).toBe(0);
  });

  it('logs calls and meetings, dated when they happened, newest first', async () => {
    const investor = await newInvestor();
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    const call = await staff.post('/api/timeline', {
      subjectType: 'organization',
      subjectId: investor.id,
      kind: 'call',
      body: 'Hỏi về giá thuê đất',
      occurredAt: hourAgo,
      durationMinutes: 15,
      outcome: 'Hẹn khảo sát thực địa',
      participants: [' Ông Kim ', ''],
    });
    expect(call.status).toBe(201);
    expect(call.body).toMatchObject({
      kind: 'call',
      occurredAt: hourAgo,
      payload: { durationMinutes: 15, outcome: 'Hẹn khảo sát thực địa', participants: ['Ông Kim'] },
    });
    const meeting = await staff.post('/api/timeline', {
      subjectType: 'organization',
      subjectId: investor.id,
      kind: 'meeting',
      participants: ['Bà Lee', 'Ông Park'],
    });
    expect(meeting.status).toBe(201);
    expect(meeting.body.payload).toEqual({
      durationMinutes: null,
      outcome: null,
      participants: ['Bà Lee', 'Ông Park'],
    });
    await note(staff, investor.id, 'Gửi tài liệu KCN Bá Thiện II');

    const all = (await timelineOf(staff, 'organization', investor.id)).body.items;
    // The call was an hour ago: older than the record's creation, so last.
    expect(all.map((e: { kind: string }) => e.kind)).toEqual(['note', 'meeting', 'edit', 'call']);
    const calls = (await timelineOf(staff, 'organization', investor.id, '&kind=call')).body.items;
    expect(calls.map((e: { id: string }) => e.id)).toEqual([call.body.id]);
  });

  it('pages newest first with a cursor, entries at the same instant included exactly once', async () => {
    const investor = await newInvestor();
    // Six entries share one instant (one transaction's now()); the id breaks the tie.
    await db().query(
      `INSERT INTO timeline_entry (subject_type, subject_id, kind, body, occurred_at, version)
       SELECT 'organization', $1, 'note', 'same instant ' || n, '2026-03-05 09:00:00.123456+07', 1
         FROM generate_series(1, 6) n`,
      [investor.id],
    );
    for (let i = 1; i <= 4; i++) expect((await note(staff, investor.id, `note ${i}`)).status).toBe(201);

    const everything = (await timelineOf(staff, 'organization', investor.id, '&limit=200')).body.items as {
      id: string;
      occurredAt: string;
    }[];
    expect(everything).toHaveLength(11);
    const sorted = [...everything].sort(
      (a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || Number(b.id) - Number(a.id),
    );
    expect(everything.map((e) => e.id)).toEqual(sorted.map((e) => e.id));

    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await timelineOf(
        staff,
        'organization',
        investor.id,
        `&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      paged.push(...page.body.items.map((e) => e.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(paged).toEqual(everything.map((e) => e.id));
  });

  it('answers 404 for a record that does not exist and 400 for a bad type, cursor or kind', async () => {
    expect((await timelineOf(staff, 'organization', UNKNOWN_ID)).status).toBe(404);
    expect((await note(staff, UNKNOWN_ID, 'hello')).status).toBe(404);
    expect((await timelineOf(staff, 'contact', UNKNOWN_ID)).status).toBe(404);
    const badType = await timelineOf(staff, 'investor', UNKNOWN_ID);
    expect(badType.status).toBe(400);
    expect(badType.body.errors.map((e: { field: string }) => e.field)).toEqual(['subjectType']);
    // Pipeline items have timelines too; an unknown one is missing like any record.
    expect((await timelineOf(staff, 'prospect', UNKNOWN_ID)).status).toBe(404);
    expect((await timelineOf(staff, 'land_enquiry', UNKNOWN_ID)).status).toBe(404);
    const investor = await newInvestor();
    expect((await timelineOf(staff, 'organization', investor.id, '&cursor=bm9wZQ')).status).toBe(400);
    const forged = Buffer.from(JSON.stringify(["2026-01-01'; DROP TABLE x; --", '1'])).toString('base64url');
    expect((await timelineOf(staff, 'organization', investor.id, `&cursor=${forged}`)).status).toBe(400);
    expect((await timelineOf(staff, 'organization', investor.id, '&kind=gossip')).status).toBe(400);
    expect((await timelineOf(staff, 'organization', 'not-a-uuid')).status).toBe(400);
  });

  it('validates what fits each kind', async () => {
    const investor = await newInvestor();
    const post = (body: Record<string, unknown>) =>
      staff.post('/api/timeline', { subjectType: 'organization', subjectId: investor.id, ...body });
    const fieldsOf = async (body: Record<string, unknown>) => {
      const response = await post(body);
      expect(response.status).toBe(400);
      return [...new Set(response.body.errors.map((e: { field: string }) => e.field))];
    };
    expect(await fieldsOf({ kind: 'note', body: '   ' })).toEqual(['body']);
    expect(await fieldsOf({ kind: 'note', body: 'x', durationMinutes: 5 })).toEqual(['durationMinutes']);
    expect(await fieldsOf({ kind: 'note', body: 'x', occurredAt: new Date().toISOString() })).toEqual(['occurredAt']);
    expect(await fieldsOf({ kind: 'edit', body: 'x' })).toEqual(['kind']);
    expect(await fieldsOf({ kind: 'call', occurredAt: new Date(Date.now() + 86_400_000).toISOString() })).toEqual([
      'occurredAt',
    ]);
    expect(await fieldsOf({ kind: 'call', occurredAt: '2026-03-05T09:00' })).toEqual(['occurredAt']);
    expect(await fieldsOf({ kind: 'call', durationMinutes: 0 })).toEqual(['durationMinutes']);
    expect(await fieldsOf({ kind: 'meeting', participants: 'Ông Kim' })).toEqual(['participants']);
    expect(await fieldsOf({ kind: 'note', body: 'x'.repeat(10_001) })).toEqual(['body']);
    expect(await fieldsOf({ kind: 'note', body: 'x', authorId: staffId })).toEqual(['authorId']);
  });

  it('lets authors change and delete their own entries, managers anyone’s, with version checks', async () => {
    const investor = await newInvestor();
    const created = (await note(staff, investor.id, 'Bản nháp')).body;
    const path = `/api/timeline/${created.id}`;

    expect((await otherStaff.patch(path, { version: 1, body: 'Không phải của tôi' })).status).toBe(403);
    expect((await otherStaff.delete(`${path}?version=1`)).status).toBe(403);

    const edited = await staff.patch(path, { version: 1, body: `Đã sửa, cc ${mentionToken('Lan', colleague.id)}` });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, mentions: [{ id: colleague.id, name: 'Trần Thị Lan' }] });
    expect((await staff.patch(path, { version: 1, body: 'Cũ' })).status).toBe(409);
    expect((await staff.patch(path, { version: 2, body: '' })).status).toBe(400);

    const byManager = await manager.patch(path, { version: 2, body: 'Quản lý đã sửa' });
    expect(byManager.status).toBe(200);
    expect(byManager.body).toMatchObject({ version: 3, mentions: [], authorId: staffId });
    const [audit] = await db().query(
      `SELECT changes FROM audit_event WHERE subject_type = 'timeline_entry' AND subject_id = $1 AND action = 'update'
        ORDER BY id DESC LIMIT 1`,
      [created.id],
    );
    expect(audit.changes.body).toEqual({ before: expect.stringContaining('Đã sửa'), after: 'Quản lý đã sửa' });

    expect((await staff.delete(`${path}?version=2`)).status).toBe(409);
    expect((await staff.delete(`${path}?version=3`)).status).toBe(204);
    expect((await staff.patch(path, { version: 3, body: 'x' })).status).toBe(404);
    const [deleted] = await db().query(
      `SELECT details FROM audit_event WHERE subject_type = 'timeline_entry' AND subject_id = $1 AND action = 'delete'`,
      [created.id],
    );
    expect(deleted.details).toMatchObject({ body: 'Quản lý đã sửa', kind: 'note' });
    expect((await staff.patch('/api/timeline/abc', { version: 1, body: 'x' })).status).toBe(400);
  });

  it('keeps entries written by the system as they are', async () => {
    const investor = await newInvestor();
    const [edit] = (await timelineOf(staff, 'organization', investor.id)).body.items;
    expect(edit.kind).toBe('edit');
    expect((await manager.patch(`/api/timeline/${edit.id}`, { version: 1, body: 'rewritten' })).status).toBe(422);
    expect((await manager.delete(`/api/timeline/${edit.id}?version=1`)).status).toBe(422);
  });

  it('changes a call’s details without losing the others', async () => {
    const investor = await newInvestor();
    const call = (
      await staff.post('/api/timeline', {
        subjectType: 'organization',
        subjectId: investor.id,
        kind: 'call',
        durationMinutes: 20,
        outcome: 'Quan tâm',
      })
    ).body;
    const changed = await staff.patch(`/api/timeline/${call.id}`, { version: 1, outcome: 'Rất quan tâm' });
    expect(changed.body.payload).toEqual({ durationMinutes: 20, outcome: 'Rất quan tâm', participants: [] });
  });

  it('has a timeline for zones too', async () => {
    const [zone] = await db().query(
      `INSERT INTO zone (code, type, name, district, status, total_area_ha, industrial_land_ha, version)
       VALUES ('CCN-TL', 'industrial_cluster', 'Cụm công nghiệp Thử nghiệm', 'Yên Lạc', 'operating', 20, 15, 1) RETURNING id`,
    );
    expect((await note(staff, zone.id, 'Hạ tầng đã xong giai đoạn 1', 'zone')).status).toBe(201);
    const timeline = await timelineOf(manager, 'zone', zone.id);
    expect(timeline.body.items.map((e: { body: string }) => e.body)).toEqual(['Hạ tầng đã xong giai đoạn 1']);
  });

  it('moves entries and tasks to another record for a merge', async () => {
    const loser = await newInvestor(staff, 'Samsung (bản trùng)');
    const survivor = await newInvestor(staff, 'Samsung Electronics Việt Nam');
    await note(staff, loser.id, 'Ghi chú trên bản trùng');
    const task = await staff.post('/api/tasks', {
      title: 'Gọi lại',
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      subjectType: 'organization',
      subjectId: loser.id,
    });
    expect(task.status).toBe(201);
    await db().transaction(async (manager) => {
      await t.app.get(TimelineService).reassignSubject(manager, 'organization' as never, loser.id, survivor.id);
      await t.app.get(TasksService).reassignSubject(manager, 'organization' as never, loser.id, survivor.id);
    });
    const moved = (await timelineOf(staff, 'organization', survivor.id)).body.items;
    expect(moved.map((e: { kind: string; body: string | null }) => e.body ?? e.kind)).toEqual([
      'task',
      'Ghi chú trên bản trùng',
      'edit',
      'edit',
    ]);
    expect((await timelineOf(staff, 'organization', loser.id)).body.items).toEqual([]);
    const tasks = (await staff.get(`/api/tasks?subjectType=organization&subjectId=${survivor.id}`)).body.items;
    expect(tasks).toEqual([expect.objectContaining({ id: task.body.id, subjectName: 'Samsung Electronics Việt Nam' })]);
  });

  it('removes a deleted record’s timeline and keeps its tasks without a subject', async () => {
    const investor = await newInvestor();
    await note(staff, investor.id, 'Sắp xóa');
    const task = (
      await staff.post('/api/tasks', {
        title: 'Việc còn lại',
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        subjectType: 'organization',
        subjectId: investor.id,
      })
    ).body;
    expect((await staff.delete(`/api/organizations/${investor.id}?version=1`)).status).toBe(204);
    const [{ count }] = await db().query(`SELECT count(*)::int AS count FROM timeline_entry WHERE subject_id = $1`, [
      investor.id,
    ]);
    expect(count).toBe(0);
    const [row] = await db().query(`SELECT subject_type, subject_id, version FROM task WHERE id = $1`, [task.id]);
    expect(row).toEqual({ subject_type: null, subject_id: null, version: 2 });
  });
});
