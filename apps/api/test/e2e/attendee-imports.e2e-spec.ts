import type { INestApplicationContext } from '@nestjs/common';
import { Role } from '@irm/contracts';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { seed } from '../../src/seed/seeder';
import { csv, importForm, taxCodes, waitForImport, xlsx } from '../support/import-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';
import { startTestWorker } from '../support/test-worker';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const HEADER_VI = [
  'STT',
  'Họ và tên',
  'Email',
  'Số điện thoại',
  'Doanh nghiệp',
  'Mã số thuế',
  'Chức vụ',
  'Quốc gia',
  'Ghi chú',
];

describe('attendee imports', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let db: DataSource;
  let owner: { user: { id: string }; client: TestClient };
  let otherStaff: { user: { id: string }; client: TestClient };
  let manager: { user: { id: string }; client: TestClient };
  let knownInvestor: { id: string };
  let knownContact: { id: string; version: number };
  const codes = taxCodes(10, 700);

  beforeAll(async () => {
    t = await startTestApp();
    await seed(t.app.get(DataSource), { adminPassword: 'a long enough password' });
    worker = await startTestWorker(t);
    db = t.app.get(DataSource);
    owner = await signedIn(t, Role.Staff);
    otherStaff = await signedIn(t, Role.Staff);
    manager = await signedIn(t, Role.Manager);
    // Someone else's investor and contact: found by the import, never changed by it.
    knownInvestor = (
      await otherStaff.client.post('/api/organizations?confirmDuplicate=true', {
        name: 'Công ty TNHH Điện tử Hợp Thịnh',
        kind: 'foreign_invested',
        country: 'JP',
        taxCode: codes[0],
      })
    ).body;
    knownContact = (
      await otherStaff.client.post('/api/contacts?confirmDuplicate=true', {
        fullName: 'Tanaka Hiroshi',
        email: 'tanaka@hopthinh.example',
        phone: '0912 345 678',
        organizationId: knownInvestor.id,
      })
    ).body;
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const createEvent = async (client: TestClient, name = 'Hội nghị xúc tiến đầu tư Vĩnh Phúc 2026') => {
    const response = await client.post('/api/events', {
      name,
      kind: 'conference',
      startsOn: '2026-10-14',
      endsOn: '2026-10-15',
      place: 'Vĩnh Yên',
      country: 'VN',
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number };
  };
  const upload = (client: TestClient, file: Buffer, name: string, fields: Record<string, string>) =>
    client.post('/api/imports', importForm('attendees', file, name, fields));
  async function importList(client: TestClient, eventId: string, file: Buffer, name: string) {
    const response = await upload(client, file, name, { eventId });
    expect(response.status).toBe(202);
    return waitForImport(client, response.body.id);
  }
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].count);
  const attendeesOf = async (client: TestClient, eventId: string) => {
    const response = await client.get(`/api/events/${eventId}/attendees?limit=200`);
    expect(response.status).toBe(200);
    return response.body.items as {
      contactId: string;
      contactName: string;
      contactEmail: string | null;
      organizationId: string | null;
      itemId: string;
      stageKey: string;
      itemOwnerId: string;
    }[];
  };
  const eventContacts = (eventId: string) =>
    count(`SELECT count(*) FROM pipeline_item WHERE kind = 'event_contact' AND event_id = $1`, [eventId]);

  describe('a conference list', () => {
    let event: { id: string };
    const list = () =>
      csv([
        HEADER_VI,
        // Known by email (written in capitals): added as they are, their record untouched.
        ['1', 'Tanaka H.', 'TANAKA@hopthinh.example', '', 'Một công ty khác', '', 'CEO', 'Nhật Bản', ''],
        // New, at a known investor named by tax code.
        ['2', 'Nguyễn Thị Lan', 'lan.nguyen@hopthinh.example', '', '', codes[0], 'Kế toán trưởng', '', ''],
        // New, without email, at a new investor: added with its country.
        ['3', 'Park Ji-hoon', '', '+82 10-1234-5678', 'Hàn Việt Precision', '', 'Director', 'Hàn Quốc', ''],
        // The same new investor by name, in another case: one investor.
        ['4', 'Kim Min-seo', 'minseo@hanviet.example', '', 'HÀN VIỆT PRECISION', '', '', '', ''],
        // Only a name, and a note for the follow-up.
        ['5', 'Trần Văn Bình', '', '', '', '', '', '', 'Quan tâm 5 ha tại CCN Đồng Sóc'],
      ]);

    beforeAll(async () => {
      event = await createEvent(owner.client);
    });

    it('finds or adds each person and their investor, and opens an event contact for each', async () => {
      const contactsBefore = await count(`SELECT count(*) FROM contact`);
      const job = await importList(owner.client, event.id, list(), 'khach-moi.csv');
      expect(job).toMatchObject({
        errorMessage: null,
        status: 'completed',
        entity: 'attendees',
        eventId: event.id,
        eventName: 'Hội nghị xúc tiến đầu tư Vĩnh Phúc 2026',
        total: 5,
        created: 5,
        updated: 0,
        unchanged: 0,
        failed: 0,
        ignoredColumns: ['STT'],
      });
      expect(job.columns).toMatchObject({
        fullName: 'Họ và tên',
        organizationName: 'Doanh nghiệp',
        organizationTaxCode: 'Mã số thuế',
        position: 'Chức vụ',
        country: 'Quốc gia',
        notes: 'Ghi chú',
      });

      const attendees = await attendeesOf(owner.client, event.id);
      expect(attendees.map((a) => a.contactName).sort()).toEqual([
        'Kim Min-seo',
        'Nguyễn Thị Lan',
        'Park Ji-hoon',
        'Tanaka Hiroshi',
        'Trần Văn Bình',
      ]);
      expect(attendees.every((a) => a.stageKey === 'met' && a.itemOwnerId === owner.user.id)).toBe(true);
      expect(await eventContacts(event.id)).toBe(5);
      expect(await count(`SELECT count(*) FROM contact`)).toBe(contactsBefore + 4);

      // The known contact is the same record, unchanged.
      const tanaka = attendees.find((a) => a.contactId === knownContact.id)!;
      expect(tanaka.organizationId).toBe(knownInvestor.id);
      const [tanakaRow] = await db.query(`SELECT full_name, position, version FROM contact WHERE id = $1`, [
        knownContact.id,
      ]);
      expect(tanakaRow).toEqual({ full_name: 'Tanaka Hiroshi', position: null, version: knownContact.version });

      // New people, owned by the importer, at the investor found by tax code or added once.
      const people = await db.query(
        `SELECT c.full_name, c.email, c.phone, c.position, c.owner_id, o.name AS organization, o.country, o.kind,
                o.owner_id AS organization_owner
           FROM contact c LEFT JOIN organization o ON o.id = c.organization_id
          WHERE c.id = ANY($1) AND c.id <> $2 ORDER BY c.full_name`,
        [attendees.map((a) => a.contactId), knownContact.id],
      );
      expect(people).toEqual([
        {
          full_name: 'Kim Min-seo',
          email: 'minseo@hanviet.example',
          phone: null,
          position: null,
          owner_id: owner.user.id,
          organization: 'Hàn Việt Precision',
          country: 'KR',
          kind: 'foreign_invested',
          organization_owner: owner.user.id,
        },
        {
          full_name: 'Nguyễn Thị Lan',
          email: 'lan.nguyen@hopthinh.example',
          phone: null,
          position: 'Kế toán trưởng',
          owner_id: owner.user.id,
          organization: 'Công ty TNHH Điện tử Hợp Thịnh',
          country: 'JP',
          kind: 'foreign_invested',
          organization_owner: otherStaff.user.id,
        },
        {
          full_name: 'Park Ji-hoon',
          email: null,
          phone: '+821012345678',
          position: 'Director',
          owner_id: owner.user.id,
          organization: 'Hàn Việt Precision',
          country: 'KR',
          kind: 'foreign_invested',
          organization_owner: owner.user.id,
        },
        {
          full_name: 'Trần Văn Bình',
          email: null,
          phone: null,
          position: null,
          owner_id: owner.user.id,
          organization: null,
          country: null,
          kind: null,
          organization_owner: null,
        },
      ]);
      expect(await count(`SELECT count(*) FROM organization WHERE lower(name) = 'hàn việt precision'`)).toBe(1);
      expect(await count(`SELECT count(*) FROM organization WHERE name = 'Một công ty khác'`)).toBe(0);

      // Audited as the importer, each row naming the import; the event contact's timeline tells of its creation.
      const audit = await db.query(
        `SELECT subject_type, actor_id, details FROM audit_event
          WHERE request_id = $1 ORDER BY subject_type, details->>'rowNumber'`,
        [`import-${job.id}`],
      );
      const bySubject = (type: string) => audit.filter((row: { subject_type: string }) => row.subject_type === type);
      expect(bySubject('event_attendee').map((row: { details: unknown }) => row.details)).toEqual(
        [2, 3, 4, 5, 6].map((rowNumber) => ({ importJobId: job.id, rowNumber })),
      );
      expect(bySubject('event_contact')).toHaveLength(5);
      expect(bySubject('contact')).toHaveLength(4);
      expect(bySubject('organization')).toHaveLength(1);
      expect(audit.every((row: { actor_id: string }) => row.actor_id === owner.user.id)).toBe(true);

      const binh = attendees.find((a) => a.contactName === 'Trần Văn Bình')!;
      const timeline = await owner.client.get(`/api/timeline?subjectType=event_contact&subjectId=${binh.itemId}`);
      expect(timeline.status).toBe(200);
      expect(
        timeline.body.items.map((entry: { kind: string; body: string | null; authorId: string }) => [
          entry.kind,
          entry.body,
          entry.authorId,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['note', 'Quan tâm 5 ha tại CCN Đồng Sóc', owner.user.id],
          ['edit', null, owner.user.id],
        ]),
      );
    });

    it('adds no one twice when the same list is imported again', async () => {
      const before = {
        contacts: await count(`SELECT count(*) FROM contact`),
        organizations: await count(`SELECT count(*) FROM organization`),
        items: await eventContacts(event.id),
        notes: await count(`SELECT count(*) FROM timeline_entry WHERE kind = 'note'`),
      };
      const job = await importList(owner.client, event.id, list(), 'khach-moi.csv');
      expect(job).toMatchObject({ status: 'completed', total: 5, created: 0, unchanged: 5, failed: 0 });
      expect(await attendeesOf(owner.client, event.id)).toHaveLength(5);
      expect({
        contacts: await count(`SELECT count(*) FROM contact`),
        organizations: await count(`SELECT count(*) FROM organization`),
        items: await eventContacts(event.id),
        notes: await count(`SELECT count(*) FROM timeline_entry WHERE kind = 'note'`),
      }).toEqual(before);
    });

    it('imports an Excel list with English headers and a title above them, adding only who is new', async () => {
      const file = await xlsx([
        ['PARTICIPANTS — VINH PHUC INVESTMENT PROMOTION CONFERENCE'],
        [],
        ['Full name', 'E-mail', 'Mobile', 'Company', 'Tax code', 'Job title', 'Nationality', 'Notes'],
        ['Nguyen Thi Lan', 'lan.nguyen@hopthinh.example', '', '', '', '', '', ''],
        ['Lee Soo-jin', 'soojin@hanviet.example', '', 'Han Viet Logistics', Number(codes[1]), 'Manager', 'KR', ''],
        ['Sato Kenji', 'sato@hopthinh.example', '', '', Number(codes[0]), '', '', 'Wants a site visit'],
      ]);
      const job = await importList(owner.client, event.id, file, 'participants.xlsx');
      expect(job).toMatchObject({
        errorMessage: null,
        status: 'completed',
        format: 'xlsx',
        total: 3,
        created: 2,
        unchanged: 1,
        failed: 0,
      });
      const attendees = await attendeesOf(owner.client, event.id);
      expect(attendees).toHaveLength(7);
      const [lee] = await db.query(
        `SELECT o.name, o.tax_code, o.country FROM contact c JOIN organization o ON o.id = c.organization_id
          WHERE c.email = 'soojin@hanviet.example'`,
      );
      expect(lee).toEqual({ name: 'Han Viet Logistics', tax_code: codes[1], country: 'KR' });
      expect(attendees.find((a) => a.contactEmail === 'sato@hopthinh.example')!.organizationId).toBe(knownInvestor.id);
      expect(await eventContacts(event.id)).toBe(7);
    });
  });

  it('reports each bad row with its column and adds only the good ones', async () => {
    const event = await createEvent(owner.client, 'Roadshow Seoul 2026');
    const job = await importList(
      owner.client,
      event.id,
      csv([
        ['Họ và tên', 'Email', 'Điện thoại', 'Công ty', 'MST', 'Quốc gia'],
        ['Người tốt', 'tot@example.vn', '', '', '', ''],
        ['', 'khong-ten@example.vn', '', '', '', ''],
        ['Sai email', 'not-an-email', '', '', '', ''],
        ['Sai điện thoại', 'sdt@example.vn', '12', '', '', ''],
        ['Mã số thuế lạ', 'mst@example.vn', '', '', codes[5], ''],
        ['Nước lạ', 'nuoc@example.vn', '', '', '', 'Atlantis'],
        ['Người tốt lần hai', 'TOT@example.vn', '', '', '', ''],
        ['Sai mã số thuế', 'mst2@example.vn', '', 'Công ty Sai Mã', '0100109107', ''],
      ]),
      'roadshow.csv',
    );
    expect(job).toMatchObject({ status: 'completed', total: 8, created: 1, failed: 7 });
    const errors = await owner.client.get(`/api/imports/${job.id}/errors?limit=50`);
    expect(
      errors.body.items.map(
        (e: { rowNumber: number; field: string | null; column: string | null; message: string }) => [
          e.rowNumber,
          e.field,
          e.column,
          e.message,
        ],
      ),
    ).toEqual([
      [3, 'fullName', 'Họ và tên', 'is required'],
      [4, 'email', 'Email', 'email must be an email'],
      [5, 'phone', 'Điện thoại', 'must be a valid phone number, e.g. 0912 345 678 or +81 3 1234 5678'],
      [
        6,
        'organizationTaxCode',
        'MST',
        'is not the tax code of an investor in the system; give the organization’s name to add it',
      ],
      [7, 'country', 'Quốc gia', 'must be an ISO 3166-1 alpha-2 country code such as VN, JP or KR'],
      [8, null, null, 'the same email as row 2'],
      [
        9,
        'organizationTaxCode',
        'MST',
        'must be a Vietnamese tax code: 10 digits with a valid check digit, or NNNNNNNNNN-NNN',
      ],
    ]);
    expect((await attendeesOf(owner.client, event.id)).map((a) => a.contactName)).toEqual(['Người tốt']);
    expect(await count(`SELECT count(*) FROM organization WHERE name = 'Công ty Sai Mã'`)).toBe(0);
    expect(await count(`SELECT count(*) FROM contact WHERE email = 'mst@example.vn'`)).toBe(0);

    const file = await owner.client.download(`/api/imports/${job.id}/errors.csv`);
    expect(file.status).toBe(200);
    const lines = file.bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Dòng,Lỗi,Họ và tên,Email,Điện thoại,Công ty,MST,Quốc gia');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toBe('3,Họ và tên: is required,,khong-ten@example.vn,,,,');
  });

  it('checks a list first (dry run), writing nothing, then applies it', async () => {
    const event = await createEvent(owner.client, 'Hội chợ thương mại Osaka');
    const response = await upload(
      owner.client,
      csv([
        ['Họ và tên', 'Email'],
        ['Yamada Taro', 'yamada@osaka.example'],
        ['Tanaka Hiroshi', 'tanaka@hopthinh.example'],
      ]),
      'osaka.csv',
      { eventId: event.id, dryRun: 'true' },
    );
    expect(response.status).toBe(202);
    const check = await waitForImport(owner.client, response.body.id);
    expect(check).toMatchObject({ status: 'completed', dryRun: true, created: 2, eventId: event.id });
    expect(check.preview.map((row: { action: string; values: { fullName: string } }) => row.values.fullName)).toEqual([
      'Yamada Taro',
      'Tanaka Hiroshi',
    ]);
    expect(await attendeesOf(owner.client, event.id)).toEqual([]);
    expect(await count(`SELECT count(*) FROM contact WHERE email = 'yamada@osaka.example'`)).toBe(0);

    const applied = await owner.client.post(`/api/imports/${check.id}/apply`);
    expect(applied.status).toBe(202);
    const job = await waitForImport(owner.client, applied.body.id);
    expect(job).toMatchObject({ status: 'completed', dryRun: false, created: 2, eventId: event.id });
    expect(await attendeesOf(owner.client, event.id)).toHaveLength(2);
  });

  describe('who may import, and into what', () => {
    const oneRow = () =>
      csv([
        ['Họ và tên', 'Email'],
        ['Lê Văn Cường', 'cuong@example.vn'],
      ]);

    it("refuses staff another's event, as adding attendees does; a manager may", async () => {
      const event = await createEvent(owner.client, 'Toạ đàm doanh nghiệp FDI');
      const jobs = await count(`SELECT count(*) FROM import_job`);
      const refused = await upload(otherStaff.client, oneRow(), 'a.csv', { eventId: event.id });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      // The same rule as the attendee route itself.
      expect(
        (await otherStaff.client.post(`/api/events/${event.id}/attendees/bulk`, { emails: ['cuong@example.vn'] }))
          .status,
      ).toBe(403);
      expect(await count(`SELECT count(*) FROM import_job`)).toBe(jobs);

      const job = await importList(manager.client, event.id, oneRow(), 'a.csv');
      expect(job).toMatchObject({ status: 'completed', created: 1 });
      expect((await attendeesOf(owner.client, event.id))[0].itemOwnerId).toBe(manager.user.id);
    });

    it('refuses an unknown or deleted event with 422, and an import without one', async () => {
      const unknown = await upload(owner.client, oneRow(), 'a.csv', { eventId: UNKNOWN_ID });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([{ field: 'eventId', message: 'does not exist' }]);

      const deleted = await createEvent(owner.client, 'Sự kiện đã huỷ');
      expect((await owner.client.delete(`/api/events/${deleted.id}?version=${deleted.version}`)).status).toBe(204);
      expect((await upload(owner.client, oneRow(), 'a.csv', { eventId: deleted.id })).status).toBe(422);

      const missing = await owner.client.post('/api/imports', importForm('attendees', oneRow(), 'a.csv'));
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([{ field: 'eventId', message: 'is required for an attendee import' }]);
      const malformed = await upload(owner.client, oneRow(), 'a.csv', { eventId: 'not-an-id' });
      expect(malformed.status).toBe(400);
      const event = await createEvent(owner.client, 'Hội thảo');
      const contacts = await owner.client.post(
        '/api/imports',
        importForm('contacts', oneRow(), 'a.csv', { eventId: event.id }),
      );
      expect(contacts.status).toBe(400);
      expect(contacts.body.errors).toEqual([{ field: 'eventId', message: 'is only for attendee imports' }]);
    });

    it('does not apply a dry run whose event has been deleted since', async () => {
      const event = await createEvent(owner.client, 'Webinar xúc tiến');
      const created = await upload(owner.client, oneRow(), 'a.csv', { eventId: event.id, dryRun: 'true' });
      const check = await waitForImport(owner.client, created.body.id);
      expect(check).toMatchObject({ status: 'completed', dryRun: true });
      expect((await owner.client.delete(`/api/events/${event.id}?version=${event.version}`)).status).toBe(204);
      const applied = await owner.client.post(`/api/imports/${check.id}/apply`);
      expect(applied.status).toBe(409);
      expect((await owner.client.get(`/api/imports/${check.id}`)).body.eventId).toBeNull();
    });
  });

  it('stops an import whose event went, or whose author may no longer add to it, before it ran', async () => {
    await worker.close();
    let gone: string;
    let reassigned: string;
    try {
      const row = csv([
        ['Họ và tên', 'Email'],
        ['Đỗ Thị Hoa', 'hoa@example.vn'],
      ]);
      const deleted = await createEvent(owner.client, 'Sự kiện bị xoá');
      gone = (await upload(owner.client, row, 'a.csv', { eventId: deleted.id })).body.id;
      expect((await owner.client.delete(`/api/events/${deleted.id}?version=${deleted.version}`)).status).toBe(204);
      const handedOver = await createEvent(owner.client, 'Sự kiện được giao lại');
      reassigned = (await upload(owner.client, row, 'b.csv', { eventId: handedOver.id })).body.id;
      const patched = await manager.client.patch(`/api/events/${handedOver.id}`, {
        ownerId: otherStaff.user.id,
        version: handedOver.version,
      });
      expect(patched.status).toBe(200);
    } finally {
      worker = await startTestWorker(t);
    }
    expect(await waitForImport(owner.client, gone)).toMatchObject({
      status: 'failed',
      errorMessage: 'The event of this import no longer exists.',
      processed: 0,
    });
    const stopped = await waitForImport(owner.client, reassigned);
    expect(stopped).toMatchObject({ status: 'failed', processed: 0 });
    expect(stopped.errorMessage).toMatch(/owner/);
    expect(await count(`SELECT count(*) FROM contact WHERE email = 'hoa@example.vn'`)).toBe(0);
  });

  it('finds in later batches the investor an earlier batch added', async () => {
    const event = await createEvent(owner.client, 'Diễn đàn đầu tư lớn');
    const rows = Array.from({ length: 1_001 }, (_, i) => [`Khách ${i}`, `khach${i}@lon.example`, 'Tập đoàn Lớn']);
    const job = await importList(
      owner.client,
      event.id,
      csv([['Họ và tên', 'Email', 'Doanh nghiệp'], ...rows]),
      'lon.csv',
    );
    expect(job).toMatchObject({ errorMessage: null, status: 'completed', total: 1_001, created: 1_001 });
    expect(await count(`SELECT count(*) FROM organization WHERE name = 'Tập đoàn Lớn'`)).toBe(1);
    expect(await eventContacts(event.id)).toBe(1_001);
  }, 120_000);

  it('offers a template with the columns it reads', async () => {
    const csvTemplate = await owner.client.download('/api/imports/templates/attendees?format=csv&lang=vi');
    expect(csvTemplate.status).toBe(200);
    expect(csvTemplate.bytes.toString('utf8')).toBe(
      '\uFEFFHọ và tên,Email,Số điện thoại,Chức vụ,Doanh nghiệp,Mã số thuế doanh nghiệp,Quốc gia,Ghi chú\r\n',
    );
    const template = await owner.client.download('/api/imports/templates/attendees?format=xlsx&lang=en');
    expect(template.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.bytes as unknown as ArrayBuffer);
    expect((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual([
      'Full name',
      'Email',
      'Phone',
      'Position',
      'Organization',
      'Investor tax code',
      'Country',
      'Notes',
    ]);
  });
});
