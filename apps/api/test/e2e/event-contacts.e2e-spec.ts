import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { seed } from '../../src/seed/seeder';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface StageInfo {
  id: string;
  key: string;
}

interface Attendance {
  id: string;
  itemId: string;
  contactId: string;
}

describe('event contacts and their conversion (HTTP)', () => {
  let t: TestApp;
  let staff: TestClient;
  let otherStaff: TestClient;
  let manager: TestClient;
  let staffId: string;
  let investorId: string;
  let eventId: string;
  let zoneId: string;
  let stages: Record<string, StageInfo>;

  const db = () => t.app.get(DataSource);
  const fields = (body: { errors?: { field: string }[] }) =>
    [...new Set((body.errors ?? []).map((e) => e.field))].sort();
  let counter = 0;

  /** A person met at the event, with their event contact (owned by `client` unless the event is someone else's). */
  const attend = async (body: Record<string, unknown> = {}, client: TestClient = staff): Promise<Attendance> => {
    counter++;
    const contact = await client.post('/api/contacts?confirmDuplicate=true', {
      fullName: `Khách mời ${counter}`,
      organizationId: investorId,
      ...body,
    });
    expect(contact.status).toBe(201);
    const added = await staff.post(`/api/events/${eventId}/attendees`, { contactId: contact.body.id });
    expect(added.status).toBe(201);
    return added.body;
  };
  const convert = (client: TestClient, id: string, body: Record<string, unknown>) =>
    client.post(`/api/event-contacts/${id}/convert`, { version: 1, ...body });
  const itemsCount = async () => (await db().query(`SELECT count(*)::int AS n FROM pipeline_item`))[0].n as number;

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
        name: 'Công ty CP Cơ khí Yên Lạc',
        kind: 'domestic',
        country: 'VN',
      })
    ).body.id;
    eventId = (
      await staff.post('/api/events', {
        name: 'Hội nghị xúc tiến đầu tư cụm công nghiệp',
        kind: 'conference',
        startsOn: '2026-06-04',
        endsOn: '2026-06-04',
        place: 'Vĩnh Yên',
        country: 'VN',
      })
    ).body.id;
    [{ id: zoneId }] = await db().query(`SELECT id FROM zone ORDER BY code LIMIT 1`);
    const pipelines = (await staff.get('/api/pipelines')).body as { kind: string; stages: StageInfo[] }[];
    stages = Object.fromEntries(pipelines.find((p) => p.kind === 'event_contact')!.stages.map((s) => [s.key, s]));
  });
  afterAll(() => t.close());

  it('lists, reads, edits and moves event contacts like any pipeline item', async () => {
    const attendance = await attend();
    const list = await otherStaff.get(`/api/event-contacts?eventId=${eventId}&limit=200`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(attendance.itemId);
    expect(list.body.items.every((i: { kind: string }) => i.kind === 'event_contact')).toBe(true);
    const read = await staff.get(`/api/event-contacts/${attendance.itemId}`);
    expect(read.body).toMatchObject({ stageKey: 'met', convertedItemId: null, convertedItemKind: null });

    const patched = await staff.patch(`/api/event-contacts/${attendance.itemId}`, {
      version: 1,
      sector: 'mechanical_engineering',
      title: 'Quan tâm thuê đất CCN',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      sector: 'mechanical_engineering',
      title: 'Quan tâm thuê đất CCN',
      version: 2,
    });
    expect((await staff.patch(`/api/event-contacts/${attendance.itemId}`, { version: 1, title: 'x' })).status).toBe(
      409,
    );
    expect(
      (await otherStaff.patch(`/api/event-contacts/${attendance.itemId}`, { version: 2, title: 'x' })).status,
    ).toBe(403);
    expect(
      (await staff.patch(`/api/event-contacts/${attendance.itemId}`, { version: 2, eventId: UNKNOWN_ID })).status,
    ).toBe(400);

    const moved = await staff.post(`/api/event-contacts/${attendance.itemId}/move`, {
      stageId: stages.contacted.id,
      version: 2,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stageKey: 'contacted', version: 3 });
    const history = await staff.get(`/api/event-contacts/${attendance.itemId}/history`);
    expect(history.body.map((h: { toStageId: string }) => h.toStageId)).toEqual([stages.contacted.id, stages.met.id]);
    const timeline = await staff.get(`/api/timeline?subjectType=event_contact&subjectId=${attendance.itemId}`);
    expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toEqual(['stage_move', 'edit', 'edit']);
    expect((await staff.get(`/api/event-contacts/${UNKNOWN_ID}`)).status).toBe(404);
  });

  it('refuses a move straight into Converted with 422: converting is the way there', async () => {
    const attendance = await attend();
    const refused = await staff.post(`/api/event-contacts/${attendance.itemId}/move`, {
      stageId: stages.converted.id,
      version: 1,
    });
    expect([refused.status, fields(refused.body)]).toEqual([422, ['stageId']]);
    expect((await staff.get(`/api/event-contacts/${attendance.itemId}`)).body).toMatchObject({
      stageKey: 'met',
      version: 1,
    });
  });

  it('converts into a prospect: the new item is linked to event, person, investor and contact, atomically', async () => {
    const attendance = await attend();
    const converted = await convert(staff, attendance.itemId, {
      kind: 'prospect',
      title: 'Nhà máy phụ tùng Yên Lạc',
      capitalUsd: 3_000_000,
      expectedJobs: 150,
      sector: 'automotive',
    });
    expect(converted.status).toBe(201);
    expect(converted.body.item).toEqual({ id: expect.any(String), kind: 'prospect' });
    const prospectId = converted.body.item.id;
    expect(converted.body.eventContact).toMatchObject({
      id: attendance.itemId,
      stageKey: 'converted',
      stageType: 'won',
      convertedItemId: prospectId,
      convertedItemKind: 'prospect',
      version: 2,
    });
    expect(converted.body.eventContact.closedAt).not.toBeNull();

    const prospect = await staff.get(`/api/prospects/${prospectId}`);
    expect(prospect.body).toMatchObject({
      title: 'Nhà máy phụ tùng Yên Lạc',
      stageKey: 'lead',
      organizationId: investorId,
      contactId: attendance.contactId,
      eventId,
      source: 'promotion_event',
      sector: 'automotive',
      capitalUsd: 3_000_000,
      expectedJobs: 150,
      ownerId: staffId,
    });
    const [{ source }] = await db().query(`SELECT source_item_id AS source FROM pipeline_item WHERE id = $1`, [
      prospectId,
    ]);
    expect(source).toBe(attendance.itemId);
    const history = (await staff.get(`/api/event-contacts/${attendance.itemId}/history`)).body;
    expect(history[0]).toMatchObject({ fromStageId: stages.met.id, toStageId: stages.converted.id });
    const attendees = (await staff.get(`/api/events/${eventId}/attendees?limit=200`)).body.items;
    expect(attendees.find((a: Attendance) => a.id === attendance.id)).toMatchObject({
      stageKey: 'converted',
      convertedItemId: prospectId,
      convertedItemKind: 'prospect',
      removable: false,
    });

    // Converted once is converted: a second attempt is a conflict whatever the version.
    const again = await convert(staff, attendance.itemId, { kind: 'prospect', version: 2 });
    expect(again.status).toBe(409);
    const moveOut = await staff.post(`/api/event-contacts/${attendance.itemId}/move`, {
      stageId: stages.met.id,
      version: 2,
    });
    expect(moveOut.status).toBe(422);
  });

  it('converts into a land enquiry through its own service, the title defaulting to the investor', async () => {
    const attendance = await attend();
    const converted = await convert(staff, attendance.itemId, {
      kind: 'land_enquiry',
      requestedAreaHa: 4.5,
      zoneId,
      preferredZoneIds: [zoneId],
      wantedBy: '2027-01-15',
    });
    expect(converted.status).toBe(201);
    const id = converted.body.item.id;
    const [item] = await db().query(
      `SELECT i.kind, i.title, i.area_ha::float8 AS "areaHa", i.zone_id AS "zoneId", i.event_id AS "eventId",
              l.preferred_zone_ids AS "preferredZoneIds", to_char(l.wanted_by, 'YYYY-MM-DD') AS "wantedBy",
              l.reserved_ha::float8 AS "reservedHa"
         FROM pipeline_item i JOIN land_enquiry l ON l.item_id = i.id WHERE i.id = $1`,
      [id],
    );
    expect(item).toEqual({
      kind: 'land_enquiry',
      title: 'Công ty CP Cơ khí Yên Lạc',
      areaHa: 4.5,
      zoneId,
      eventId,
      preferredZoneIds: [zoneId],
      wantedBy: '2027-01-15',
      reservedHa: 0,
    });
    const read = await staff.get(`/api/land-enquiries/${id}`);
    expect(read.body).toMatchObject({ requestedAreaHa: 4.5, zoneId, preferredZoneIds: [zoneId], eventId });
  });

  it('converts into a loan application through its own service', async () => {
    const attendance = await attend();
    const converted = await convert(staff, attendance.itemId, {
      kind: 'loan_application',
      requestedVnd: 5_000_000_000,
      applicantType: 'cluster_infrastructure',
      lender: 'Quỹ Đầu tư phát triển tỉnh',
      lenderKind: 'fund',
      purpose: 'Hạ tầng cụm công nghiệp',
    });
    expect(converted.status).toBe(201);
    const [item] = await db().query(
      `SELECT i.amount_vnd::float8 AS "amountVnd", l.applicant_type AS "applicantType", l.lender,
              l.lender_kind AS "lenderKind", l.purpose, l.planned_vnd::float8 AS "plannedVnd"
         FROM pipeline_item i JOIN loan_application l ON l.item_id = i.id WHERE i.id = $1`,
      [converted.body.item.id],
    );
    expect(item).toEqual({
      amountVnd: 5_000_000_000,
      applicantType: 'cluster_infrastructure',
      lender: 'Quỹ Đầu tư phát triển tỉnh',
      lenderKind: 'fund',
      purpose: 'Hạ tầng cụm công nghiệp',
      plannedVnd: 0,
    });
    const read = await staff.get(`/api/loan-applications/${converted.body.item.id}`);
    expect(read.body).toMatchObject({
      title: 'Hạ tầng cụm công nghiệp — Quỹ Đầu tư phát triển tỉnh',
      organizationId: investorId,
      contactId: attendance.contactId,
      eventId,
      requestedVnd: 5_000_000_000,
      stageKey: 'submitted',
    });
  });

  it('a failed conversion changes nothing: no new item, the contact where it was', async () => {
    const attendance = await attend();
    const loose = await attend({ organizationId: null });
    const before = await itemsCount();
    const tries: [string, Record<string, unknown>, number, string[]][] = [
      [attendance.itemId, { kind: 'land_enquiry' }, 400, ['requestedAreaHa']],
      [attendance.itemId, { kind: 'land_enquiry', requestedAreaHa: 0 }, 400, ['requestedAreaHa']],
      [
        attendance.itemId,
        { kind: 'loan_application', requestedVnd: 100 },
        400,
        ['applicantType', 'lender', 'lenderKind', 'purpose'],
      ],
      [attendance.itemId, { kind: 'prospect', requestedAreaHa: 2 }, 400, ['requestedAreaHa']],
      [attendance.itemId, { kind: 'customer' }, 400, ['kind']],
      [attendance.itemId, { kind: 'prospect', capitalUsd: -5 }, 400, ['capitalUsd']],
      [attendance.itemId, { kind: 'land_enquiry', requestedAreaHa: 1, zoneId: UNKNOWN_ID }, 422, ['zoneId']],
      [
        attendance.itemId,
        { kind: 'land_enquiry', requestedAreaHa: 1, preferredZoneIds: [UNKNOWN_ID] },
        422,
        ['preferredZoneIds'],
      ],
      [attendance.itemId, { kind: 'prospect', organizationId: UNKNOWN_ID }, 422, ['organizationId']],
      [attendance.itemId, { kind: 'prospect', ownerId: UNKNOWN_ID }, 403, []],
      [loose.itemId, { kind: 'prospect' }, 422, ['organizationId']],
      [loose.itemId, { kind: 'land_enquiry', requestedAreaHa: 1 }, 422, ['organizationId']],
      [attendance.itemId, { kind: 'prospect', version: 7 }, 409, []],
      [UNKNOWN_ID, { kind: 'prospect' }, 404, []],
    ];
    for (const [id, body, status, errorFields] of tries) {
      const response = await convert(staff, id, body);
      expect([JSON.stringify(body), response.status, fields(response.body)]).toEqual([
        JSON.stringify(body),
        status,
        errorFields,
      ]);
    }
    expect((await convert(otherStaff, attendance.itemId, { kind: 'prospect' })).status).toBe(403);
    expect(await itemsCount()).toBe(before);
    for (const id of [attendance.itemId, loose.itemId]) {
      const read = await staff.get(`/api/event-contacts/${id}`);
      expect(read.body).toMatchObject({ stageKey: 'met', version: 1, convertedItemId: null });
      const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM stage_history WHERE item_id = $1`, [id]);
      expect(n).toBe(1);
    }
    // Naming the investor for someone who has none is enough.
    const named = await convert(staff, loose.itemId, {
      kind: 'land_enquiry',
      requestedAreaHa: 1,
      organizationId: investorId,
    });
    expect(named.status).toBe(201);
    expect((await staff.get(`/api/land-enquiries/${named.body.item.id}`)).body).toMatchObject({
      organizationId: investorId,
      contactId: loose.contactId,
      title: 'Công ty CP Cơ khí Yên Lạc',
    });
  });

  it('two conversions at once: one succeeds, the other is 409, one item exists', async () => {
    const attendance = await attend();
    const [a, b] = await Promise.all([
      convert(staff, attendance.itemId, { kind: 'prospect' }),
      convert(manager, attendance.itemId, { kind: 'land_enquiry', requestedAreaHa: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM pipeline_item WHERE source_item_id = $1`, [
      attendance.itemId,
    ]);
    expect(n).toBe(1);
  });

  it("a manager converts anyone's contact; the new item goes to the contact's owner unless named", async () => {
    const attendance = await attend();
    const converted = await convert(manager, attendance.itemId, { kind: 'prospect' });
    expect(converted.status).toBe(201);
    expect((await manager.get(`/api/prospects/${converted.body.item.id}`)).body.ownerId).toBe(staffId);
    // A contact who was not interested can still come back and convert.
    const later = await attend();
    await staff.post(`/api/event-contacts/${later.itemId}/move`, {
      stageId: stages.not_interested.id,
      version: 1,
      reason: 'Chưa có kế hoạch',
    });
    expect((await convert(staff, later.itemId, { kind: 'prospect', version: 2 })).status).toBe(201);
  });
});
