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

describe('promotion events and their attendees (HTTP)', () => {
  let t: TestApp;
  let staff: TestClient;
  let otherStaff: TestClient;
  let manager: TestClient;
  let staffId: string;
  let managerId: string;
  let investorId: string;
  let stages: Record<string, StageInfo>;

  const db = () => t.app.get(DataSource);
  const fields = (body: { errors?: { field: string }[] }) =>
    [...new Set((body.errors ?? []).map((e) => e.field))].sort();
  const count = async (table: string) => (await db().query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  const createEvent = async (client: TestClient, body: Record<string, unknown> = {}) => {
    const response = await client.post('/api/events', {
      name: 'Hội nghị xúc tiến đầu tư Vĩnh Phúc',
      kind: 'conference',
      startsOn: '2026-10-14',
      endsOn: '2026-10-15',
      place: 'Vĩnh Yên',
      country: 'VN',
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number; ownerId: string };
  };
  let contactCounter = 0;
  const createContact = async (client: TestClient, body: Record<string, unknown> = {}) => {
    contactCounter++;
    const response = await client.post('/api/contacts?confirmDuplicate=true', {
      fullName: `Người tham dự ${contactCounter}`,
      email: `attendee${contactCounter}@example.test`,
      organizationId: investorId,
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; fullName: string; email: string; version: number };
  };

  beforeAll(async () => {
    t = await startTestApp();
    await seed(t.app.get(DataSource), { adminPassword: 'a long enough password' });
    ({
      client: staff,
      user: { id: staffId },
    } = await signedIn(t, Role.Staff));
    ({ client: otherStaff } = await signedIn(t, Role.Staff));
    ({
      client: manager,
      user: { id: managerId },
    } = await signedIn(t, Role.Manager));
    investorId = (
      await staff.post('/api/organizations?confirmDuplicate=true', {
        name: 'Công ty TNHH Điện tử Hợp Thịnh',
        kind: 'foreign_invested',
        country: 'JP',
      })
    ).body.id;
    const pipelines = (await staff.get('/api/pipelines')).body as { kind: string; stages: StageInfo[] }[];
    stages = Object.fromEntries(pipelines.find((p) => p.kind === 'event_contact')!.stages.map((s) => [s.key, s]));
  });
  afterAll(() => t.close());

  describe('events', () => {
    it('creates, reads, edits and deletes an event, each change audited', async () => {
      const created = await staff.post('/api/events', {
        name: '  Roadshow Nhật Bản 2026  ',
        kind: 'roadshow',
        startsOn: '2026-05-11',
        endsOn: '2026-05-15',
        place: 'Tokyo, Osaka',
        country: 'jp',
        budgetVnd: 1_200_000_000,
        organizer: 'Trung tâm Xúc tiến đầu tư',
        description: '',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'Roadshow Nhật Bản 2026',
        kind: 'roadshow',
        startsOn: '2026-05-11',
        endsOn: '2026-05-15',
        country: 'JP',
        budgetVnd: 1_200_000_000,
        organizer: 'Trung tâm Xúc tiến đầu tư',
        description: null,
        ownerId: staffId,
        attendeeCount: 0,
        version: 1,
      });
      const id = created.body.id;
      expect((await otherStaff.get(`/api/events/${id}`)).body.name).toBe('Roadshow Nhật Bản 2026');

      const patched = await staff.patch(`/api/events/${id}`, { version: 1, endsOn: '2026-05-16', budgetVnd: null });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ endsOn: '2026-05-16', budgetVnd: null, version: 2 });
      const stale = await staff.patch(`/api/events/${id}`, { version: 1, place: 'Nagoya' });
      expect(stale.status).toBe(409);
      expect((await staff.get(`/api/events/${id}`)).body.place).toBe('Tokyo, Osaka');

      expect((await staff.delete(`/api/events/${id}?version=1`)).status).toBe(409);
      expect((await staff.delete(`/api/events/${id}`)).status).toBe(400);
      expect((await staff.delete(`/api/events/${id}?version=2`)).status).toBe(204);
      expect((await staff.get(`/api/events/${id}`)).status).toBe(404);

      const audit = await db().query(
        `SELECT action, changes FROM audit_event WHERE subject_type = 'promotion_event' AND subject_id = $1 ORDER BY id`,
        [id],
      );
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update', 'delete']);
      expect(audit[1].changes).toEqual({
        endsOn: { before: '2026-05-15', after: '2026-05-16' },
        budgetVnd: { before: 1_200_000_000, after: null },
      });
    });

    it('refuses malformed input with 400 and broken rules with 422, writing nothing', async () => {
      const before = await count('promotion_event');
      const valid = {
        name: 'Webinar',
        kind: 'webinar',
        startsOn: '2026-03-02',
        endsOn: '2026-03-02',
        place: 'Online',
        country: 'VN',
      };
      const bad: Record<string, unknown>[] = [
        { name: '' },
        { name: undefined },
        { kind: 'party' },
        { startsOn: '2026-02-30' },
        { endsOn: '02/03/2026' },
        { country: 'XX' },
        { budgetVnd: -1 },
        { budgetVnd: 1.5 },
        { budgetVnd: '100' },
        { ownerId: 'me' },
        { extra: 'field' },
      ];
      for (const change of bad) {
        const response = await staff.post('/api/events', { ...valid, ...change });
        expect([JSON.stringify(change), response.status]).toEqual([JSON.stringify(change), 400]);
      }
      const backwards = await staff.post('/api/events', { ...valid, endsOn: '2026-03-01' });
      expect([backwards.status, fields(backwards.body)]).toEqual([422, ['endsOn']]);
      const unknownOwner = await manager.post('/api/events', { ...valid, ownerId: UNKNOWN_ID });
      expect([unknownOwner.status, fields(unknownOwner.body)]).toEqual([422, ['ownerId']]);
      const forOthers = await staff.post('/api/events', { ...valid, ownerId: managerId });
      expect(forOthers.status).toBe(403);
      expect(await count('promotion_event')).toBe(before);

      const event = await createEvent(staff, { startsOn: '2026-04-01', endsOn: '2026-04-03' });
      const startsLater = await staff.patch(`/api/events/${event.id}`, { version: 1, startsOn: '2026-04-05' });
      expect([startsLater.status, fields(startsLater.body)]).toEqual([422, ['endsOn']]);
      expect((await staff.patch(`/api/events/${event.id}`, { version: 1, name: '  ' })).status).toBe(400);
      expect((await staff.patch(`/api/events/${UNKNOWN_ID}`, { version: 1, name: 'x' })).status).toBe(404);
      expect((await staff.get('/api/events/not-an-id')).status).toBe(400);
      expect((await staff.get(`/api/events/${event.id}`)).body.version).toBe(1);
    });

    it('lets staff change only their own events; managers change any and assign owners', async () => {
      const event = await createEvent(staff);
      expect((await otherStaff.patch(`/api/events/${event.id}`, { version: 1, place: 'Hà Nội' })).status).toBe(403);
      expect((await otherStaff.delete(`/api/events/${event.id}?version=1`)).status).toBe(403);
      const reassigned = await manager.patch(`/api/events/${event.id}`, { version: 1, ownerId: managerId });
      expect(reassigned.status).toBe(200);
      expect(reassigned.body).toMatchObject({ ownerId: managerId, version: 2 });
      expect((await staff.patch(`/api/events/${event.id}`, { version: 2, place: 'Hà Nội' })).status).toBe(403);
      expect((await manager.delete(`/api/events/${event.id}?version=2`)).status).toBe(204);
    });

    it('lists with filters, newest first by default, with cursor paging', async () => {
      const tag = `Lọc${Date.now()}`;
      const a = await createEvent(staff, {
        name: `${tag} Hội chợ Seoul`,
        kind: 'trade_fair',
        country: 'KR',
        startsOn: '2025-11-03',
        endsOn: '2025-11-06',
      });
      const b = await createEvent(staff, {
        name: `${tag} Đoàn khảo sát Bá Thiện`,
        kind: 'site_visit_tour',
        startsOn: '2026-02-10',
        endsOn: '2026-02-10',
      });
      const c = await createEvent(manager, {
        name: `${tag} Hội nghị Đồng Sóc`,
        startsOn: '2026-08-20',
        endsOn: '2026-08-21',
      });
      const q = encodeURIComponent(tag.toLowerCase());
      const ids = async (path: string) => {
        const response = await staff.get(path);
        expect(response.status).toBe(200);
        return response.body.items.map((e: { id: string }) => e.id);
      };
      expect(await ids(`/api/events?q=${q}`)).toEqual([c.id, b.id, a.id]);
      expect(await ids(`/api/events?q=${q}&sort=startsOn`)).toEqual([a.id, b.id, c.id]);
      expect(await ids(`/api/events?q=${q}%20dong%20soc`)).toEqual([c.id]);
      expect(await ids(`/api/events?q=${q}&kind=trade_fair`)).toEqual([a.id]);
      expect(await ids(`/api/events?q=${q}&country=kr`)).toEqual([a.id]);
      expect(await ids(`/api/events?q=${q}&ownerId=${managerId}`)).toEqual([c.id]);
      // Events that overlap the period: the fair ending on 6 November is in it, the conference starting later is not.
      expect(await ids(`/api/events?q=${q}&from=2025-11-05&to=2026-03-01`)).toEqual([b.id, a.id]);

      const first = await staff.get(`/api/events?q=${q}&limit=2`);
      expect(first.body.items).toHaveLength(2);
      const second = await staff.get(`/api/events?q=${q}&limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((e: { id: string }) => e.id)).toEqual([a.id]);
      expect(second.body.nextCursor).toBeNull();
      expect((await staff.get(`/api/events?q=${q}&sort=name&cursor=${first.body.nextCursor}`)).status).toBe(400);
      expect((await staff.get('/api/events?sort=budget')).status).toBe(400);
      expect((await staff.get('/api/events?from=yesterday')).status).toBe(400);
      expect((await staff.get('/api/events?kind=party')).status).toBe(400);
    });
  });

  describe('attendees', () => {
    it('adding a person opens their event contact in Met, linked to person, investor and event', async () => {
      const event = await createEvent(staff, { name: 'Hội nghị Bình Xuyên' });
      const contact = await createContact(staff, { fullName: 'Trần Văn Bình' });
      const added = await staff.post(`/api/events/${event.id}/attendees`, { contactId: contact.id });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        eventId: event.id,
        contactId: contact.id,
        contactName: 'Trần Văn Bình',
        organizationId: investorId,
        organizationName: 'Công ty TNHH Điện tử Hợp Thịnh',
        stageId: stages.met.id,
        stageKey: 'met',
        stageType: 'open',
        stageName: { en: 'Met' },
        itemVersion: 1,
        itemOwnerId: staffId,
        convertedItemId: null,
        removable: true,
      });
      const item = await staff.get(`/api/event-contacts/${added.body.itemId}`);
      expect(item.status).toBe(200);
      expect(item.body).toMatchObject({
        kind: 'event_contact',
        title: 'Trần Văn Bình — Hội nghị Bình Xuyên',
        stageKey: 'met',
        contactId: contact.id,
        organizationId: investorId,
        eventId: event.id,
        eventName: 'Hội nghị Bình Xuyên',
        source: 'promotion_event',
        ownerId: staffId,
      });
      expect((await staff.get(`/api/events/${event.id}`)).body.attendeeCount).toBe(1);
      const list = await otherStaff.get(`/api/events/${event.id}/attendees`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([added.body.id]);
      const audit = await db().query(
        `SELECT subject_type AS "subjectType", action FROM audit_event
          WHERE subject_id IN ($1, $2) ORDER BY id`,
        [added.body.id, added.body.itemId],
      );
      expect(audit).toEqual([
        { subjectType: 'event_contact', action: 'create' },
        { subjectType: 'event_attendee', action: 'create' },
      ]);
    });

    it('refuses a second attendance (409), unknown people (422) and other staff (403), adding nothing', async () => {
      const event = await createEvent(staff);
      const contact = await createContact(staff);
      expect((await staff.post(`/api/events/${event.id}/attendees`, { contactId: contact.id })).status).toBe(201);
      const items = await count('pipeline_item');
      const again = await staff.post(`/api/events/${event.id}/attendees`, { contactId: contact.id });
      expect([again.status, fields(again.body)]).toEqual([409, ['contactId']]);
      const unknown = await staff.post(`/api/events/${event.id}/attendees`, { contactId: UNKNOWN_ID });
      expect([unknown.status, fields(unknown.body)]).toEqual([422, ['contactId']]);
      expect((await staff.post(`/api/events/${event.id}/attendees`, { contactId: 'x' })).status).toBe(400);
      expect((await staff.post(`/api/events/${UNKNOWN_ID}/attendees`, { contactId: contact.id })).status).toBe(404);
      const other = await createContact(staff);
      expect((await otherStaff.post(`/api/events/${event.id}/attendees`, { contactId: other.id })).status).toBe(403);
      expect(
        (await staff.post(`/api/events/${event.id}/attendees`, { contactId: other.id, ownerId: managerId })).status,
      ).toBe(403);
      expect(await count('pipeline_item')).toBe(items);

      // Managers add to anyone's event and choose the follow-up owner.
      const byManager = await manager.post(`/api/events/${event.id}/attendees`, {
        contactId: other.id,
        ownerId: staffId,
      });
      expect(byManager.status).toBe(201);
      expect(byManager.body.itemOwnerId).toBe(staffId);
    });

    it('two people adding the same person at once: one attendance, one 409', async () => {
      const event = await createEvent(staff);
      const contact = await createContact(staff);
      const [a, b] = await Promise.all([
        staff.post(`/api/events/${event.id}/attendees`, { contactId: contact.id }),
        manager.post(`/api/events/${event.id}/attendees`, { contactId: contact.id }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const [{ n }] = await db().query(
        `SELECT count(*)::int AS n FROM pipeline_item WHERE event_id = $1 AND contact_id = $2`,
        [event.id, contact.id],
      );
      expect(n).toBe(1);
    });

    it('takes an attendance back only while its event contact has not moved', async () => {
      const event = await createEvent(staff);
      const [first, second] = [await createContact(staff), await createContact(staff)];
      const a = (await staff.post(`/api/events/${event.id}/attendees`, { contactId: first.id })).body;
      const b = (await staff.post(`/api/events/${event.id}/attendees`, { contactId: second.id })).body;

      expect((await otherStaff.delete(`/api/events/${event.id}/attendees/${a.id}`)).status).toBe(403);
      expect((await staff.delete(`/api/events/${event.id}/attendees/${a.id}`)).status).toBe(204);
      expect((await staff.get(`/api/event-contacts/${a.itemId}`)).status).toBe(404);
      expect((await staff.delete(`/api/events/${event.id}/attendees/${a.id}`)).status).toBe(404);

      const moved = await staff.post(`/api/event-contacts/${b.itemId}/move`, {
        stageId: stages.contacted.id,
        version: 1,
      });
      expect(moved.status).toBe(200);
      const listed = (await staff.get(`/api/events/${event.id}/attendees`)).body.items;
      expect(listed).toEqual([expect.objectContaining({ id: b.id, stageKey: 'contacted', removable: false })]);
      const refused = await staff.delete(`/api/events/${event.id}/attendees/${b.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toMatch(/moved on/);
      expect((await staff.get(`/api/event-contacts/${b.itemId}`)).status).toBe(200);

      // The person stays on record for the event they attended.
      const contactGone = await staff.delete(`/api/contacts/${second.id}?version=${second.version}`);
      expect(contactGone.status).toBe(409);
      expect(contactGone.body.detail).toMatch(/attended a promotion event|contact of prospects/);

      // The event keeps its attendee, so it cannot be deleted; the problem says why.
      const remove = await staff.delete(`/api/events/${event.id}?version=1`);
      expect(remove.status).toBe(409);
      expect(remove.body.detail).toMatch(/1 attendee/);
      expect(remove.body.attendees).toBe(1);
    });

    it('an event with an item opened from it cannot be deleted either', async () => {
      const event = await createEvent(staff);
      await staff.post('/api/prospects', { title: 'Dự án từ hội nghị', organizationId: investorId, eventId: event.id });
      const remove = await staff.delete(`/api/events/${event.id}?version=1`);
      expect([remove.status, remove.body.items]).toEqual([409, 1]);
    });

    it('lists attendees in name order, with paging, a name search and a stage filter', async () => {
      const event = await createEvent(staff);
      const names = ['Đặng Thu Hà', 'Bùi Minh An', 'Nguyễn Hoàng Long'];
      const added = [];
      for (const fullName of names) {
        const contact = await createContact(staff, { fullName });
        added.push((await staff.post(`/api/events/${event.id}/attendees`, { contactId: contact.id })).body);
      }
      const page1 = await staff.get(`/api/events/${event.id}/attendees?limit=2`);
      const page2 = await staff.get(`/api/events/${event.id}/attendees?limit=2&cursor=${page1.body.nextCursor}`);
      expect([...page1.body.items, ...page2.body.items].map((a: { contactName: string }) => a.contactName)).toEqual([
        'Bùi Minh An',
        'Nguyễn Hoàng Long',
        'Đặng Thu Hà',
      ]);
      const search = await staff.get(`/api/events/${event.id}/attendees?q=dang%20thu`);
      expect(search.body.items.map((a: { contactName: string }) => a.contactName)).toEqual(['Đặng Thu Hà']);
      await staff.post(`/api/event-contacts/${added[2].itemId}/move`, { stageId: stages.contacted.id, version: 1 });
      const contacted = await staff.get(`/api/events/${event.id}/attendees?stageId=${stages.contacted.id}`);
      expect(contacted.body.items.map((a: { id: string }) => a.id)).toEqual([added[2].id]);
      expect((await staff.get(`/api/events/${UNKNOWN_ID}/attendees`)).status).toBe(404);
      expect((await staff.get(`/api/events/${event.id}/attendees?cursor=bad`)).status).toBe(400);
    });

    it('adds many at once by id and email, skipping those already there or unknown, in one transaction', async () => {
      const event = await createEvent(staff);
      const contacts = [];
      for (let i = 0; i < 4; i++) contacts.push(await createContact(staff));
      await staff.post(`/api/events/${event.id}/attendees`, { contactId: contacts[0].id });
      const bulk = await staff.post(`/api/events/${event.id}/attendees/bulk`, {
        contactIds: [contacts[0].id, contacts[1].id, contacts[1].id, UNKNOWN_ID],
        emails: [contacts[2].email.toUpperCase(), contacts[1].email, 'nobody@example.test', ` ${contacts[3].email} `],
      });
      expect(bulk.status).toBe(200);
      expect(bulk.body).toMatchObject({ added: 3, skipped: 3 });
      expect(bulk.body.addedAttendees.map((a: { contactId: string }) => a.contactId)).toEqual([
        contacts[1].id,
        contacts[2].id,
        contacts[3].id,
      ]);
      expect(bulk.body.addedAttendees.every((a: { stageKey: string }) => a.stageKey === 'met')).toBe(true);
      expect(bulk.body.skippedEntries).toEqual(
        expect.arrayContaining([
          { contactId: contacts[0].id, email: contacts[0].email, reason: 'already_attendee' },
          { contactId: UNKNOWN_ID, email: null, reason: 'unknown_contact' },
          { contactId: null, email: 'nobody@example.test', reason: 'unknown_email' },
        ]),
      );
      expect((await staff.get(`/api/events/${event.id}`)).body.attendeeCount).toBe(4);

      const items = await count('pipeline_item');
      expect((await staff.post(`/api/events/${event.id}/attendees/bulk`, {})).status).toBe(400);
      expect((await staff.post(`/api/events/${event.id}/attendees/bulk`, { emails: ['not an email'] })).status).toBe(
        400,
      );
      const tooMany = Array.from({ length: 1001 }, () => UNKNOWN_ID);
      expect((await staff.post(`/api/events/${event.id}/attendees/bulk`, { contactIds: tooMany })).status).toBe(400);
      const fresh = await createContact(staff);
      const forbidden = await otherStaff.post(`/api/events/${event.id}/attendees/bulk`, { contactIds: [fresh.id] });
      expect(forbidden.status).toBe(403);
      // A refused owner stops the whole batch: nothing of it is written.
      const refused = await staff.post(`/api/events/${event.id}/attendees/bulk`, {
        contactIds: [fresh.id],
        ownerId: managerId,
      });
      expect(refused.status).toBe(403);
      expect(await count('pipeline_item')).toBe(items);
    });
  });

  describe('return on investment', () => {
    it('counts contacts, conversions, hectares, capital and jobs against the budget', async () => {
      const event = await createEvent(staff, { budgetVnd: 300_000_000 });
      const contacts = [];
      for (let i = 0; i < 5; i++) contacts.push(await createContact(staff));
      const bulk = await staff.post(`/api/events/${event.id}/attendees/bulk`, {
        contactIds: contacts.map((c) => c.id),
      });
      const [a, b, c, d] = bulk.body.addedAttendees as { itemId: string; itemVersion: number }[];
      const convert = (attendee: { itemId: string }, body: Record<string, unknown>) =>
        staff.post(`/api/event-contacts/${attendee.itemId}/convert`, { version: 1, ...body });
      expect((await convert(a, { kind: 'prospect', capitalUsd: 5_000_000.5, expectedJobs: 120 })).status).toBe(201);
      expect(
        (await convert(b, { kind: 'land_enquiry', requestedAreaHa: 2.25, capitalUsd: 1_500_000, expectedJobs: 40 }))
          .status,
      ).toBe(201);
      expect(
        (
          await convert(c, {
            kind: 'loan_application',
            requestedVnd: 2_000_000_000,
            applicantType: 'sme',
            lender: 'Ngân hàng Phát triển Việt Nam',
            lenderKind: 'bank',
            purpose: 'Mua máy móc',
          })
        ).status,
      ).toBe(201);
      await staff.post(`/api/event-contacts/${d.itemId}/move`, {
        stageId: stages.not_interested.id,
        version: 1,
        reason: 'Chọn Bắc Ninh',
      });
      // An item opened directly for the event counts in the figures, not as a conversion.
      await db().query(
        `INSERT INTO pipeline_item (kind, pipeline_id, stage_id, title, owner_id, event_id, area_ha, capital_usd,
                                    expected_jobs, stage_entered_at, version)
         SELECT 'land_enquiry', p.id, s.id, 'Trực tiếp', $2, $1, 1.5, 250000, 10, now(), 1
           FROM pipeline p JOIN stage s ON s.pipeline_id = p.id WHERE p.kind = 'land_enquiry'
          ORDER BY s.position LIMIT 1`,
        [event.id, staffId],
      );

      const roi = await otherStaff.get(`/api/events/${event.id}/roi`);
      expect(roi.status).toBe(200);
      expect(roi.body).toMatchObject({
        eventId: event.id,
        contacts: 5,
        conversions: 3,
        conversionsByKind: { prospect: 1, land_enquiry: 1, loan_application: 1 },
        conversionRate: 0.6,
        linkedItems: 4,
        linkedItemsByKind: { prospect: 1, land_enquiry: 2, loan_application: 1 },
        hectaresEnquired: 3.75,
        capitalUsd: 6_750_000.5,
        expectedJobs: 170,
        budgetVnd: 300_000_000,
        costPerConversionVnd: 100_000_000,
        costPerContactVnd: 60_000_000,
      });
      const byKey = Object.fromEntries(roi.body.stages.map((s: { key: string; count: number }) => [s.key, s.count]));
      expect(byKey).toEqual({ met: 1, contacted: 0, meeting_held: 0, converted: 3, not_interested: 1 });
      expect(roi.body.stages[0]).toMatchObject({ stageId: stages.met.id, name: { vi: 'Đã gặp', en: 'Met' } });

      const empty = await createEvent(staff);
      expect((await staff.get(`/api/events/${empty.id}/roi`)).body).toMatchObject({
        contacts: 0,
        conversions: 0,
        conversionRate: null,
        hectaresEnquired: 0,
        capitalUsd: 0,
        budgetVnd: null,
        costPerConversionVnd: null,
      });
      expect((await staff.get(`/api/events/${UNKNOWN_ID}/roi`)).status).toBe(404);
    });
  });

  describe('contact merges', () => {
    it('move attendances and event contacts to the contact kept; a shared event keeps one attendance', async () => {
      const shared = await createEvent(staff, { name: 'Sự kiện chung' });
      const onlyDuplicate = await createEvent(staff, { name: 'Sự kiện riêng' });
      const kept = await createContact(staff, { fullName: 'Phạm Quốc Huy' });
      const duplicate = await createContact(staff, { fullName: 'Pham Quoc Huy', email: null });
      const keptAt = (await staff.post(`/api/events/${shared.id}/attendees`, { contactId: kept.id })).body;
      const dupAt = (await staff.post(`/api/events/${shared.id}/attendees`, { contactId: duplicate.id })).body;
      const dupElsewhere = (await staff.post(`/api/events/${onlyDuplicate.id}/attendees`, { contactId: duplicate.id }))
        .body;
      // The duplicate's contact at the shared event went further: that attendance is the one kept.
      await staff.post(`/api/event-contacts/${dupAt.itemId}/move`, { stageId: stages.contacted.id, version: 1 });

      const merged = await staff.post(`/api/contacts/${kept.id}/merge`, {
        version: kept.version,
        duplicateId: duplicate.id,
        duplicateVersion: duplicate.version,
      });
      expect(merged.status).toBe(200);
      expect(merged.body.moved).toMatchObject({ eventAttendees: 3, pipelineItems: 2 });

      const sharedAttendees = (await staff.get(`/api/events/${shared.id}/attendees`)).body.items;
      expect(sharedAttendees).toEqual([
        expect.objectContaining({ id: dupAt.id, contactId: kept.id, stageKey: 'contacted' }),
      ]);
      const elsewhere = (await staff.get(`/api/events/${onlyDuplicate.id}/attendees`)).body.items;
      expect(elsewhere).toEqual([expect.objectContaining({ id: dupElsewhere.id, contactId: kept.id })]);
      // The other event contact stays in the pipeline with its history, now about the person kept.
      const orphan = await staff.get(`/api/event-contacts/${keptAt.itemId}`);
      expect(orphan.body).toMatchObject({ contactId: kept.id, eventId: shared.id });
      expect((await staff.get(`/api/contacts/${duplicate.id}`)).status).toBe(404);
    });
  });
});
