import type { INestApplicationContext } from '@nestjs/common';
import { Role } from '@irm/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { importForm, taxCodes, waitForImport } from '../support/import-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';
import { startTestWorker } from '../support/test-worker';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('exports', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let db: DataSource;
  let manager: { user: { id: string; email: string; name: string }; client: TestClient };
  let staff: { user: { id: string; email: string; name: string }; client: TestClient };
  const codes = taxCodes(10, 500);

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(t);
    db = t.app.get(DataSource);
    manager = await signedIn(t, Role.Manager);
    staff = await signedIn(t, Role.Staff);
    const organizations = [
      {
        name: 'Công ty TNHH Điện tử Đồng Sóc',
        kind: 'foreign_invested',
        country: 'KR',
        taxCode: codes[0],
        sectors: ['C', '26'],
        tags: ['điện tử', 'ưu tiên'],
        size: 'large',
        source: 'promotion_event',
        website: 'https://dongsoc.vn',
      },
      { name: 'Cơ khí "Yên Lạc", chi nhánh 2', kind: 'domestic', country: 'VN', taxCode: codes[1], sectors: ['25'] },
      { name: '=HYPERLINK("http://evil")', kind: 'domestic', country: 'VN' },
      {
        name: 'Liên doanh Bá Thiện',
        legalName: 'Công ty liên doanh\nBá Thiện II',
        kind: 'joint_venture',
        country: 'JP',
        source: 'walk_in',
      },
    ];
    for (const organization of organizations) {
      const response = await manager.client.post('/api/organizations', organization);
      expect(response.status).toBe(201);
    }
    await staff.client.post('/api/organizations', { name: 'Của cán bộ', kind: 'domestic', country: 'VN' });
    const honda = await manager.client.post('/api/organizations', {
      name: 'Honda Việt Nam',
      kind: 'foreign_invested',
      country: 'JP',
      taxCode: codes[2],
    });
    for (const contact of [
      {
        fullName: 'Nguyễn Văn An',
        email: 'an@honda.vn',
        phone: '0912 345 678',
        position: 'Giám đốc',
        organizationId: honda.body.id,
        preferredLanguage: 'ja',
        emailConsent: 'opted_in',
        consentSource: 'event',
      },
      { fullName: 'Trần Thị Bình', email: 'binh@example.com', emailConsent: 'opted_out', consentSource: 'unsubscribe' },
      { fullName: 'Lê Cường' },
    ]) {
      expect((await manager.client.post('/api/contacts', contact)).status).toBe(201);
    }
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const csvRows = (bytes: Buffer): string[][] => parse(bytes, { bom: true, relax_column_count: true });

  it('exports investors as CSV: BOM, Vietnamese headers and text intact, quoting, formulas kept as text', async () => {
    const file = await manager.client.download('/api/exports/organizations?format=csv');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="nha-dau-tu-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(file.bytes.subarray(0, 3)).toEqual(BOM);
    const [header, ...rows] = csvRows(file.bytes);
    expect(header).toEqual([
      'Tên doanh nghiệp',
      'Tên pháp lý',
      'Mã số thuế',
      'Loại hình',
      'Quốc gia',
      'Ngành nghề (VSIC)',
      'Website',
      'Quy mô',
      'Nhãn',
      'Nguồn',
      'Email người phụ trách',
      'Mã hệ thống',
      'Người phụ trách',
      'Ngày tạo',
      'Ngày cập nhật',
    ]);
    // In the list's order (the database's collation), which the export shares.
    const listed = (await manager.client.get('/api/organizations?limit=200')).body.items.map(
      (o: { name: string }) => o.name,
    );
    expect(rows.map((row) => row[0])).toEqual(listed.map((name: string) => (name.startsWith('=') ? `'${name}` : name)));
    expect(listed).toHaveLength(6);
    const byName = (name: string) => rows.find((row) => row[0] === name)!;
    const dongSoc = byName('Công ty TNHH Điện tử Đồng Sóc');
    expect(dongSoc.slice(0, 11)).toEqual([
      'Công ty TNHH Điện tử Đồng Sóc',
      '',
      codes[0],
      'Có vốn đầu tư nước ngoài',
      'KR',
      'C; 26',
      'https://dongsoc.vn',
      'Lớn',
      'điện tử; ưu tiên',
      'Sự kiện xúc tiến đầu tư',
      manager.user.email,
    ]);
    expect(dongSoc[11]).toMatch(/^[0-9a-f-]{36}$/);
    expect(dongSoc[12]).toBe(manager.user.name);
    expect(dongSoc[13]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(byName('Liên doanh Bá Thiện')[1]).toBe('Công ty liên doanh\nBá Thiện II');
  });

  it('uses the list filters, and English when asked', async () => {
    const file = await manager.client.download('/api/exports/organizations?kind=domestic&q=co%20khi&lang=en');
    const [header, ...rows] = csvRows(file.bytes);
    expect(header[0]).toBe('Name');
    expect(file.headers.get('content-disposition')).toContain('investors-');
    expect(rows.map((row) => [row[0], row[3]])).toEqual([['Cơ khí "Yên Lạc", chi nhánh 2', 'Domestic']]);
    const mine = csvRows((await staff.client.download(`/api/exports/organizations?ownerId=${staff.user.id}`)).bytes);
    expect(mine.slice(1).map((row) => row[0])).toEqual(['Của cán bộ']);
  });

  it('refuses unknown filters and formats with 400', async () => {
    expect((await manager.client.get('/api/exports/organizations?kind=state_owned')).status).toBe(400);
    expect((await manager.client.get('/api/exports/organizations?format=pdf')).status).toBe(400);
    expect((await manager.client.get('/api/exports/contacts?limit=5')).status).toBe(400);
    expect((await manager.client.get('/api/exports/zones')).status).toBe(404);
  });

  it('exports investors as an Excel workbook that opens', async () => {
    const file = await manager.client.download('/api/exports/organizations?format=xlsx&country=KR');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers.get('content-disposition')).toMatch(/nha-dau-tu-\d{4}-\d{2}-\d{2}\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(1).getCell(1).value).toBe('Tên doanh nghiệp');
    expect(sheet.getRow(2).getCell(1).value).toBe('Công ty TNHH Điện tử Đồng Sóc');
    // The tax code stays text with its digits, not a number.
    expect(sheet.getRow(2).getCell(3).value).toBe(codes[0]);
  });

  it('exports contacts with the investor’s tax code, consent in words and the phone as text', async () => {
    const file = await manager.client.download('/api/exports/contacts');
    const [header, ...rows] = csvRows(file.bytes);
    expect(header.slice(0, 9)).toEqual([
      'Họ và tên',
      'Email',
      'Số điện thoại',
      'Chức vụ',
      'Mã số thuế doanh nghiệp',
      'Ngôn ngữ',
      'Đồng ý nhận email',
      'Nguồn đồng ý',
      'Email người phụ trách',
    ]);
    expect(rows.map((row) => [...row.slice(0, 9), row[10]])).toEqual([
      ['Lê Cường', '', '', '', '', 'vi', 'Chưa rõ', '', manager.user.email, ''],
      [
        'Nguyễn Văn An',
        'an@honda.vn',
        "'+84912345678",
        'Giám đốc',
        codes[2],
        'ja',
        'Đồng ý',
        'Sự kiện',
        manager.user.email,
        'Honda Việt Nam',
      ],
      ['Trần Thị Bình', 'binh@example.com', '', '', '', 'vi', 'Từ chối', 'Hủy đăng ký', manager.user.email, ''],
    ]);
    const filtered = csvRows(
      (await manager.client.download('/api/exports/contacts?consent=opted_out&format=csv')).bytes,
    );
    expect(filtered.slice(1).map((row) => row[0])).toEqual(['Trần Thị Bình']);
  });

  it('records who exported what', async () => {
    await staff.client.download('/api/exports/contacts?language=ja&format=xlsx');
    const [event] = await db.query(
      `SELECT actor_id, subject_type, details FROM audit_event WHERE action = 'export' ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toEqual({
      actor_id: staff.user.id,
      subject_type: 'contact',
      details: { format: 'xlsx', filters: { language: 'ja', sort: 'name' } },
    });
  });

  it.each([
    ['organizations', 'csv'],
    ['organizations', 'xlsx'],
    ['contacts', 'csv'],
    ['contacts', 'xlsx'],
  ])('round-trips: an exported %s %s imports back with nothing to change', async (entity, format) => {
    const exported = await manager.client.download(`/api/exports/${entity}?format=${format}`);
    const upload = await manager.client.post('/api/imports', importForm(entity, exported.bytes, `export.${format}`));
    expect(upload.status).toBe(202);
    const job = await waitForImport(manager.client, upload.body.id);
    const rows = entity === 'organizations' ? 6 : 3;
    expect(job).toMatchObject({ status: 'completed', total: rows, created: 0, updated: 0, unchanged: rows, failed: 0 });
    expect(job.ignoredColumns.length).toBeGreaterThan(0);
  });

  it('an edited export updates the very records it lists, found by their ID, even without a tax code', async () => {
    const exported = csvRows((await manager.client.download('/api/exports/organizations?q=ca%20bo')).bytes);
    const [header, row] = exported;
    expect(row[0]).toBe('Của cán bộ');
    const edited = [
      header,
      ['Của cán bộ (đã sửa)', ...row.slice(1)],
      ['Không tồn tại', ...row.slice(1, 11), '00000000-0000-4000-8000-000000000000', ...row.slice(12)],
      ['Sai mã', ...row.slice(1, 11), 'abc', ...row.slice(12)],
    ];
    const file = Buffer.from(
      edited.map((cells) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n'),
    );
    const upload = await manager.client.post('/api/imports', importForm('organizations', file, 'edited.csv'));
    const job = await waitForImport(manager.client, upload.body.id);
    expect(job).toMatchObject({ status: 'completed', created: 0, updated: 1, failed: 2 });
    const errors = (await manager.client.get(`/api/imports/${job.id}/errors`)).body.items;
    expect(errors.map((e: { field: string; message: string }) => `${e.field}: ${e.message}`)).toEqual([
      'id: no investor has this ID; it may have been deleted',
      'id: is not a record ID from an export',
    ]);
    const renamed = (await manager.client.get(`/api/organizations/${row[11]}`)).body;
    expect(renamed).toMatchObject({ name: 'Của cán bộ (đã sửa)', version: 2, ownerId: staff.user.id });
  });

  it('streams a list longer than one batch, in order', async () => {
    await db.query(
      `INSERT INTO organization (name, kind, country, owner_id, version)
       SELECT 'Doanh nghiệp số ' || lpad(n::text, 5, '0'), 'domestic', 'VN', $1, 1 FROM generate_series(1, 2500) n`,
      [manager.user.id],
    );
    const rows = csvRows(
      (await manager.client.download('/api/exports/organizations?q=doanh%20nghiep%20so')).bytes,
    ).slice(1);
    expect(rows).toHaveLength(2500);
    expect(rows[0][0]).toBe('Doanh nghiệp số 00001');
    expect(rows[2499][0]).toBe('Doanh nghiệp số 02500');
  });
});
