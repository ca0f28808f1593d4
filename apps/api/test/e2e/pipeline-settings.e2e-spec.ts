import { Role } from '@irm/contracts';
import type { Pipeline, Stage } from '@irm/contracts';
import { localDate } from '@irm/domain';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { WorkingCalendarService } from '../../src/calendar/working-calendar.service';
import { seed } from '../../src/seed/seeder';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

function stageIn(p: Pipeline, key: string): Stage {
  return present(p.stages.find((s) => s.key === key));
}

describe('pipeline settings (HTTP)', () => {
  let t: TestApp;
  let db: DataSource;
  let staff: TestClient;
  let manager: TestClient;
  let managerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    await seed(db, { adminPassword: 'a long enough password' });
    ({ client: staff } = await signedIn(t, Role.Staff));
    const signedManager = await signedIn(t, Role.Manager);
    manager = signedManager.client;
    managerId = signedManager.user.id;
  });
  afterAll(() => t.close());

  async function pipeline(kind: string): Promise<Pipeline> {
    const all: Pipeline[] = (await manager.get('/api/pipelines')).body;
    return present(all.find((p) => p.kind === kind));
  }

  async function stage(kind: string, key: string): Promise<Stage> {
    return stageIn(await pipeline(kind), key);
  }

  const keys = (p: Pipeline) => p.stages.map((s) => s.key);
  const rule = (response: { body: { rule?: string } }) => response.body.rule;
  const fields = (response: { body: { errors?: { field: string }[] } }) =>
    (response.body.errors ?? []).map((e) => e.field).sort();

  function addStage(p: Pipeline, body: Record<string, unknown>) {
    return manager.post(`/api/pipelines/${p.id}/stages`, body);
  }

  /** `count` items of the stage's pipeline in it, entered at `enteredAt`, owned by the manager; SQL, not the items API. */
  async function insertItems(
    kind: string,
    stageId: string,
    count: number,
    {
      enteredAt,
      overdueFrom = null,
      closed = false,
    }: { enteredAt: string; overdueFrom?: string | null; closed?: boolean },
  ): Promise<void> {
    const p = await pipeline(kind);
    await db.query(
      `INSERT INTO pipeline_item (kind, pipeline_id, stage_id, title, owner_id, stage_entered_at, overdue_from,
                                  sla_due_on, closed_at, version)
       SELECT $1, $2, $3, 'Fixture ' || n, $4, $5, $6, $6::date - 1, CASE WHEN $7 THEN $5::timestamptz END, 1
         FROM generate_series(1, $8) AS n`,
      [kind, p.id, stageId, managerId, enteredAt, overdueFrom, closed, count],
    );
  }

  async function auditOf(subjectId: string): Promise<{ action: string; changes: unknown; details: unknown }[]> {
    return db.query(`SELECT action, changes, details FROM audit_event WHERE subject_id = $1 ORDER BY id`, [subjectId]);
  }

  it('adds a stage where the manager puts it, with a key from its English name; audited', async () => {
    const before = await pipeline('prospect');
    const created = await addStage(before, {
      nameVi: 'Thương thảo',
      nameEn: 'Negotiation',
      type: 'open',
      slaWorkingDays: 15,
      position: 6,
      version: before.version,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: 'negotiation',
      name: { vi: 'Thương thảo', en: 'Negotiation' },
      type: 'open',
      position: 6,
      slaWorkingDays: 15,
      retiredAt: null,
      version: 1,
    });
    const after = await pipeline('prospect');
    expect(keys(after)).toEqual([
      'lead',
      'qualified',
      'information_sent',
      'site_visit',
      'proposal',
      'negotiation',
      'decision_pending',
      'licensed',
      'lost',
      'on_hold',
    ]);
    expect(after.stages.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(after.version).toBe(before.version + 1);

    // At the end without a position; no SLA without one.
    const last = await addStage(after, { nameVi: 'Lưu trữ', nameEn: 'Archive', type: 'lost' });
    expect(last.status).toBe(201);
    expect(last.body).toMatchObject({ key: 'archive', position: 11, slaWorkingDays: null });

    // Renamed, the stage keeps its key; a new stage of the old name gets the next free key.
    const renamed = await manager.patch(`/api/pipelines/${after.id}/stages/${created.body.id}`, {
      nameEn: 'Contract negotiation',
      version: 1,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ key: 'negotiation', name: { en: 'Contract negotiation' }, version: 2 });
    const again = await addStage(await pipeline('prospect'), {
      nameVi: 'Đàm phán',
      nameEn: 'Negotiation',
      type: 'open',
      slaWorkingDays: 5,
      position: 7,
    });
    expect(again.status).toBe(201);
    expect(again.body.key).toBe('negotiation_2');

    expect(await auditOf(created.body.id)).toEqual([
      expect.objectContaining({ action: 'create', details: expect.objectContaining({ key: 'negotiation' }) }),
      expect.objectContaining({
        action: 'update',
        changes: { nameEn: { before: 'Negotiation', after: 'Contract negotiation' } },
      }),
    ]);
  });

  it('refuses a name in use, a stale pipeline version, an SLA on a closing stage and a position past the end', async () => {
    const p = await pipeline('land_enquiry');
    const taken = await addStage(p, { nameVi: 'Đã sàng lọc', nameEn: 'screened ', type: 'open', slaWorkingDays: 3 });
    expect(taken.status).toBe(409);
    expect(rule(taken)).toBe('duplicate_name');
    expect(fields(taken)).toEqual(['nameEn', 'nameVi']);

    const stale = await addStage(p, { nameVi: 'Mới', nameEn: 'New', type: 'open', version: p.version + 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');

    const sla = await addStage(p, { nameVi: 'Thắng', nameEn: 'Won elsewhere', type: 'won', slaWorkingDays: 5 });
    expect(sla.status).toBe(422);
    expect(rule(sla)).toBe('closed_stage_with_sla');
    expect(fields(sla)).toEqual(['slaWorkingDays']);

    const far = await addStage(p, { nameVi: 'Xa', nameEn: 'Far', type: 'open', position: 99 });
    expect(far.status).toBe(422);
    expect(rule(far)).toBe('position_out_of_range');
    expect(far.body.errors).toEqual([{ field: 'position', message: 'must be between 1 and 8' }]);
    expect((await pipeline('land_enquiry')).version).toBe(p.version);
  });

  it('answers malformed requests with 400, unknown pipelines and stages with 404, staff with 403', async () => {
    const p = await pipeline('loan_application');
    const s = p.stages[0];
    const bad = await addStage(p, { nameVi: ' ', nameEn: 'x'.repeat(81), type: 'maybe', slaWorkingDays: 1.5 });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['nameEn', 'nameVi', 'slaWorkingDays', 'type']);
    for (const body of [
      { nameVi: 'A', nameEn: 'A', type: 'open', slaWorkingDays: 0 },
      { nameVi: 'A', nameEn: 'A', type: 'open', slaWorkingDays: 'five' },
      { nameVi: 'A', nameEn: 'A', type: 'open', slaWorkingDays: 251 },
      { nameVi: 'A', nameEn: 'A', type: 'open', position: 0 },
      { nameVi: 'A', nameEn: 'A', type: 'open', key: 'chosen_key' },
    ]) {
      expect([JSON.stringify(body), (await addStage(p, body)).status]).toEqual([JSON.stringify(body), 400]);
    }
    const malformed = await manager.post(`/api/pipelines/${p.id}/stages`, '{"nameVi": ');
    expect(malformed.status).toBe(400);
    expect((await manager.patch(`/api/pipelines/${p.id}/stages/${s.id}`, { nameVi: 'A' })).status).toBe(400);
    expect((await manager.patch(`/api/pipelines/${p.id}/stages/nope`, { version: 1 })).status).toBe(400);
    const order = (body: unknown) => manager.request('PUT', `/api/pipelines/${p.id}/stage-order`, { body });
    expect((await order({ stageIds: ['nope'], version: p.version })).status).toBe(400);
    expect((await order({ stageIds: 'all', version: p.version })).status).toBe(400);
    expect((await order({ stageIds: [s.id] })).status).toBe(400);
    const retire = (body: unknown) => manager.post(`/api/pipelines/${p.id}/stages/${s.id}/retire`, body);
    expect((await retire({ moveItemsToStageId: 'x', version: 1 })).status).toBe(400);
    expect((await manager.delete(`/api/pipelines/${p.id}/stages/${s.id}`)).status).toBe(400);
    expect((await manager.delete(`/api/pipelines/${p.id}/stages/${s.id}?version=one`)).status).toBe(400);

    expect((await addStage({ ...p, id: UNKNOWN }, { nameVi: 'A', nameEn: 'A', type: 'open' })).status).toBe(404);
    expect((await manager.patch(`/api/pipelines/${p.id}/stages/${UNKNOWN}`, { version: 1 })).status).toBe(404);
    // A stage of another pipeline is not one of this pipeline's stages.
    const other = (await pipeline('prospect')).stages[0];
    expect((await manager.patch(`/api/pipelines/${p.id}/stages/${other.id}`, { version: 1 })).status).toBe(404);
    expect((await manager.get(`/api/pipelines/${UNKNOWN}/stage-usage`)).status).toBe(404);

    const forbidden = [
      await staff.post(`/api/pipelines/${p.id}/stages`, { nameVi: 'A', nameEn: 'A', type: 'open' }),
      await staff.patch(`/api/pipelines/${p.id}/stages/${s.id}`, { nameVi: 'A', version: s.version }),
      await staff.request('PUT', `/api/pipelines/${p.id}/stage-order`, {
        body: { stageIds: p.stages.map((x) => x.id), version: p.version },
      }),
      await staff.post(`/api/pipelines/${p.id}/stages/${s.id}/retire`, { version: s.version }),
      await staff.post(`/api/pipelines/${p.id}/stages/${s.id}/restore`, { version: s.version }),
      await staff.delete(`/api/pipelines/${p.id}/stages/${s.id}?version=${s.version}`),
    ];
    expect(forbidden.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect((await staff.get(`/api/pipelines/${p.id}/stage-usage`)).status).toBe(200);
    expect(await pipeline('loan_application')).toEqual(p);
  });

  it('renames and changes a stage under its version; a stale version changes nothing', async () => {
    const s = await stage('loan_application', 'appraisal');
    const p = await pipeline('loan_application');
    const path = `/api/pipelines/${p.id}/stages/${s.id}`;
    const renamed = await manager.patch(path, {
      nameVi: 'Thẩm định hồ sơ',
      nameEn: 'Credit appraisal',
      version: s.version,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ key: 'appraisal', name: { vi: 'Thẩm định hồ sơ' }, version: s.version + 1 });
    const stale = await manager.patch(path, { nameEn: 'Lost update', version: s.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    expect((await stage('loan_application', 'appraisal')).name.en).toBe('Credit appraisal');
    expect((await pipeline('loan_application')).version).toBe(p.version + 1);
    // The same values again: nothing to change, nothing recorded.
    const same = await manager.patch(path, { nameEn: 'Credit appraisal', version: s.version + 1 });
    expect(same.body.version).toBe(s.version + 1);
    expect((await auditOf(s.id)).length).toBe(1);
  });

  it('lets the type change only for an empty stage the rules do not use', async () => {
    const p = await pipeline('prospect');
    const licensed = stageIn(p, 'licensed');
    const ruleStage = await manager.patch(`/api/pipelines/${p.id}/stages/${licensed.id}`, {
      type: 'open',
      version: licensed.version,
    });
    expect(ruleStage.status).toBe(422);
    expect(rule(ruleStage)).toBe('rule_stage');
    expect(fields(ruleStage)).toEqual(['type']);
    // Renaming a rule stage is fine.
    const renamed = await manager.patch(`/api/pipelines/${p.id}/stages/${licensed.id}`, {
      nameEn: 'IRC issued',
      version: licensed.version,
    });
    expect(renamed.status).toBe(200);

    const onHold = stageIn(p, 'on_hold');
    await insertItems('prospect', onHold.id, 2, { enteredAt: '2026-10-01T03:00:00Z' });
    const withItems = await manager.patch(`/api/pipelines/${p.id}/stages/${onHold.id}`, {
      type: 'lost',
      version: onHold.version,
    });
    expect(withItems.status).toBe(422);
    expect(rule(withItems)).toBe('stage_has_items');

    const archive = stageIn(p, 'archive');
    const open = await manager.patch(`/api/pipelines/${p.id}/stages/${archive.id}`, {
      type: 'open',
      slaWorkingDays: 10,
      version: archive.version,
    });
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ type: 'open', slaWorkingDays: 10 });
    const closingWithSla = await manager.patch(`/api/pipelines/${p.id}/stages/${archive.id}`, {
      type: 'lost',
      version: open.body.version,
    });
    expect(closingWithSla.status).toBe(422);
    expect(rule(closingWithSla)).toBe('closed_stage_with_sla');
    const closed = await manager.patch(`/api/pipelines/${p.id}/stages/${archive.id}`, {
      type: 'lost',
      slaWorkingDays: null,
      version: open.body.version,
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ type: 'lost', slaWorkingDays: null });
  });

  it('keeps an open, a won and a lost stage in every pipeline', async () => {
    const p = await pipeline('event_contact');
    const [met, contacted, meetingHeld] = ['met', 'contacted', 'meeting_held'].map((key) => stageIn(p, key));
    const retire = (s: Stage) => manager.post(`/api/pipelines/${p.id}/stages/${s.id}/retire`, { version: s.version });
    expect((await retire(met)).status).toBe(200);
    const toLost = await manager.patch(`/api/pipelines/${p.id}/stages/${contacted.id}`, {
      type: 'lost',
      slaWorkingDays: null,
      version: contacted.version,
    });
    expect(toLost.status).toBe(200);
    const lastOpen = await retire(meetingHeld);
    expect(lastOpen.status).toBe(422);
    expect(rule(lastOpen)).toBe('no_open_stage');
    expect(lastOpen.body.errors).toEqual([
      { field: 'stageId', message: 'would leave the pipeline without at least one open stage' },
    ]);
    const lastOpenType = await manager.patch(`/api/pipelines/${p.id}/stages/${meetingHeld.id}`, {
      type: 'won',
      slaWorkingDays: null,
      version: meetingHeld.version,
    });
    expect(lastOpenType.status).toBe(422);
    expect(rule(lastOpenType)).toBe('no_open_stage');
    const deleted = await manager.delete(
      `/api/pipelines/${p.id}/stages/${meetingHeld.id}?version=${meetingHeld.version}`,
    );
    expect(deleted.status).toBe(422);
    expect(rule(deleted)).toBe('no_open_stage');

    // Rule stages (each pipeline's won and lost ones among them) are never retired or deleted.
    const converted = stageIn(p, 'converted');
    const retiredRule = await retire(converted);
    expect(retiredRule.status).toBe(422);
    expect(rule(retiredRule)).toBe('rule_stage');
    const deletedRule = await manager.delete(
      `/api/pipelines/${p.id}/stages/${converted.id}?version=${converted.version}`,
    );
    expect(deletedRule.status).toBe(422);
    expect(rule(deletedRule)).toBe('rule_stage');
  });

  it('reorders all stages under the pipeline version; one of two concurrent reorders gets 409', async () => {
    const p = await pipeline('prospect');
    const order = (stageIds: string[], version: number, client = manager) =>
      client.request('PUT', `/api/pipelines/${p.id}/stage-order`, { body: { stageIds, version } });
    const ids = p.stages.map((s) => s.id);

    const incomplete = await order(ids.slice(1), p.version);
    expect(incomplete.status).toBe(422);
    expect(rule(incomplete)).toBe('stage_order_incomplete');
    expect(fields(incomplete)).toEqual(['stageIds']);
    expect((await order([...ids.slice(1), ids[1]], p.version)).status).toBe(422);
    const foreign = (await pipeline('land_enquiry')).stages[0].id;
    expect((await order([...ids.slice(1), foreign], p.version)).status).toBe(422);

    // Lead last, then Lost before IRC issued, from two managers at once.
    const leadLast = [...ids.slice(1), ids[0]];
    const reversed = [...ids].reverse();
    const { client: other } = await signedIn(t, Role.Manager);
    const results = await Promise.all([order(leadLast, p.version), order(reversed, p.version, other)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = present(results.find((r) => r.status === 200));
    const expected = winner === results[0] ? leadLast : reversed;
    const after = await pipeline('prospect');
    expect(after.stages.map((s) => s.id)).toEqual(expected);
    expect(after.stages.map((s) => s.position)).toEqual(ids.map((_, index) => index + 1));
    expect(after.version).toBe(p.version + 1);
    expect(winner.body).toEqual(after);
    expect(present(results.find((r) => r.status === 409)).body.code).toBe('stale_version');

    const trail = await auditOf(p.id);
    expect(trail.at(-1)).toMatchObject({
      action: 'update',
      changes: { stageOrder: { before: keys(p), after: after.stages.map((s) => s.key) } },
    });
  });

  it('keeps land reserved before lease signed', async () => {
    const p = await pipeline('land_enquiry');
    const ids = keys(p).map((key) => stageIn(p, key).id);
    const at = (key: string) => keys(p).indexOf(key);
    const swapped = [...ids];
    [swapped[at('land_reserved')], swapped[at('lease_signed')]] = [ids[at('lease_signed')], ids[at('land_reserved')]];
    const response = await manager.request('PUT', `/api/pipelines/${p.id}/stage-order`, {
      body: { stageIds: swapped, version: p.version },
    });
    expect(response.status).toBe(422);
    expect(rule(response)).toBe('rule_stage_order');
    expect(response.body.detail).toContain('“Land reserved” must come before “Lease signed”');
  });

  it('retires a stage with items: all move in one statement to the chosen stage, each with its history', async () => {
    const calendar = t.app.get(WorkingCalendarService);
    let p = await pipeline('land_enquiry');
    const negotiation = await addStage(p, {
      nameVi: 'Đàm phán vị trí',
      nameEn: 'Plot negotiation',
      type: 'open',
      slaWorkingDays: 10,
      position: 5,
    });
    expect(negotiation.status).toBe(201);
    const handover = await addStage(await pipeline('land_enquiry'), {
      nameVi: 'Bàn giao mặt bằng',
      nameEn: 'Site handover',
      type: 'open',
      slaWorkingDays: 20,
      position: 7,
    });
    expect(handover.status).toBe(201);
    p = await pipeline('land_enquiry');
    expect(keys(p)).toEqual([
      'received',
      'screened',
      'options_sent',
      'site_visit',
      'plot_negotiation',
      'land_reserved',
      'site_handover',
      'lease_signed',
      'withdrawn',
    ]);
    const id = (key: string) => stageIn(p, key).id;
    const from = negotiation.body as Stage;
    await insertItems('land_enquiry', from.id, 1500, { enteredAt: '2026-10-05T02:00:00Z', overdueFrom: '2026-10-20' });
    await insertItems('land_enquiry', from.id, 700, { enteredAt: '2099-01-01T02:00:00Z', overdueFrom: '2099-01-16' });
    await insertItems('land_enquiry', from.id, 3, { enteredAt: '2026-11-02T17:30:00Z' });

    const usage = (await manager.get(`/api/pipelines/${p.id}/stage-usage`)).body;
    expect(usage.find((u: { stageId: string }) => u.stageId === from.id)).toEqual({
      stageId: from.id,
      items: 2203,
      openItems: 2203,
      overdueItems: 1500,
      everUsed: true,
    });
    expect(usage.find((u: { stageId: string }) => u.stageId === id('received'))).toMatchObject({
      items: 0,
      everUsed: false,
    });

    const retire = (moveItemsToStageId?: string | null, version = from.version) =>
      manager.post(`/api/pipelines/${p.id}/stages/${from.id}/retire`, { moveItemsToStageId, version });
    const refusals = {
      missing: await retire(undefined),
      crossing: await retire(id('land_reserved')),
      crossingForward: await retire(id('site_handover')),
      otherType: await retire(id('withdrawn')),
      itself: await retire(from.id),
      otherPipeline: await retire((await pipeline('prospect')).stages[0].id),
      unknown: await retire(UNKNOWN),
    };
    expect(Object.fromEntries(Object.entries(refusals).map(([name, r]) => [name, [r.status, rule(r)]]))).toEqual({
      missing: [422, 'target_required'],
      crossing: [422, 'target_crosses_rule_stage'],
      crossingForward: [422, 'target_crosses_rule_stage'],
      otherType: [422, 'target_type'],
      itself: [422, 'target_is_stage'],
      otherPipeline: [422, 'target_not_in_pipeline'],
      unknown: [422, 'target_not_in_pipeline'],
    });
    expect(fields(refusals.crossing)).toEqual(['moveItemsToStageId']);
    expect(refusals.crossing.body.errors[0].message).toContain('“Land reserved”');
    expect((await retire(id('site_visit'), from.version + 5)).status).toBe(409);
    const ruleStage = stageIn(p, 'land_reserved');
    const retiringRule = await manager.post(`/api/pipelines/${p.id}/stages/${ruleStage.id}/retire`, {
      moveItemsToStageId: id('site_visit'),
      version: ruleStage.version,
    });
    expect(retiringRule.status).toBe(422);
    expect(rule(retiringRule)).toBe('rule_stage');
    const [{ count: untouched }] = await db.query(
      `SELECT count(*)::int AS count FROM pipeline_item WHERE stage_id = $1`,
      [from.id],
    );
    expect(untouched).toBe(2203);

    // The fixtures have no sector, which every stage from Screened on requires: none may go to Site visit, and
    // the refusal counts them all, names the first 50 and moves nothing.
    const unready = await retire(id('site_visit'));
    expect([unready.status, rule(unready)]).toEqual([422, 'target_refuses_items']);
    expect(unready.body.refusedItems).toBe(2203);
    expect(unready.body.items).toHaveLength(50);
    expect(unready.body.items[0]).toEqual({
      id: expect.any(String),
      title: expect.stringMatching(/^Fixture /),
      errors: [{ field: 'sector', message: 'is required once screened' }],
    });
    expect(unready.body.errors).toEqual([
      {
        field: 'moveItemsToStageId',
        message: '2203 of the 2203 items cannot enter “Site visit”: sector is required once screened (2203)',
      },
    ]);
    expect(await pipeline('land_enquiry')).toEqual(p);
    await db.query(`UPDATE pipeline_item SET sector = 'textiles' WHERE stage_id = $1`, [from.id]);

    const started = Date.now();
    // Set-based: the statements do not grow with the 2,203 items (auth, locks, checks, one move, audit).
    const statements = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const retired = await retire(id('site_visit')).finally(() => statements.mockRestore());
    expect(statements.mock.calls.length).toBeLessThan(25);
    expect(retired.status).toBe(200);
    expect(retired.body.movedItems).toBe(2203);
    expect(retired.body.stage).toMatchObject({ id: from.id, version: from.version + 1 });
    expect(Date.parse(retired.body.stage.retiredAt)).toBeGreaterThanOrEqual(started - 1000);

    const days = await calendar.current();
    const today = localDate(new Date(), calendar.timeZone);
    const items = await db.query(
      `SELECT stage_id, version, to_char(sla_due_on, 'YYYY-MM-DD') AS due, to_char(overdue_from, 'YYYY-MM-DD') AS overdue,
              count(*)::int AS count, min(stage_entered_at) AS entered
         FROM pipeline_item WHERE title LIKE 'Fixture %' AND pipeline_id = $1
        GROUP BY 1, 2, 3, 4`,
      [p.id],
    );
    expect(items).toEqual([
      {
        stage_id: id('site_visit'),
        version: 2,
        due: days.add(today, 30),
        overdue: days.add(today, 31),
        count: 2203,
        entered: expect.any(Date),
      },
    ]);
    expect(items[0].entered.getTime()).toBeGreaterThanOrEqual(started - 1000);

    const history = await db.query(
      `SELECT from_stage_id, to_stage_id, owner_id, moved_by_id, reason, working_days_in_stage AS days,
              breached_sla AS breached, count(*)::int AS count
         FROM stage_history WHERE from_stage_id = $1 GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY count DESC`,
      [from.id],
    );
    const common = {
      from_stage_id: from.id,
      to_stage_id: id('site_visit'),
      owner_id: managerId,
      moved_by_id: managerId,
      reason: 'stage retired',
    };
    expect(history).toEqual([
      { ...common, days: days.between('2026-10-05', today), breached: true, count: 1500 },
      { ...common, days: 0, breached: false, count: 700 },
      // 17:30 UTC on 2 November is already 3 November in Hà Nội.
      { ...common, days: days.between('2026-11-03', today), breached: false, count: 3 },
    ]);

    // A stage-move timeline entry each, as a move by hand writes it, and an audit event each.
    const entries = await db.query(
      `SELECT e.kind, e.body, e.author_id AS "authorId", e.payload, count(*)::int AS count
         FROM timeline_entry e JOIN pipeline_item i ON i.id = e.subject_id AND e.subject_type = 'land_enquiry'
        WHERE i.pipeline_id = $1 AND i.title LIKE 'Fixture %'
        GROUP BY 1, 2, 3, 4 ORDER BY count DESC`,
      [p.id],
    );
    const entry = (workingDaysInStage: number, breachedSla: boolean, count: number) => ({
      kind: 'stage_move',
      body: 'stage retired',
      authorId: managerId,
      payload: {
        fromStageId: from.id,
        fromStage: { vi: 'Đàm phán vị trí', en: 'Plot negotiation' },
        toStageId: id('site_visit'),
        toStage: stageIn(p, 'site_visit').name,
        workingDaysInStage,
        breachedSla,
      },
      count,
    });
    expect(entries).toEqual([
      entry(days.between('2026-10-05', today), true, 1500),
      entry(0, false, 700),
      entry(days.between('2026-11-03', today), false, 3),
    ]);
    const [{ audited }] = await db.query(
      `SELECT count(*)::int AS audited FROM audit_event a JOIN pipeline_item i ON a.subject_id = i.id::text
        WHERE i.pipeline_id = $1 AND a.action = 'stage_move' AND a.subject_type = 'land_enquiry'
          AND a.changes = jsonb_build_object('stageId', jsonb_build_object('before', $2::text, 'after', $3::text))
          AND a.details = '{"reason": "stage retired"}'`,
      [p.id, from.id, id('site_visit')],
    );
    expect(audited).toBe(2203);

    expect(await auditOf(from.id)).toContainEqual(
      expect.objectContaining({
        action: 'update',
        details: expect.objectContaining({ movedItems: 2203, movedItemsToStageKey: 'site_visit' }),
      }),
    );
    const after = (await manager.get(`/api/pipelines/${p.id}/stage-usage`)).body;
    expect(after.find((u: { stageId: string }) => u.stageId === from.id)).toMatchObject({ items: 0, everUsed: true });

    // A retired stage: not again, takes no items, cannot be deleted (its history names it), can be restored.
    const current = await stage('land_enquiry', 'plot_negotiation');
    const twice = await retire(id('site_visit'), current.version);
    expect([twice.status, rule(twice)]).toEqual([422, 'already_retired']);
    const intoRetired = await manager.post(`/api/pipelines/${p.id}/stages/${id('screened')}/retire`, {
      moveItemsToStageId: from.id,
      version: stageIn(p, 'screened').version,
    });
    expect([intoRetired.status, rule(intoRetired)]).toEqual([422, 'target_retired']);
    const deleted = await manager.delete(`/api/pipelines/${p.id}/stages/${from.id}?version=${current.version}`);
    expect(deleted.status).toBe(409);
    expect(rule(deleted)).toBe('stage_was_used');
    expect(deleted.body.detail).toMatch(/retire the stage instead/);
    const restored = await manager.post(`/api/pipelines/${p.id}/stages/${from.id}/restore`, {
      version: current.version,
    });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ retiredAt: null, version: current.version + 1 });
    const notRetired = await manager.post(`/api/pipelines/${p.id}/stages/${from.id}/restore`, {
      version: current.version + 1,
    });
    expect([notRetired.status, rule(notRetired)]).toEqual([422, 'not_retired']);
    // Empty now, it retires without a stage to move items to.
    const emptyRetire = await retire(null, current.version + 1);
    expect(emptyRetire.status).toBe(200);
    expect(emptyRetire.body.movedItems).toBe(0);
  });

  it("recomputes the SLA dates of a stage's open items when its SLA changes", async () => {
    const calendar = t.app.get(WorkingCalendarService);
    const p = await pipeline('land_enquiry');
    const screened = stageIn(p, 'screened');
    // Entered on 1 October with the 5-day SLA: overdue since 9 October. Closed ones have no SLA dates to recompute.
    await insertItems('land_enquiry', screened.id, 4, { enteredAt: '2026-10-01T02:00:00Z', overdueFrom: '2026-10-09' });
    await insertItems('land_enquiry', screened.id, 2, { enteredAt: '2026-10-01T02:00:00Z', closed: true });
    const overdue = async () =>
      (await manager.get(`/api/pipelines/${p.id}/stage-usage`)).body.find(
        (u: { stageId: string }) => u.stageId === screened.id,
      ).overdueItems;
    expect(await overdue()).toBe(4);

    const longer = await manager.patch(`/api/pipelines/${p.id}/stages/${screened.id}`, {
      slaWorkingDays: 250,
      version: screened.version,
    });
    expect(longer.status).toBe(200);
    const days = await calendar.current();
    const dates = await db.query(
      `SELECT DISTINCT to_char(sla_due_on, 'YYYY-MM-DD') AS due, to_char(overdue_from, 'YYYY-MM-DD') AS overdue
         FROM pipeline_item WHERE stage_id = $1 AND closed_at IS NULL`,
      [screened.id],
    );
    expect(dates).toEqual([{ due: days.add('2026-10-01', 250), overdue: days.add('2026-10-01', 251) }]);
    expect(await overdue()).toBe(0);
    // Rows whose dates changed have a new version, so that a client holding the old dates reloads.
    const versions = () =>
      db.query(
        `SELECT closed_at IS NULL AS open, version, count(*)::int AS count
           FROM pipeline_item WHERE stage_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
        [screened.id],
      );
    expect(await versions()).toEqual([
      { open: false, version: 1, count: 2 },
      { open: true, version: 2, count: 4 },
    ]);
    expect(await auditOf(screened.id)).toEqual([
      expect.objectContaining({
        changes: { slaWorkingDays: { before: 5, after: 250 } },
        details: expect.objectContaining({ recomputedItems: 4 }),
      }),
    ]);

    const none = await manager.patch(`/api/pipelines/${p.id}/stages/${screened.id}`, {
      slaWorkingDays: null,
      version: longer.body.version,
    });
    expect(none.status).toBe(200);
    const [{ withDates }] = await db.query(
      `SELECT count(*)::int AS "withDates" FROM pipeline_item WHERE stage_id = $1 AND sla_due_on IS NOT NULL`,
      [screened.id],
    );
    expect(withDates).toBe(0);
    expect(await versions()).toEqual([
      { open: false, version: 1, count: 2 },
      { open: true, version: 3, count: 4 },
    ]);
    // Recomputed again, no dates change: no row is written, no version bumped.
    expect(await calendar.recomputeSla(db.manager, screened.id)).toBe(0);
    expect(await versions()).toEqual([
      { open: false, version: 1, count: 2 },
      { open: true, version: 3, count: 4 },
    ]);
  });

  it('deletes a stage no item was ever in, and renumbers the rest', async () => {
    const p = await pipeline('loan_application');
    const created = await addStage(p, { nameVi: 'Bổ sung hồ sơ', nameEn: 'More papers', type: 'open', position: 2 });
    expect(created.status).toBe(201);
    const path = `/api/pipelines/${p.id}/stages/${created.body.id}`;
    expect((await manager.delete(`${path}?version=${created.body.version + 1}`)).status).toBe(409);
    expect((await manager.delete(`${path}?version=${created.body.version}`)).status).toBe(204);
    const after = await pipeline('loan_application');
    expect(keys(after)).toEqual(keys(p));
    expect(after.stages.map((s) => s.position)).toEqual(p.stages.map((_, index) => index + 1));
    expect(await auditOf(created.body.id)).toEqual([
      expect.objectContaining({ action: 'create' }),
      expect.objectContaining({ action: 'delete' }),
    ]);
    expect((await manager.delete(`${path}?version=1`)).status).toBe(404);

    // Items in it now, or only in its history: retire it instead.
    const withItems = await addStage(after, { nameVi: 'Chờ bổ sung', nameEn: 'Waiting', type: 'open' });
    await insertItems('loan_application', withItems.body.id, 1, { enteredAt: '2026-10-01T02:00:00Z' });
    const refused = await manager.delete(`/api/pipelines/${p.id}/stages/${withItems.body.id}?version=1`);
    expect([refused.status, rule(refused)]).toEqual([409, 'stage_was_used']);

    const once = await addStage(await pipeline('loan_application'), { nameVi: 'Tạm', nameEn: 'Once', type: 'open' });
    const [item] = await db.query(`SELECT id, owner_id FROM pipeline_item WHERE stage_id = $1`, [withItems.body.id]);
    await db.query(
      `INSERT INTO stage_history (item_id, pipeline_id, from_stage_id, to_stage_id, owner_id)
       VALUES ($1, $2, $3, $4, $5)`,
      [item.id, p.id, once.body.id, withItems.body.id, item.owner_id],
    );
    const historyOnly = await manager.delete(`/api/pipelines/${p.id}/stages/${once.body.id}?version=1`);
    expect([historyOnly.status, rule(historyOnly)]).toEqual([409, 'stage_was_used']);
    expect((await pipeline('loan_application')).stages.some((s) => s.id === once.body.id)).toBe(true);
  });
  /** A company for items that need one. */
  async function investor(name: string): Promise<string> {
    const created = await manager.post('/api/organizations?confirmDuplicate=true', {
      name,
      kind: 'domestic',
      country: 'VN',
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  function retireInto(p: Pipeline, retiring: Stage, targetId: string) {
    return manager.post(`/api/pipelines/${p.id}/stages/${retiring.id}/retire`, {
      moveItemsToStageId: targetId,
      version: retiring.version,
    });
  }

  /** What a retirement may change of these items: stage, version, timeline, history, audit. */
  function itemTrail(ids: string[]) {
    return db.query(
      `SELECT i.id, i.stage_id AS "stageId", i.version,
              (SELECT count(*)::int FROM timeline_entry e WHERE e.subject_id = i.id) AS entries,
              (SELECT count(*)::int FROM stage_history h WHERE h.item_id = i.id) AS moves,
              (SELECT count(*)::int FROM audit_event a WHERE a.subject_id = i.id::text) AS audits
         FROM pipeline_item i WHERE i.id = ANY($1) ORDER BY i.title`,
      [ids],
    );
  }

  it('gives each moved item a stage-move timeline entry and a new version; a client holding the old one gets 409', async () => {
    const organizationId = await investor('Công ty TNHH Dệt may Tam Dương');
    const screening = await addStage(await pipeline('land_enquiry'), {
      nameVi: 'Sàng lọc sơ bộ',
      nameEn: 'Pre-screening',
      type: 'open',
      slaWorkingDays: 3,
      position: 2,
    });
    expect(screening.status).toBe(201);
    const p = await pipeline('land_enquiry');
    const [received, optionsSent] = [stageIn(p, 'received'), stageIn(p, 'options_sent')];
    const enquiry = async (title: string, sector?: string) => {
      const created = await staff.post('/api/land-enquiries', { title, organizationId, requestedAreaHa: 3, sector });
      expect(created.status).toBe(201);
      const moved = await staff.post(`/api/land-enquiries/${created.body.id}/move`, {
        stageId: screening.body.id,
        version: created.body.version,
      });
      expect(moved.status).toBe(200);
      return moved.body as { id: string; version: number };
    };
    const ready = await enquiry('Nhà máy dệt kim', 'textiles');
    const unready = await enquiry('Kho lạnh nông sản');
    const before = await itemTrail([ready.id, unready.id]);

    // Options sent needs a sector (required from Screened on): one of the two has none, so neither moves.
    const refused = await retireInto(p, screening.body, optionsSent.id);
    expect([refused.status, rule(refused)]).toEqual([422, 'target_refuses_items']);
    expect(refused.body).toMatchObject({
      detail:
        `1 of the 2 items in “Pre-screening” cannot move to “${optionsSent.name.en}”: sector is required once ` +
        'screened (1). Complete them or move them on their own first; nothing was moved.',
      refusedItems: 1,
      items: [
        {
          id: unready.id,
          title: 'Kho lạnh nông sản',
          errors: [{ field: 'sector', message: 'is required once screened' }],
        },
      ],
    });
    expect(await itemTrail([ready.id, unready.id])).toEqual(before);
    expect(await pipeline('land_enquiry')).toEqual(p);

    // Back to Received asks nothing of them.
    const retired = await retireInto(p, screening.body, received.id);
    expect(retired.status).toBe(200);
    expect(retired.body.movedItems).toBe(2);
    expect(await itemTrail([ready.id, unready.id])).toEqual(
      before.map((row: { version: number; entries: number; moves: number; audits: number }) => ({
        ...row,
        stageId: received.id,
        version: row.version + 1,
        entries: row.entries + 1,
        moves: row.moves + 1,
        audits: row.audits + 1,
      })),
    );

    // The web timeline reads the entry as it reads a move by hand: same kind, same payload fields.
    const timeline = await staff.get(`/api/timeline?subjectType=land_enquiry&subjectId=${ready.id}`);
    expect(timeline.status).toBe(200);
    const [retirement, byHand] = timeline.body.items.filter((e: { kind: string }) => e.kind === 'stage_move');
    expect(retirement).toMatchObject({
      body: 'stage retired',
      authorId: managerId,
      payload: {
        fromStageId: screening.body.id,
        fromStage: { vi: 'Sàng lọc sơ bộ', en: 'Pre-screening' },
        toStageId: received.id,
        toStage: received.name,
        workingDaysInStage: 0,
        breachedSla: false,
      },
    });
    expect(Object.keys(retirement.payload).sort()).toEqual(Object.keys(byHand.payload).sort());
    expect(await auditOf(ready.id)).toContainEqual(
      expect.objectContaining({
        action: 'stage_move',
        changes: { stageId: { before: screening.body.id, after: received.id } },
        details: { reason: 'stage retired' },
      }),
    );

    const current = await staff.get(`/api/land-enquiries/${ready.id}`);
    expect(current.body).toMatchObject({ stageId: received.id, version: ready.version + 1 });
    const staleEdit = await staff.patch(`/api/land-enquiries/${ready.id}`, {
      title: 'Lost update',
      version: ready.version,
    });
    expect([staleEdit.status, staleEdit.body.code]).toEqual([409, 'stale_version']);
    const staleMove = await staff.post(`/api/land-enquiries/${ready.id}/move`, {
      stageId: optionsSent.id,
      version: ready.version,
    });
    expect([staleMove.status, staleMove.body.code]).toEqual([409, 'stale_version']);
    expect((await staff.get(`/api/land-enquiries/${ready.id}`)).body).toEqual(current.body);
  });

  it("checks each loan application's documents against the target stage", async () => {
    const organizationId = await investor('Công ty CP Cơ khí Bình Xuyên');
    const intake = await addStage(await pipeline('loan_application'), {
      nameVi: 'Tiếp nhận',
      nameEn: 'Intake review',
      type: 'open',
      slaWorkingDays: 2,
      position: 2,
    });
    expect(intake.status).toBe(201);
    const p = await pipeline('loan_application');
    const created = await staff.post('/api/loan-applications', {
      organizationId,
      applicantType: 'sme',
      lender: 'Ngân hàng Phát triển Việt Nam — Chi nhánh Vĩnh Phúc',
      lenderKind: 'bank',
      purpose: 'Dây chuyền gia công cơ khí',
      requestedVnd: 3_000_000_000,
    });
    expect(created.status).toBe(201);
    const base = `/api/loan-applications/${created.body.id}`;
    let loan = (await staff.post(`${base}/move`, { stageId: intake.body.id, version: created.body.version })).body;
    expect(loan.stageId).toBe(intake.body.id);
    loan = (await staff.request('PUT', `${base}/documents/application_form`, { body: { version: loan.version } })).body;

    const check = stageIn(p, 'completeness_check');
    const refused = await retireInto(p, intake.body, check.id);
    expect([refused.status, rule(refused)]).toEqual([422, 'target_refuses_items']);
    expect(refused.body.items).toEqual([
      {
        id: loan.id,
        title: loan.title,
        errors: [{ field: 'documents', message: 'missing: business_registration' }],
      },
    ]);

    loan = (await staff.request('PUT', `${base}/documents/business_registration`, { body: { version: loan.version } }))
      .body;
    const retired = await retireInto(p, intake.body, check.id);
    expect([retired.status, retired.body.movedItems]).toEqual([200, 1]);
    expect((await staff.get(base)).body).toMatchObject({ stageId: check.id, version: loan.version + 1 });
  });

  it('keeps land holds exact: a retirement never fills “Land reserved” nor moves an enquiry holding land', async () => {
    const organizationId = await investor('Công ty TNHH Linh kiện Khai Quang');
    const zones: { id: string; availableHa: number; sectors: string[] }[] = (await manager.get('/api/zones?limit=200'))
      .body.items;
    const zone = present(zones.find((z) => z.availableHa >= 5 && z.sectors.length > 0));
    const reserved = await stage('land_enquiry', 'land_reserved');
    const survey = await addStage(await pipeline('land_enquiry'), {
      nameVi: 'Đo đạc ranh giới',
      nameEn: 'Boundary survey',
      type: 'open',
      slaWorkingDays: 10,
      position: reserved.position + 1,
    });
    const fencing = await addStage(await pipeline('land_enquiry'), {
      nameVi: 'Rào chắn mặt bằng',
      nameEn: 'Site fencing',
      type: 'open',
      slaWorkingDays: 10,
      position: reserved.position + 2,
    });
    expect([survey.status, fencing.status]).toEqual([201, 201]);
    const p = await pipeline('land_enquiry');
    const move = async (item: { id: string; version: number }, stageId: string) => {
      const moved = await staff.post(`/api/land-enquiries/${item.id}/move`, { stageId, version: item.version });
      expect(moved.status).toBe(200);
      return moved.body as { id: string; version: number; reservedHa: number };
    };
    const enquiry = async (title: string, requestedAreaHa: number) => {
      const created = await staff.post('/api/land-enquiries', {
        title,
        organizationId,
        requestedAreaHa,
        zoneId: zone.id,
        sector: zone.sectors[0],
      });
      expect(created.status).toBe(201);
      return move(created.body, reserved.id);
    };
    const holding = await enquiry('Nhà máy linh kiện điện tử', 2);
    expect(holding.reservedHa).toBe(2);
    // Leaving Land reserved released this one's land, as a move out of it does.
    const surveyed = await move(await enquiry('Xưởng in bao bì', 1.5), survey.body.id);
    expect(surveyed.reservedHa).toBe(0);

    const landState = async () => ({
      zone: await db.query(
        `SELECT reserved_ha::float8 AS reserved, leased_ha::float8 AS leased,
                (SELECT count(*)::int FROM land_movement m WHERE m.zone_id = z.id) AS movements
           FROM zone z WHERE id = $1`,
        [zone.id],
      ),
      holds: await db.query(
        `SELECT i.id, i.stage_id AS "stageId", i.version, e.reserved_ha::float8 AS reserved,
                e.leased_ha::float8 AS leased, e.held_zone_id AS "heldZoneId"
           FROM land_enquiry e JOIN pipeline_item i ON i.id = e.item_id WHERE i.id = ANY($1) ORDER BY i.title`,
        [[holding.id, surveyed.id]],
      ),
    });
    const before = await landState();

    // Entering Land reserved reserves land; a retirement cannot, so it never takes items there.
    const intoReserved = await retireInto(p, survey.body, reserved.id);
    expect([intoReserved.status, rule(intoReserved)]).toEqual([422, 'target_rule_stage']);
    expect(intoReserved.body.errors[0].message).toContain(reserved.name.en);

    // An enquiry holding reserved land outside Land reserved (written before these rules): moving it would have
    // to release its land or keep it where no stage holds land, so the retirement refuses.
    await db.query(`UPDATE pipeline_item SET stage_id = $2 WHERE id = $1`, [holding.id, survey.body.id]);
    const withHold = await retireInto(p, survey.body, fencing.body.id);
    expect([withHold.status, rule(withHold)]).toEqual([422, 'target_refuses_items']);
    expect(withHold.body).toMatchObject({
      refusedItems: 1,
      items: [
        {
          id: holding.id,
          errors: [
            {
              field: 'reservedHa',
              message: "holds 2 ha of reserved land: move it on its own, so that the zone's land bank follows",
            },
          ],
        },
      ],
    });
    await db.query(`UPDATE pipeline_item SET stage_id = $2 WHERE id = $1`, [holding.id, reserved.id]);
    expect(await landState()).toEqual(before);
    expect(await pipeline('land_enquiry')).toEqual(p);

    const retired = await retireInto(p, survey.body, fencing.body.id);
    expect([retired.status, retired.body.movedItems]).toEqual([200, 1]);
    const after = await landState();
    expect(after.zone).toEqual(before.zone);
    expect(after.holds).toEqual([
      before.holds[0],
      { ...before.holds[1], stageId: fencing.body.id, version: before.holds[1].version + 1 },
    ]);
  });
});
