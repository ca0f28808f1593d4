import { Role, SearchHit } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { seed } from '../../src/seed/seeder';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

describe('global search (HTTP)', () => {
  let t: TestApp;
  let staff: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    await seed(t.app.get(DataSource), { adminPassword: 'a long enough password' });
    ({ client: staff } = await signedIn(t, Role.Staff));
    const samsung = await staff.post('/api/organizations', {
      name: 'Samsung Electronics Việt Nam',
      kind: 'foreign_invested',
      country: 'KR',
      taxCode: '2300325764',
    });
    await staff.post('/api/organizations', { name: 'Công ty Cổ phần Đồng Sóc Xanh', kind: 'domestic', country: 'VN' });
    await staff.post('/api/contacts', {
      fullName: 'Nguyễn Văn An',
      email: 'an@samsung.example',
      phone: '0912 345 678',
      organizationId: samsung.body.id,
    });
  });
  afterAll(() => t.close());

  const search = async (q: string): Promise<SearchHit[]> => {
    const response = await staff.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return response.body.hits;
  };
  const titles = (hits: SearchHit[], type: string) => hits.filter((h) => h.type === type).map((h) => h.title);

  it('finds zones and investors without diacritics, exact matches first', async () => {
    const hits = await search('dong soc');
    expect(titles(hits, 'zone')[0]).toBe('CCN Đồng Sóc');
    expect(titles(hits, 'organization')[0]).toBe('Công ty Cổ phần Đồng Sóc Xanh');
    expect(hits[0].score).toBe(1);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('finds people without diacritics and in any case', async () => {
    const hits = await search('NGUYEN van an');
    expect(hits.filter((h) => h.type === 'contact')).toEqual([
      expect.objectContaining({
        title: 'Nguyễn Văn An',
        subtitle: 'an@samsung.example · Samsung Electronics Việt Nam',
      }),
    ]);
  });

  it('tolerates typos', async () => {
    expect(titles(await search('samsng'), 'organization')).toEqual(['Samsung Electronics Việt Nam']);
  });

  it('finds an investor by tax-code prefix and a contact by phone in any notation', async () => {
    expect(titles(await search('2300 325'), 'organization')).toEqual(['Samsung Electronics Việt Nam']);
    expect(titles(await search('+84 912 345 678'), 'contact')).toEqual(['Nguyễn Văn An']);
  });

  it('corrects mistyped words against the names it knows, kept current as records change', async () => {
    const created = await staff.post('/api/organizations', {
      name: 'Công ty TNHH Cơ khí An Bình Vĩnh Phúc',
      kind: 'domestic',
      country: 'VN',
    });
    expect(created.status).toBe(201);
    // Every word, anywhere in the name: not only the phrase as typed.
    expect(titles(await search('co khi vinh phuc'), 'organization')).toContain('Công ty TNHH Cơ khí An Bình Vĩnh Phúc');
    expect(titles(await search('co khj vinh phcu'), 'organization')).toContain('Công ty TNHH Cơ khí An Bình Vĩnh Phúc');

    const renamed = await staff.patch(`/api/organizations/${created.body.id}`, {
      version: created.body.version,
      name: 'Piaggio Components Vĩnh Phúc',
    });
    expect(renamed.status).toBe(200);
    const words = await t.app
      .get(DataSource)
      .query(`SELECT word FROM search_word WHERE word = ANY($1)`, [['piaggio', 'components']]);
    expect(words).toHaveLength(2);
    expect(titles(await search('piagio'), 'organization')).toEqual(['Piaggio Components Vĩnh Phúc']);
  });

  it('caps the hits per type', async () => {
    const response = await staff.get('/api/search?q=ccn&limit=3');
    expect(response.body.hits.filter((h: SearchHit) => h.type === 'zone')).toHaveLength(3);
  });

  it('answers bad queries with 400 and strangers with 401', async () => {
    for (const query of ['', '?q=a', '?q=' + 'x'.repeat(101), '?q=ok&limit=0', '?q=ok&limit=21']) {
      const response = await staff.get(`/api/search${query}`);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toMatch(/^(q|limit)$/);
    }
    expect((await fetch(`${t.baseUrl}/api/search?q=samsung`)).status).toBe(401);
  });
});
