import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { seed } from '../../src/seed/seeder';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

describe('duplicates and merge (HTTP)', () => {
  let t: TestApp;
  let staff: TestClient;
  let otherStaff: TestClient;
  let manager: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    ({ client: staff } = await signedIn(t, Role.Staff));
    ({ client: otherStaff } = await signedIn(t, Role.Staff));
    ({ client: manager } = await signedIn(t, Role.Manager));
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DataSource);
  const count = async (sql: string, params: unknown[] = []) => Number((await db().query(sql, params))[0].count);
  const organization = (name: string, extra: Record<string, unknown> = {}) =>
    staff.post('/api/organizations', { name, kind: 'domestic', country: 'VN', ...extra });

  describe('on create', () => {
    it('stops a close investor name with the candidates, then creates it once confirmed', async () => {
      const first = await organization('Công ty TNHH Cơ khí Đồng Sóc');
      expect(first.status).toBe(201);

      const before = await count(`SELECT count(*) FROM organization`);
      const again = await organization('Co khi Dong Soc Co., Ltd');
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'duplicate', confirmable: true });
      expect(again.body.candidates).toEqual([
        expect.objectContaining({ id: first.body.id, match: 'name', name: 'Công ty TNHH Cơ khí Đồng Sóc', version: 1 }),
      ]);
      expect(again.body.candidates[0].similarity).toBeGreaterThanOrEqual(0.6);
      expect(await count(`SELECT count(*) FROM organization`)).toBe(before);

      const confirmed = await staff.post('/api/organizations?confirmDuplicate=true', {
        name: 'Co khi Dong Soc Co., Ltd',
        kind: 'domestic',
        country: 'VN',
      });
      expect(confirmed.status).toBe(201);
    });

    it('lets unrelated names through', async () => {
      await organization('Hợp Thịnh Textiles');
      expect((await organization('Bá Thiện Logistics')).status).toBe(201);
    });

    it('refuses an exact tax code even when confirmed, naming the holder', async () => {
      const holder = await organization('Toyota Motor Vietnam', { taxCode: '2500150335', kind: 'joint_venture' });
      expect(holder.status).toBe(201);
      const taken = await staff.post('/api/organizations?confirmDuplicate=true', {
        name: 'Anything Else',
        kind: 'domestic',
        country: 'VN',
        taxCode: '2500150335',
      });
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({
        code: 'conflict',
        confirmable: false,
        errors: [{ field: 'taxCode', message: 'is already used by another investor' }],
      });
      expect(taken.body.candidates[0]).toMatchObject({ id: holder.body.id, match: 'tax_code', similarity: 1 });
    });

    it('stops a contact with the same phone or a close name at the same company, not at another', async () => {
      const company = (await organization('Hanwha Vina')).body.id;
      const other = (await organization('Piaggio Vietnam Scooters')).body.id;
      const an = await staff.post('/api/contacts', {
        fullName: 'Nguyễn Văn An',
        email: 'an@hanwha.example',
        phone: '0912 000 111',
        organizationId: company,
      });
      expect(an.status).toBe(201);

      const sameName = await staff.post('/api/contacts', { fullName: 'nguyen van an', organizationId: company });
      expect(sameName.status).toBe(409);
      expect(sameName.body.candidates).toEqual([expect.objectContaining({ id: an.body.id, match: 'name' })]);

      const samePhone = await staff.post('/api/contacts', { fullName: 'Trần Thị Bình', phone: '+84912000111' });
      expect(samePhone.status).toBe(409);
      expect(samePhone.body.candidates[0]).toMatchObject({ id: an.body.id, match: 'phone', similarity: 1 });

      const namesake = await staff.post('/api/contacts', { fullName: 'Nguyễn Văn An', organizationId: other });
      expect(namesake.status).toBe(201);

      const email = await staff.post('/api/contacts?confirmDuplicate=true', {
        fullName: 'Someone',
        email: 'AN@hanwha.example',
      });
      expect(email.status).toBe(409);
      expect(email.body).toMatchObject({ confirmable: false, errors: [{ field: 'email' }] });
    });

    it('rejects a confirmDuplicate that is not a boolean', async () => {
      const response = await staff.post('/api/organizations?confirmDuplicate=maybe', {
        name: 'X',
        kind: 'domestic',
        country: 'VN',
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'confirmDuplicate' })]);
    });
  });

  describe('report', () => {
    it('groups investors whose names match without accents and company forms, paged', async () => {
      await staff.post('/api/organizations?confirmDuplicate=true', {
        name: 'CÔNG TY CỔ PHẦN THÉP VIỆT',
        kind: 'domestic',
        country: 'VN',
      });
      await staff.post('/api/organizations?confirmDuplicate=true', {
        name: 'Thep Viet JSC',
        kind: 'domestic',
        country: 'VN',
      });

      const first = await staff.get('/api/organizations/duplicates?limit=1');
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const all = [first.body.items[0]];
      for (let cursor = first.body.nextCursor; cursor;) {
        const page = await staff.get(`/api/organizations/duplicates?limit=1&cursor=${cursor}`);
        all.push(...page.body.items);
        cursor = page.body.nextCursor;
      }
      const keys = all.map((group: { key: string }) => group.key);
      expect(keys).toEqual([...keys].sort());
      expect(
        all.find((group: { key: string }) => group.key === 'thep viet').records.map((r: { name: string }) => r.name),
      ).toEqual(['CÔNG TY CỔ PHẦN THÉP VIỆT', 'Thep Viet JSC']);
      expect(all.find((group: { key: string }) => group.key === 'co khi dong soc').records).toHaveLength(2);
    });

    it('groups contacts at one organization and refuses a bad cursor', async () => {
      const report = await staff.get('/api/contacts/duplicates');
      expect(report.status).toBe(200);
      expect(report.body.items.some((group: { key: string }) => group.key.startsWith('nguyen van an'))).toBe(false);
      expect((await staff.get('/api/contacts/duplicates?cursor=garbage')).status).toBe(400);
    });
  });

  describe('merge', () => {
    it('moves contacts to the survivor, fills its gaps, deletes the duplicate and audits both', async () => {
      const survivor = (await organization('Foxconn Vĩnh Phúc', { sectors: ['26'], tags: ['electronics'] })).body;
      const duplicate = (
        await staff.post('/api/organizations?confirmDuplicate=true', {
          name: 'Foxconn Vinh Phuc',
          kind: 'domestic',
          country: 'VN',
          taxCode: '0100109106',
          website: 'https://foxconn.example',
          sectors: ['C'],
          tags: ['priority'],
        })
      ).body;
      const person = (await staff.post('/api/contacts', { fullName: 'Lê Minh', organizationId: duplicate.id })).body;

      const note = await staff.post('/api/timeline', {
        subjectType: 'organization',
        subjectId: duplicate.id,
        kind: 'note',
        body: 'Met at the Seoul roadshow',
      });
      expect(note.status).toBe(201);
      const task = await staff.post('/api/tasks', {
        title: 'Send the land price list',
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        subjectType: 'organization',
        subjectId: duplicate.id,
      });
      expect(task.status).toBe(201);

      const merged = await staff.post(`/api/organizations/${survivor.id}/merge`, {
        version: survivor.version,
        duplicateId: duplicate.id,
        duplicateVersion: duplicate.version,
      });
      expect(merged.status).toBe(200);
      // The duplicate's timeline: its creation, the note and the task's entry.
      expect(merged.body).toEqual({
        survivorId: survivor.id,
        mergedId: duplicate.id,
        moved: { contacts: 1, timelineEntries: 3, tasks: 1 },
      });
      const timeline = (await staff.get(`/api/timeline?subjectType=organization&subjectId=${survivor.id}`)).body.items;
      expect(timeline.map((entry: { body: string | null }) => entry.body)).toContain('Met at the Seoul roadshow');
      expect(timeline[0]).toMatchObject({
        kind: 'edit',
        payload: { action: 'merge', mergedName: 'Foxconn Vinh Phuc', fields: expect.arrayContaining(['taxCode']) },
      });
      const tasks = (await staff.get(`/api/tasks?subjectType=organization&subjectId=${survivor.id}`)).body.items;
      expect(tasks.map((t: { id: string }) => t.id)).toEqual([task.body.id]);

      const after = (await staff.get(`/api/organizations/${survivor.id}`)).body;
      expect(after).toMatchObject({
        taxCode: '0100109106',
        website: 'https://foxconn.example',
        sectors: ['26', 'C'],
        tags: ['electronics', 'priority'],
        version: survivor.version + 1,
      });
      expect((await staff.get(`/api/organizations/${duplicate.id}`)).status).toBe(404);
      expect((await staff.get(`/api/contacts/${person.id}`)).body).toMatchObject({
        organizationId: survivor.id,
        organizationName: 'Foxconn Vĩnh Phúc',
        version: 2,
      });

      const trail = (await manager.get(`/api/audit?subjectType=organization&subjectId=${survivor.id}`)).body.items;
      expect(trail[0]).toMatchObject({
        action: 'merge',
        details: { mergedId: duplicate.id, moved: { contacts: 1, timelineEntries: 3, tasks: 1 } },
        changes: { taxCode: { before: null, after: '0100109106' } },
      });
      const gone = (await manager.get(`/api/audit?subjectType=organization&subjectId=${duplicate.id}`)).body.items;
      expect(gone[0]).toMatchObject({
        action: 'merge',
        details: { mergedInto: survivor.id, record: expect.objectContaining({ name: 'Foxconn Vinh Phuc' }) },
      });
    });

    it('makes the survivor the infrastructure investor of the duplicate’s zones', async () => {
      await seed(db(), { adminPassword: 'a long enough password' });
      const [zone] = await db().query(
        `SELECT z.id, z.version, o.id AS "investorId", o.version AS "investorVersion" FROM zone z
           JOIN organization o ON o.id = z.infrastructure_investor_id ORDER BY z.code LIMIT 1`,
      );
      const survivor = (
        await manager.post('/api/organizations?confirmDuplicate=true', {
          name: 'Merged Infrastructure Developer',
          kind: 'domestic',
          country: 'VN',
        })
      ).body;
      const merged = await manager.post(`/api/organizations/${survivor.id}/merge`, {
        version: survivor.version,
        duplicateId: zone.investorId,
        duplicateVersion: zone.investorVersion,
      });
      expect(merged.status).toBe(200);
      expect(merged.body.moved).toMatchObject({ zones: expect.any(Number) });
      expect((await staff.get(`/api/zones/${zone.id}`)).body).toMatchObject({
        infrastructureInvestorId: survivor.id,
        version: zone.version + 1,
      });
    });

    it('merges contacts, keeping consent evidence from the one that has it', async () => {
      const kept = (await staff.post('/api/contacts', { fullName: 'Phạm Hoa' })).body;
      const dup = (
        await staff.post('/api/contacts?confirmDuplicate=true', {
          fullName: 'Pham Hoa',
          email: 'hoa@example.vn',
          emailConsent: 'opted_in',
          consentSource: 'event',
        })
      ).body;
      const merged = await staff.post(`/api/contacts/${kept.id}/merge`, {
        version: kept.version,
        duplicateId: dup.id,
        duplicateVersion: dup.version,
      });
      expect(merged.status).toBe(200);
      expect((await staff.get(`/api/contacts/${kept.id}`)).body).toMatchObject({
        email: 'hoa@example.vn',
        emailConsent: 'opted_in',
        consentSource: 'event',
        consentChangedAt: expect.any(String),
      });
      expect((await staff.get(`/api/contacts/${dup.id}`)).status).toBe(404);
    });

    it('refuses stale versions, itself, others’ records and bad bodies, changing nothing', async () => {
      const a = (await organization('Merge Target Alpha')).body;
      const b = (
        await staff.post('/api/organizations?confirmDuplicate=true', {
          name: 'Merge Target Alpha 2',
          kind: 'domestic',
          country: 'VN',
        })
      ).body;
      const foreign = (
        await otherStaff.post('/api/organizations', {
          name: 'Someone Else’s Investor',
          kind: 'domestic',
          country: 'VN',
        })
      ).body;
      const merge = (client: TestClient, id: string, body: unknown) =>
        client.post(`/api/organizations/${id}/merge`, body);

      expect((await merge(staff, a.id, { version: a.version, duplicateId: b.id, duplicateVersion: 99 })).status).toBe(
        409,
      );
      expect((await merge(staff, a.id, { version: 99, duplicateId: b.id, duplicateVersion: b.version })).status).toBe(
        409,
      );
      expect(
        (await merge(staff, a.id, { version: a.version, duplicateId: a.id, duplicateVersion: a.version })).status,
      ).toBe(422);
      expect(
        (await merge(staff, a.id, { version: a.version, duplicateId: foreign.id, duplicateVersion: 1 })).status,
      ).toBe(403);
      expect((await merge(staff, a.id, { version: a.version, duplicateId: 'nope' })).status).toBe(400);
      expect(
        (
          await merge(staff, a.id, {
            version: a.version,
            duplicateId: '00000000-0000-4000-8000-000000000000',
            duplicateVersion: 1,
          })
        ).status,
      ).toBe(404);
      expect(await count(`SELECT count(*) FROM organization WHERE id = ANY($1)`, [[a.id, b.id, foreign.id]])).toBe(3);

      // A manager may merge anyone's records.
      expect(
        (await merge(manager, a.id, { version: a.version, duplicateId: foreign.id, duplicateVersion: foreign.version }))
          .status,
      ).toBe(200);
    });
  });
});
