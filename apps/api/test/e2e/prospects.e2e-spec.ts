import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { seed } from '../../src/seed/seeder';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface StageInfo {
  id: string;
  key: string;
  type: string;
}

describe('prospects and the pipeline engine (HTTP)', () => {
  let t: TestApp;
  let staff: TestClient;
  let otherStaff: TestClient;
  let manager: TestClient;
  let staffId: string;
  let investorId: string;
  let pipelineId: string;
  let stages: Record<string, StageInfo>;
  let landStageId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seed(t.app.get(DataSource), { adminPassword: 'a long enough password' });
    ({
      client: staff,
      user: { id: staffId },
    } = await signedIn(t, Role.Staff));
    ({ client: otherStaff } = await signedIn(t, Role.Staff));
    ({ client: manager } = await signedIn(t, Role.Manager));
    investorId = (
      await staff.post('/api/organizations?confirmDuplicate=true', {
        name: 'Công ty TNHH Linh kiện Tam Dương',
        kind: 'foreign_invested',
        country: 'KR',
      })
    ).body.id;
    const pipelines = (await staff.get('/api/pipelines')).body as {
      id: string;
      kind: string;
      stages: StageInfo[];
    }[];
    const prospect = pipelines.find((p) => p.kind === 'prospect')!;
    pipelineId = prospect.id;
    stages = Object.fromEntries(prospect.stages.map((s) => [s.key, s]));
    landStageId = pipelines.find((p) => p.kind === 'land_enquiry')!.stages[0].id;
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DataSource);
  const create = async (client: TestClient, body: Record<string, unknown> = {}) => {
    const response = await client.post('/api/prospects', {
      title: 'Nhà máy cảm biến ô tô',
      organizationId: investorId,
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number; stageId: string };
  };
  const move = (client: TestClient, id: string, body: Record<string, unknown>) =>
    client.post(`/api/prospects/${id}/move`, body);
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

  it('creates a prospect in the first stage with its SLA date, history and timeline', async () => {
    const created = await staff.post('/api/prospects', {
      title: '  Nhà máy linh kiện điện tử  ',
      organizationId: investorId,
      capitalUsd: 12_500_000.5,
      expectedJobs: 800,
      sector: 'electronics',
      source: 'embassy',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'prospect',
      pipelineId,
      stageId: stages.lead.id,
      stageKey: 'lead',
      stageType: 'open',
      title: 'Nhà máy linh kiện điện tử',
      ownerId: staffId,
      organizationName: 'Công ty TNHH Linh kiện Tam Dương',
      capitalUsd: 12_500_000.5,
      expectedJobs: 800,
      overdue: false,
      daysInStage: 0,
      version: 1,
    });
    expect(created.body.slaDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const history = await staff.get(`/api/prospects/${created.body.id}/history`);
    expect(history.body).toHaveLength(1);
    expect(history.body[0]).toMatchObject({ fromStageId: null, toStageId: stages.lead.id, workingDaysInStage: null });
    const timeline = await staff.get(`/api/timeline?subjectType=prospect&subjectId=${created.body.id}`);
    expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toEqual(['edit']);
    // A task about it is named by its title.
    const task = await staff.post('/api/tasks', {
      title: 'Gửi báo giá',
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      subjectType: 'prospect',
      subjectId: created.body.id,
    });
    expect(task.body.subjectName).toBe('Nhà máy linh kiện điện tử');
    const tasks = await staff.get(`/api/tasks?subjectType=prospect&subjectId=${created.body.id}`);
    expect(tasks.body.items.map((i: { subjectName: string }) => i.subjectName)).toEqual(['Nhà máy linh kiện điện tử']);
  });

  it('refuses bad input with 400 and unknown links with 422, creating nothing', async () => {
    const before = await db().query(`SELECT count(*)::int AS n FROM pipeline_item`);
    expect((await staff.post('/api/prospects', { title: 'No investor' })).status).toBe(400);
    expect((await staff.post('/api/prospects', { organizationId: investorId })).status).toBe(400);
    expect((await staff.post('/api/prospects', { title: '', organizationId: investorId })).status).toBe(400);
    expect((await staff.post('/api/prospects', { title: 'x', organizationId: 'nope' })).status).toBe(400);
    expect(
      (await staff.post('/api/prospects', { title: 'x', organizationId: investorId, capitalUsd: -1 })).status,
    ).toBe(400);
    const unknown = await staff.post('/api/prospects', { title: 'x', organizationId: UNKNOWN_ID });
    expect(unknown.status).toBe(422);
    expect(fields(unknown.body)).toEqual(['organizationId']);
    const wonStart = await staff.post('/api/prospects', {
      title: 'x',
      organizationId: investorId,
      stageId: stages.licensed.id,
    });
    expect(wonStart.status).toBe(422);
    expect((await db().query(`SELECT count(*)::int AS n FROM pipeline_item`))[0].n).toBe(before[0].n);
  });

  it('moves through stages, writing history, audit and timeline; required fields are 422 with reasons', async () => {
    const item = await create(staff);
    const tooEarly = await move(staff, item.id, { stageId: stages.qualified.id, version: 1 });
    expect(tooEarly.status).toBe(422);
    expect(fields(tooEarly.body)).toEqual(['sector']);

    const patched = await staff.patch(`/api/prospects/${item.id}`, { sector: 'automotive', version: 1 });
    expect(patched.status).toBe(200);
    const moved = await move(staff, item.id, { stageId: stages.qualified.id, version: patched.body.version });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stageKey: 'qualified', version: patched.body.version + 1 });

    const proposal = await move(staff, item.id, { stageId: stages.proposal.id, version: moved.body.version });
    expect(proposal.status).toBe(422);
    expect(fields(proposal.body)).toEqual(['capitalUsd']);

    const history = (await staff.get(`/api/prospects/${item.id}/history`)).body;
    expect(history.map((h: { toStageId: string }) => h.toStageId)).toEqual([stages.qualified.id, stages.lead.id]);
    expect(history[0]).toMatchObject({ fromStageId: stages.lead.id, workingDaysInStage: 0 });
    const audit = await db().query(
      `SELECT action FROM audit_event WHERE subject_type = 'prospect' AND subject_id = $1 ORDER BY id`,
      [item.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update', 'stage_move']);
    const timeline = await staff.get(`/api/timeline?subjectType=prospect&subjectId=${item.id}`);
    expect(timeline.body.items[0]).toMatchObject({
      kind: 'stage_move',
      payload: { fromStageId: stages.lead.id, toStageId: stages.qualified.id },
    });
  });

  it('a lost stage needs a reason; won stages are final', async () => {
    const item = await create(staff, { capitalUsd: 1_000_000, expectedJobs: 50, sector: 'it' });
    const noReason = await move(staff, item.id, { stageId: stages.lost.id, version: 1 });
    expect(noReason.status).toBe(422);
    expect(fields(noReason.body)).toEqual(['reason']);
    const lost = await move(staff, item.id, { stageId: stages.lost.id, version: 1, reason: 'Chose Bắc Ninh' });
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ stageType: 'lost', lostReason: 'Chose Bắc Ninh', slaDueOn: null });
    expect(lost.body.closedAt).not.toBeNull();

    const won = await move(staff, item.id, { stageId: stages.licensed.id, version: lost.body.version });
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({ stageType: 'won', lostReason: null });
    const reopen = await move(staff, item.id, { stageId: stages.lead.id, version: won.body.version });
    expect(reopen.status).toBe(422);
  });

  it('unknown stage, a stage of another pipeline and a retired stage are 422; malformed is 400', async () => {
    const item = await create(staff);
    const unknown = await move(staff, item.id, { stageId: UNKNOWN_ID, version: 1 });
    expect([unknown.status, fields(unknown.body)]).toEqual([422, ['stageId']]);
    const other = await move(staff, item.id, { stageId: landStageId, version: 1 });
    expect([other.status, fields(other.body)]).toEqual([422, ['stageId']]);
    await db().query(`UPDATE stage SET retired_at = now() WHERE id = $1`, [stages.on_hold.id]);
    try {
      const retired = await move(staff, item.id, { stageId: stages.on_hold.id, version: 1 });
      expect([retired.status, fields(retired.body)]).toEqual([422, ['stageId']]);
    } finally {
      await db().query(`UPDATE stage SET retired_at = NULL WHERE id = $1`, [stages.on_hold.id]);
    }
    expect((await move(staff, item.id, { stageId: 'x', version: 1 })).status).toBe(400);
    expect((await move(staff, item.id, { stageId: stages.on_hold.id })).status).toBe(400);
    expect((await move(staff, UNKNOWN_ID, { stageId: stages.on_hold.id, version: 1 })).status).toBe(404);
    expect((await db().query(`SELECT count(*)::int AS n FROM stage_history WHERE item_id = $1`, [item.id]))[0].n).toBe(
      1,
    );
  });

  it('two moves with the same version: one succeeds, the other is 409, history has one move', async () => {
    const item = await create(staff);
    const [a, b] = await Promise.all([
      move(staff, item.id, { stageId: stages.on_hold.id, version: 1 }),
      move(manager, item.id, { stageId: stages.on_hold.id, version: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const rows = await db().query(`SELECT count(*)::int AS n FROM stage_history WHERE item_id = $1`, [item.id]);
    expect(rows[0].n).toBe(2);
  });

  it('staff move only their own items; managers move any', async () => {
    const item = await create(staff);
    expect((await move(otherStaff, item.id, { stageId: stages.on_hold.id, version: 1 })).status).toBe(403);
    expect((await move(manager, item.id, { stageId: stages.on_hold.id, version: 1 })).status).toBe(200);
  });

  it('is overdue once its SLA has passed in working days, on the item, in filters and on the board', async () => {
    const item = await create(staff, { title: 'Dự án quá hạn phản hồi' });
    // Entered three weeks ago: Lead's two working days are long past.
    await db().query(
      `UPDATE pipeline_item SET stage_entered_at = now() - interval '21 days',
              sla_due_on = (now() - interval '18 days')::date, overdue_from = (now() - interval '17 days')::date
        WHERE id = $1`,
      [item.id],
    );
    const read = (await staff.get(`/api/prospects/${item.id}`)).body;
    expect(read.overdue).toBe(true);
    expect(read.daysInStage).toBeGreaterThanOrEqual(13);
    const overdue = (await staff.get('/api/prospects?overdue=true&limit=200')).body.items.map(
      (i: { id: string }) => i.id,
    );
    expect(overdue).toContain(item.id);
    const fresh = (await staff.get('/api/prospects?overdue=false&limit=200')).body.items.map(
      (i: { id: string }) => i.id,
    );
    expect(fresh).not.toContain(item.id);

    const board = (await staff.get(`/api/pipelines/${pipelineId}/board?overdue=true`)).body;
    const lead = board.stages.find((s: { stageId: string }) => s.stageId === stages.lead.id);
    expect(lead.count).toBe(lead.overdueCount);
    expect(lead.cards.map((c: { id: string }) => c.id)).toContain(item.id);
    // Moving it out records the breach.
    await move(staff, item.id, { stageId: stages.on_hold.id, version: read.version });
    const [history] = await db().query(
      `SELECT breached_sla, working_days_in_stage FROM stage_history WHERE item_id = $1 ORDER BY id DESC LIMIT 1`,
      [item.id],
    );
    expect(history.breached_sla).toBe(true);
    expect(history.working_days_in_stage).toBeGreaterThanOrEqual(13);
  });

  it('the board gives every current stage its count, totals and first cards; filters apply', async () => {
    const mine = await create(staff, { title: 'Bảng: dự án của tôi', capitalUsd: 2_000_000 });
    const board = await staff.get(`/api/pipelines/${pipelineId}/board?mine=true&limit=1`);
    expect(board.status).toBe(200);
    expect(board.body.kind).toBe('prospect');
    expect(board.body.stages.map((s: { stageId: string }) => s.stageId)).toEqual(
      Object.values(stages).map((s) => s.id),
    );
    const lead = board.body.stages.find((s: { stageId: string }) => s.stageId === stages.lead.id);
    const [{ n, capital }] = await db().query(
      `SELECT count(*)::int AS n, sum(capital_usd)::float8 AS capital FROM pipeline_item
        WHERE stage_id = $1 AND owner_id = $2`,
      [stages.lead.id, staffId],
    );
    expect(lead.count).toBe(n);
    expect(lead.totals.capitalUsd).toBe(capital);
    expect(lead.cards).toHaveLength(1);
    expect(lead.nextCursor).not.toBeNull();
    const next = await staff.get(
      `/api/prospects?stageId=${stages.lead.id}&mine=true&sort=stageEnteredAt&cursor=${lead.nextCursor}`,
    );
    expect(next.status).toBe(200);
    expect(next.body.items.map((i: { id: string }) => i.id)).not.toContain(lead.cards[0].id);
    expect(next.body.items.map((i: { id: string }) => i.id)).toContain(mine.id);
    const byQuery = await staff.get(`/api/pipelines/${pipelineId}/board?q=${encodeURIComponent('bang cua toi')}`);
    const found = byQuery.body.stages.flatMap((s: { cards: { id: string }[] }) => s.cards.map((c) => c.id));
    expect(found).toEqual([mine.id]);
    expect((await staff.get(`/api/pipelines/${pipelineId}/board?overdue=maybe`)).status).toBe(400);
    expect((await staff.get(`/api/pipelines/${UNKNOWN_ID}/board`)).status).toBe(404);
  });

  it("the board's figures and first cards, unfiltered and by overdue, match the items after every kind of write", async () => {
    const overdueSql = `(i.closed_at IS NULL AND i.overdue_from <= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)`;
    // The board as a whole and filtered on overdue (both read from the tally), against the items themselves.
    const expectBoardExact = async () => {
      for (const [query, where] of [
        ['', 'true'],
        ['?overdue=true', overdueSql],
        ['?overdue=false', `NOT coalesce(${overdueSql}, false)`],
      ]) {
        const board = (await manager.get(`/api/pipelines/${pipelineId}/board${query}`)).body as {
          stages: {
            stageId: string;
            count: number;
            overdueCount: number;
            totals: { capitalUsd: number | null };
            cards: { id: string }[];
          }[];
        };
        const rows: { stageId: string; count: number; overdueCount: number; capital: number | null; ids: string[] }[] =
          await db().query(
            `SELECT s.id AS "stageId", count(i.id)::int AS count,
                    count(i.id) FILTER (WHERE ${overdueSql})::int AS "overdueCount",
                    sum(i.capital_usd)::float8 AS capital,
                    coalesce((array_agg(i.id ORDER BY i.stage_entered_at, i.id) FILTER (WHERE i.id IS NOT NULL))[1:20],
                             '{}') AS ids
               FROM stage s LEFT JOIN pipeline_item i ON i.stage_id = s.id AND ${where}
              WHERE s.pipeline_id = $1 AND s.retired_at IS NULL GROUP BY s.id`,
            [pipelineId],
          );
        expect(
          board.stages
            .map((s) => [s.stageId, s.count, s.overdueCount, s.totals.capitalUsd, s.cards.map((c) => c.id)])
            .sort(),
        ).toEqual(rows.map((r) => [r.stageId, r.count, r.overdueCount, r.capital, r.ids]).sort());
      }
    };
    const a = await create(staff, { title: 'Sổ đếm: một', capitalUsd: 1_500_000 });
    const b = await create(staff, { title: 'Sổ đếm: hai' });
    await expectBoardExact();
    // A figure edited, an item moved on, one closed as won, one falling overdue, one deleted.
    expect((await staff.patch(`/api/prospects/${b.id}`, { version: b.version, capitalUsd: 250_000 })).status).toBe(200);
    expect((await move(staff, a.id, { stageId: stages.on_hold.id, version: a.version })).status).toBe(200);
    await db().query(`UPDATE pipeline_item SET overdue_from = current_date - 3 WHERE id = $1`, [a.id]);
    await expectBoardExact();
    await db().query(`UPDATE pipeline_item SET stage_id = $2, closed_at = now() WHERE id = $1`, [
      b.id,
      stages.licensed.id,
    ]);
    await db().query(`DELETE FROM pipeline_item WHERE id = $1`, [a.id]);
    await expectBoardExact();
    // No tally row is left at zero items.
    expect((await db().query(`SELECT count(*)::int AS n FROM stage_tally WHERE items = 0`))[0].n).toBe(0);
  });

  it('lists with cursor paging and sorting; a cursor of another sort is 400', async () => {
    const first = await staff.get('/api/prospects?limit=2&sort=title');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await staff.get(`/api/prospects?limit=2&sort=title&cursor=${first.body.nextCursor}`);
    const titles = [...first.body.items, ...second.body.items].map((i: { title: string }) => i.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect((await staff.get(`/api/prospects?sort=-updatedAt&cursor=${first.body.nextCursor}`)).status).toBe(400);
    expect((await staff.get('/api/prospects?sort=owner')).status).toBe(400);
  });

  it("merging two investors moves the duplicate's prospects to the one kept", async () => {
    const survivor = (
      await staff.post('/api/organizations?confirmDuplicate=true', {
        name: 'Công ty CP Thép Phúc Yên',
        kind: 'domestic',
        country: 'VN',
      })
    ).body;
    const duplicate = (
      await staff.post('/api/organizations?confirmDuplicate=true', {
        name: 'Cong ty CP Thep Phuc Yen',
        kind: 'domestic',
        country: 'VN',
      })
    ).body;
    const item = await create(staff, { organizationId: duplicate.id });
    const merged = await staff.post(`/api/organizations/${survivor.id}/merge`, {
      version: survivor.version,
      duplicateId: duplicate.id,
      duplicateVersion: duplicate.version,
    });
    expect(merged.status).toBe(200);
    expect(merged.body.moved.pipelineItems).toBe(1);
    const read = (await staff.get(`/api/prospects/${item.id}`)).body;
    expect(read).toMatchObject({ organizationId: survivor.id, version: 2 });
  });

  it('an investor with pipeline items is kept on delete with a 409 that says why', async () => {
    const investor = (
      await staff.post('/api/organizations?confirmDuplicate=true', {
        name: 'Công ty TNHH Gỗ mỹ nghệ Lý Nhân',
        kind: 'domestic',
        country: 'VN',
      })
    ).body;
    await create(staff, { organizationId: investor.id });
    const removed = await staff.delete(`/api/organizations/${investor.id}?version=${investor.version}`);
    expect(removed.status).toBe(409);
    expect(removed.body.errors).toEqual([{ field: 'id', message: 'has pipeline items' }]);
    expect((await staff.get(`/api/organizations/${investor.id}`)).status).toBe(200);
  });
});
