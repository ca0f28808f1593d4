import { Role } from '@irm/contracts';
import { DataSource, QueryFailedError } from 'typeorm';
import { seed } from '../../src/seed/seeder';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const BILLION = 1_000_000_000;
const ALL_DOCUMENTS = [
  'application_form',
  'business_registration',
  'investment_plan',
  'financial_statements',
  'collateral',
  'land_lease',
  'credit_contract',
];
const FLOW = ['submitted', 'completeness_check', 'appraisal', 'approved', 'contract_signed', 'disbursing', 'closed'];

interface Loan {
  id: string;
  version: number;
  stageKey: string;
  approvedVnd: number | null;
  plannedVnd: number;
  disbursedVnd: number;
  documentsDueOn: string | null;
}

interface Tranche {
  id: string;
  version: number;
  sequence: number;
  amountVnd: number;
}

describe('preferential-loan applications: checklist and disbursement tranches (HTTP)', () => {
  let t: TestApp;
  let staff: TestClient;
  let otherStaff: TestClient;
  let manager: TestClient;
  let staffId: string;
  let smeId: string;
  let stages: Record<string, { id: string; key: string }>;

  beforeAll(async () => {
    t = await startTestApp();
    await seed(t.app.get(DataSource), { adminPassword: 'a long enough password' });
    ({
      client: staff,
      user: { id: staffId },
    } = await signedIn(t, Role.Staff));
    ({ client: otherStaff } = await signedIn(t, Role.Staff));
    ({ client: manager } = await signedIn(t, Role.Manager));
    smeId = (
      await staff.post('/api/organizations?confirmDuplicate=true', {
        name: 'Công ty TNHH Cơ khí Đồng Sóc',
        kind: 'domestic',
        country: 'VN',
      })
    ).body.id;
    const pipelines = (await staff.get('/api/pipelines')).body as {
      kind: string;
      stages: { id: string; key: string }[];
    }[];
    stages = Object.fromEntries(pipelines.find((p) => p.kind === 'loan_application')!.stages.map((s) => [s.key, s]));
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DataSource);
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();
  const base = (id: string) => `/api/loan-applications/${id}`;

  const create = async (client: TestClient = staff, body: Record<string, unknown> = {}): Promise<Loan> => {
    const response = await client.post('/api/loan-applications', {
      organizationId: smeId,
      applicantType: 'sme',
      lender: 'Ngân hàng Phát triển Việt Nam — Chi nhánh Vĩnh Phúc',
      lenderKind: 'bank',
      purpose: 'Đầu tư dây chuyền gia công cơ khí',
      requestedVnd: 5 * BILLION,
      interestSupportRate: 2,
      termMonths: 60,
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body;
  };
  const get = async (id: string): Promise<Loan> => (await staff.get(base(id))).body;
  const receive = (client: TestClient, id: string, key: string, version: number, note?: string) =>
    client.request('PUT', `${base(id)}/documents/${key}`, { body: { version, ...(note && { note }) } });
  const move = (client: TestClient, id: string, key: string, version: number, reason?: string) =>
    client.post(`${base(id)}/move`, { stageId: stages[key].id, version, ...(reason && { reason }) });
  const plan = (client: TestClient, id: string, body: Record<string, unknown>) =>
    client.post(`${base(id)}/tranches`, { milestone: 'Hoàn thành móng nhà xưởng', requiredProgressPct: 30, ...body });
  const approve = async (id: string, approvedVnd: number): Promise<Loan> => {
    const response = await manager.patch(base(id), { approvedVnd, version: (await get(id)).version });
    expect(response.status).toBe(200);
    return response.body;
  };

  /** An application of the staff member's, with every document, approved for `approvedVnd`, moved up to `to`. */
  const prepared = async (to: string, approvedVnd = BILLION): Promise<Loan> => {
    let loan = await create();
    for (const key of ALL_DOCUMENTS) {
      const response = await receive(staff, loan.id, key, loan.version);
      expect(response.status).toBe(200);
      loan = response.body;
    }
    loan = await approve(loan.id, approvedVnd);
    for (const key of FLOW.slice(1, FLOW.indexOf(to) + 1)) {
      if (key === 'disbursing' && loan.plannedVnd === 0) {
        expect((await plan(staff, loan.id, { amountVnd: approvedVnd, version: loan.version })).status).toBe(201);
      }
      const moved = await move(staff, loan.id, key, loan.version);
      expect([key, moved.status]).toEqual([key, 200]);
      loan = moved.body;
    }
    return loan;
  };

  it('creates an application with a generated title, the requested amount and its checklist', async () => {
    const created = await staff.post('/api/loan-applications', {
      organizationId: smeId,
      applicantType: 'cluster_infrastructure',
      lender: '  Quỹ Phát triển DNNVV  ',
      lenderKind: 'fund',
      purpose: 'Hạ tầng CCN Đồng Sóc giai đoạn 2',
      requestedVnd: 45 * BILLION,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'loan_application',
      stageKey: 'submitted',
      title: 'Hạ tầng CCN Đồng Sóc giai đoạn 2 — Quỹ Phát triển DNNVV',
      ownerId: staffId,
      organizationName: 'Công ty TNHH Cơ khí Đồng Sóc',
      applicantType: 'cluster_infrastructure',
      lender: 'Quỹ Phát triển DNNVV',
      lenderKind: 'fund',
      requestedVnd: 45 * BILLION,
      approvedVnd: null,
      plannedVnd: 0,
      disbursedVnd: 0,
      interestSupportRate: null,
      termMonths: null,
      version: 1,
    });
    const documents = created.body.documents as { key: string; requiredFromStage: string | null }[];
    expect(documents.map((d) => d.key)).toEqual([...ALL_DOCUMENTS, 'environmental_approval']);
    expect(documents.find((d) => d.key === 'investment_plan')).toMatchObject({
      requiredFromStage: 'appraisal',
      requiredNow: false,
      receivedAt: null,
      name: { en: 'Investment project or business plan' },
    });
    const audit = await db().query(
      `SELECT action, changes FROM audit_event WHERE subject_type = 'loan_application' AND subject_id = $1`,
      [created.body.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).toMatchObject({
      lender: { after: 'Quỹ Phát triển DNNVV' },
      amountVnd: { after: 45 * BILLION },
      applicantType: { after: 'cluster_infrastructure' },
    });
    const listed = await staff.get(`/api/loan-applications?organizationId=${smeId}&limit=200`);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
    expect((await staff.get(`${base(created.body.id)}/history`)).body).toHaveLength(1);
    expect((await staff.get(base(UNKNOWN_ID))).status).toBe(404);
  });

  it('refuses malformed input with 400 (negative, zero, fractional amounts) and unknown links with 422', async () => {
    const before = (await db().query(`SELECT count(*)::int AS n FROM loan_application`))[0].n;
    const valid = {
      organizationId: smeId,
      applicantType: 'sme',
      lender: 'BIDV',
      lenderKind: 'bank',
      purpose: 'Máy CNC',
      requestedVnd: BILLION,
    };
    for (const wrong of [
      { requestedVnd: -1 },
      { requestedVnd: 0 },
      { requestedVnd: 1.5 },
      { requestedVnd: '1000' },
      { requestedVnd: undefined },
      { lender: ' ' },
      { lenderKind: 'friend' },
      { applicantType: 'household' },
      { purpose: undefined },
      { organizationId: undefined },
      { interestSupportRate: 101 },
      { interestSupportRate: 1.234 },
      { termMonths: 0 },
      { approvedVnd: BILLION },
    ]) {
      const response = await staff.post('/api/loan-applications', { ...valid, ...wrong });
      expect([JSON.stringify(wrong), response.status]).toEqual([JSON.stringify(wrong), 400]);
    }
    const unknown = await staff.post('/api/loan-applications', { ...valid, organizationId: UNKNOWN_ID });
    expect([unknown.status, fields(unknown.body)]).toEqual([422, ['organizationId']]);
    expect((await db().query(`SELECT count(*)::int AS n FROM loan_application`))[0].n).toBe(before);
  });

  it('the owner edits terms; only managers record the approved amount; others get 403', async () => {
    const loan = await create();
    const terms = await staff.patch(base(loan.id), { interestSupportRate: 3.5, termMonths: 84, version: 1 });
    expect(terms.status).toBe(200);
    expect(terms.body).toMatchObject({ interestSupportRate: 3.5, termMonths: 84, version: 2 });
    const byStaff = await staff.patch(base(loan.id), { approvedVnd: BILLION, version: 2 });
    expect(byStaff.status).toBe(403);
    expect((await otherStaff.patch(base(loan.id), { termMonths: 12, version: 2 })).status).toBe(403);
    expect((await manager.patch(base(loan.id), { approvedVnd: -5, version: 2 })).status).toBe(400);
    const approved = await manager.patch(base(loan.id), {
      approvedVnd: 4 * BILLION,
      requestedVnd: 6 * BILLION,
      version: 2,
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ approvedVnd: 4 * BILLION, requestedVnd: 6 * BILLION, version: 3 });
    // Staff may send the amount unchanged along with their own edits.
    const same = await staff.patch(base(loan.id), { approvedVnd: 4 * BILLION, purpose: 'Máy CNC 5 trục', version: 3 });
    expect([same.status, same.body.purpose]).toEqual([200, 'Máy CNC 5 trục']);
    expect((await staff.patch(base(loan.id), { termMonths: 12, version: 3 })).status).toBe(409);
    const [audit] = await db().query(
      `SELECT changes FROM audit_event WHERE subject_type = 'loan_application' AND subject_id = $1
        AND action = 'update' AND changes ? 'approvedVnd'`,
      [loan.id],
    );
    expect(audit.changes.approvedVnd).toEqual({ before: null, after: 4 * BILLION });
  });

  it('documents: received and un-marked with the version bumped, audited and on the timeline; unknown keys 404', async () => {
    const loan = await create();
    const received = await receive(staff, loan.id, 'application_form', 1, 'Bản gốc, nộp trực tiếp');
    expect(received.status).toBe(200);
    expect(received.body.version).toBe(2);
    expect(received.body.documents[0]).toMatchObject({
      key: 'application_form',
      note: 'Bản gốc, nộp trực tiếp',
      receivedByName: expect.any(String),
    });
    expect(received.body.documents[0].receivedAt).not.toBeNull();
    expect((await receive(staff, loan.id, 'business_registration', 1)).status).toBe(409);
    expect((await receive(staff, loan.id, 'tax_receipt', 2)).status).toBe(404);
    expect((await receive(otherStaff, loan.id, 'business_registration', 2)).status).toBe(403);
    expect((await staff.request('PUT', `${base(loan.id)}/documents/collateral`, { body: {} })).status).toBe(400);
    expect((await receive(staff, UNKNOWN_ID, 'collateral', 1)).status).toBe(404);

    expect((await staff.delete(`${base(loan.id)}/documents/collateral?version=2`)).status).toBe(404);
    expect((await staff.delete(`${base(loan.id)}/documents/application_form`)).status).toBe(400);
    expect((await staff.delete(`${base(loan.id)}/documents/application_form?version=1`)).status).toBe(409);
    const removed = await staff.delete(`${base(loan.id)}/documents/application_form?version=2`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ version: 3 });
    expect(removed.body.documents[0].receivedAt).toBeNull();

    const timeline = await staff.get(`/api/timeline?subjectType=loan_application&subjectId=${loan.id}`);
    expect(timeline.body.items.map((e: { kind: string; payload: { fields: string[] } }) => e.payload.fields)).toEqual([
      ['documents'],
      ['documents'],
      expect.arrayContaining(['lender', 'purpose']),
    ]);
    const audit = await db().query(
      `SELECT changes->'documents' AS documents FROM audit_event
        WHERE subject_type = 'loan_application' AND subject_id = $1 AND action = 'update' ORDER BY id`,
      [loan.id],
    );
    expect(audit.map((a: { documents: unknown }) => a.documents)).toEqual([
      { before: null, after: { key: 'application_form', note: 'Bản gốc, nộp trực tiếp' } },
      { before: { key: 'application_form', note: 'Bản gốc, nộp trực tiếp' }, after: null },
    ]);
  });

  it('moving on with documents missing is 422 listing them; a document the stage requires cannot be un-marked', async () => {
    let loan = await create();
    const early = await move(staff, loan.id, 'completeness_check', 1);
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([
      { field: 'documents', message: 'missing: application_form, business_registration' },
    ]);
    for (const key of ['application_form', 'business_registration', 'investment_plan'])
      loan = (await receive(staff, loan.id, key, loan.version)).body;
    loan = (await move(staff, loan.id, 'completeness_check', loan.version)).body;
    expect(loan.stageKey).toBe('completeness_check');

    const appraisal = await move(staff, loan.id, 'appraisal', loan.version);
    expect(appraisal.status).toBe(422);
    expect(appraisal.body.errors).toEqual([
      { field: 'documents', message: 'missing: financial_statements, collateral, land_lease' },
    ]);

    const required = await staff.delete(`${base(loan.id)}/documents/business_registration?version=${loan.version}`);
    expect(required.status).toBe(422);
    expect(required.body.errors).toEqual([
      { field: 'documents', message: 'business_registration is required in the current stage' },
    ]);
    const current = await get(loan.id);
    expect(current.version).toBe(loan.version);
    expect(
      (current as unknown as { documents: { key: string; requiredNow: boolean }[] }).documents
        .filter((d) => d.requiredNow)
        .map((d) => d.key),
    ).toEqual(['application_form', 'business_registration']);
    // Not yet required here: it can go.
    const optional = await staff.delete(`${base(loan.id)}/documents/investment_plan?version=${loan.version}`);
    expect(optional.status).toBe(200);
  });

  it('Approved needs the approved amount and terms; tranches are planned only once it is recorded', async () => {
    let loan = await create(staff, { interestSupportRate: null, termMonths: null });
    for (const key of ALL_DOCUMENTS) loan = (await receive(staff, loan.id, key, loan.version)).body;
    for (const key of ['completeness_check', 'appraisal']) loan = (await move(staff, loan.id, key, loan.version)).body;
    const approvedStage = await move(staff, loan.id, 'approved', loan.version);
    expect([approvedStage.status, fields(approvedStage.body)]).toEqual([
      422,
      ['approvedVnd', 'interestSupportRate', 'termMonths'],
    ]);
    const unapproved = await plan(staff, loan.id, { amountVnd: BILLION, version: loan.version });
    expect([unapproved.status, fields(unapproved.body)]).toEqual([422, ['approvedVnd']]);
    expect(
      (await db().query(`SELECT count(*)::int AS n FROM loan_tranche WHERE application_id = $1`, [loan.id]))[0].n,
    ).toBe(0);
  });

  it('plans tranches within the approved amount: above it 422, bad amounts 400, stale versions 409', async () => {
    const loan = await prepared('approved', BILLION);
    const first = await plan(staff, loan.id, { amountVnd: 600_000_000, version: loan.version });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      applicationId: loan.id,
      sequence: 1,
      milestone: 'Hoàn thành móng nhà xưởng',
      requiredProgressPct: 30,
      amountVnd: 600_000_000,
      confirmedAt: null,
      releasedAt: null,
      version: 1,
    });
    const over = await plan(staff, loan.id, { amountVnd: 400_000_001, version: loan.version });
    expect(over.status).toBe(422);
    expect(over.body.errors).toEqual([
      { field: 'amountVnd', message: 'exceeds the approved amount: at most 400,000,000 VND can be planned' },
    ]);
    for (const amountVnd of [-1, 0, 1.5, '5', null])
      expect((await plan(staff, loan.id, { amountVnd, version: loan.version })).status).toBe(400);
    expect((await plan(staff, loan.id, { amountVnd: 1, requiredProgressPct: 101, version: loan.version })).status).toBe(
      400,
    );
    expect((await plan(staff, loan.id, { amountVnd: 1, milestone: '  ', version: loan.version })).status).toBe(400);
    expect((await plan(staff, loan.id, { amountVnd: 1 })).status).toBe(400);
    expect((await plan(staff, loan.id, { amountVnd: 1, version: loan.version - 1 })).status).toBe(409);
    expect((await plan(otherStaff, loan.id, { amountVnd: 1, version: loan.version })).status).toBe(403);
    expect((await plan(staff, UNKNOWN_ID, { amountVnd: 1, version: 1 })).status).toBe(404);
    const second = await plan(manager, loan.id, {
      amountVnd: 400_000_000,
      requiredProgressPct: 80,
      version: loan.version,
    });
    expect([second.status, second.body.sequence]).toEqual([201, 2]);
    expect(await get(loan.id)).toMatchObject({ plannedVnd: BILLION, disbursedVnd: 0, version: loan.version });

    // Changes: the tranche's own version guards them; the total still may not pass the approved amount.
    const tranchePath = `${base(loan.id)}/tranches/${first.body.id}`;
    expect((await staff.patch(tranchePath, { amountVnd: 500_000_000, version: 2 })).status).toBe(409);
    const tooMuch = await staff.patch(tranchePath, { amountVnd: 600_000_001, version: 1 });
    expect([tooMuch.status, fields(tooMuch.body)]).toEqual([422, ['amountVnd']]);
    const lowered = await staff.patch(tranchePath, { amountVnd: 500_000_000, milestone: 'Móng và khung', version: 1 });
    expect(lowered.status).toBe(200);
    expect(lowered.body).toMatchObject({ amountVnd: 500_000_000, milestone: 'Móng và khung', version: 2 });
    expect((await staff.patch(tranchePath, { amountVnd: 0, version: 2 })).status).toBe(400);
    expect((await staff.patch(`${base(loan.id)}/tranches/${UNKNOWN_ID}`, { amountVnd: 1, version: 1 })).status).toBe(
      404,
    );

    // The approved amount cannot fall below what is planned.
    const below = await manager.patch(base(loan.id), { approvedVnd: 899_999_999, version: loan.version });
    expect([below.status, fields(below.body)]).toEqual([422, ['approvedVnd']]);
    const cleared = await manager.patch(base(loan.id), { approvedVnd: null, version: loan.version });
    expect([cleared.status, fields(cleared.body)]).toEqual([422, ['approvedVnd']]);

    expect((await staff.delete(`${tranchePath}?version=1`)).status).toBe(409);
    expect((await staff.delete(`${tranchePath}?version=2`)).status).toBe(204);
    const listed = (await staff.get(`${base(loan.id)}/tranches`)).body as Tranche[];
    expect(listed.map((x) => x.sequence)).toEqual([2]);
    expect((await get(loan.id)).plannedVnd).toBe(400_000_000);

    const audit = await db().query(
      `SELECT action, details->>'event' AS event FROM audit_event
        WHERE subject_type = 'loan_application' AND subject_id = $1 AND changes ? 'tranches' ORDER BY id`,
      [loan.id],
    );
    expect(audit.map((a: { event: string }) => a.event)).toEqual(['planned', 'planned', 'changed', 'removed']);
    const timeline = await staff.get(`/api/timeline?subjectType=loan_application&subjectId=${loan.id}&limit=3`);
    expect(timeline.body.items[0].payload).toMatchObject({
      fields: ['tranches'],
      tranche: { id: first.body.id, event: 'removed', sequence: 1 },
    });
  });

  it('confirms a milestone at its progress and releases only confirmed tranches while disbursing', async () => {
    let loan = await prepared('contract_signed', 2 * BILLION);
    const a = (await plan(staff, loan.id, { amountVnd: 700_000_000, requiredProgressPct: 30, version: loan.version }))
      .body as Tranche;
    const b = (
      await plan(staff, loan.id, { amountVnd: 1_300_000_000, requiredProgressPct: 100, version: loan.version })
    ).body as Tranche;
    const path = (x: Tranche, action: string) => `${base(loan.id)}/tranches/${x.id}/${action}`;

    const notConfirmed = await staff.post(path(a, 'release'), { version: 1 });
    expect(notConfirmed.status).toBe(422);
    expect(fields(notConfirmed.body)).toEqual(['confirmedAt', 'stageId']);

    const low = await staff.post(path(a, 'confirm'), { version: 1, progressPct: 29 });
    expect(low.status).toBe(422);
    expect(low.body.errors).toEqual([
      { field: 'progressPct', message: "must reach the milestone's 30% before it is confirmed" },
    ]);
    expect((await staff.post(path(a, 'confirm'), { version: 1, progressPct: 101 })).status).toBe(400);
    expect((await staff.post(path(a, 'confirm'), { version: 2, progressPct: 40 })).status).toBe(409);
    const confirmed = await staff.post(path(a, 'confirm'), { version: 1, progressPct: 40 });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ confirmedProgressPct: 40, version: 2, releasedAt: null });
    expect(confirmed.body.confirmedAt).not.toBeNull();
    expect(confirmed.body.confirmedByName).toEqual(expect.any(String));
    const again = await staff.post(path(a, 'confirm'), { version: 2, progressPct: 50 });
    expect([again.status, fields(again.body)]).toEqual([422, ['confirmedAt']]);
    // A confirmed milestone keeps its terms.
    const moved = await staff.patch(`${base(loan.id)}/tranches/${a.id}`, { requiredProgressPct: 50, version: 2 });
    expect([moved.status, fields(moved.body)]).toEqual([422, ['requiredProgressPct']]);

    const outside = await staff.post(path(a, 'release'), { version: 2 });
    expect(outside.status).toBe(422);
    expect(outside.body.errors).toEqual([
      { field: 'stageId', message: 'tranches are released only in the Disbursing stage' },
    ]);

    loan = (await move(staff, loan.id, 'disbursing', loan.version)).body;
    expect(loan.stageKey).toBe('disbursing');
    expect((await staff.post(path(a, 'release'), { version: 1 })).status).toBe(409);
    const released = await staff.post(path(a, 'release'), { version: 2 });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ version: 3, releasedByName: expect.any(String) });
    expect(await get(loan.id)).toMatchObject({ plannedVnd: 2 * BILLION, disbursedVnd: 700_000_000 });
    const twice = await staff.post(path(a, 'release'), { version: 3 });
    expect([twice.status, fields(twice.body)]).toEqual([422, ['releasedAt']]);

    // Released money is history.
    const change = await staff.patch(`${base(loan.id)}/tranches/${a.id}`, { amountVnd: 1, version: 3 });
    expect([change.status, fields(change.body)]).toEqual([422, ['releasedAt']]);
    expect((await staff.delete(`${base(loan.id)}/tranches/${a.id}?version=3`)).status).toBe(422);
    const lost = await move(staff, loan.id, 'withdrawn', loan.version, 'Doanh nghiệp rút hồ sơ');
    expect([lost.status, fields(lost.body)]).toEqual([422, ['stageId']]);

    // Closing needs everything released; afterwards nothing changes.
    const early = await move(staff, loan.id, 'closed', loan.version);
    expect([early.status, fields(early.body)]).toEqual([422, ['tranches']]);
    await staff.post(path(b, 'confirm'), { version: 1, progressPct: 100 });
    expect((await staff.post(path(b, 'release'), { version: 2 })).status).toBe(200);
    const closed = await move(staff, loan.id, 'closed', loan.version);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ stageType: 'won', plannedVnd: 2 * BILLION, disbursedVnd: 2 * BILLION });
    const afterClose = await plan(manager, loan.id, { amountVnd: 1, version: closed.body.version });
    expect([afterClose.status, fields(afterClose.body)]).toEqual([422, ['stageId']]);

    const events = await db().query(
      `SELECT details->>'event' AS event FROM audit_event
        WHERE subject_type = 'loan_application' AND subject_id = $1 AND changes ? 'tranches' ORDER BY id`,
      [loan.id],
    );
    expect(events.map((e: { event: string }) => e.event)).toEqual([
      'planned',
      'planned',
      'confirmed',
      'released',
      'confirmed',
      'released',
    ]);
  });

  it('documents deadline and milestone due dates: dates only (400), guarded by version (409), audited, reminded', async () => {
    const created = await create(staff, { documentsDueOn: '2099-03-20' });
    expect(created).toMatchObject({ documentsDueOn: '2099-03-20' });
    for (const documentsDueOn of ['2099-02-30', '20/03/2099', '2099-03-20T08:00:00Z', 20990320, true])
      expect((await staff.patch(base(created.id), { documentsDueOn, version: created.version })).status).toBe(400);
    expect((await staff.post('/api/loan-applications', { documentsDueOn: 'soon' })).status).toBe(400);
    const moved = await staff.patch(base(created.id), { documentsDueOn: '2099-04-01', version: created.version });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ documentsDueOn: '2099-04-01', version: created.version + 1 });
    const stale = await staff.patch(base(created.id), { documentsDueOn: null, version: created.version });
    expect(stale.status).toBe(409);
    expect((await get(created.id)).documentsDueOn).toBe('2099-04-01');
    const audit = await db().query(
      `SELECT changes->'documentsDueOn' AS change FROM audit_event
        WHERE subject_type = 'loan_application' AND subject_id = $1 AND changes ? 'documentsDueOn' ORDER BY id`,
      [created.id],
    );
    expect(audit.map((row: { change: unknown }) => row.change)).toEqual([
      { before: null, after: '2099-03-20' },
      { before: '2099-03-20', after: '2099-04-01' },
    ]);
    const cleared = await staff.patch(base(created.id), { documentsDueOn: null, version: moved.body.version });
    expect([cleared.status, cleared.body.documentsDueOn]).toEqual([200, null]);
    const [reminder] = await db().query(`SELECT status, occurrence FROM reminder WHERE slot = $1`, [
      `loan-documents:${created.id}`,
    ]);
    expect(reminder).toEqual({ status: 'cancelled', occurrence: 2 });

    const loan = await prepared('approved', BILLION);
    expect(
      (await plan(staff, loan.id, { amountVnd: 1, milestoneDueOn: '2099-13-01', version: loan.version })).status,
    ).toBe(400);
    const tranche = await plan(staff, loan.id, { amountVnd: 1, milestoneDueOn: '2099-06-30', version: loan.version });
    expect([tranche.status, tranche.body.milestoneDueOn]).toEqual([201, '2099-06-30']);
    const tranchePath = `${base(loan.id)}/tranches/${tranche.body.id}`;
    expect((await staff.patch(tranchePath, { milestoneDueOn: 'June', version: 1 })).status).toBe(400);
    const changed = await staff.patch(tranchePath, { milestoneDueOn: '2099-07-15', version: 1 });
    expect(changed.body).toMatchObject({ milestoneDueOn: '2099-07-15', version: 2 });
    expect((await staff.patch(tranchePath, { milestoneDueOn: null, version: 1 })).status).toBe(409);
    expect(((await staff.get(`${base(loan.id)}/tranches`)).body as Tranche[])[0]).toMatchObject({
      milestoneDueOn: '2099-07-15',
    });
    const events = await db().query(
      `SELECT changes->'tranches'->'after'->>'milestoneDueOn' AS due FROM audit_event
        WHERE subject_id = $1 AND changes ? 'tranches' ORDER BY id`,
      [loan.id],
    );
    expect(events.map((event: { due: string }) => event.due)).toEqual(['2099-06-30', '2099-07-15']);
    const [milestone] = await db().query(`SELECT status, occurrence FROM reminder WHERE slot = $1`, [
      `loan-milestone:${tranche.body.id}`,
    ]);
    expect(milestone).toEqual({ status: 'pending', occurrence: 2 });
  });

  it('20 tranches planned at once against the approved amount: exactly those that fit succeed', async () => {
    const loan = await prepared('approved', BILLION);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        plan(i % 2 ? staff : manager, loan.id, {
          amountVnd: 150_000_000,
          milestone: `Hạng mục ${i + 1}`,
          version: loan.version,
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(6);
    expect(statuses.filter((s) => s === 422)).toHaveLength(14);
    for (const refused of responses.filter((r) => r.status === 422))
      expect(fields(refused.body)).toEqual(['amountVnd']);
    const [row] = await db().query(
      `SELECT a.planned_vnd::float8 AS planned, (SELECT sum(amount_vnd)::float8 FROM loan_tranche WHERE application_id = a.item_id) AS sum,
              (SELECT array_agg(sequence ORDER BY sequence) FROM loan_tranche WHERE application_id = a.item_id) AS sequences
         FROM loan_application a WHERE a.item_id = $1`,
      [loan.id],
    );
    expect(row).toEqual({ planned: 900_000_000, sum: 900_000_000, sequences: [1, 2, 3, 4, 5, 6] });
  });

  it('two releases of one tranche at once: one is recorded, the other is 409; the money counts once', async () => {
    const loan = await prepared('disbursing', BILLION);
    const [tranche] = (await staff.get(`${base(loan.id)}/tranches`)).body as Tranche[];
    await staff.post(`${base(loan.id)}/tranches/${tranche.id}/confirm`, { version: 1, progressPct: 35 });
    const statuses = await Promise.all(
      [staff, manager].map(
        async (client) => (await client.post(`${base(loan.id)}/tranches/${tranche.id}/release`, { version: 2 })).status,
      ),
    );
    expect(statuses.sort()).toEqual([200, 409]);
    expect(await get(loan.id)).toMatchObject({ plannedVnd: BILLION, disbursedVnd: BILLION });
  });

  describe('the database holds the totals whatever writes the rows', () => {
    const violation = async (sql: string, params: unknown[]): Promise<string | undefined> => {
      try {
        await db().query(sql, params);
      } catch (error) {
        expect(error).toBeInstanceOf(QueryFailedError);
        return (error as QueryFailedError & { driverError: { constraint?: string } }).driverError.constraint;
      }
      return undefined;
    };
    const insertTranche = (applicationId: string, sequence: number, amount: number) =>
      violation(
        `INSERT INTO loan_tranche (application_id, sequence, milestone, required_progress_pct, amount_vnd, version)
         VALUES ($1, $2, 'SQL', 10, $3, 1)`,
        [applicationId, sequence, amount],
      );

    it('refuses a direct insert above the approved amount, or any tranche before approval', async () => {
      const loan = await prepared('approved', BILLION);
      expect(await insertTranche(loan.id, 1, BILLION + 1)).toBe('chk_loan_application_tranches_within_approved');
      expect(await insertTranche(loan.id, 1, 600_000_000)).toBeUndefined();
      expect(await insertTranche(loan.id, 2, 400_000_001)).toBe('chk_loan_application_tranches_within_approved');
      expect(await insertTranche(loan.id, 2, 400_000_000)).toBeUndefined();
      expect((await get(loan.id)).plannedVnd).toBe(BILLION);
      expect(
        await violation(
          `UPDATE loan_tranche SET amount_vnd = amount_vnd + 1 WHERE application_id = $1 AND sequence = 1`,
          [loan.id],
        ),
      ).toBe('chk_loan_application_tranches_within_approved');
      expect(
        await violation(`UPDATE loan_application SET approved_vnd = approved_vnd - 1 WHERE item_id = $1`, [loan.id]),
      ).toBe('chk_loan_application_tranches_within_approved');
      expect(await violation(`UPDATE loan_application SET planned_vnd = 0 WHERE item_id = $1`, [loan.id])).toBe(
        'chk_loan_application_totals_from_tranches',
      );
      expect(await violation(`DELETE FROM loan_tranche WHERE application_id = $1 AND sequence = 2`, [loan.id])).toBe(
        undefined,
      );
      expect((await get(loan.id)).plannedVnd).toBe(600_000_000);

      const unapproved = await create();
      expect(await insertTranche(unapproved.id, 1, 1)).toBe('chk_loan_application_tranches_within_approved');
    });

    it('keeps a released tranche as it was and its totals in step', async () => {
      const loan = await prepared('disbursing', BILLION);
      const [tranche] = (await staff.get(`${base(loan.id)}/tranches`)).body as Tranche[];
      expect(
        await violation(`UPDATE loan_tranche SET released_at = now(), released_by_id = $2 WHERE id = $1`, [
          tranche.id,
          staffId,
        ]),
      ).toBe('chk_loan_tranche_release_after_confirm');
      await staff.post(`${base(loan.id)}/tranches/${tranche.id}/confirm`, { version: 1, progressPct: 30 });
      expect((await staff.post(`${base(loan.id)}/tranches/${tranche.id}/release`, { version: 2 })).status).toBe(200);
      expect(await get(loan.id)).toMatchObject({ plannedVnd: BILLION, disbursedVnd: BILLION });
      for (const sql of [
        `UPDATE loan_tranche SET amount_vnd = 1 WHERE id = $1`,
        `UPDATE loan_tranche SET milestone = 'khác' WHERE id = $1`,
        `UPDATE loan_tranche SET released_at = NULL, released_by_id = NULL WHERE id = $1`,
        `DELETE FROM loan_tranche WHERE id = $1`,
      ])
        expect([sql, await violation(sql, [tranche.id])]).toEqual([sql, 'chk_loan_tranche_released_immutable']);
      expect(await get(loan.id)).toMatchObject({ plannedVnd: BILLION, disbursedVnd: BILLION });
      // The whole application can still go (its tranches with it).
      await db().query(`DELETE FROM pipeline_item WHERE id = $1`, [loan.id]);
      expect((await db().query(`SELECT count(*)::int AS n FROM loan_tranche WHERE id = $1`, [tranche.id]))[0].n).toBe(
        0,
      );
    });
  });
});
