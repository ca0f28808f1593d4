import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

const samsung = {
  name: 'Samsung Electronics Việt Nam',
  legalName: 'Công ty TNHH Samsung Electronics Việt Nam',
  kind: 'foreign_invested',
  country: 'kr',
  sectors: ['C', '26'],
  taxCode: '2300325764',
  website: 'https://www.samsung.com/vn',
  size: 'large',
  tags: ['FDI', 'điện tử'],
  source: 'promotion_event',
};

describe('organizations (HTTP)', () => {
  let t: TestApp;
  let staff: TestClient;
  let otherStaff: TestClient;
  let manager: TestClient;
  let staffId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({
      client: staff,
      user: { id: staffId },
    } = await signedIn(t, Role.Staff));
    ({ client: otherStaff } = await signedIn(t, Role.Staff));
    ({ client: manager } = await signedIn(t, Role.Manager));
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DataSource);

  it('creates an investor owned by its creator, normalising codes', async () => {
    const created = await staff.post('/api/organizations', samsung);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      country: 'KR',
      taxCode: '2300325764',
      ownerId: staffId,
      version: 1,
      sectors: ['C', '26'],
    });
    const [audit] = await db().query(`SELECT action, changes FROM audit_event WHERE subject_id = $1`, [
      created.body.id,
    ]);
    expect(audit.action).toBe('create');
    expect(audit.changes.name).toEqual({ before: null, after: samsung.name });
  });

  it('names each invalid field in a 400 and stores nothing', async () => {
    const response = await staff.post('/api/organizations', {
      name: '  ',
      kind: 'state_owned',
      country: 'XX',
      sectors: ['Z', '04'],
      taxCode: '0100109107',
      website: 'ftp://example.com',
    });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'kind', 'country', 'sectors', 'taxCode', 'website']));
    const [{ count }] = await db().query(`SELECT count(*)::int AS count FROM organization WHERE country = 'XX'`);
    expect(count).toBe(0);
  });

  it('refuses a second investor with the same tax code with 409', async () => {
    const response = await staff.post('/api/organizations', {
      ...samsung,
      name: 'Samsung copy',
      taxCode: '2300 325 764',
    });
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([{ field: 'taxCode', message: 'is already used by another investor' }]);
  });

  it('lets only managers assign another owner', async () => {
    const other = (await otherStaff.get('/api/auth/me')).body.id;
    expect(
      (
        await staff.post('/api/organizations', {
          name: 'Foxconn',
          kind: 'foreign_invested',
          country: 'TW',
          ownerId: other,
        })
      ).status,
    ).toBe(403);
    const assigned = await manager.post('/api/organizations', {
      name: 'Foxconn',
      kind: 'foreign_invested',
      country: 'TW',
      ownerId: other,
    });
    expect(assigned.status).toBe(201);
    expect(assigned.body.ownerId).toBe(other);
  });

  it("refuses staff editing another staff member's investor with 403 and changes nothing", async () => {
    const mine = (
      await staff.post('/api/organizations', { name: 'Honda Vietnam', kind: 'joint_venture', country: 'JP' })
    ).body;
    const denied = await otherStaff.patch(`/api/organizations/${mine.id}`, { version: mine.version, name: 'Hijacked' });
    expect(denied.status).toBe(403);
    expect((await otherStaff.delete(`/api/organizations/${mine.id}?version=${mine.version}`)).status).toBe(403);
    const [row] = await db().query('SELECT name, version FROM organization WHERE id = $1', [mine.id]);
    expect(row).toEqual({ name: 'Honda Vietnam', version: 1 });
    const ok = await manager.patch(`/api/organizations/${mine.id}`, { version: 1, name: 'Honda Việt Nam' });
    expect(ok.status).toBe(200);
  });

  it('guards against lost updates with version', async () => {
    const org = (
      await staff.post('/api/organizations', { name: 'Toyota Motor Vietnam', kind: 'joint_venture', country: 'JP' })
    ).body;
    expect((await staff.patch(`/api/organizations/${org.id}`, { version: 1, size: 'large' })).status).toBe(200);
    const stale = await manager.patch(`/api/organizations/${org.id}`, { version: 1, size: 'small' });
    expect(stale.status).toBe(409);
    expect((await staff.get(`/api/organizations/${org.id}`)).body).toMatchObject({ size: 'large', version: 2 });
    const [update] = await db().query(`SELECT changes FROM audit_event WHERE subject_id = $1 AND action = 'update'`, [
      org.id,
    ]);
    expect(update.changes).toEqual({ size: { before: null, after: 'large' } });
  });

  it('reassigns only through a manager', async () => {
    const org = (await staff.post('/api/organizations', { name: 'Piaggio', kind: 'foreign_invested', country: 'IT' }))
      .body;
    const other = (await otherStaff.get('/api/auth/me')).body.id;
    expect((await staff.patch(`/api/organizations/${org.id}`, { version: 1, ownerId: other })).status).toBe(403);
    expect((await manager.patch(`/api/organizations/${org.id}`, { version: 1, ownerId: other })).body.ownerId).toBe(
      other,
    );
  });

  it('deletes with the current version, and audits what was deleted', async () => {
    const org = (await staff.post('/api/organizations', { name: 'Short-lived Co', kind: 'domestic', country: 'VN' }))
      .body;
    expect((await staff.delete(`/api/organizations/${org.id}?version=7`)).status).toBe(409);
    expect((await staff.delete(`/api/organizations/${org.id}?version=1`)).status).toBe(204);
    expect((await staff.get(`/api/organizations/${org.id}`)).status).toBe(404);
    const [audit] = await db().query(`SELECT details FROM audit_event WHERE subject_id = $1 AND action = 'delete'`, [
      org.id,
    ]);
    expect(audit.details.name).toBe('Short-lived Co');
  });

  describe('search and lists', () => {
    beforeAll(async () => {
      for (const name of ['Công ty Cổ phần Đồng Sóc', 'Nguyễn Văn An Trading', 'Tập đoàn Hòa Phát']) {
        await staff.post('/api/organizations', {
          name,
          kind: 'domestic',
          country: 'VN',
          sectors: ['C'],
          tags: ['local'],
        });
      }
    });

    const names = async (query: string) =>
      (await staff.get(`/api/organizations?${query}`)).body.items.map((o: { name: string }) => o.name);

    it('finds names with or without diacritics, and with a typo', async () => {
      expect(await names('q=dong%20soc')).toEqual(['Công ty Cổ phần Đồng Sóc']);
      expect(await names('q=nguyen%20van%20an')).toEqual(['Nguyễn Văn An Trading']);
      expect(await names('q=samsng')).toContain('Samsung Electronics Việt Nam');
      expect(await names('q=2300325')).toEqual(['Samsung Electronics Việt Nam']);
    });

    it('filters by kind, country, sector and tag', async () => {
      expect(await names('country=kr')).toEqual(['Samsung Electronics Việt Nam']);
      expect(await names('sector=26')).toEqual(['Samsung Electronics Việt Nam']);
      expect((await names('tag=local&kind=domestic')).length).toBe(3);
      expect((await staff.get('/api/organizations?sector=04')).status).toBe(400);
    });

    it('pages by name with a cursor, without repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await staff.get(
          `/api/organizations?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.body.items.map((o) => o.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      const [{ count }] = await db().query('SELECT count(*)::int AS count FROM organization');
      expect(seen).toHaveLength(count);
      expect(new Set(seen).size).toBe(count);
    });

    const walk = async (sort: string) => {
      const seen: { name: string; updatedAt: string; createdAt: string }[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: typeof seen; nextCursor: string | null } } = await staff.get(
          `/api/organizations?limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return seen;
    };

    it('sorts by name either way and by last change or creation, paging each order completely', async () => {
      const [{ count }] = await db().query('SELECT count(*)::int AS count FROM organization');
      // Rows changed within the same millisecond must neither repeat nor go missing across pages.
      await db().query(`UPDATE organization SET updated_at = '2026-11-27T08:00:00.123456Z'`);
      await db().query(
        `UPDATE organization SET updated_at = updated_at + interval '1 microsecond' WHERE name LIKE 'T%'`,
      );
      const byName = await walk('name');
      const byNameDesc = await walk('-name');
      expect(byNameDesc.map((o) => o.name)).toEqual(byName.map((o) => o.name).reverse());
      const newest = await walk('-updatedAt');
      expect(newest).toHaveLength(count);
      expect(new Set(newest.map((o) => JSON.stringify(o))).size).toBe(count);
      expect(newest[0].name).toMatch(/^T/);
      const created = (await walk('createdAt')).map((o) => o.createdAt);
      expect(created).toEqual([...created].sort());
    });

    it('refuses an unknown sort, and a cursor made for another order', async () => {
      const bad = await staff.get('/api/organizations?sort=tax_code');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('sort');
      const page = await staff.get('/api/organizations?limit=1&sort=-updatedAt');
      expect((await staff.get(`/api/organizations?limit=1&sort=name&cursor=${page.body.nextCursor}`)).status).toBe(400);
    });
  });
});
