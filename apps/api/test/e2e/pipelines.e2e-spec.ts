import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { seed } from '../../src/seed/seeder';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

describe('pipelines (HTTP)', () => {
  let t: TestApp;
  let staff: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    await seed(t.app.get(DataSource), { adminPassword: 'a long enough password' });
    ({ client: staff } = await signedIn(t, Role.Staff));
  });
  afterAll(() => t.close());

  it('lists the four pipelines with their default stages in order', async () => {
    const response = await staff.get('/api/pipelines');
    expect(response.status).toBe(200);
    expect(response.body.map((p: { kind: string }) => p.kind)).toEqual([
      'prospect',
      'land_enquiry',
      'loan_application',
      'event_contact',
    ]);
    const land = response.body.find((p: { kind: string }) => p.kind === 'land_enquiry');
    expect(land.name).toEqual({ vi: expect.any(String), en: expect.any(String) });
    expect(
      land.stages.map((s: { key: string; slaWorkingDays: number | null; type: string }) => [
        s.key,
        s.type,
        s.slaWorkingDays,
      ]),
    ).toEqual([
      ['received', 'open', 2],
      ['screened', 'open', 5],
      ['options_sent', 'open', 14],
      ['site_visit', 'open', 30],
      ['land_reserved', 'open', 60],
      ['lease_signed', 'won', null],
      ['withdrawn', 'lost', null],
    ]);
    const positions = land.stages.map((s: { position: number }) => s.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(land.stages[0]).toMatchObject({ retiredAt: null, version: 1 });
  });

  it('shows a retired stage with its retirement date', async () => {
    await t.app.get(DataSource).query(`UPDATE stage SET retired_at = '2026-11-01T00:00:00Z' WHERE key = 'on_hold'`);
    const [prospect] = (await staff.get('/api/pipelines')).body;
    expect(prospect.stages.find((s: { key: string }) => s.key === 'on_hold').retiredAt).toBe(
      '2026-11-01T00:00:00.000Z',
    );
  });

  it('reads one pipeline, 404 for an unknown one, 400 for a malformed id, 401 without a session', async () => {
    const [first] = (await staff.get('/api/pipelines')).body;
    expect((await staff.get(`/api/pipelines/${first.id}`)).body).toEqual(first);
    expect((await staff.get('/api/pipelines/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await staff.get('/api/pipelines/nope')).status).toBe(400);
    expect((await fetch(`${t.baseUrl}/api/pipelines`)).status).toBe(401);
  });
});
