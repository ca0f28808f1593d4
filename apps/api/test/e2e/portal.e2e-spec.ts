import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { seed } from '../../src/seed/seeder';
import { xlsx } from '../support/import-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { createUser, signedIn, TestClient } from '../support/test-client';

const APP_URL = 'https://ipa.test';
let counter = 0;
const uniqueEmail = (name = 'investor') => `${name}.${++counter}.${Date.now()}@example.jp`;

/** The smallest files each type is recognised by. */
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

function upload(content: Buffer, name: string, type = 'application/pdf'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type }), name);
  return form;
}

const tokenOf = (url: string) => url.split('/track/')[1];

describe('investor portal (HTTP)', () => {
  let t: TestApp;
  let manager: TestClient;
  let staff: { id: string; email: string }[];
  let anonymous: TestClient;
  let zone: { id: string; name: string; sectors: string[]; availableHa: number };
  const uploadDir = mkdtempSync(join(tmpdir(), 'irm-portal-'));

  beforeAll(async () => {
    t = await startTestApp({
      APP_URL,
      PORTAL_UPLOAD_DIR: uploadDir,
      PORTAL_UPLOAD_MAX_MB: '1',
    });
    await seed(t.app.get(DataSource), { adminPassword: 'a long enough password' });
    ({ client: manager } = await signedIn(t, Role.Manager));
    staff = await Promise.all([1, 2, 3].map(() => createUser(t, Role.Staff)));
    const saved = await manager.request('PUT', '/api/settings/portal-assignment', {
      body: { mode: 'round_robin', staffIds: staff.map((s) => s.id), sectorOwners: {}, version: 0 },
    });
    expect(saved.status).toBe(200);
    anonymous = new TestClient(t.baseUrl);
    const zones = (await anonymous.get('/api/public/zones?minAvailableHa=10')).body.items;
    zone = zones.find((z: { sectors: string[] }) => z.sectors.includes('electronics'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const db = () => t.app.get(DataSource);
  const count = async (table: string) => (await db().query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const landForm = (overrides: Record<string, unknown> = {}) => ({
    fullName: 'Tanaka Hiroshi',
    email: uniqueEmail(),
    phone: '+81 3 1234 5678',
    companyName: 'Tanaka Precision Co., Ltd',
    country: 'JP',
    language: 'vi',
    zoneId: zone.id,
    requestedAreaHa: 2.5,
    sector: 'electronics',
    capitalUsd: 12_000_000,
    message: 'Chúng tôi muốn thuê 2,5 ha.',
    website: '',
    ...overrides,
  });
  const itemOfToken = async (trackingUrl: string) => {
    const view = await anonymous.get(`/api/public/track/${tokenOf(trackingUrl)}`);
    expect(view.status).toBe(200);
    return view.body;
  };
  const submissionByEmail = async (email: string) =>
    (await db().query(
      `SELECT s.id, s.item_id AS "itemId", s.submissions, i.owner_id AS "ownerId", st.key AS "stageKey",
                i.area_ha::float8 AS "areaHa", i.contact_id AS "contactId", i.source, i.version
           FROM portal_submission s JOIN pipeline_item i ON i.id = s.item_id JOIN stage st ON st.id = i.stage_id
          WHERE s.email = $1`,
      [email],
    )) as {
      id: string;
      itemId: string;
      submissions: number;
      ownerId: string;
      stageKey: string;
      areaHa: number;
      contactId: string;
      source: string;
      version: number;
    }[];
  const emailsAbout = (itemId: string) =>
    db().query(
      `SELECT template_key AS template, language, recipient_email AS "to", recipient_user_id AS "userId",
              text_body AS text FROM email_message WHERE subject_id = $1 ORDER BY created_at, id`,
      [itemId],
    ) as Promise<{ template: string; language: string; to: string; userId: string | null; text: string }[]>;

  describe('catalogue', () => {
    it('lists the land bank with filters, cacheable, and nothing internal', async () => {
      const all = await anonymous.get('/api/public/zones');
      expect(all.status).toBe(200);
      expect(all.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
      expect(all.body.items.length).toBeGreaterThan(40);
      for (const item of all.body.items) {
        expect(Object.keys(item).sort()).toEqual(
          [
            'availableHa',
            'code',
            'craftVillage',
            'district',
            'id',
            'illustrative',
            'industrialLandHa',
            'latitude',
            'longitude',
            'name',
            'sectors',
            'status',
            'totalAreaHa',
            'type',
            'updatedAt',
            'workforce',
          ].sort(),
        );
      }
      const clusters = await anonymous.get(
        '/api/public/zones?type=industrial_cluster&sector=textiles&minAvailableHa=5',
      );
      expect(clusters.body.items.length).toBeGreaterThan(0);
      for (const item of clusters.body.items) {
        expect(item).toMatchObject({ type: 'industrial_cluster' });
        expect(item.sectors).toContain('textiles');
        expect(item.availableHa).toBeGreaterThanOrEqual(5);
      }
      const district = all.body.items[0].district;
      const inDistrict = await anonymous.get(`/api/public/zones?district=${encodeURIComponent(district)}`);
      expect(inDistrict.body.items.every((z: { district: string }) => z.district === district)).toBe(true);

      const again = await anonymous.get('/api/public/zones', {
        headers: { 'if-none-match': all.headers.get('etag')! },
      });
      expect(again.status).toBe(304);
      expect((await anonymous.get('/api/public/zones?minAvailableHa=-1')).status).toBe(400);
      expect((await anonymous.get('/api/public/zones?sector=casino')).status).toBe(400);
    });

    it('names the agency from the province settings, cacheable, with contact once configured', async () => {
      const agency = await anonymous.get('/api/public/agency');
      expect(agency.status).toBe(200);
      expect(agency.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
      expect(agency.body).toEqual({
        name: { vi: 'Trung tâm Xúc tiến Đầu tư tỉnh Vĩnh Phúc', en: 'Vinh Phuc Investment Promotion Centre' },
        address: 'Thành phố Vĩnh Yên, tỉnh Vĩnh Phúc',
        phone: null,
        email: null,
        website: null,
      });
      const again = await anonymous.get('/api/public/agency', {
        headers: { 'if-none-match': agency.headers.get('etag')! },
      });
      expect(again.status).toBe(304);

      // Configuration data: the agency's contact shows as soon as the setting has it (and the ETag changes).
      await db().query(`UPDATE setting SET value = value || $1::jsonb WHERE key = 'province'`, [
        JSON.stringify({
          agencyPhone: '+84 211 3 862 480',
          agencyEmail: 'xtdt@example.vn',
          agencyWebsite: 'javascript:x',
        }),
      ]);
      try {
        const configured = await anonymous.get('/api/public/agency', {
          headers: { 'if-none-match': agency.headers.get('etag')! },
        });
        expect(configured.status).toBe(200);
        expect(configured.body).toMatchObject({ phone: '+84 211 3 862 480', email: 'xtdt@example.vn', website: null });
      } finally {
        await db().query(
          `UPDATE setting SET value = value - 'agencyPhone' - 'agencyEmail' - 'agencyWebsite' WHERE key = 'province'`,
        );
      }
    });

    it('shows one zone, and 404 for an unknown one', async () => {
      const one = await anonymous.get(`/api/public/zones/${zone.id}`);
      expect(one.body).toMatchObject({ id: zone.id, name: zone.name });
      expect(one.body.infrastructureInvestor).toBeUndefined();
      expect((await anonymous.get('/api/public/zones/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });
  });

  describe('forms', () => {
    it('land enquiry: item in the first stage, owner by the rule, owner and investor emails with the link', async () => {
      const form = landForm();
      const response = await anonymous.post('/api/public/land-enquiries', form);
      expect(response.status).toBe(201);
      expect(Object.keys(response.body)).toEqual(['trackingUrl']);
      expect(response.body.trackingUrl).toMatch(new RegExp(`^${APP_URL}/track/[A-Za-z0-9_-]{43}$`));
      const [submission] = await submissionByEmail(form.email);
      expect(submission).toMatchObject({ stageKey: 'received', areaHa: 2.5, source: 'website', submissions: 1 });
      expect(staff.map((s) => s.id)).toContain(submission.ownerId);
      const [contact] = await db().query(
        `SELECT c.preferred_language AS language, o.name, o.country, o.kind FROM contact c
           JOIN organization o ON o.id = c.organization_id WHERE c.id = $1`,
        [submission.contactId],
      );
      expect(contact).toEqual({ language: 'vi', name: form.companyName, country: 'JP', kind: 'foreign_invested' });
      const [enquiry] = await db().query(`SELECT preferred_zone_ids AS zones FROM land_enquiry WHERE item_id = $1`, [
        submission.itemId,
      ]);
      expect(enquiry.zones).toEqual([zone.id]);

      const emails = await emailsAbout(submission.itemId);
      const owner = emails.find((e) => e.template === 'notification')!;
      expect(owner.userId).toBe(submission.ownerId);
      expect(owner.text).toContain(form.email);
      const investor = emails.find((e) => e.template === 'investor_notification')!;
      expect(investor).toMatchObject({ to: form.email, language: 'vi' });
      expect(investor.text).toContain(response.body.trackingUrl);

      const history = await db().query(`SELECT moved_by_id FROM stage_history WHERE item_id = $1`, [submission.itemId]);
      expect(history).toEqual([{ moved_by_id: null }]);
      const [audit] = await db().query(
        `SELECT actor_id FROM audit_event WHERE subject_type = 'land_enquiry' AND subject_id = $1 AND action = 'create'`,
        [submission.itemId],
      );
      expect(audit.actor_id).toBeNull();
    });

    it('loan application: first stage, confirmation in English for a Japanese form', async () => {
      const email = uniqueEmail('loan');
      const response = await anonymous.post('/api/public/loan-applications', {
        fullName: 'Lê Văn Bình',
        email,
        companyName: 'Công ty TNHH Cơ khí Đồng Sóc',
        taxCode: '0100109106',
        language: 'ja',
        applicantType: 'sme',
        lender: 'Vietcombank Vĩnh Phúc',
        lenderKind: 'bank',
        purpose: 'Nhà xưởng cơ khí tại CCN Đồng Sóc',
        requestedVnd: 12_000_000_000,
        termMonths: 60,
      });
      expect(response.status).toBe(201);
      const [submission] = await submissionByEmail(email);
      expect(submission.stageKey).toBe('submitted');
      const [loan] = await db().query(`SELECT lender, purpose FROM loan_application WHERE item_id = $1`, [
        submission.itemId,
      ]);
      expect(loan).toEqual({ lender: 'Vietcombank Vĩnh Phúc', purpose: 'Nhà xưởng cơ khí tại CCN Đồng Sóc' });
      const investor = (await emailsAbout(submission.itemId)).find((e) => e.template === 'investor_notification')!;
      expect(investor.language).toBe('en');
      expect(investor.text).toContain(response.body.trackingUrl);
      const view = await itemOfToken(response.body.trackingUrl);
      expect(view).toMatchObject({ kind: 'loan_application', language: 'ja', status: { phase: 'received' } });
    });

    it('event registration: attendee and event contact in "Met" linked to the event', async () => {
      const event = await manager.post('/api/events', {
        name: 'Hội nghị xúc tiến đầu tư Nhật Bản',
        kind: 'conference',
        startsOn: '2030-04-01',
        endsOn: '2030-04-02',
        place: 'Vĩnh Yên',
        country: 'VN',
      });
      expect(event.status).toBe(201);
      const page = await anonymous.get(`/api/public/events/${event.body.id}`);
      expect(page.body).toMatchObject({ name: 'Hội nghị xúc tiến đầu tư Nhật Bản', registrationOpen: true });
      expect(page.body.ownerId).toBeUndefined();
      const email = uniqueEmail('event');
      const form = { fullName: 'Kim Min-jun', email, companyName: 'Hanbit Electronics', country: 'KR', language: 'ko' };
      const response = await anonymous.post(`/api/public/events/${event.body.id}/registrations`, form);
      expect(response.status).toBe(201);
      const [submission] = await submissionByEmail(email);
      expect(submission.stageKey).toBe('met');
      const [attendee] = await db().query(`SELECT item_id, event_id FROM event_attendee WHERE contact_id = $1`, [
        submission.contactId,
      ]);
      expect(attendee).toEqual({ item_id: submission.itemId, event_id: event.body.id });

      // Registering again joins the same attendance.
      const again = await anonymous.post(`/api/public/events/${event.body.id}/registrations`, form);
      expect(again.status).toBe(201);
      expect(await submissionByEmail(email)).toHaveLength(1);
      expect((await submissionByEmail(email))[0].submissions).toBe(2);
      expect(
        (await anonymous.post('/api/public/events/00000000-0000-4000-8000-000000000000/registrations', form)).status,
      ).toBe(404);
    });

    it('refuses bad fields one by one, naming each, and stores nothing', async () => {
      const before = await count('pipeline_item');
      const cases: [Record<string, unknown>, string][] = [
        [{ email: 'not-an-email' }, 'email'],
        [{ fullName: '   ' }, 'fullName'],
        [{ language: 'fr' }, 'language'],
        [{ companyName: undefined }, 'companyName'],
        [{ requestedAreaHa: -1 }, 'requestedAreaHa'],
        [{ requestedAreaHa: 1.234 }, 'requestedAreaHa'],
        [{ taxCode: '0100109107' }, 'taxCode'],
        [{ phone: '12' }, 'phone'],
        [{ country: 'XX' }, 'country'],
        [{ sector: 'casino' }, 'sector'],
        [{ wantedBy: '2027-02-30' }, 'wantedBy'],
        [{ zoneId: 'nope' }, 'zoneId'],
        [{ message: 'x'.repeat(4001) }, 'message'],
        [{ ownerId: staff[0].id }, 'ownerId'],
      ];
      for (const [change, field] of cases) {
        const response = await anonymous.post('/api/public/land-enquiries', landForm(change));
        expect([field, response.status]).toEqual([field, 400]);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      const unknownZone = await anonymous.post(
        '/api/public/land-enquiries',
        landForm({ zoneId: '00000000-0000-4000-8000-000000000000' }),
      );
      expect([unknownZone.status, unknownZone.body.errors]).toEqual([
        422,
        [{ field: 'zoneId', message: 'does not exist' }],
      ]);
      const loan = await anonymous.post('/api/public/loan-applications', { ...landForm(), requestedVnd: 0 });
      expect(loan.status).toBe(400);
      expect(loan.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['applicantType', 'lender', 'lenderKind', 'purpose', 'requestedVnd']),
      );
      const huge = await anonymous.post('/api/public/land-enquiries', landForm({ message: 'x'.repeat(40_000) }));
      expect(huge.status).toBe(413);
      expect(await count('pipeline_item')).toBe(before);
    });

    it('answers a filled honeypot like a real submission and stores nothing', async () => {
      const before = await Promise.all(['pipeline_item', 'contact', 'organization', 'email_message'].map(count));
      const response = await anonymous.post('/api/public/land-enquiries', landForm({ website: 'http://spam.example' }));
      expect(response.status).toBe(201);
      expect(response.body.trackingUrl).toMatch(new RegExp(`^${APP_URL}/track/[A-Za-z0-9_-]{43}$`));
      expect(await Promise.all(['pipeline_item', 'contact', 'organization', 'email_message'].map(count))).toEqual(
        before,
      );
      expect((await anonymous.get(`/api/public/track/${tokenOf(response.body.trackingUrl)}`)).status).toBe(404);
    });

    it('updates the same item when the same person sends the same form again within a day', async () => {
      const form = landForm({ requestedAreaHa: 3 });
      const first = await anonymous.post('/api/public/land-enquiries', form);
      const second = await anonymous.post('/api/public/land-enquiries', {
        ...form,
        requestedAreaHa: 4.5,
        message: 'Cần thêm 1,5 ha.',
      });
      expect([first.status, second.status]).toEqual([201, 201]);
      const rows = await submissionByEmail(form.email);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ submissions: 2, areaHa: 4.5 });
      const entries = await db().query(
        `SELECT payload FROM timeline_entry WHERE subject_id = $1 AND kind = 'portal_message' ORDER BY id`,
        [rows[0].itemId],
      );
      expect(entries.map((e: { payload: { event: string } }) => e.payload.event)).toEqual(['submitted', 'resubmitted']);
      expect(entries[1].payload.fields).toEqual(expect.arrayContaining(['requestedAreaHa', 'message']));

      // The answer's link shows only what happens from now on; the emailed one shows the whole thread.
      const fromAnswer = await itemOfToken(second.body.trackingUrl);
      expect(fromAnswer.messages.map((m: { body: string }) => m.body)).toEqual(['Cần thêm 1,5 ha.']);
      expect(fromAnswer.submission.requestedAreaHa).toBe(4.5);
      const investorMails = (await emailsAbout(rows[0].itemId)).filter((e) => e.template === 'investor_notification');
      expect(investorMails).toHaveLength(2);
      const emailed = /\/track\/([A-Za-z0-9_-]{43})/.exec(investorMails[1].text)![1];
      const full = await itemOfToken(`${APP_URL}/track/${emailed}`);
      expect(full.messages.map((m: { body: string }) => m.body)).toEqual([form.message, 'Cần thêm 1,5 ha.']);

      // Another zone is another form.
      const other = await anonymous.post('/api/public/land-enquiries', { ...form, zoneId: null });
      expect(other.status).toBe(201);
      expect(await submissionByEmail(form.email)).toHaveLength(2);
    });

    it('spreads concurrent submissions evenly among the staff in turn', async () => {
      const before = await db().query(
        `SELECT owner_id AS id, count(*)::int AS n FROM pipeline_item i JOIN portal_submission s ON s.item_id = i.id
          GROUP BY owner_id`,
      );
      const responses = await Promise.all(
        Array.from({ length: 9 }, () => anonymous.post('/api/public/land-enquiries', landForm({ zoneId: null }))),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(9).fill(201));
      const after = await db().query(
        `SELECT owner_id AS id, count(*)::int AS n FROM pipeline_item i JOIN portal_submission s ON s.item_id = i.id
          GROUP BY owner_id`,
      );
      const added = staff.map(
        (s) =>
          (after.find((r: { id: string }) => r.id === s.id)?.n ?? 0) -
          (before.find((r: { id: string }) => r.id === s.id)?.n ?? 0),
      );
      expect(added).toEqual([3, 3, 3]);
    });

    it('gives submissions of a sector to its owner when managers choose by sector', async () => {
      const current = (await manager.get('/api/settings/portal-assignment')).body;
      const bySector = await manager.request('PUT', '/api/settings/portal-assignment', {
        body: { ...current, mode: 'by_sector', sectorOwners: { textiles: staff[2].id } },
      });
      expect(bySector.status).toBe(200);
      const stale = await manager.request('PUT', '/api/settings/portal-assignment', { body: current });
      expect(stale.status).toBe(409);
      const inactive = await manager.request('PUT', '/api/settings/portal-assignment', {
        body: { ...bySector.body, sectorOwners: { textiles: '00000000-0000-4000-8000-000000000000' } },
      });
      expect([inactive.status, inactive.body.errors]).toEqual([
        422,
        [{ field: 'sectorOwners.textiles', message: 'is not an active user' }],
      ]);
      const form = landForm({ sector: 'textiles', zoneId: null });
      await anonymous.post('/api/public/land-enquiries', form);
      expect((await submissionByEmail(form.email))[0].ownerId).toBe(staff[2].id);
      const [audit] = await db().query(
        `SELECT changes FROM audit_event WHERE subject_type = 'setting' AND subject_id = 'portal_assignment'
          ORDER BY id DESC LIMIT 1`,
      );
      expect(Object.keys(audit.changes)).toEqual(expect.arrayContaining(['mode', 'sectorOwners']));
      await manager.request('PUT', '/api/settings/portal-assignment', {
        body: { ...bySector.body, mode: 'round_robin', sectorOwners: {} },
      });
    });
  });

  describe('tracking', () => {
    let form: ReturnType<typeof landForm>;
    let trackingUrl: string;
    let itemId: string;
    let owner: TestClient;

    beforeAll(async () => {
      form = landForm({ zoneId: null, message: 'Xin gửi thông tin.' });
      trackingUrl = (await anonymous.post('/api/public/land-enquiries', form)).body.trackingUrl;
      const [submission] = await submissionByEmail(form.email);
      itemId = submission.itemId;
      const ownerUser = staff.find((s) => s.id === submission.ownerId)!;
      owner = new TestClient(t.baseUrl);
      await owner.login(ownerUser.email, 'Lộ trình xúc tiến 2026!');
    });

    it('shows status in public words, what was sent, and no caching of the page', async () => {
      const view = await anonymous.get(`/api/public/track/${tokenOf(trackingUrl)}`);
      expect(view.status).toBe(200);
      expect(view.headers.get('cache-control')).toBe('no-store');
      expect(view.body).toMatchObject({
        kind: 'land_enquiry',
        language: 'vi',
        status: { phase: 'received', label: { vi: 'Đã tiếp nhận', en: 'Received' } },
        submission: { companyName: form.companyName, requestedAreaHa: form.requestedAreaHa },
        messages: [{ from: 'investor', body: 'Xin gửi thông tin.' }],
        documents: [],
        // PORTAL_UPLOAD_MAX_MB is 1 here: the page tells the investor before they pick a file.
        uploads: {
          maxBytes: 1024 * 1024,
          contentTypes: [
            'application/pdf',
            'image/jpeg',
            'image/png',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ],
          extensions: ['pdf', 'jpg', 'jpeg', 'png', 'xlsx'],
        },
      });
      expect(JSON.stringify(view.body)).not.toContain('Received" (2)');
      expect(view.body.steps[0]).toMatchObject({ phase: 'received', current: true });
      expect(view.body.steps.at(-1)).toMatchObject({ phase: 'completed', current: false });
      expect(view.body.submission.website).toBeUndefined();
    });

    it('answers a made-up, malformed, expired or other submission’s token with the same 404', async () => {
      const other = await anonymous.post(
        '/api/public/land-enquiries',
        landForm({ zoneId: null, companyName: 'Other Co' }),
      );
      const otherView = await itemOfToken(other.body.trackingUrl);
      expect(otherView.submission.companyName).toBe('Other Co');

      const expiring = await anonymous.post('/api/public/land-enquiries', landForm({ zoneId: null }));
      await db().query(
        `UPDATE portal_tracking_token SET expires_at = now() - interval '1 second'
                          WHERE submission_id = (SELECT id FROM portal_submission WHERE email = $1)`,
        [(await db().query(`SELECT email FROM portal_submission ORDER BY submitted_at DESC LIMIT 1`))[0].email],
      );
      const madeUp = 'A'.repeat(43);
      const answers = await Promise.all(
        [madeUp, 'short', tokenOf(expiring.body.trackingUrl)].map((token) =>
          anonymous.get(`/api/public/track/${token}`),
        ),
      );
      const shapes = answers.map((r) => [r.status, r.body.title, r.body.detail, r.body.errors]);
      expect(shapes[0][0]).toBe(404);
      expect(shapes).toEqual([shapes[0], shapes[0], shapes[0]]);
      expect((await anonymous.post(`/api/public/track/${madeUp}/messages`, { body: 'hi' })).status).toBe(404);
    });

    it('shows the stage move, the manager’s public label and the staff reply, never internal notes', async () => {
      const pipelines = (await manager.get('/api/pipelines')).body as {
        kind: string;
        id: string;
        stages: { id: string; key: string; version: number }[];
      }[];
      const land = pipelines.find((p) => p.kind === 'land_enquiry')!;
      const screened = land.stages.find((s) => s.key === 'screened')!;
      const labelled = await manager.patch(`/api/pipelines/${land.id}/stages/${screened.id}`, {
        version: screened.version,
        publicLabelVi: 'Đang thẩm định hồ sơ',
        publicLabelEn: 'Checking your request',
      });
      expect(labelled.status).toBe(200);
      expect(labelled.body).toMatchObject({
        publicLabelVi: 'Đang thẩm định hồ sơ',
        publicLabelEn: 'Checking your request',
      });

      const item = (await owner.get(`/api/land-enquiries/${itemId}`)).body;
      const moved = await owner.post(`/api/land-enquiries/${itemId}/move`, {
        stageId: screened.id,
        version: item.version,
      });
      expect(moved.status).toBe(200);
      const note = await owner.post('/api/timeline', {
        subjectType: 'land_enquiry',
        subjectId: itemId,
        kind: 'note',
        body: 'Nội bộ: nhà đầu tư này cần kiểm tra tài chính',
      });
      expect(note.status).toBe(201);
      const reply = await owner.post(`/api/land-enquiries/${itemId}/portal-replies`, {
        body: 'Chúng tôi đã nhận hồ sơ và sẽ gửi phương án trong tuần này.',
        version: moved.body.version,
      });
      expect(reply.status).toBe(201);
      const stale = await owner.post(`/api/land-enquiries/${itemId}/portal-replies`, { body: 'x', version: 1 });
      expect(stale.status).toBe(409);
      const { client: otherStaff } = await signedIn(t, Role.Staff);
      expect((await otherStaff.post(`/api/land-enquiries/${itemId}/portal-replies`, { body: 'x' })).status).toBe(403);

      const view = await itemOfToken(trackingUrl);
      expect(view.status).toMatchObject({
        phase: 'in_review',
        label: { vi: 'Đang thẩm định hồ sơ', en: 'Checking your request' },
      });
      expect(view.messages.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([
        ['investor', 'Xin gửi thông tin.'],
        ['agency', 'Chúng tôi đã nhận hồ sơ và sẽ gửi phương án trong tuần này.'],
      ]);
      expect(JSON.stringify(view)).not.toContain('Nội bộ');
      const mail = (await emailsAbout(itemId)).filter((e) => e.template === 'investor_notification').at(-1)!;
      expect(mail.text).toContain('sẽ gửi phương án');
      expect(mail.text).toMatch(new RegExp(`${APP_URL}/track/[A-Za-z0-9_-]{43}`));
      const [audit] = await db().query(`SELECT actor_id FROM audit_event WHERE subject_type = 'portal_reply'`);
      expect(audit.actor_id).not.toBeNull();
    });

    it('takes an investor message onto the timeline and tells the owner', async () => {
      const sent = await anonymous.post(`/api/public/track/${tokenOf(trackingUrl)}/messages`, {
        body: 'Khi nào có thể khảo sát?',
      });
      expect(sent.status).toBe(201);
      expect((await anonymous.post(`/api/public/track/${tokenOf(trackingUrl)}/messages`, { body: ' ' })).status).toBe(
        400,
      );
      const timeline = await owner.get(
        `/api/timeline?subjectType=land_enquiry&subjectId=${itemId}&kind=portal_message`,
      );
      expect(timeline.body.items[0]).toMatchObject({
        body: 'Khi nào có thể khảo sát?',
        authorId: null,
        payload: { event: 'message', from: 'investor' },
      });
      const last = (await emailsAbout(itemId)).filter((e) => e.template === 'notification').at(-1)!;
      expect(last.text).toContain('Khi nào có thể khảo sát?');
    });

    it('takes documents by their content: a PNG named .pdf is a PNG, an EXE named .pdf is refused', async () => {
      const path = `/api/public/track/${tokenOf(trackingUrl)}/documents`;
      const pdf = await anonymous.post(path, upload(PDF, 'ho-so.pdf'));
      expect(pdf.status).toBe(201);
      expect(pdf.body).toMatchObject({ fileName: 'ho-so.pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
      const png = await anonymous.post(path, upload(PNG, 'scan.pdf'));
      expect(png.status).toBe(201);
      expect(png.body).toMatchObject({ fileName: 'scan.png', contentType: 'image/png' });
      const sheet = await anonymous.post(
        path,
        upload(
          await xlsx([
            ['Năm', 'Doanh thu'],
            [2025, 100],
          ]),
          'bao-cao.xlsx',
        ),
      );
      expect(sheet.status).toBe(201);
      expect(sheet.body.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

      const exe = await anonymous.post(path, upload(EXE, 'hop-dong.pdf'));
      expect(exe.status).toBe(415);
      const html = await anonymous.post(
        path,
        upload(Buffer.from('<html><script>alert(1)</script>'), 'x.png', 'image/png'),
      );
      expect(html.status).toBe(415);
      const big = await anonymous.post(path, upload(Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10)]), 'big.pdf'));
      expect(big.status).toBe(413);
      expect((await anonymous.post(path, { file: 'x' })).status).toBe(415);

      const view = await itemOfToken(trackingUrl);
      expect(view.documents.map((d: { fileName: string }) => d.fileName)).toEqual([
        'ho-so.pdf',
        'scan.png',
        'bao-cao.xlsx',
      ]);
      const listed = await owner.get(`/api/portal-documents?itemId=${itemId}`);
      expect(listed.body).toHaveLength(3);
      const download = await owner.download(`/api/portal-documents/${png.body.id}/download`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('image/png');
      expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="scan.png"/);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.bytes.equals(PNG)).toBe(true);
      expect((await anonymous.download(`/api/portal-documents/${png.body.id}/download`)).status).toBe(401);
      const timeline = await owner.get(
        `/api/timeline?subjectType=land_enquiry&subjectId=${itemId}&kind=portal_message`,
      );
      expect(timeline.body.items[0].payload).toMatchObject({ event: 'document', fileName: 'bao-cao.xlsx' });
    });

    it('answers a broken multipart envelope with 400, not 500', async () => {
      const path = `/api/public/track/${tokenOf(trackingUrl)}/documents`;
      for (const [contentType, body] of [
        [
          'multipart/form-data',
          '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF\r\n--b--\r\n',
        ],
        [
          'multipart/form-data; boundary=b',
          '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PD',
        ],
        ['multipart/form-data; boundary=b', '\u0000\u0001 not multipart'],
      ]) {
        const response = await anonymous.request('POST', path, { body, headers: { 'content-type': contentType } });
        expect(response.status).toBe(400);
        expect(response.body.detail).toBe('The multipart body could not be read.');
      }
    });

    it('re-sends links to a known email and answers an unknown one alike', async () => {
      const before = await count('email_message');
      const known = await anonymous.post('/api/public/track/resend', { email: form.email.toUpperCase() });
      const unknown = await anonymous.post('/api/public/track/resend', { email: uniqueEmail('nobody') });
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(known.body).toEqual(unknown.body);
      expect(await count('email_message')).toBe(before + 1);
      const [mail] = await db().query(
        `SELECT text_body AS text, recipient_email AS "to" FROM email_message ORDER BY created_at DESC LIMIT 1`,
      );
      expect(mail.to).toBe(form.email);
      const link = /\/track\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
      expect((await itemOfToken(`${APP_URL}/track/${link}`)).submission.companyName).toBe(form.companyName);
      expect((await anonymous.post('/api/public/track/resend', { email: 'nope' })).status).toBe(400);
    });
  });

  describe('files of deleted items', () => {
    /** An item from a public form with one uploaded PDF: its id and the file on disk. */
    const withDocument = async (path: string, form: Record<string, unknown>) => {
      const response = await anonymous.post(path, form);
      expect(response.status).toBe(201);
      const token = tokenOf(response.body.trackingUrl);
      const uploaded = await anonymous.post(`/api/public/track/${token}/documents`, upload(PDF, 'ho-so.pdf'));
      expect(uploaded.status).toBe(201);
      const [row] = await db().query(
        `SELECT s.item_id AS "itemId", d.stored_name AS "storedName"
           FROM portal_document d JOIN portal_submission s ON s.id = d.submission_id WHERE d.id = $1`,
        [uploaded.body.id],
      );
      const file = join(uploadDir, row.storedName);
      expect(existsSync(file)).toBe(true);
      return { itemId: row.itemId as string, file };
    };
    const loanForm = () => ({
      fullName: 'Phạm Thị Vốn',
      email: uniqueEmail('loan-files'),
      companyName: 'Công ty TNHH Dệt Hợp Thịnh',
      language: 'vi',
      applicantType: 'sme',
      lender: 'BIDV Vĩnh Phúc',
      lenderKind: 'bank',
      purpose: 'Máy dệt mới',
      requestedVnd: 3_000_000_000,
    });
    /** The API removes files once the delete has committed: a moment later, not within the request. */
    const eventually = async (check: () => Promise<boolean> | boolean) => {
      const until = Date.now() + 10_000;
      while (!(await check())) {
        if (Date.now() > until) throw new Error('timed out');
        await new Promise((done) => setTimeout(done, 50));
      }
    };
    const queued = async () => count('portal_file_removal');

    it('removes a land enquiry’s and a loan application’s files once their deletion commits', async () => {
      const land = await withDocument('/api/public/land-enquiries', landForm({ zoneId: null }));
      const loan = await withDocument('/api/public/loan-applications', loanForm());

      // A delete that rolls back keeps the files (and queues nothing).
      await expect(
        db().transaction(async (tx) => {
          await tx.query(`DELETE FROM pipeline_item WHERE id = $1`, [land.itemId]);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await new Promise((done) => setTimeout(done, 300));
      expect(existsSync(land.file)).toBe(true);
      expect(await queued()).toBe(0);

      // Whatever deletes the item (here plain SQL), its documents go with it, and then their files.
      await db().query(`DELETE FROM pipeline_item WHERE id = ANY($1)`, [[land.itemId, loan.itemId]]);
      await eventually(() => !existsSync(land.file) && !existsSync(loan.file));
      await eventually(async () => (await queued()) === 0);
    });

    it('removes an event registration’s files when staff remove the attendee', async () => {
      const event = await manager.post('/api/events', {
        name: 'Tọa đàm doanh nghiệp Hàn Quốc',
        kind: 'webinar',
        startsOn: '2030-05-01',
        endsOn: '2030-05-01',
        place: 'Trực tuyến',
        country: 'VN',
      });
      expect(event.status).toBe(201);
      const email = uniqueEmail('attendee-files');
      const registration = await withDocument(`/api/public/events/${event.body.id}/registrations`, {
        fullName: 'Park Ji-hoon',
        email,
        companyName: 'Hanbit Display',
        country: 'KR',
        language: 'ko',
      });
      const [attendee] = await db().query(`SELECT id FROM event_attendee WHERE item_id = $1`, [registration.itemId]);
      const removed = await manager.request('DELETE', `/api/events/${event.body.id}/attendees/${attendee.id}`);
      expect(removed.status).toBe(204);
      await eventually(() => !existsSync(registration.file));
    });

    it('goes on past a file it cannot remove (logged), and the deletion stands', async () => {
      const stuck = await withDocument('/api/public/loan-applications', loanForm());
      const next = await withDocument('/api/public/loan-applications', loanForm());
      // A directory in the file's place cannot be unlinked.
      rmSync(stuck.file);
      mkdirSync(stuck.file);
      writeFileSync(join(stuck.file, 'inside'), 'x');

      const warnings = jest.spyOn(Logger.prototype, 'warn');
      try {
        await db().query(`DELETE FROM pipeline_item WHERE id = ANY($1)`, [[stuck.itemId, next.itemId]]);
        await eventually(() => !existsSync(next.file));
        await eventually(async () => (await queued()) === 0);
        expect(warnings).toHaveBeenCalledWith(
          expect.objectContaining({ msg: 'portal file of a deleted item could not be removed', path: stuck.file }),
        );
      } finally {
        warnings.mockRestore();
      }
      expect(existsSync(stuck.file)).toBe(true);
      expect(await db().query(`SELECT 1 FROM pipeline_item WHERE id = $1`, [stuck.itemId])).toEqual([]);
      rmSync(stuck.file, { recursive: true });
    });
  });
});

describe('investor portal throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PORTAL_LIMIT_PER_IP: '4', PORTAL_LIMIT_PER_EMAIL: '2' });
    await seed(t.app.get(DataSource), { adminPassword: 'a long enough password' });
  });
  afterAll(() => t.close());

  const form = (email: string) => ({
    fullName: 'Bot',
    email,
    companyName: 'Spam Co',
    language: 'en',
    requestedAreaHa: 1,
  });

  it('limits per email, then per address, with 429 and Retry-After', async () => {
    const client = new TestClient(t.baseUrl);
    const email = uniqueEmail('throttled');
    const byEmail = [];
    for (let i = 0; i < 3; i++) byEmail.push(await client.post('/api/public/land-enquiries', form(email)));
    expect(byEmail.map((r) => r.status)).toEqual([201, 201, 429]);
    expect(Number(byEmail[2].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(byEmail[2].headers.get('content-type')).toContain('application/problem+json');

    const next = await client.post('/api/public/track/resend', { email: uniqueEmail() });
    expect(next.status).toBe(202);
    const blocked = await client.post('/api/public/land-enquiries', form(uniqueEmail()));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Invalid bodies count too: the address limit comes before validation.
    expect((await client.post('/api/public/land-enquiries', {})).status).toBe(429);
  });
});

describe('investor portal tracking-link lookups', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PORTAL_TRACKING_MISSES_PER_IP: '3' });
    await seed(t.app.get(DataSource), { adminPassword: 'a long enough password' });
  });
  afterAll(() => t.close());

  it('refuses an address that tried too many links that do not work, and never counts working ones', async () => {
    const client = new TestClient(t.baseUrl);
    const submitted = await client.post('/api/public/land-enquiries', {
      fullName: 'Lee Min-ho',
      email: uniqueEmail('lookups'),
      companyName: 'Hanil Precision',
      language: 'ko',
      requestedAreaHa: 1.5,
    });
    expect(submitted.status).toBe(201);
    const own = `/api/public/track/${tokenOf(submitted.body.trackingUrl)}`;
    // Opening one's own link, however often, is not counted.
    for (let i = 0; i < 5; i++) expect((await client.get(own)).status).toBe(200);

    const guesses = [];
    for (let i = 0; i < 4; i++) guesses.push(await client.get(`/api/public/track/${String(i).repeat(43)}`));
    expect(guesses.map((r) => r.status)).toEqual([404, 404, 404, 429]);
    expect(Number(guesses[3].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(guesses[3].headers.get('content-type')).toContain('application/problem+json');
    // From then on this address is refused even a working link, for the rest of the window.
    expect((await client.get(own)).status).toBe(429);
  });
});
