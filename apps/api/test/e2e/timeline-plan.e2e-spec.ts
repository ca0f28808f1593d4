import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

/**
 * A record's timeline and a person's tasks are read page by page from an index, in its order, whatever
 * the table's size. Sequential scans are switched off to ask: does the exact SQL have that plan?
 * (Measured at 1M entries: a page 90,000 entries deep into one record reads 7 index pages, in 0.5 ms.)
 */
describe('timeline and task query plans', () => {
  let t: TestApp;
  let client: TestClient;
  let investorId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ client } = await signedIn(t, Role.Staff));
    investorId = (await client.post('/api/organizations', { name: 'Plan', kind: 'domestic', country: 'VN' })).body.id;
    await client.post('/api/timeline', { subjectType: 'organization', subjectId: investorId, kind: 'note', body: 'a' });
    await client.post('/api/tasks', { title: 'a', dueAt: new Date(Date.now() + 3600_000).toISOString() });
    // Colleagues' tasks as an agency has them (about 100 due a day), open and done, and fresh statistics: then reading
    // all open tasks by due time (ix_task_done_due, for everyone's lists) is the planner's costlier choice for mine.
    const { user: colleague } = await signedIn(t, Role.Staff);
    const db = t.app.get(DataSource);
    await db.query(
      `INSERT INTO task (title, due_at, assignee_id, created_by_id, done, done_at, version)
       SELECT 'colleague ' || n, now() + (n % 90 - 30) * interval '1 day' + (n % 97) * interval '15 minutes', $1, $1, n % 4 = 0,
              CASE WHEN n % 4 = 0 THEN now() END, 1
         FROM generate_series(1, 12000) n`,
      [colleague.id],
    );
    await db.query('ANALYZE task');
  });
  afterAll(() => t.close());

  async function planOf(path: string, table: RegExp): Promise<string> {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      expect((await client.get(path)).status).toBe(200);
      const [sql, params] = spy.mock.calls.map((c) => c as [string, unknown[]]).find(([q]) => table.test(q))!;
      return await t.app.get(DataSource).transaction(async (manager) => {
        await manager.query('SET LOCAL enable_seqscan = off');
        const rows: { 'QUERY PLAN': string }[] = await manager.query(`EXPLAIN ${sql}`, params);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    } finally {
      spy.mockRestore();
    }
  }

  it('reads a timeline page backwards along the subject index, without sorting', async () => {
    const first = await client.get(`/api/timeline?subjectType=organization&subjectId=${investorId}&limit=1`);
    const plan = await planOf(
      `/api/timeline?subjectType=organization&subjectId=${investorId}&limit=1&cursor=${first.body.nextCursor}`,
      /FROM timeline_entry e/,
    );
    expect(plan).toContain('Index Scan Backward using ix_timeline_entry_subject');
    expect(plan).not.toMatch(/\bSort\b/);
  });

  it.each(['overdue', 'today', 'upcoming', 'done'])('reads my %s tasks along the assignee index', async (bucket) => {
    const plan = await planOf(`/api/tasks?mine=true&bucket=${bucket}`, /FROM task t/);
    expect(plan).toContain('ix_task_assignee_due');
    expect(plan).not.toMatch(/\bSort\b/);
  });
});
