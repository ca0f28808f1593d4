import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { ReportClock } from '../../src/reports/report-clock';
import { seed } from '../../src/seed/seeder';
import { startTestApp, TestApp } from '../support/test-app';
import { createUser, signedIn, TestClient } from '../support/test-client';

/*
 * Fixtures written straight into the tables the pipelines fill, with every figure below worked out by hand.
 * "Today" is Monday 15 June 2026, 10:00 in Hà Nội. Working days skip weekends and the seeded 2026 holidays
 * (16–20 Feb Tết, 27 Apr, 30 Apr, 1 May). Counted by hand: 20 working days in April after the holidays, 20 in
 * May, 11 from 1 to 15 June.
 */
const NOW = new Date('2026-06-15T03:00:00Z');
const Q1 = 'from=2026-01-01&to=2026-03-31';
const H1 = 'from=2026-01-01&to=2026-06-30';

type Move = [stageKey: string, at: string, workingDays: number | null, breached: boolean, owner: string];

interface ItemFixture {
  kind: 'prospect' | 'land_enquiry' | 'loan_application' | 'event_contact';
  title: string;
  stage: string;
  owner: string;
  enteredAt: string;
  createdAt?: string;
  closed?: boolean;
  slaDueOn?: string;
  overdueFrom?: string;
  eventId?: string;
  sourceItemId?: string;
  zoneId?: string;
  areaHa?: number;
  capitalUsd?: number;
  expectedJobs?: number;
  amountVnd?: number;
  moves?: Move[];
}

