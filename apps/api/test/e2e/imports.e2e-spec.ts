import type { INestApplicationContext } from '@nestjs/common';
import { Role } from '@irm/contracts';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { PurgeImportFilesHandler } from '../../src/imports/purge-import-files.handler';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';
import { csv, importForm, taxCodes, waitForImport, xlsx } from '../support/import-fixtures';
import { startTestWorker } from '../support/test-worker';

const ORG_HEADER_VI = ['STT', 'Tên doanh nghiệp', 'Mã số thuế', 'Loại hình', 'Quốc gia', 'Ngành nghề (VSIC)', 'Nhãn'];

describe('imports', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let db: DataSource;
  let staff: { user: { id: string; email: string }; client: TestClient };
  let manager: { user: { id: string; email: string }; client: TestClient };
  const codes = taxCodes(200, 1);

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(t);
    db = t.app.get(DataSource);
    staff = await signedIn(t, Role.Staff);
    manager = await signedIn(t, Role.Manager);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const upload = (client: TestClient, entity: string, file: Buffer, name: string, fields?: Record<string, string>) =>
    client.post('/api/imports', importForm(entity, file, name, fields));

  async function importFile(
    client: TestClient,
    entity: string,
    file: Buffer,
    name: string,
    fields?: Record<string, string>,
  ) {
    const response = await upload(client, entity, file, name, fields);
    expect(response.status).toBe(202);
    return waitForImport(client, response.body.id);
  }

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].count);

  it('imports a CSV with BOM and Vietnamese headers, keeping diacritics', async () => {
    const job = await importFile(
      staff.client,
      'organizations',
      csv([
        ORG_HEADER_VI,
        ['1', 'Công ty TNHH Điện tử Đồng Sóc', codes[0], 'FDI', 'Hàn Quốc', 'C; 26', 'điện tử; ưu tiên'],
        [
          '2',
          'Công ty CP Cơ khí Yên Lạc',
          `${codes[1].slice(0, 4)} ${codes[1].slice(4)}`,
          'Trong nước',
          'VN',
          '25',
          '',
        ],
      ]),
      'doanh-nghiệp.csv',
    );
    expect(job).toMatchObject({
      status: 'completed',
      entity: 'organizations',
      format: 'csv',
      dryRun: false,
      total: 2,
      processed: 2,
      created: 2,
      updated: 0,
      failed: 0,
      fileName: 'doanh-nghiệp.csv',
      ignoredColumns: ['STT'],
      columns: { name: 'Tên doanh nghiệp', taxCode: 'Mã số thuế', sectors: 'Ngành nghề (VSIC)' },
    });
    const [samsung] = await db.query(`SELECT * FROM organization WHERE tax_code = $1`, [codes[0]]);
    expect(samsung).toMatchObject({
      name: 'Công ty TNHH Điện tử Đồng Sóc',
      kind: 'foreign_invested',
      country: 'KR',
      sectors: ['C', '26'],
      tags: ['điện tử', 'ưu tiên'],
      owner_id: staff.user.id,
      version: 1,
    });
    // The tax code typed with a space is stored in its canonical form.
    expect(await count(`SELECT count(*) FROM organization WHERE tax_code = $1`, [codes[1]])).toBe(1);
    const audit = await db.query(`SELECT action, actor_id, details FROM audit_event WHERE subject_id = $1`, [
      samsung.id,
    ]);
    expect(audit).toEqual([
      { action: 'create', actor_id: staff.user.id, details: { importJobId: job.id, rowNumber: 2 } },
    ]);
  });

  it('imports a CSV without BOM, with English headers and semicolons as Vietnamese Excel saves it', async () => {
    const job = await importFile(
      staff.client,
      'organizations',
      csv(
        [
          ['Name', 'Tax code', 'Country', 'Website'],
          ['Toyota Motor Vietnam', codes[2], 'Japan', 'https://www.toyota.com.vn'],
          ['Nhà máy Bình Xuyên; giai đoạn 2', codes[3], 'Việt Nam', ''],
        ],
        { bom: false, delimiter: ';' },
      ),
      'orgs.csv',
    );
    expect(job).toMatchObject({ status: 'completed', created: 2, failed: 0 });
    const rows = await db.query(
      `SELECT name, kind, country, website FROM organization WHERE tax_code = ANY($1) ORDER BY name`,
      [[codes[2], codes[3]]],
    );
    expect(rows).toEqual([
      { name: 'Nhà máy Bình Xuyên; giai đoạn 2', kind: 'domestic', country: 'VN', website: null },
      { name: 'Toyota Motor Vietnam', kind: 'foreign_invested', country: 'JP', website: 'https://www.toyota.com.vn' },
    ]);
  });

  it('imports an Excel workbook: a title above the header, numbers that lost their zero, rich text', async () => {
    const file = await xlsx([
      ['DANH SÁCH NHÀ ĐẦU TƯ QUAN TÂM - 2026'],
      [],
      ['Tên doanh nghiệp', 'Mã số thuế', 'Quốc gia', 'Quy mô'],
      [
        { richText: [{ text: 'Công ty ' }, { text: 'Hợp Thịnh', font: { bold: true } }] },
        Number(codes[4]),
        'VN',
        'Vừa',
      ],
      ['Công ty Lề Lỗ', codes[5], 'vn', 'Lớn'],
    ]);
    expect(codes[4].startsWith('0')).toBe(false);
    const job = await importFile(staff.client, 'organizations', file, 'nha-dau-tu.xlsx');
    // errorMessage first: a failed job then says why in the test output.
    expect(job).toMatchObject({
      errorMessage: null,
      status: 'completed',
      format: 'xlsx',
      total: 2,
      created: 2,
      failed: 0,
    });
    const rows = await db.query(`SELECT name, size FROM organization WHERE tax_code = ANY($1) ORDER BY name`, [
      [codes[4], codes[5]],
    ]);
    expect(rows).toEqual([
      { name: 'Công ty Hợp Thịnh', size: 'medium' },
      { name: 'Công ty Lề Lỗ', size: 'large' },
    ]);
  });

  it('puts back the leading zero Excel drops from a tax code typed as a number', async () => {
    const zeroCode = taxCodes(1, 4242, '01')[0];
    const job = await importFile(
      staff.client,
      'organizations',
      await xlsx([
        ['Tên doanh nghiệp', 'Mã số thuế'],
        ['Công ty Hà Nội', Number(zeroCode)],
      ]),
      'zero.xlsx',
    );
    expect(job).toMatchObject({ status: 'completed', created: 1 });
    expect(await count(`SELECT count(*) FROM organization WHERE tax_code = $1`, [zeroCode])).toBe(1);
  });

  describe('refuses a bad file at upload, creating no job', () => {
    let jobsBefore: number;
    beforeEach(async () => {
      jobsBefore = await count(`SELECT count(*) FROM import_job`);
    });
    afterEach(async () => {
      expect(await count(`SELECT count(*) FROM import_job`)).toBe(jobsBefore);
    });

    it('names the missing columns of a file with the wrong columns', async () => {
      const response = await upload(
        staff.client,
        'organizations',
        csv([
          ['Họ và tên', 'Email'],
          ['Nguyễn Văn An', 'an@example.com'],
        ]),
        'contacts.csv',
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.detail).toContain('“Tên doanh nghiệp” (Name)');
      expect(response.body.detail).toContain('“Họ và tên”, “Email”');
      expect(response.body.errors).toEqual([{ field: 'name', message: 'column “Tên doanh nghiệp” (Name) is missing' }]);
    });

    it('refuses two columns for one field', async () => {
      const response = await upload(
        staff.client,
        'organizations',
        csv([
          ['Name', 'Tên doanh nghiệp'],
          ['A', 'B'],
        ]),
        'x.csv',
      );
      expect(response.status).toBe(400);
      expect(response.body.detail).toContain('“Name” and “Tên doanh nghiệp”');
    });

    it('refuses a binary file', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
      const response = await upload(staff.client, 'organizations', png, 'logo.csv');
      expect(response.status).toBe(415);
      expect(response.body.detail).toContain('neither CSV nor an Excel workbook');
    });

    it('refuses a zip that is not a workbook', async () => {
      const response = await upload(
        staff.client,
        'organizations',
        Buffer.from('504b0304' + '00'.repeat(60), 'hex'),
        'a.xlsx',
      );
      expect(response.status).toBe(415);
    });

    it('refuses an old .xls file with advice', async () => {
      const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
      const response = await upload(staff.client, 'organizations', xls, 'old.xls');
      expect(response.status).toBe(415);
      expect(response.body.detail).toContain('.xlsx');
    });

    it('refuses a CSV that is not UTF-8', async () => {
      // "Tên" in Windows-1258, as Excel's plain "CSV" saves it on Vietnamese Windows.
      const latin = Buffer.concat([
        Buffer.from('T'),
        Buffer.from([0xea]),
        Buffer.from('n doanh nghi'),
        Buffer.from([0xea, 0xf2]),
        Buffer.from('p\r\nA\r\n'),
      ]);
      const response = await upload(staff.client, 'organizations', latin, 'ansi.csv');
      expect(response.status).toBe(415);
      expect(response.body.detail).toContain('CSV UTF-8');
    });

    it.each([
      ['an empty file', Buffer.alloc(0)],
      ['a file of blank lines', Buffer.from('\r\n\r\n  \r\n')],
    ])('refuses %s', async (_what, file) => {
      const response = await upload(staff.client, 'organizations', file, 'empty.csv');
      expect(response.status).toBe(400);
      expect(response.body.detail).toBe('The file is empty.');
    });

    it('refuses a file with a BOM and nothing else', async () => {
      const response = await upload(staff.client, 'organizations', Buffer.from('\uFEFF', 'utf8'), 'bom.csv');
      expect(response.status).toBe(400);
    });

    it('refuses a file over 20 MB with 413', async () => {
      const big = Buffer.alloc(21 * 1024 * 1024, 'a');
      const response = await upload(staff.client, 'organizations', big, 'big.csv');
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('payload_too_large');
      expect(response.body.detail).toContain('20 MB');
    });

    it('refuses a 50 MB file with 413', async () => {
      const big = Buffer.alloc(50 * 1024 * 1024, 'a');
      const response = await upload(staff.client, 'organizations', big, 'huge.csv');
      expect(response.status).toBe(413);
    });

    it('asks for the entity and the file', async () => {
      const form = new FormData();
      form.append('entity', 'zones');
      const response = await staff.client.post('/api/imports', form);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['entity', 'file']);
    });

    it.each([
      [
        'no boundary',
        'multipart/form-data',
        '--b\r\nContent-Disposition: form-data; name="entity"\r\n\r\ncontacts\r\n--b--\r\n',
      ],
      [
        'a body cut short',
        'multipart/form-data; boundary=b',
        '--b\r\nContent-Disposition: form-data; name="entity"\r\n\r\ncont',
      ],
      ['a body that is not multipart', 'multipart/form-data; boundary=b', '\u0000\u0001 not multipart'],
    ])('answers a multipart envelope with %s with 400, not 500', async (_what, contentType, body) => {
      const response = await staff.client.request('POST', '/api/imports', {
        body,
        headers: { 'content-type': contentType },
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'bad_request', detail: 'The multipart body could not be read.' });
    });

    it('refuses a JSON body', async () => {
      const response = await staff.client.post('/api/imports', { entity: 'organizations' });
      expect(response.status).toBe(415);
    });
  });

  it('keeps multipart bodies away from the JSON routes', async () => {
    const response = await staff.client.post(
      '/api/organizations',
      importForm('organizations', Buffer.from('x'), 'x.csv'),
    );
    expect(response.status).toBe(415);
  });

  it('imports the good rows and reports each bad one with its row number, field and values', async () => {
    const job = await importFile(
      staff.client,
      'organizations',
      csv([
        ['Tên doanh nghiệp', 'Mã số thuế', 'Quốc gia', 'Website', 'Ngành nghề'],
        ['Một', codes[10], 'VN', '', 'C'],
        ['Hai', '0100109107', 'VN', '', ''],
        ['Ba', codes[11], 'XX', 'not a url', ''],
        ['', codes[12], 'VN', '', ''],
        ['Năm', codes[10], 'VN', '', ''],
        ['Sáu', codes[13], 'VN', '', 'Z9'],
        ['Bảy', '', 'VN', '', ''],
      ]),
      'mixed.csv',
    );
    expect(job).toMatchObject({ status: 'completed', total: 7, processed: 7, created: 2, failed: 5 });
    const errors = await staff.client.get(`/api/imports/${job.id}/errors?limit=50`);
    expect(errors.status).toBe(200);
    const summary = errors.body.items.map((e: { rowNumber: number; field: string | null; column: string | null }) => [
      e.rowNumber,
      e.field,
      e.column,
    ]);
    expect(summary).toEqual([
      [3, 'taxCode', 'Mã số thuế'],
      [4, 'country', 'Quốc gia'],
      [4, 'website', 'Website'],
      [5, 'name', 'Tên doanh nghiệp'],
      [6, null, null],
      [7, 'sectors', 'Ngành nghề'],
    ]);
    expect(errors.body.items[4].message).toBe('the same tax code as row 2');
    expect(errors.body.items[0].raw).toEqual({
      'Tên doanh nghiệp': 'Hai',
      'Mã số thuế': '0100109107',
      'Quốc gia': 'VN',
      Website: '',
      'Ngành nghề': '',
    });
    expect(await count(`SELECT count(*) FROM organization WHERE name IN ('Một', 'Bảy')`)).toBe(2);

    // Paged like every list.
    const first = await staff.client.get(`/api/imports/${job.id}/errors?limit=4`);
    const second = await staff.client.get(`/api/imports/${job.id}/errors?limit=4&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((e: { id: string }) => e.id)).toEqual(
      errors.body.items.map((e: { id: string }) => e.id),
    );
    expect(second.body.nextCursor).toBeNull();

    // The errors file: one line per failed row, ready to fix and import again.
    const file = await staff.client.download(`/api/imports/${job.id}/errors.csv`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/csv');
    expect(file.headers.get('content-disposition')).toContain('mixed-loi.csv');
    expect(file.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = file.bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Dòng,Lỗi,Tên doanh nghiệp,Mã số thuế,Quốc gia,Website,Ngành nghề');
    expect(lines).toHaveLength(6);
    expect(lines[2]).toMatch(
      /^4,"Quốc gia: must be an ISO .*; Website: must be an http\(s\) address",Ba,\d{10},XX,not a url,$/,
    );
  });

  it('updates by tax code: changed fields only, version bumped, audited; the same file again changes nothing', async () => {
    const created = await manager.client.post('/api/organizations', {
      name: 'Công ty Khai Quang',
      kind: 'domestic',
      country: 'VN',
      taxCode: codes[20],
      website: 'https://khaiquang.vn',
      sectors: ['C'],
    });
    expect(created.status).toBe(201);
    const file = csv([
      ['Tên doanh nghiệp', 'Mã số thuế', 'Ngành nghề (VSIC)', 'Website'],
      ['Công ty CP Khai Quang', codes[20], 'C; 27', ''],
    ]);
    const job = await importFile(manager.client, 'organizations', file, 'update.csv');
    expect(job).toMatchObject({ status: 'completed', created: 0, updated: 1, unchanged: 0 });
    const after = (await manager.client.get(`/api/organizations/${created.body.id}`)).body;
    expect(after).toMatchObject({
      name: 'Công ty CP Khai Quang',
      sectors: ['C', '27'],
      // An empty cell leaves the value as it was.
      website: 'https://khaiquang.vn',
      kind: 'domestic',
      version: 2,
      ownerId: manager.user.id,
    });
    const [audit] = await db.query(`SELECT changes FROM audit_event WHERE subject_id = $1 AND action = 'update'`, [
      created.body.id,
    ]);
    expect(audit.changes).toEqual({
      name: { before: 'Công ty Khai Quang', after: 'Công ty CP Khai Quang' },
      sectors: { before: ['C'], after: ['C', '27'] },
    });

    const again = await importFile(manager.client, 'organizations', file, 'update.csv');
    expect(again).toMatchObject({ status: 'completed', updated: 0, unchanged: 1 });
    expect((await manager.client.get(`/api/organizations/${created.body.id}`)).body.version).toBe(2);
  });

  it('lets staff update only investors they own', async () => {
    const theirs = await manager.client.post('/api/organizations', {
      name: 'Của quản lý',
      kind: 'domestic',
      country: 'VN',
      taxCode: codes[21],
    });
    const job = await importFile(
      staff.client,
      'organizations',
      csv([
        ['Name', 'Tax code', 'Owner email'],
        ['Đổi tên', codes[21], ''],
        ['Giao cho quản lý', codes[22], manager.user.email],
        ['Người lạ', codes[23], 'nobody@ipa.test'],
      ]),
      'staff.csv',
    );
    expect(job).toMatchObject({ status: 'completed', created: 0, updated: 0, failed: 3 });
    const errors = (await staff.client.get(`/api/imports/${job.id}/errors`)).body.items;
    expect(errors.map((e: { message: string }) => e.message)).toEqual([
      'this investor belongs to someone else; only its owner or a manager can change it',
      'only managers assign a record to someone else',
      'is not the email of an active user',
    ]);
    expect((await staff.client.get(`/api/organizations/${theirs.body.id}`)).body.name).toBe('Của quản lý');

    const byManager = await importFile(
      manager.client,
      'organizations',
      csv([
        ['Name', 'Tax code', 'Owner email'],
        ['Giao cho cán bộ', codes[22], staff.user.email.toUpperCase()],
      ]),
      'manager.csv',
    );
    expect(byManager).toMatchObject({ created: 1, failed: 0 });
    expect((await db.query(`SELECT owner_id FROM organization WHERE tax_code = $1`, [codes[22]]))[0].owner_id).toBe(
      staff.user.id,
    );
  });

  it('imports contacts: creates and updates by email, links investors by tax code, records consent evidence', async () => {
    await manager.client.post('/api/organizations', {
      name: 'Honda Việt Nam',
      kind: 'foreign_invested',
      country: 'JP',
      taxCode: codes[30],
    });
    const existing = await staff.client.post('/api/contacts', { fullName: 'Trần Thị Bình', email: 'binh@honda.vn' });
    expect(existing.status).toBe(201);
    const file = await xlsx([
      ['Họ và tên', 'Email', 'Số điện thoại', 'Chức vụ', 'Mã số thuế doanh nghiệp', 'Ngôn ngữ', 'Đồng ý nhận email'],
      [
        'Nguyễn Văn An',
        { text: 'An@Honda.vn', hyperlink: 'mailto:an@honda.vn' },
        912345678,
        'Giám đốc',
        codes[30],
        'Tiếng Nhật',
        'Đồng ý',
      ],
      ['Trần Thị Bình', 'BINH@honda.vn', '+81 3 1234 5678', 'Trưởng phòng', '', '', ''],
      ['Lê Văn Cường', 'cuong@example', '123', '', codes[31], 'Klingon', 'Có lẽ'],
    ]);
    const job = await importFile(staff.client, 'contacts', file, 'lien-he.xlsx');
    expect(job).toMatchObject({ status: 'completed', total: 3, created: 1, updated: 1, failed: 1 });
    const [an] = await db.query(`SELECT * FROM contact WHERE email = 'an@honda.vn'`);
    expect(an).toMatchObject({
      full_name: 'Nguyễn Văn An',
      phone: '+84912345678',
      position: 'Giám đốc',
      preferred_language: 'ja',
      email_consent: 'opted_in',
      consent_source: 'import',
      owner_id: staff.user.id,
    });
    expect(an.consent_changed_at).toBeInstanceOf(Date);
    expect(an.organization_id).toBe(
      (await db.query(`SELECT id FROM organization WHERE tax_code = $1`, [codes[30]]))[0].id,
    );
    const binh = (await staff.client.get(`/api/contacts/${existing.body.id}`)).body;
    expect(binh).toMatchObject({ phone: '+81312345678', position: 'Trưởng phòng', version: 2 });
    const errors = (await staff.client.get(`/api/imports/${job.id}/errors`)).body.items;
    expect(errors.map((e: { rowNumber: number; field: string }) => `${e.rowNumber} ${e.field}`)).toEqual([
      '4 organizationTaxCode',
      '4 email',
      '4 phone',
      '4 preferredLanguage',
      '4 emailConsent',
    ]);
  });

  it('dry run: checks and previews, writes nothing; applied later without uploading again, once', async () => {
    const counts = async () => ({
      organizations: await count(`SELECT count(*) FROM organization`),
      audit: await count(`SELECT count(*) FROM audit_event WHERE subject_type = 'organization'`),
    });
    const before = await counts();
    await manager.client.post('/api/organizations', {
      name: 'Sẽ cập nhật',
      kind: 'domestic',
      country: 'VN',
      taxCode: codes[40],
    });
    const beforeRun = await counts();
    expect(beforeRun.organizations).toBe(before.organizations + 1);
    const file = csv([
      ['Tên doanh nghiệp', 'Mã số thuế', 'Quốc gia'],
      ['Mới một', codes[41], 'VN'],
      ['Đã cập nhật', codes[40], 'VN'],
      ['Lỗi', '123', 'VN'],
    ]);
    const dry = await importFile(manager.client, 'organizations', file, 'dry.csv', { dryRun: 'true' });
    expect(dry).toMatchObject({
      status: 'completed',
      dryRun: true,
      created: 1,
      updated: 1,
      failed: 1,
      appliedJobId: null,
    });
    expect(dry.preview).toEqual([
      expect.objectContaining({
        rowNumber: 2,
        action: 'create',
        values: expect.objectContaining({ name: 'Mới một', taxCode: codes[41] }),
      }),
      expect.objectContaining({ rowNumber: 3, action: 'update' }),
      expect.objectContaining({
        rowNumber: 4,
        action: 'error',
        errors: [expect.objectContaining({ field: 'taxCode' })],
      }),
    ]);
    expect(await counts()).toEqual(beforeRun);

    // Only the person who ran it (or a manager) may apply it; staff cannot see another's import.
    expect((await staff.client.post(`/api/imports/${dry.id}/apply`)).status).toBe(404);
    const applied = await manager.client.post(`/api/imports/${dry.id}/apply`);
    expect(applied.status).toBe(202);
    const real = await waitForImport(manager.client, applied.body.id);
    expect(real).toMatchObject({
      status: 'completed',
      dryRun: false,
      dryRunJobId: dry.id,
      created: 1,
      updated: 1,
      failed: 1,
      preview: [],
    });
    expect((await manager.client.get(`/api/imports/${dry.id}`)).body.appliedJobId).toBe(real.id);
    expect(await counts()).toEqual({ organizations: beforeRun.organizations + 1, audit: beforeRun.audit + 2 });

    const twice = await manager.client.post(`/api/imports/${dry.id}/apply`);
    expect(twice.status).toBe(409);
    expect((await manager.client.post(`/api/imports/${real.id}/apply`)).status).toBe(409);
  });

  it('cancels a queued import, and a cancelled one cannot be cancelled again', async () => {
    await worker.close();
    try {
      const response = await upload(staff.client, 'organizations', csv([['Name'], ['Chờ']]), 'queued.csv');
      const cancelled = await staff.client.post(`/api/imports/${response.body.id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', processed: 0 });
      expect((await staff.client.post(`/api/imports/${response.body.id}/cancel`)).status).toBe(409);
      expect((await manager.client.post(`/api/imports/${response.body.id}/apply`)).status).toBe(409);
    } finally {
      worker = await startTestWorker(t);
    }
  });

  it('cancels a running import between batches: what is done stays, nothing more is written', async () => {
    const many = taxCodes(20_000, 100_000, '37');
    const response = await upload(
      manager.client,
      'organizations',
      csv([['Tên doanh nghiệp', 'Mã số thuế'], ...many.map((code, i) => [`Doanh nghiệp ${i}`, code])]),
      'many.csv',
    );
    expect(response.status).toBe(202);
    const id = response.body.id;
    for (;;) {
      const job = (await manager.client.get(`/api/imports/${id}`)).body;
      if (job.processed > 0) break;
      expect(job.status).not.toBe('completed');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const cancel = await manager.client.post(`/api/imports/${id}/cancel`);
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const job = (await manager.client.get(`/api/imports/${id}`)).body;
    expect(job.status).toBe('cancelled');
    expect(job.processed).toBeLessThan(20_000);
    expect(job.processed % 1_000).toBe(0);
    expect(await count(`SELECT count(*) FROM organization WHERE tax_code = ANY($1)`, [many])).toBe(job.created);
  });

  it('lists imports: staff their own, managers everyone’s; another’s import is not found for staff', async () => {
    const mine = (await staff.client.get('/api/imports?limit=200')).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((job: { createdById: string }) => job.createdById === staff.user.id)).toBe(true);
    const all = (await manager.client.get('/api/imports?limit=200')).body.items;
    expect(all.length).toBeGreaterThan(mine.length);
    const dates = all.map((job: { createdAt: string }) => job.createdAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    const managers = all.find((job: { createdById: string }) => job.createdById === manager.user.id);
    expect((await staff.client.get(`/api/imports/${managers.id}`)).status).toBe(404);
    expect((await staff.client.get(`/api/imports/${managers.id}/errors`)).status).toBe(404);

    const page = await manager.client.get('/api/imports?limit=2');
    const next = await manager.client.get(`/api/imports?limit=2&cursor=${page.body.nextCursor}`);
    expect(next.body.items.map((j: { id: string }) => j.id)).toEqual(all.slice(2, 4).map((j: { id: string }) => j.id));
  });

  it('purges old files but never one a waiting import still needs; a purged dry run cannot be applied', async () => {
    const dry = await importFile(manager.client, 'organizations', csv([['Name'], ['Cũ']]), 'old.csv', {
      dryRun: 'true',
    });
    await worker.close();
    let waiting: string;
    try {
      waiting = (await upload(manager.client, 'organizations', csv([['Name'], ['Chờ']]), 'waiting.csv')).body.id;
      await db.query(`UPDATE import_file SET created_at = now() - interval '40 days'`);
      const purger = await startTestWorker(t, { start: false });
      await purger.get(PurgeImportFilesHandler).handle({ retentionDays: 30 });
      await purger.close();
    } finally {
      worker = await startTestWorker(t);
    }
    const files = await db.query(
      `SELECT j.id, j.file_id IS NOT NULL AS kept FROM import_job j WHERE j.id = ANY($1) ORDER BY j.file_name`,
      [[dry.id, waiting]],
    );
    expect(files).toEqual([
      { id: dry.id, kept: false },
      { id: waiting, kept: true },
    ]);
    expect(await count(`SELECT count(*) FROM import_file`)).toBe(1);
    const apply = await manager.client.post(`/api/imports/${dry.id}/apply`);
    expect(apply.status).toBe(409);
    expect(apply.body.detail).toContain('no longer kept');
    expect(await waitForImport(manager.client, waiting)).toMatchObject({ status: 'completed', created: 1 });
    expect((await manager.client.get(`/api/imports/${dry.id}`)).body).toMatchObject({
      status: 'completed',
      created: 1,
    });
  });

  it('offers templates whose headers are the columns it reads', async () => {
    const template = await staff.client.download('/api/imports/templates/organizations?format=xlsx');
    expect(template.status).toBe(200);
    expect(template.headers.get('content-disposition')).toContain('mau-nhap-organizations.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Dữ liệu', 'Hướng dẫn']);
    expect((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1, 4)).toEqual([
      'Tên doanh nghiệp',
      'Tên pháp lý',
      'Mã số thuế',
    ]);
    const csvTemplate = await staff.client.download('/api/imports/templates/contacts?format=csv&lang=en');
    expect(csvTemplate.bytes.toString('utf8')).toBe(
      '\uFEFFFull name,Email,Phone,Position,Investor tax code,Language,Email consent,Consent source,Owner email\r\n',
    );
    expect((await staff.client.get('/api/imports/templates/zones')).status).toBe(400);
  });
});
