import type { INestApplicationContext } from '@nestjs/common';
import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { ImportRunner } from '../../src/imports/import-runner';
import { OrganizationImporter } from '../../src/imports/importers/organization-importer';
import { csv, importForm, taxCodes } from '../support/import-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';
import { startTestWorker } from '../support/test-worker';

/** The worker's runner driven by hand (no queue), to stop it mid-way as a crash would. */
describe('an import interrupted mid-way', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let runner: ImportRunner;
  let importer: OrganizationImporter;
  let client: TestClient;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(t, { start: false });
    runner = worker.get(ImportRunner);
    importer = worker.get(OrganizationImporter);
    client = (await signedIn(t, Role.Staff)).client;
    db = t.app.get(DataSource);
  }, 120_000); // Starts the API and a worker: slow on a busy machine.
  afterAll(async () => {
    await worker.close();
    await t.close();
  });
  afterEach(() => jest.restoreAllMocks());

  async function queuedImport(rows: string[][]): Promise<string> {
    const response = await client.post(
      '/api/imports',
      importForm('organizations', csv([['Name', 'Tax code'], ...rows]), 'resume.csv'),
    );
    expect(response.status).toBe(202);
    return response.body.id;
  }
  const job = async (id: string) => (await client.get(`/api/imports/${id}`)).body;

  it('resumes after the rows already committed and applies none twice', async () => {
    const codes = taxCodes(2_500, 7_000);
    const rows = codes.map((code, i) => [`Resume ${i}`, code]);
    rows[10] = ['Invalid tax code', '123'];
    // Row 1,502 repeats a tax code of the first batch: still caught after the restart.
    rows[1_500] = ['Repeat', codes[3]];
    const id = await queuedImport(rows);
    const batch = importer.planBatch.bind(importer);
    jest.spyOn(importer, 'planBatch').mockImplementationOnce(batch).mockRejectedValueOnce(new Error('worker died'));

    await expect(runner.run(id, false)).rejects.toThrow('worker died');
    expect(await job(id)).toMatchObject({ status: 'running', total: 2_500, processed: 1_000, created: 999, failed: 1 });

    await runner.run(id, false);
    expect(await job(id)).toMatchObject({ status: 'completed', processed: 2_500, created: 2_498, failed: 2 });
    const [counts] = await db.query(
      `SELECT count(*)::int AS organizations, count(DISTINCT tax_code)::int AS tax_codes FROM organization
        WHERE name LIKE 'Resume %'`,
    );
    expect(counts).toEqual({ organizations: 2_498, tax_codes: 2_498 });
    const errors = (await client.get(`/api/imports/${id}/errors`)).body.items;
    expect(errors.map((e: { rowNumber: number; message: string }) => `${e.rowNumber}: ${e.message}`)).toEqual([
      '12: must be a Vietnamese tax code: 10 digits with a valid check digit, or NNNNNNNNNN-NNN',
      '1502: the same tax code as row 5',
    ]);

    // A job run once more (a duplicate delivery) does nothing.
    await runner.run(id, false);
    expect(await job(id)).toMatchObject({ status: 'completed', processed: 2_500, created: 2_498 });
  });

  it('fails the job, keeping what was done, when the last attempt fails', async () => {
    const id = await queuedImport(taxCodes(3, 9_000).map((code, i) => [`Last attempt ${i}`, code]));
    jest.spyOn(importer, 'planBatch').mockRejectedValue(new Error('database gone'));
    await expect(runner.run(id, true)).rejects.toThrow('database gone');
    expect(await job(id)).toMatchObject({
      status: 'failed',
      processed: 0,
      errorMessage: 'The import stopped on an unexpected error; try again.',
    });
  });
});