describe('manager reports (HTTP)', () => {
  let t: TestApp;
  let db: DataSource;
  let manager: TestClient;
  let staff: TestClient;
  let admin: TestClient;
  let a: { id: string; name: string };
  let b: { id: string; name: string };
  const pipelines: Record<string, string> = {};
  const stages: Record<string, Record<string, string>> = {};
  const items: Record<string, string> = {};
  const events: Record<string, string> = {};
  const zones: Record<string, string> = {};

  async function insertItem(key: string, f: ItemFixture): Promise<string> {
    const [{ id }] = await db.query(
      `INSERT INTO pipeline_item (kind, pipeline_id, stage_id, title, owner_id, event_id, zone_id, source_item_id,
                                  area_ha, capital_usd, expected_jobs, amount_vnd, stage_entered_at, sla_due_on,
                                  overdue_from, closed_at, created_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 1) RETURNING id`,
      [
        f.kind,
        pipelines[f.kind],
        stages[f.kind][f.stage],
        f.title,
        f.owner,
        f.eventId ?? null,
        f.zoneId ?? null,
        f.sourceItemId ?? null,
        f.areaHa ?? null,
        f.capitalUsd ?? null,
        f.expectedJobs ?? null,
        f.amountVnd ?? null,
        f.enteredAt,
        f.slaDueOn ?? null,
        f.overdueFrom ?? null,
        f.closed ? f.enteredAt : null,
        f.createdAt ?? f.moves?.[0]?.[1] ?? f.enteredAt,
      ],
    );
    let from: string | null = null;
    for (const [stageKey, at, workingDays, breached, owner] of f.moves ?? []) {
      await db.query(
        `INSERT INTO stage_history (item_id, pipeline_id, from_stage_id, to_stage_id, owner_id, moved_at,
                                    working_days_in_stage, breached_sla)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, pipelines[f.kind], from, stages[f.kind][stageKey], owner, at, workingDays, breached],
      );
      from = stages[f.kind][stageKey];
    }
    items[key] = id;
    return id;
  }

  async function insertZone(key: string, district: string, type: string, industrialHa: number) {
    const [{ id }] = await db.query(
      `INSERT INTO zone (code, type, name, district, status, total_area_ha, industrial_land_ha, version)
       VALUES ($1, $2, $3, $4, 'operating', $5, $5, 1) RETURNING id`,
      [`test-${key}`, type, `Thử nghiệm ${key}`, district, industrialHa],
    );
    zones[key] = id;
  }

  async function moveLand(zone: string, kind: 'adjust' | 'reserve', leased: number, reserved: number) {
    await db.query(
      `INSERT INTO land_movement (zone_id, kind, leased_delta_ha, reserved_delta_ha, leased_after_ha,
                                  reserved_after_ha, available_after_ha, reason)
       VALUES ($1, $2, $3, $4, 0, 0, 0, 'fixture')`,
      [zones[zone], kind, leased, reserved],
    );
  }

  async function insertEvent(key: string, kind: string, startsOn: string, budgetVnd: number | null) {
    const [{ id }] = await db.query(
      `INSERT INTO promotion_event (name, kind, starts_on, ends_on, place, country, budget_vnd, owner_id, version)
       VALUES ($1, $2, $3, $3, 'Vĩnh Yên', 'VN', $4, $5, 1) RETURNING id`,
      [`Sự kiện ${key}`, kind, startsOn, budgetVnd, a.id],
    );
    events[key] = id;
  }

  async function attend(event: string, contact: string, item: string) {
    await db.query(`INSERT INTO event_attendee (event_id, contact_id, item_id, added_by_id) VALUES ($1, $2, $3, $4)`, [
      events[event],
      contact,
      items[item],
      a.id,
    ]);
  }

  async function loan(
    item: string,
    applicantType: string,
    lender: string,
    lenderKind: string,
    approved: number | null,
    planned: number,
    disbursed: number,
  ) {
    await db.query(
      `INSERT INTO loan_application (item_id, applicant_type, lender, lender_kind, purpose, approved_vnd)
       VALUES ($1, $2, $3, $4, 'Đầu tư nhà xưởng', $5)`,
      [items[item], applicantType, lender, lenderKind, approved],
    );
    // The totals are kept by the tranche triggers: a released tranche for what was disbursed, a planned one for the rest.
    const tranche = (sequence: number, amount: number, released: boolean) =>
      db.query(
        `INSERT INTO loan_tranche (application_id, sequence, milestone, required_progress_pct, amount_vnd, confirmed_at,
                                   confirmed_by_id, confirmed_progress_pct, released_at, released_by_id, version)
         VALUES ($1, $2, 'Hoàn thành móng', 30, $3, $4, $5, $6, $4, $5, 1)`,
        [items[item], sequence, amount, released ? new Date() : null, released ? a.id : null, released ? 30 : null],
      );
    if (disbursed > 0) await tranche(1, disbursed, true);
    if (planned > disbursed) await tranche(2, planned - disbursed, false);
  }

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    await seed(db, { adminPassword: 'a long enough password' });
    jest.spyOn(t.app.get(ReportClock), 'now').mockReturnValue(NOW);
    ({ client: manager } = await signedIn(t, Role.Manager));
    ({ client: staff } = await signedIn(t, Role.Staff));
    ({ client: admin } = await signedIn(t, Role.Admin));
    a = await createUser(t, Role.Staff, { name: 'An Nguyễn' });
    b = await createUser(t, Role.Staff, { name: 'Bình Trần' });

    for (const row of await db.query(
      `SELECT p.kind, p.id AS "pipelineId", s.key, s.id FROM stage s JOIN pipeline p ON p.id = s.pipeline_id`,
    )) {
      pipelines[row.kind] = row.pipelineId;
      (stages[row.kind] ??= {})[row.key] = row.id;
    }

    await insertEvent('E1', 'conference', '2026-03-10', 600_000_000);
    await insertEvent('E2', 'webinar', '2026-05-05', null);
    await insertEvent('E3', 'roadshow', '2025-11-01', 100_000_000);
    await insertZone('Z1', 'Huyện Thử Nghiệm', 'industrial_cluster', 40);
    await insertZone('Z2', 'Huyện Thử Nghiệm', 'industrial_park', 100);
    await insertZone('Z3', 'Huyện Khác Thử', 'industrial_cluster', 20);
    await moveLand('Z1', 'adjust', 10, 0);
    await moveLand('Z1', 'reserve', 0, 12.5);
    await moveLand('Z2', 'adjust', 60, 0);

    const contact = async (fullName: string) =>
      (await manager.post('/api/contacts?confirmDuplicate=true', { fullName })).body.id as string;
    const [c1, c2, c3, c4] = [
      await contact('Kim Min-jun'),
      await contact('Sato Haruki'),
      await contact('Lê Văn Cường'),
      await contact('Phạm Thu Hà'),
    ];

    // Event contacts: EC1 and EC2 converted at E1, EC3 met there; EC4 converted at E2 (no item linked), EC5 met.
    const ec = (key: string, owner: string, stage: string, event: string, at: string, closed = false) =>
      insertItem(key, {
        kind: 'event_contact',
        title: key,
        stage,
        owner,
        enteredAt: at,
        closed,
        eventId: events[event],
        moves: [['met', at, null, false, owner]],
      });
    await ec('EC1', a.id, 'converted', 'E1', '2026-03-12T09:00:00+07:00', true);
    await ec('EC2', a.id, 'converted', 'E1', '2026-03-12T10:00:00+07:00', true);
    await ec('EC3', b.id, 'met', 'E1', '2026-03-11T09:00:00+07:00');
    await ec('EC4', a.id, 'converted', 'E2', '2026-05-06T09:00:00+07:00', true);
    await ec('EC5', b.id, 'met', 'E2', '2026-05-06T09:00:00+07:00');
    await ec('EC6', a.id, 'met', 'E3', '2025-11-02T09:00:00+07:00');
    await attend('E1', c1, 'EC1');
    await attend('E1', c2, 'EC2');
    await attend('E1', c3, 'EC3');
    await attend('E2', c1, 'EC4');
    await attend('E2', c4, 'EC5');
    await attend('E3', c2, 'EC6');

    // Prospects. Moves: [stage entered, when, working days in the stage left, left late?, owner at the time].
    await insertItem('P1', {
      kind: 'prospect',
      title: 'Nhà máy linh kiện điện tử',
      stage: 'licensed',
      owner: a.id,
      enteredAt: '2026-03-20T10:00:00+07:00',
      closed: true,
      eventId: events.E1,
      sourceItemId: items.EC1,
      capitalUsd: 20_000_000.5,
      expectedJobs: 300,
      moves: [
        ['lead', '2026-01-05T09:00:00+07:00', null, false, a.id],
        ['qualified', '2026-01-07T09:00:00+07:00', 2, false, a.id],
        ['information_sent', '2026-01-14T09:00:00+07:00', 5, false, a.id],
        ['site_visit', '2026-02-10T09:00:00+07:00', 19, true, a.id],
        ['licensed', '2026-03-20T10:00:00+07:00', 27, false, a.id],
      ],
    });
    await insertItem('P2', {
      kind: 'prospect',
      title: 'Xưởng may mặc',
      stage: 'lost',
      owner: a.id,
      enteredAt: '2026-02-02T09:00:00+07:00',
      closed: true,
      eventId: events.E1,
      moves: [
        // 31 Dec 23:00 UTC is 1 Jan in Hà Nội: inside the window, in January.
        ['lead', '2026-01-01T06:00:00+07:00', null, false, a.id],
        ['qualified', '2026-01-12T09:00:00+07:00', 1, false, a.id],
        ['lost', '2026-02-02T09:00:00+07:00', 14, true, a.id],
      ],
    });
    await insertItem('P3', {
      kind: 'prospect',
      title: 'Trung tâm logistics',
      stage: 'information_sent',
      owner: b.id,
      enteredAt: '2026-02-24T09:00:00+07:00',
      slaDueOn: '2026-03-10',
      overdueFrom: '2026-03-11',
      moves: [
        ['lead', '2025-12-31T23:59:00+07:00', null, false, b.id],
        ['qualified', '2026-01-06T09:00:00+07:00', 9, true, b.id],
        ['information_sent', '2026-02-24T09:00:00+07:00', 30, true, b.id],
      ],
    });
    await insertItem('P4', {
      kind: 'prospect',
      title: 'Nhà máy bao bì',
      stage: 'on_hold',
      owner: b.id,
      enteredAt: '2026-02-05T09:00:00+07:00',
      moves: [
        ['lead', '2026-02-03T09:00:00+07:00', null, false, b.id],
        ['on_hold', '2026-02-05T09:00:00+07:00', 2, false, b.id],
      ],
    });
    await insertItem('P5', {
      kind: 'prospect',
      title: 'Nhà máy cơ khí chính xác',
      stage: 'lead',
      owner: b.id,
      // 31 Mar 23:30 in Hà Nội: the last minutes of the window.
      enteredAt: '2026-03-31T23:30:00+07:00',
      slaDueOn: '2026-04-02',
      overdueFrom: '2026-04-03',
      moves: [['lead', '2026-03-31T23:30:00+07:00', null, false, b.id]],
    });
    await insertItem('P6', {
      kind: 'prospect',
      title: 'Nhà máy dược phẩm',
      stage: 'lead',
      owner: a.id,
      // 1 Apr 00:30 in Hà Nội, still 31 Mar in UTC: outside the window.
      enteredAt: '2026-04-01T00:30:00+07:00',
      slaDueOn: '2026-04-03',
      overdueFrom: '2026-04-06',
      moves: [['lead', '2026-04-01T00:30:00+07:00', null, false, a.id]],
    });
    await insertItem('P7', {
      kind: 'prospect',
      title: 'Nhà máy pin mặt trời',
      stage: 'information_sent',
      owner: b.id,
      enteredAt: '2026-03-03T09:00:00+07:00',
      slaDueOn: '2026-03-17',
      overdueFrom: '2026-03-18',
      moves: [
        ['lead', '2026-01-20T09:00:00+07:00', null, false, a.id],
        ['qualified', '2026-01-22T09:00:00+07:00', 2, false, a.id],
        ['information_sent', '2026-03-03T09:00:00+07:00', 25, true, b.id],
      ],
    });

    // Land enquiries.
    const enquiry = async (key: string, reservedHa: number, leasedHa: number, f: Omit<ItemFixture, 'kind'>) => {
      await insertItem(key, { kind: 'land_enquiry', ...f });
      await db.query(
        `INSERT INTO land_enquiry (item_id, reserved_ha, leased_ha, held_zone_id) VALUES ($1, $2, $3, $4)`,
        [items[key], reservedHa, leasedHa, reservedHa || leasedHa ? f.zoneId : null],
      );
    };
    await enquiry('L1', 0, 0, {
      title: 'Thuê 3,5 ha',
      stage: 'received',
      owner: a.id,
      enteredAt: '2026-06-10T09:00:00+07:00',
      slaDueOn: '2026-06-12',
      overdueFrom: '2026-06-15',
      zoneId: zones.Z1,
      areaHa: 3.5,
      moves: [['received', '2026-06-10T09:00:00+07:00', null, false, a.id]],
    });
    await enquiry('L2', 12.5, 0, {
      title: 'Thuê 12,5 ha',
      stage: 'land_reserved',
      owner: b.id,
      enteredAt: '2026-04-20T09:00:00+07:00',
      slaDueOn: '2026-07-20',
      overdueFrom: '2026-07-21',
      sourceItemId: items.EC2,
      zoneId: zones.Z1,
      areaHa: 12.5,
      capitalUsd: 5_000_000,
      expectedJobs: 120,
      moves: [
        ['received', '2026-04-15T09:00:00+07:00', null, false, b.id],
        ['land_reserved', '2026-04-20T09:00:00+07:00', 3, false, b.id],
      ],
    });
    await enquiry('L3', 0, 8, {
      title: 'Thuê 8 ha',
      stage: 'lease_signed',
      owner: a.id,
      enteredAt: '2026-05-05T09:00:00+07:00',
      closed: true,
      zoneId: zones.Z2,
      areaHa: 8,
    });
    await enquiry('L4', 0, 0, {
      title: 'Thuê 7,25 ha',
      stage: 'screened',
      owner: b.id,
      enteredAt: '2026-06-12T09:00:00+07:00',
      slaDueOn: '2026-06-19',
      overdueFrom: '2026-06-22',
      zoneId: zones.Z2,
      areaHa: 7.25,
    });
    await enquiry('L5', 0, 0, {
      title: 'Thuê chưa rõ khu',
      stage: 'received',
      owner: a.id,
      enteredAt: '2026-06-11T09:00:00+07:00',
      slaDueOn: '2026-06-15',
      overdueFrom: '2026-06-16',
      areaHa: 2,
    });

    // Loan applications; created_at is when they were submitted.
    const application = (
      key: string,
      stage: string,
      owner: string,
      createdAt: string,
      amountVnd: number,
      event?: string,
    ) =>
      insertItem(key, {
        kind: 'loan_application',
        title: key,
        stage,
        owner,
        enteredAt: createdAt,
        createdAt,
        closed: ['closed', 'rejected'].includes(stage),
        amountVnd,
        eventId: event && events[event],
      });
    await application('LN1', 'disbursing', a.id, '2026-02-01T09:00:00+07:00', 2_000_000_000, 'E2');
    await application('LN2', 'closed', b.id, '2026-01-15T09:00:00+07:00', 30_000_000_000);
    await application('LN3', 'appraisal', a.id, '2026-06-30T23:00:00+07:00', 800_000_000);
    await application('LN4', 'rejected', b.id, '2026-03-03T09:00:00+07:00', 1_200_000_000);
    await application('LN5', 'submitted', a.id, '2025-12-31T23:00:00+07:00', 500_000_000);
    await loan('LN1', 'sme', 'Vietcombank', 'bank', 1_500_000_000, 1_000_000_000, 500_000_000);
    const fund = 'Quỹ Đầu tư phát triển Vĩnh Phúc';
    await loan('LN2', 'cluster_infrastructure', fund, 'fund', 25_000_000_000, 25_000_000_000, 25_000_000_000);
    await loan('LN3', 'sme', 'Vietcombank', 'bank', null, 0, 0);
    await loan('LN4', 'sme', 'BIDV', 'bank', null, 0, 0);
    await loan('LN5', 'sme', 'BIDV', 'bank', null, 0, 0);
  });
  afterAll(() => t.close());

  describe('funnel', () => {
    const path = (query: string) => `/api/reports/funnel?pipelineId=${pipelines.prospect}&${query}`;

    it('counts the items that reached each stage in the window, skipped stages as passed', async () => {
      const response = await manager.get(path(Q1));
      expect(response.status).toBe(200);
      const report = response.body;
      expect(report).toMatchObject({ from: '2026-01-01', to: '2026-03-31', period: 'month', ownerId: null });
      expect(report.pipeline).toMatchObject({ id: pipelines.prospect, kind: 'prospect' });
      // Furthest stage in the window: P1 licensed, P2 qualified, P3 and P7 information sent, P4 and P5 lead.
      expect(report.stages.map((s: { key: string; reached: number }) => [s.key, s.reached])).toEqual([
        ['lead', 6],
        ['qualified', 4],
        ['information_sent', 3],
        ['site_visit', 1],
        ['proposal', 1],
        ['decision_pending', 1],
        ['licensed', 1],
      ]);
      expect(report.stages.map((s: { conversionToNext: number | null }) => s.conversionToNext)).toEqual([
        0.6667,
        0.75,
        0.3333,
        1,
        1,
        1,
        null,
      ]);
      expect(report.stages.map((s: { conversionFromFirst: number | null }) => s.conversionFromFirst)).toEqual([
        1, 0.6667, 0.5, 0.1667, 0.1667, 0.1667, 0.1667,
      ]);
      expect(report.stages[0]).toMatchObject({
        name: { vi: 'Tiềm năng', en: 'Lead' },
        type: 'open',
        slaWorkingDays: 2,
      });
      expect(report.exits.map((s: { key: string; entered: number }) => [s.key, s.entered])).toEqual([
        ['lost', 1],
        ['on_hold', 1],
      ]);
    });

    it('breaks the funnel down by month in the business time zone, and by owner at the time of each move', async () => {
      const report = (await manager.get(path(Q1))).body;
      expect(report.periods).toEqual([
        { period: '2026-01', from: '2026-01-01', to: '2026-01-31', reached: [4, 4, 1, 0, 0, 0, 0] },
        { period: '2026-02', from: '2026-02-01', to: '2026-02-28', reached: [3, 2, 2, 1, 0, 0, 0] },
        { period: '2026-03', from: '2026-03-01', to: '2026-03-31', reached: [3, 2, 2, 1, 1, 1, 1] },
      ]);
      // P7 was An's up to Qualified and Bình's from Information sent.
      expect(report.owners).toEqual([
        { ownerId: b.id, ownerName: 'Bình Trần', reached: [4, 2, 2, 0, 0, 0, 0] },
        { ownerId: a.id, ownerName: 'An Nguyễn', reached: [3, 3, 1, 1, 1, 1, 1] },
      ]);
    });

    it('cuts quarters to the window and filters by owner', async () => {
      const quarter = (await manager.get(path('from=2026-02-15&to=2026-03-31&period=quarter'))).body;
      expect(quarter.periods).toEqual([
        { period: '2026-Q1', from: '2026-02-15', to: '2026-03-31', reached: [4, 3, 3, 1, 1, 1, 1] },
      ]);
      const mine = (await manager.get(path(`${Q1}&ownerId=${a.id}`))).body;
      expect(mine.ownerId).toBe(a.id);
      expect(mine.stages.map((s: { reached: number }) => s.reached)).toEqual([3, 3, 1, 1, 1, 1, 1]);
      expect(mine.exits.map((s: { entered: number }) => s.entered)).toEqual([1, 0]);
      expect(mine.owners.map((o: { ownerId: string }) => o.ownerId)).toEqual([a.id]);
    });

    it('answers an empty window with zeros and no conversion', async () => {
      const report = (await admin.get(path('from=2024-01-01&to=2024-02-29'))).body;
      expect(report.stages.every((s: { reached: number }) => s.reached === 0)).toBe(true);
      expect(report.stages[0].conversionToNext).toBeNull();
      expect(report.stages[0].conversionFromFirst).toBeNull();
      expect(report.periods.map((p: { period: string }) => p.period)).toEqual(['2024-01', '2024-02']);
      expect(report.owners).toEqual([]);
    });
  });

  describe('time in stage', () => {
    it('gives the median and 90th percentile of working days per stage left, and the items there now', async () => {
      const response = await manager.get(`/api/reports/time-in-stage?pipelineId=${pipelines.prospect}&${Q1}`);
      expect(response.status).toBe(200);
      expect(response.body.asOf).toBe('2026-06-15');
      const rows = Object.fromEntries(
        response.body.stages.map((s: Record<string, unknown>) => [
          s.key,
          [s.movesOut, s.medianDays, s.p90Days, s.breachedMoves, s.currentCount, s.currentMedianDays],
        ]),
      );
      // Lead left after 1, 2, 2, 2 (P4, to On hold) and 9 days: median 2; p90 at rank 3.6 → 2 + 0.6 × 7 = 6.2.
      // Now in Lead: P5 since 31 Mar (51 working days), P6 since 1 Apr (50): median 50.5.
      // Qualified left after 5, 14, 25, 30: median 19.5; p90 at rank 2.7 → 25 + 0.7 × 5 = 28.5.
      // Information sent now: P3 since 24 Feb (76 days), P7 since 3 Mar (71): median 73.5. P4 on hold since 5 Feb: 84.
      expect(rows).toEqual({
        lead: [5, 2, 6.2, 1, 2, 50.5],
        qualified: [4, 19.5, 28.5, 3, 0, null],
        information_sent: [1, 19, 19, 1, 2, 73.5],
        site_visit: [1, 27, 27, 0, 0, null],
        proposal: [0, null, null, 0, 0, null],
        decision_pending: [0, null, null, 0, 0, null],
        on_hold: [0, null, null, 0, 1, 84],
      });
      expect(response.body.stages.map((s: { key: string }) => s.key)).toEqual([
        'lead',
        'qualified',
        'information_sent',
        'site_visit',
        'proposal',
        'decision_pending',
        'on_hold',
      ]);
    });

    it('filters moves and current items by owner', async () => {
      const report = (
        await manager.get(`/api/reports/time-in-stage?pipelineId=${pipelines.prospect}&${Q1}&ownerId=${b.id}`)
      ).body;
      const rows = Object.fromEntries(
        report.stages.map((s: Record<string, unknown>) => [
          s.key,
          [s.movesOut, s.medianDays, s.p90Days, s.currentCount, s.currentMedianDays],
        ]),
      );
      // Bình: Lead left after 2 and 9 days (p90 2 + 0.9 × 7), Qualified after 25 and 30 (p90 25 + 0.9 × 5).
      expect(rows.lead).toEqual([2, 5.5, 8.3, 1, 51]);
      expect(rows.qualified).toEqual([2, 27.5, 29.5, 0, null]);
      expect(rows.information_sent).toEqual([0, null, null, 2, 73.5]);
    });
  });

  describe('SLA breaches', () => {
    it('counts late exits in the window and items overdue today, per stage and per owner', async () => {
      const response = await manager.get(`/api/reports/sla-breaches?${Q1}`);
      expect(response.status).toBe(200);
      const report = response.body;
      expect(report).toMatchObject({ asOf: '2026-06-15', pipelineId: null, ownerId: null });
      expect(report.totals).toEqual({ breachedMoves: 5, overdueNow: 5 });
      expect(
        report.stages.map((s: Record<string, unknown>) => [s.pipelineKind, s.key, s.breachedMoves, s.overdueNow]),
      ).toEqual([
        ['prospect', 'lead', 1, 2],
        ['prospect', 'qualified', 3, 0],
        ['prospect', 'information_sent', 1, 2],
        ['land_enquiry', 'received', 0, 1],
      ]);
      expect(report.owners).toEqual([
        { ownerId: b.id, ownerName: 'Bình Trần', breachedMoves: 3, overdueNow: 3 },
        { ownerId: a.id, ownerName: 'An Nguyễn', breachedMoves: 2, overdueNow: 2 },
      ]);
    });

    it('lists the overdue items, longest first, with working days overdue, page by page', async () => {
      const seen: unknown[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { overdue: { items: unknown[]; nextCursor: string | null } } } =
          await manager.get(`/api/reports/sla-breaches?${Q1}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        expect(page.body.overdue.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.overdue.items);
        cursor = page.body.overdue.nextCursor;
      } while (cursor);
      // Days past the SLA's last day, to 15 June: P3 from 10 Mar (15 in March + 51), P7 from 17 Mar (10 + 51),
      // P5 from 2 Apr (51 − 2), P6 from 3 Apr (51 − 3), L1 from Friday 12 Jun (Monday 15 Jun).
      expect(seen.map((i) => [(i as { title: string }).title, (i as { daysOverdue: number }).daysOverdue])).toEqual([
        ['Trung tâm logistics', 66],
        ['Nhà máy pin mặt trời', 61],
        ['Nhà máy cơ khí chính xác', 49],
        ['Nhà máy dược phẩm', 48],
        ['Thuê 3,5 ha', 1],
      ]);
      expect(seen[0]).toEqual({
        id: items.P3,
        kind: 'prospect',
        title: 'Trung tâm logistics',
        ownerId: b.id,
        ownerName: 'Bình Trần',
        stageId: stages.prospect.information_sent,
        stageName: { vi: 'Đã gửi thông tin', en: 'Information sent' },
        slaDueOn: '2026-03-10',
        daysOverdue: 66,
      });
    });

    it('filters by pipeline and owner', async () => {
      const prospects = (await manager.get(`/api/reports/sla-breaches?${Q1}&pipelineId=${pipelines.prospect}`)).body;
      expect(prospects.totals).toEqual({ breachedMoves: 5, overdueNow: 4 });
      expect(prospects.overdue.items).toHaveLength(4);
      const mine = (await manager.get(`/api/reports/sla-breaches?${Q1}&ownerId=${a.id}`)).body;
      expect(mine.totals).toEqual({ breachedMoves: 2, overdueNow: 2 });
      expect(mine.overdue.items.map((i: { title: string }) => i.title)).toEqual(['Nhà máy dược phẩm', 'Thuê 3,5 ha']);
      expect(
        (await manager.get(`/api/reports/sla-breaches?${Q1}&pipelineId=${pipelines.loan_application}`)).body,
      ).toMatchObject({ totals: { breachedMoves: 0, overdueNow: 0 }, stages: [], owners: [] });
    });
  });

  describe('zone occupancy', () => {
    it('gives leased, reserved and available land per zone, with open demand, and totals per district', async () => {
      const response = await manager.get(
        `/api/reports/zone-occupancy?district=${encodeURIComponent('Huyện Thử Nghiệm')}`,
      );
      expect(response.status).toBe(200);
      expect(response.body.zones).toEqual([
        {
          zoneId: zones.Z2,
          code: 'test-Z2',
          name: 'Thử nghiệm Z2',
          type: 'industrial_park',
          district: 'Huyện Thử Nghiệm',
          industrialLandHa: 100,
          leasedHa: 60,
          reservedHa: 0,
          availableHa: 40,
          occupancy: 0.6,
          // L4 asks for 7.25 ha there; L3's lease is signed (closed).
          openEnquiries: 1,
          enquiredHa: 7.25,
        },
        {
          zoneId: zones.Z1,
          code: 'test-Z1',
          name: 'Thử nghiệm Z1',
          type: 'industrial_cluster',
          district: 'Huyện Thử Nghiệm',
          industrialLandHa: 40,
          leasedHa: 10,
          reservedHa: 12.5,
          availableHa: 17.5,
          occupancy: 0.25,
          // L1 asks for 3.5 ha; L2's 12.5 ha are already reserved.
          openEnquiries: 1,
          enquiredHa: 3.5,
        },
      ]);
      const totals = {
        zoneCount: 2,
        industrialLandHa: 140,
        leasedHa: 70,
        reservedHa: 12.5,
        availableHa: 57.5,
        occupancy: 0.5,
      };
      expect(response.body.districts).toEqual([{ district: 'Huyện Thử Nghiệm', ...totals }]);
      expect(response.body.totals).toEqual(totals);
    });

    it('filters by type, and without filters adds every district up to the province', async () => {
      const clusters = (
        await manager.get(
          `/api/reports/zone-occupancy?type=industrial_cluster&district=${encodeURIComponent('Huyện Thử Nghiệm')}`,
        )
      ).body;
      expect(clusters.zones.map((z: { code: string }) => z.code)).toEqual(['test-Z1']);

      const all = (await manager.get('/api/reports/zone-occupancy')).body;
      const [{ count, industrial, leased }] = await db.query(
        `SELECT count(*)::int AS count, sum(industrial_land_ha)::float AS industrial, sum(leased_ha)::float AS leased FROM zone`,
      );
      expect(all.totals.zoneCount).toBe(count);
      expect(all.totals.zoneCount).toBe(53); // 18 parks and 32 clusters seeded, 3 here
      expect(all.totals.industrialLandHa).toBeCloseTo(industrial, 2);
      expect(all.totals.leasedHa).toBeCloseTo(leased, 2);
      const districtSum = all.districts.reduce((sum: number, d: { zoneCount: number }) => sum + d.zoneCount, 0);
      expect(districtSum).toBe(53);
      expect(all.districts.find((d: { district: string }) => d.district === 'Huyện Khác Thử')).toMatchObject({
        zoneCount: 1,
        availableHa: 20,
        occupancy: 0,
      });
    });
  });

  describe('event ROI', () => {
    it('gives contacts, conversions, hectares, capital and jobs per event against its budget', async () => {
      const response = await manager.get(`/api/reports/event-roi?${H1}`);
      expect(response.status).toBe(200);
      // E1: contacts EC1–EC3; items P1 (from EC1), L2 (from EC2), P2 (names the event): conversions EC1, EC2, P2.
      // E2: contacts EC4, EC5; LN1 names it, EC4 converted with nothing linked: 2 conversions. E3 is out of the window.
      expect(response.body.events).toEqual([
        {
          eventId: events.E2,
          name: 'Sự kiện E2',
          kind: 'webinar',
          startsOn: '2026-05-05',
          endsOn: '2026-05-05',
          budgetVnd: null,
          contacts: 2,
          ledItems: 1,
          conversions: 2,
          hectaresEnquired: 0,
          capitalUsd: 0,
          expectedJobs: 0,
          costPerConversionVnd: null,
        },
        {
          eventId: events.E1,
          name: 'Sự kiện E1',
          kind: 'conference',
          startsOn: '2026-03-10',
          endsOn: '2026-03-10',
          budgetVnd: 600_000_000,
          contacts: 3,
          ledItems: 3,
          conversions: 3,
          hectaresEnquired: 12.5,
          capitalUsd: 25_000_000.5,
          expectedJobs: 420,
          costPerConversionVnd: 200_000_000,
        },
      ]);
      expect(response.body.totals).toEqual({
        eventCount: 2,
        budgetVnd: 600_000_000,
        contacts: 5,
        ledItems: 4,
        conversions: 5,
        hectaresEnquired: 12.5,
        capitalUsd: 25_000_000.5,
        expectedJobs: 420,
        costPerConversionVnd: 200_000_000,
      });
    });

    it('filters by kind of event', async () => {
      const report = (await manager.get(`/api/reports/event-roi?${H1}&kind=conference`)).body;
      expect(report.events.map((e: { eventId: string }) => e.eventId)).toEqual([events.E1]);
      const earlier = (await manager.get('/api/reports/event-roi?from=2025-10-01&to=2025-12-31')).body;
      expect(earlier.events).toHaveLength(1);
      expect(earlier.events[0]).toMatchObject({ eventId: events.E3, contacts: 1, conversions: 0, ledItems: 0 });
    });
  });

  describe('loan portfolio', () => {
    it('adds up requested, approved and disbursed by lender, applicant type and stage', async () => {
      const response = await manager.get(`/api/reports/loan-portfolio?${H1}`);
      expect(response.status).toBe(200);
      // LN1–LN4 were submitted in the window (LN3 at 23:00 on its last day); LN5 on 31 Dec 2025.
      expect(response.body.totals).toEqual({
        applications: 4,
        requestedVnd: 34_000_000_000,
        approvedVnd: 26_500_000_000,
        disbursedVnd: 25_500_000_000,
      });
      expect(response.body.lenders).toEqual([
        {
          lender: 'Quỹ Đầu tư phát triển Vĩnh Phúc',
          lenderKind: 'fund',
          applications: 1,
          requestedVnd: 30_000_000_000,
          approvedVnd: 25_000_000_000,
          disbursedVnd: 25_000_000_000,
        },
        {
          lender: 'Vietcombank',
          lenderKind: 'bank',
          applications: 2,
          requestedVnd: 2_800_000_000,
          approvedVnd: 1_500_000_000,
          disbursedVnd: 500_000_000,
        },
        {
          lender: 'BIDV',
          lenderKind: 'bank',
          applications: 1,
          requestedVnd: 1_200_000_000,
          approvedVnd: 0,
          disbursedVnd: 0,
        },
      ]);
      expect(response.body.applicantTypes).toEqual([
        {
          applicantType: 'cluster_infrastructure',
          applications: 1,
          requestedVnd: 30_000_000_000,
          approvedVnd: 25_000_000_000,
          disbursedVnd: 25_000_000_000,
        },
        {
          applicantType: 'sme',
          applications: 3,
          requestedVnd: 4_000_000_000,
          approvedVnd: 1_500_000_000,
          disbursedVnd: 500_000_000,
        },
      ]);
      expect(response.body.stages.map((s: { key: string; applications: number }) => [s.key, s.applications])).toEqual([
        ['submitted', 0],
        ['completeness_check', 0],
        ['appraisal', 1],
        ['approved', 0],
        ['contract_signed', 0],
        ['disbursing', 1],
        ['closed', 1],
        ['rejected', 1],
        ['withdrawn', 0],
      ]);
    });

    it('filters by lender kind and applicant type', async () => {
      const funds = (await manager.get(`/api/reports/loan-portfolio?${H1}&lenderKind=fund`)).body;
      expect(funds.totals).toEqual({
        applications: 1,
        requestedVnd: 30_000_000_000,
        approvedVnd: 25_000_000_000,
        disbursedVnd: 25_000_000_000,
      });
      const smes = (await manager.get(`/api/reports/loan-portfolio?${H1}&applicantType=sme`)).body;
      expect(smes.totals.applications).toBe(3);
      expect(smes.lenders.map((l: { lender: string }) => l.lender)).toEqual(['Vietcombank', 'BIDV']);
    });
  });

  describe('access and validation', () => {
    const routes = () => [
      `/api/reports/funnel?pipelineId=${pipelines.prospect}&${Q1}`,
      `/api/reports/time-in-stage?pipelineId=${pipelines.prospect}&${Q1}`,
      `/api/reports/sla-breaches?${Q1}`,
      '/api/reports/zone-occupancy',
      `/api/reports/event-roi?${Q1}`,
      `/api/reports/loan-portfolio?${Q1}`,
    ];

    it('refuses staff (403) and strangers (401); lets managers and admins in', async () => {
      for (const route of routes()) {
        expect([route, (await staff.get(route)).status]).toEqual([route, 403]);
        expect([route, (await fetch(`${t.baseUrl}${route}`)).status]).toEqual([route, 401]);
        expect([route, (await admin.get(route)).status]).toEqual([route, 200]);
      }
    });

    it.each([
      ['missing dates', '/api/reports/event-roi', ['from', 'to']],
      ['a date that does not exist', '/api/reports/event-roi?from=2026-02-30&to=2026-03-01', ['from']],
      [
        'a date-time instead of a date',
        '/api/reports/loan-portfolio?from=2026-01-01T00:00:00Z&to=2026-03-01',
        ['from'],
      ],
      ['a malformed pipeline id', `/api/reports/funnel?pipelineId=nope&${Q1}`, ['pipelineId']],
      ['no pipeline id', `/api/reports/time-in-stage?${Q1}`, ['pipelineId']],
      [
        'an unknown period',
        `/api/reports/funnel?pipelineId=00000000-0000-4000-8000-000000000000&${Q1}&period=week`,
        ['period'],
      ],
      ['a malformed owner id', `/api/reports/sla-breaches?${Q1}&ownerId=42`, ['ownerId']],
      ['a limit over 200', `/api/reports/sla-breaches?${Q1}&limit=201`, ['limit']],
      ['a zone type that does not exist', '/api/reports/zone-occupancy?type=port', ['type']],
      ['an unknown event kind', `/api/reports/event-roi?${Q1}&kind=gala`, ['kind']],
      ['an unknown lender kind', `/api/reports/loan-portfolio?${Q1}&lenderKind=friend`, ['lenderKind']],
      ['an unknown parameter', `/api/reports/loan-portfolio?${Q1}&sort=amount`, ['sort']],
      ['a repeated parameter', '/api/reports/event-roi?from=2026-01-01&from=2026-02-01&to=2026-03-01', ['from']],
    ])('answers 400 with the field for %s', async (_name, route, fields) => {
      const response = await manager.get(route);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(fields));
    });

    it('answers 400 for a cursor it did not issue', async () => {
      const response = await manager.get(`/api/reports/sla-breaches?${Q1}&cursor=not-a-cursor`);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('bad_request');
    });

    it.each([
      ['to before from', '/api/reports/event-roi?from=2026-03-01&to=2026-02-28', 'to must be on or after from'],
      ['a window over three years', '/api/reports/loan-portfolio?from=2023-01-01&to=2026-01-01', 'at most 1096 days'],
      ['a year out of range', '/api/reports/event-roi?from=1999-12-31&to=2000-01-31', 'between 2000 and 2100'],
    ])('answers 422 for %s', async (_name, route, message) => {
      const response = await manager.get(route);
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('rule_violated');
      expect(response.body.detail).toContain(message);
    });

    it('accepts a window of exactly three years (1,096 days)', async () => {
      expect((await manager.get('/api/reports/event-roi?from=2024-01-01&to=2026-12-31')).status).toBe(200);
    });

    it('answers 404 for a pipeline that does not exist', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await manager.get(`/api/reports/funnel?pipelineId=${unknown}&${Q1}`)).status).toBe(404);
      expect((await manager.get(`/api/reports/time-in-stage?pipelineId=${unknown}&${Q1}`)).status).toBe(404);
      expect((await manager.get(`/api/reports/sla-breaches?pipelineId=${unknown}&${Q1}`)).status).toBe(404);
    });
  });

  describe('statements per report (no N+1)', () => {
    async function statementsFor(path: string): Promise<number> {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        expect((await manager.get(path)).status).toBe(200);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    }

    it('sends the same statements however many items, owners, events and zones there are', async () => {
      const paths = [
        `/api/reports/funnel?pipelineId=${pipelines.prospect}&${H1}`,
        `/api/reports/time-in-stage?pipelineId=${pipelines.prospect}&${H1}`,
        `/api/reports/sla-breaches?${H1}`,
        '/api/reports/zone-occupancy',
        `/api/reports/event-roi?${H1}`,
        `/api/reports/loan-portfolio?${H1}`,
      ];
      const before: number[] = [];
      for (const path of paths) before.push(await statementsFor(path));

      // Twelve more owners, each with an overdue prospect that moved, came from a new event and asked for a loan.
      for (let i = 0; i < 12; i++) {
        const owner = await createUser(t, Role.Staff);
        await insertEvent(`X${i}`, 'trade_fair', '2026-04-10', 1_000_000);
        await insertItem(`X${i}`, {
          kind: 'prospect',
          title: `Dự án ${i}`,
          stage: 'qualified',
          owner: owner.id,
          enteredAt: '2026-04-20T09:00:00+07:00',
          slaDueOn: '2026-04-24',
          overdueFrom: '2026-04-27',
          eventId: events[`X${i}`],
          moves: [
            ['lead', '2026-04-14T09:00:00+07:00', null, false, owner.id],
            ['qualified', '2026-04-20T09:00:00+07:00', 4, true, owner.id],
          ],
        });
        await insertItem(`XL${i}`, {
          kind: 'loan_application',
          title: `Vay ${i}`,
          stage: 'submitted',
          owner: owner.id,
          enteredAt: '2026-04-20T09:00:00+07:00',
          amountVnd: 100_000_000,
        });
        await loan(`XL${i}`, 'sme', `Ngân hàng ${i}`, 'bank', null, 0, 0);
      }
      const after: number[] = [];
      for (const path of paths) after.push(await statementsFor(path));
      expect(after).toEqual(before);
      // Session lookup, the pipelines and their stages where needed, the read-only transaction (begin, isolation,
      // settings, commit) and the report's own one or two statements.
      for (const count of after) expect(count).toBeLessThanOrEqual(9);
    });
  });
});
