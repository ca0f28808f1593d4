import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
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

  it("a board's cards carry the figure of their kind, read in the same statements whatever their number", async () => {
    const unique = `Bảng số liệu ${Date.now().toString(36)}`;
    const organizationId = (
      await staff.post('/api/organizations?confirmDuplicate=true', { name: unique, kind: 'domestic', country: 'VN' })
    ).body.id;
    const [zone] = await t.app.get(DataSource).query(`SELECT id, name FROM zone ORDER BY code LIMIT 1`);
    const created = async (path: string, body: Record<string, unknown>) => {
      const response = await staff.post(path, { organizationId, ...body });
      expect(response.status).toBe(201);
      return response.body as { id: string; pipelineId: string };
    };
    const prospect = await created('/api/prospects', { title: `${unique} dự án`, capitalUsd: 12_500_000.5 });
    await created('/api/prospects', { title: `${unique} dự án chưa rõ vốn` });
    const land = await created('/api/land-enquiries', {
      title: `${unique} đất`,
      requestedAreaHa: 3.25,
      zoneId: zone.id,
      capitalUsd: 4_000_000,
    });
    const loan = await created('/api/loan-applications', {
      title: `${unique} vay`,
      applicantType: 'sme',
      lender: 'Vietcombank',
      lenderKind: 'bank',
      purpose: 'Mở rộng nhà xưởng',
      requestedVnd: 15_000_000_000,
    });
    const cardsOf = async (pipelineId: string, limit = 50) => {
      const response = await staff.get(
        `/api/pipelines/${pipelineId}/board?q=${encodeURIComponent(unique)}&limit=${limit}`,
      );
      expect(response.status).toBe(200);
      return (response.body.stages as { cards: Record<string, unknown>[] }[]).flatMap((stage) => stage.cards);
    };

    const prospectCards = await cardsOf(prospect.pipelineId);
    expect(prospectCards.find((card) => card.id === prospect.id)).toMatchObject({ capitalUsd: 12_500_000.5 });
    expect(prospectCards.find((card) => card.id !== prospect.id)).toMatchObject({ capitalUsd: null });
    expect(prospectCards[0]).not.toHaveProperty('requestedAreaHa');
    expect(prospectCards[0]).not.toHaveProperty('requestedVnd');
    const [landCard] = await cardsOf(land.pipelineId);
    expect(landCard).toMatchObject({
      id: land.id,
      requestedAreaHa: 3.25,
      zoneId: zone.id,
      zoneName: zone.name,
      capitalUsd: 4_000_000,
    });
    expect(landCard).not.toHaveProperty('requestedVnd');
    const [loanCard] = await cardsOf(loan.pipelineId);
    expect(loanCard).toMatchObject({ id: loan.id, requestedVnd: 15_000_000_000 });
    expect(loanCard).not.toHaveProperty('capitalUsd');
    expect(loanCard).not.toHaveProperty('requestedAreaHa');

    // One card or every card: the figures come with the cards' own statement, not one query per card.
    const statements = async (limit: number) => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const cards = await cardsOf(prospect.pipelineId, limit);
        return { count: spy.mock.calls.length, cards: cards.length };
      } finally {
        spy.mockRestore();
      }
    };
    await statements(1); // the session's first touch and the working calendar are not part of what we compare
    const one = await statements(1);
    const all = await statements(50);
    expect([one.cards, all.cards]).toEqual([1, 2]);
    expect(all.count).toBe(one.count);
  });
});
