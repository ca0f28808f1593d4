import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

/**
 * The planner must be able to answer searches from the indexes. The table is small here, so
 * sequential scans are switched off to ask: is there an index plan for this exact SQL at all?
 */
describe('search query plans', () => {
  let t: TestApp;
  let client: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    ({ client } = await signedIn(t, Role.Staff));
    await client.post('/api/organizations', {
      name: 'Samsung Electronics Việt Nam',
      kind: 'foreign_invested',
      country: 'KR',
      taxCode: '2300325764',
    });
  });
  afterAll(() => t.close());

  /**
   * `orderedWalk: false` also rules out walking a sort-order index with a filter, which the planner prefers on a
   * table this small; what is left shows whether a search index can answer the condition.
   */
  async function planOf(path: string, from = /FROM organization o/, orderedWalk = true): Promise<string> {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      expect((await client.get(path)).status).toBe(200);
      const [sql, params] = spy.mock.calls.map((c) => c as [string, unknown[]]).find(([q]) => from.test(q))!;
      const dataSource = t.app.get(DataSource);
      return await dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL enable_seqscan = off');
        if (!orderedWalk) await manager.query('SET LOCAL enable_indexscan = off');
        const rows: { 'QUERY PLAN': string }[] = await manager.query(`EXPLAIN ${sql}`, params);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    } finally {
      spy.mockRestore();
    }
  }

  it('uses the trigram index for a name search', async () => {
    expect(await planOf('/api/organizations?q=samsng', /FROM organization o/, false)).toContain(
      'ix_organization_search',
    );
  });

  it('answers the global search from the investor, contact and zone trigram indexes', async () => {
    const plan = await planOf('/api/search?q=samsng');
    expect(plan).toContain('ix_organization_search');
    expect(plan).toContain('ix_contact_search');
    expect(plan).toContain('ix_zone_search');
  });

  it('uses the trigram index for a zone search by name, district or craft village', async () => {
    expect(await planOf('/api/zones?q=dong%20soc', /FROM zone z/)).toContain('ix_zone_search');
  });

  it('uses the pattern index for a tax-code prefix', async () => {
    expect(await planOf('/api/organizations?q=2300%20325')).toContain('ix_organization_tax_code_prefix');
  });
});
