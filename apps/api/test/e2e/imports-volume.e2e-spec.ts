import type { INestApplicationContext } from '@nestjs/common';
import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { csv, importForm, taxCodes, waitForImport } from '../support/import-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn } from '../support/test-client';
import { startTestWorker } from '../support/test-worker';

const ROWS = 100_000;

/** Correctness at the size the agency asked for; the speed is measured by bench/import-throughput.mjs. */
describe('a 100,000-row import', () => {
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(t);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('completes with every row created once, counted and audited', async () => {
    const { user, client } = await signedIn(t, Role.Manager);
    const codes = taxCodes(ROWS, 1, '26');
    const file = csv([
      ['Tên doanh nghiệp', 'Mã số thuế', 'Quốc gia', 'Ngành nghề (VSIC)', 'Nhãn'],
      ...codes.map((code, i) => [
        `Công ty TNHH Sản xuất Đồng Sóc số ${i + 1}`,
        code,
        i % 3 ? 'VN' : 'KR',
        'C; 26',
        'hội nghị 2026',
      ]),
    ]);
    const upload = await client.post('/api/imports', importForm('organizations', file, 'cum-cong-nghiep.csv'));
    expect(upload.status).toBe(202);
    // About 45 s alone. CI runs other suites beside it on two cores, the fault suites with process stacks of their
    // own, and it once needed more than 8 minutes there: it is given 15, not a speed target.
    const job = await waitForImport(client, upload.body.id, 900_000);
    expect(job).toMatchObject({ status: 'completed', total: ROWS, processed: ROWS, created: ROWS, failed: 0 });
    const db = t.app.get(DataSource);
    const [counts] = await db.query(
      `SELECT count(*)::int AS organizations, count(DISTINCT tax_code)::int AS tax_codes,
              count(*) FILTER (WHERE kind = 'foreign_invested')::int AS foreign FROM organization WHERE owner_id = $1`,
      [user.id],
    );
    expect(counts).toEqual({ organizations: ROWS, tax_codes: ROWS, foreign: Math.ceil(ROWS / 3) });
    const [audit] = await db.query(
      `SELECT count(*)::int AS events FROM audit_event WHERE action = 'create' AND details->>'importJobId' = $1`,
      [job.id],
    );
    expect(audit.events).toBe(ROWS);
  }, 960_000);
});
