import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

describe('contacts (HTTP)', () => {
  let t: TestApp;
  let staff: TestClient;
  let otherStaff: TestClient;
  let manager: TestClient;
  let organizationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ client: staff } = await signedIn(t, Role.Staff));
    ({ client: otherStaff } = await signedIn(t, Role.Staff));
    ({ client: manager } = await signedIn(t, Role.Manager));
    organizationId = (
      await staff.post('/api/organizations', { name: 'Hanwha Aero Engines', kind: 'foreign_invested', country: 'KR' })
    ).body.id;
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DataSource);

  it('creates a contact, storing the phone as E.164 and the email in lower case', async () => {
    const created = await staff.post('/api/contacts', {
      fullName: 'Nguyễn Văn An',
      email: 'An.Nguyen@Hanwha.example',
      phone: '0912 345 678',
      position: 'Giám đốc dự án',
      organizationId,
      preferredLanguage: 'ko',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      phone: '+84912345678',
      email: 'an.nguyen@hanwha.example',
      organizationName: 'Hanwha Aero Engines',
      emailConsent: 'unknown',
      consentChangedAt: null,
      version: 1,
    });
  });

  it('names each invalid field in a 400', async () => {
    const response = await staff.post('/api/contacts', {
      fullName: '',
      email: 'not-mail',
      phone: '12',
      preferredLanguage: 'fr',
      emailConsent: 'maybe',
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['fullName', 'email', 'phone', 'preferredLanguage', 'emailConsent']),
    );
  });

  it('refuses a duplicate email (409), an unknown organization and consent without evidence (422)', async () => {
    const dup = await staff.post('/api/contacts', { fullName: 'Someone Else', email: 'an.nguyen@hanwha.example' });
    expect(dup.status).toBe(409);
    const noOrg = await staff.post('/api/contacts', {
      fullName: 'X',
      organizationId: '0b7e8a4e-5b1a-4c55-9d6f-0a0a0a0a0a0a',
    });
    expect(noOrg.status).toBe(422);
    expect(noOrg.body.errors[0].field).toBe('organizationId');
    const consent = await staff.post('/api/contacts', { fullName: 'Y', emailConsent: 'opted_in' });
    expect(consent.status).toBe(422);
    expect(consent.body.errors[0].field).toBe('consentSource');
  });

  it('records when and how consent changed', async () => {
    const contact = (
      await staff.post('/api/contacts', {
        fullName: 'Kim Min-jun',
        email: 'minjun@example.kr',
        emailConsent: 'opted_in',
        consentSource: 'event',
      })
    ).body;
    expect(contact.consentSource).toBe('event');
    expect(Date.now() - Date.parse(contact.consentChangedAt)).toBeLessThan(60_000);
    const out = await staff.patch(`/api/contacts/${contact.id}`, {
      version: 1,
      emailConsent: 'opted_out',
      consentSource: 'email',
    });
    expect(out.body).toMatchObject({ emailConsent: 'opted_out', consentSource: 'email', version: 2 });
    const [audit] = await db().query(`SELECT changes FROM audit_event WHERE subject_id = $1 AND action = 'update'`, [
      contact.id,
    ]);
    expect(audit.changes.emailConsent).toEqual({ before: 'opted_in', after: 'opted_out' });
  });

  it("refuses staff editing another staff member's contact, and stale versions", async () => {
    const contact = (await staff.post('/api/contacts', { fullName: 'Tanaka Hiroshi', preferredLanguage: 'ja' })).body;
    expect((await otherStaff.patch(`/api/contacts/${contact.id}`, { version: 1, position: 'x' })).status).toBe(403);
    expect((await manager.patch(`/api/contacts/${contact.id}`, { version: 1, position: 'CEO' })).status).toBe(200);
    expect((await staff.patch(`/api/contacts/${contact.id}`, { version: 1, position: 'CFO' })).status).toBe(409);
    const [row] = await db().query('SELECT position, version FROM contact WHERE id = $1', [contact.id]);
    expect(row).toEqual({ position: 'CEO', version: 2 });
    expect((await staff.delete(`/api/contacts/${contact.id}?version=2`)).status).toBe(204);
  });

  it('searches by name without diacritics, with a typo, and by phone in any notation', async () => {
    const names = async (q: string) =>
      (await staff.get(`/api/contacts?q=${encodeURIComponent(q)}`)).body.items.map(
        (c: { fullName: string }) => c.fullName,
      );
    expect(await names('nguyen van an')).toEqual(['Nguyễn Văn An']);
    expect(await names('ngyuen van an')).toContain('Nguyễn Văn An');
    expect(await names('+84 912 345 678')).toEqual(['Nguyễn Văn An']);
    expect(await names('0912345678')).toEqual(['Nguyễn Văn An']);
  });

  it('lists the contacts of one organization', async () => {
    const list = await staff.get(`/api/contacts?organizationId=${organizationId}`);
    expect(list.body.items.map((c: { fullName: string }) => c.fullName)).toEqual(['Nguyễn Văn An']);
  });

  it('lists the most recently changed first, paging without repeats', async () => {
    const [{ count }] = await db().query('SELECT count(*)::int AS count FROM contact');
    const seen: { id: string; updatedAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: typeof seen; nextCursor: string | null } } = await staff.get(
        `/api/contacts?limit=1&sort=-updatedAt${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen.map((c) => c.id)).size).toBe(count);
    const times = seen.map((c) => c.updatedAt);
    expect(times).toEqual([...times].sort().reverse());
  });
});
