import { expect, test, type Page } from '@playwright/test';
import { Client } from 'pg';
import { adminApi, collectPageErrors, createUser, SCREENSHOT_DIR, signIn, SIGNED_OUT } from './support';

/*
 * Pipeline history in the first quarter of 2019, written straight into the tables (no API writes moves yet), so the
 * dashboard's figures can be worked out by hand and nothing else in the browser database falls in that window.
 * The same shapes as the API's reports e2e test: P1 licensed, P2 lost after Qualified, P3 and P7 at Information
 * sent, P4 on hold, P5 in Lead; P6 entered Lead just after the window.
 */
const WINDOW = 'range=custom&from=2019-01-01&to=2019-03-31&pipeline=prospect&period=month';
const MARK = ' · 2019';

type Move = [stage: string, at: string, workingDays: number | null, breached: boolean, owner: 'a' | 'b'];

interface Item {
  key: string;
  kind: 'prospect' | 'land_enquiry' | 'loan_application' | 'event_contact';
  title: string;
  stage: string;
  owner: 'a' | 'b';
  at: string;
  closed?: boolean;
  overdueFrom?: string;
  event?: boolean;
  source?: string;
  areaHa?: number;
  capitalUsd?: number;
  jobs?: number;
  amountVnd?: number;
  moves?: Move[];
}

const h = (date: string) => `${date}T09:00:00+07:00`;

const ITEMS: Item[] = [
  {
    key: 'EC1',
    kind: 'event_contact',
    title: 'Kim Min-jun',
    stage: 'converted',
    owner: 'a',
    at: h('2019-03-12'),
    closed: true,
    event: true,
  },
  {
    key: 'EC2',
    kind: 'event_contact',
    title: 'Sato Haruki',
    stage: 'converted',
    owner: 'a',
    at: h('2019-03-12'),
    closed: true,
    event: true,
  },
  {
    key: 'EC3',
    kind: 'event_contact',
    title: 'Lê Văn Cường',
    stage: 'met',
    owner: 'b',
    at: h('2019-03-11'),
    event: true,
  },
  {
    key: 'P1',
    kind: 'prospect',
    title: 'Nhà máy linh kiện điện tử',
    stage: 'licensed',
    owner: 'a',
    at: '2019-03-20T10:00:00+07:00',
    closed: true,
    event: true,
    source: 'EC1',
    capitalUsd: 20_000_000.5,
    jobs: 300,
    moves: [
      ['lead', h('2019-01-05'), null, false, 'a'],
      ['qualified', h('2019-01-07'), 2, false, 'a'],
      ['information_sent', h('2019-01-14'), 5, false, 'a'],
      ['site_visit', h('2019-02-10'), 19, true, 'a'],
      ['licensed', '2019-03-20T10:00:00+07:00', 27, false, 'a'],
    ],
  },
  {
    key: 'P2',
    kind: 'prospect',
    title: 'Xưởng may mặc',
    stage: 'lost',
    owner: 'a',
    at: h('2019-02-02'),
    closed: true,
    event: true,
    moves: [
      ['lead', '2019-01-01T06:00:00+07:00', null, false, 'a'],
      ['qualified', h('2019-01-12'), 1, false, 'a'],
      ['lost', h('2019-02-02'), 14, true, 'a'],
    ],
  },
  {
    key: 'P3',
    kind: 'prospect',
    title: 'Trung tâm logistics',
    stage: 'information_sent',
    owner: 'b',
    at: h('2019-02-24'),
    overdueFrom: '2019-03-11',
    moves: [
      ['lead', '2018-12-31T23:59:00+07:00', null, false, 'b'],
      ['qualified', h('2019-01-06'), 9, true, 'b'],
      ['information_sent', h('2019-02-24'), 30, true, 'b'],
    ],
  },
  {
    key: 'P4',
    kind: 'prospect',
    title: 'Nhà máy bao bì',
    stage: 'on_hold',
    owner: 'b',
    at: h('2019-02-05'),
    moves: [
      ['lead', h('2019-02-03'), null, false, 'b'],
      ['on_hold', h('2019-02-05'), 2, false, 'b'],
    ],
  },
  {
    key: 'P5',
    kind: 'prospect',
    title: 'Nhà máy cơ khí chính xác',
    stage: 'lead',
    owner: 'b',
    at: '2019-03-31T23:30:00+07:00',
    overdueFrom: '2019-04-03',
    moves: [['lead', '2019-03-31T23:30:00+07:00', null, false, 'b']],
  },
  {
    key: 'P6',
    kind: 'prospect',
    title: 'Nhà máy dược phẩm',
    stage: 'lead',
    owner: 'a',
    at: '2019-04-01T00:30:00+07:00',
    overdueFrom: '2019-04-04',
    moves: [['lead', '2019-04-01T00:30:00+07:00', null, false, 'a']],
  },
  {
    key: 'P7',
    kind: 'prospect',
    title: 'Nhà máy pin mặt trời',
    stage: 'information_sent',
    owner: 'b',
    at: h('2019-03-03'),
    overdueFrom: '2019-03-18',
    moves: [
      ['lead', h('2019-01-20'), null, false, 'a'],
      ['qualified', h('2019-01-22'), 2, false, 'a'],
      ['information_sent', h('2019-03-03'), 25, true, 'b'],
    ],
  },
  {
    key: 'L2',
    kind: 'land_enquiry',
    title: 'Thuê 12,5 ha',
    stage: 'screened',
    owner: 'b',
    at: h('2019-03-25'),
    source: 'EC2',
    areaHa: 12.5,
    capitalUsd: 5_000_000,
    jobs: 120,
  },
  {
    key: 'LN1',
    kind: 'loan_application',
    title: 'Vay LN1',
    stage: 'disbursing',
    owner: 'a',
    at: h('2019-02-01'),
    amountVnd: 2_000_000_000,
  },
  {
    key: 'LN2',
    kind: 'loan_application',
    title: 'Vay LN2',
    stage: 'closed',
    owner: 'b',
    at: h('2019-01-15'),
    closed: true,
    amountVnd: 30_000_000_000,
  },
  {
    key: 'LN4',
    kind: 'loan_application',
    title: 'Vay LN4',
    stage: 'rejected',
    owner: 'b',
    at: h('2019-03-03'),
    closed: true,
    amountVnd: 1_200_000_000,
  },
];

async function arrange(db: Client, owners: Record<'a' | 'b', string>): Promise<void> {
  await db.query('BEGIN');
  // A retry starts from a clean slate.
  const old = `SELECT id FROM pipeline_item WHERE title LIKE '%${MARK}'`;
  await db.query(`DELETE FROM event_attendee WHERE item_id IN (${old})`);
  await db.query(`DELETE FROM pipeline_item WHERE source_item_id IN (${old})`);
  await db.query(`DELETE FROM pipeline_item WHERE title LIKE '%${MARK}'`);
  await db.query(`DELETE FROM promotion_event WHERE name = 'Hội nghị thử nghiệm${MARK}'`);
  const stages: Record<string, Record<string, string>> = {};
  const pipelines: Record<string, string> = {};
  for (const row of (
    await db.query(`SELECT p.kind, p.id AS pid, s.key, s.id FROM stage s JOIN pipeline p ON p.id = s.pipeline_id`)
  ).rows) {
    pipelines[row.kind] = row.pid;
    (stages[row.kind] ??= {})[row.key] = row.id;
  }
  const [{ id: eventId }] = (
    await db.query(
      `INSERT INTO promotion_event (name, kind, starts_on, ends_on, place, country, budget_vnd, owner_id, version)
       VALUES ($1, 'conference', '2019-03-10', '2019-03-10', 'Vĩnh Yên', 'VN', 600000000, $2, 1) RETURNING id`,
      [`Hội nghị thử nghiệm${MARK}`, owners.a],
    )
  ).rows;
  const ids: Record<string, string> = {};
  for (const item of ITEMS) {
    const owner = owners[item.owner];
    const [{ id }] = (
      await db.query(
        `INSERT INTO pipeline_item (kind, pipeline_id, stage_id, title, owner_id, event_id, source_item_id, area_ha,
                                    capital_usd, expected_jobs, amount_vnd, stage_entered_at, overdue_from, sla_due_on,
                                    closed_at, created_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::date, $13::date - 1, $14, $15, 1) RETURNING id`,
        [
          item.kind,
          pipelines[item.kind],
          stages[item.kind][item.stage],
          `${item.title}${MARK}`,
          owner,
          item.event ? eventId : null,
          item.source ? ids[item.source] : null,
          item.areaHa ?? null,
          item.capitalUsd ?? null,
          item.jobs ?? null,
          item.amountVnd ?? null,
          item.at,
          item.overdueFrom ?? null,
          item.closed ? item.at : null,
          item.moves?.[0]?.[1] ?? item.at,
        ],
      )
    ).rows;
    ids[item.key] = id;
    let from: string | null = null;
    for (const [stage, at, days, breached, mover] of item.moves ?? []) {
      await db.query(
        `INSERT INTO stage_history (item_id, pipeline_id, from_stage_id, to_stage_id, owner_id, moved_at,
                                    working_days_in_stage, breached_sla)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, pipelines[item.kind], from, stages[item.kind][stage], owners[mover], at, days, breached],
      );
      from = stages[item.kind][stage];
    }
    if (item.kind === 'event_contact') {
      const [{ id: contactId }] = (
        await db.query(`INSERT INTO contact (full_name, owner_id, version) VALUES ($1, $2, 1) RETURNING id`, [
          `${item.title}${MARK}`,
          owner,
        ])
      ).rows;
      await db.query(
        `INSERT INTO event_attendee (event_id, contact_id, item_id, added_by_id) VALUES ($1, $2, $3, $4)`,
        [eventId, contactId, id, owner],
      );
    }
    if (item.kind === 'land_enquiry') await db.query(`INSERT INTO land_enquiry (item_id) VALUES ($1)`, [id]);
  }
  // Planned and disbursed totals are kept by the tranche triggers: a released tranche for what was disbursed, a
  // planned one for the rest.
  const loan = async (
    item: string,
    applicantType: string,
    lender: string,
    lenderKind: string,
    approved: number | null,
    planned: number,
    disbursed: number,
  ) => {
    await db.query(
      `INSERT INTO loan_application (item_id, applicant_type, lender, lender_kind, purpose, approved_vnd)
       VALUES ($1, $2, $3, $4, 'Nhà xưởng', $5)`,
      [item, applicantType, lender, lenderKind, approved],
    );
    const tranche = (sequence: number, amount: number, released: boolean) =>
      db.query(
        `INSERT INTO loan_tranche (application_id, sequence, milestone, required_progress_pct, amount_vnd, confirmed_at,
                                   confirmed_by_id, confirmed_progress_pct, released_at, released_by_id, version)
         VALUES ($1, $2, 'Hoàn thành móng', 30, $3, $4, $5, $6, $4, $5, 1)`,
        [item, sequence, amount, released ? new Date() : null, released ? owners.a : null, released ? 30 : null],
      );
    if (disbursed > 0) await tranche(1, disbursed, true);
    if (planned > disbursed) await tranche(2, planned - disbursed, false);
  };
  await loan(ids.LN1, 'sme', 'Vietcombank', 'bank', 1_500_000_000, 1_000_000_000, 500_000_000);
  await loan(ids.LN2, 'cluster_infrastructure', 'Quỹ Đầu tư phát triển', 'fund', 25e9, 25e9, 25e9);
  await loan(ids.LN4, 'sme', 'BIDV', 'bank', null, 0, 0);
  await db.query('COMMIT');
}

async function reached(page: Page, testId: string, key: string, attribute: string) {
  return page
    .getByTestId(testId)
    .and(page.locator(`[data-key="${key}"]`))
    .getAttribute(attribute);
}

test.describe('manager dashboard', () => {
  // The fixtures are arranged once, so the tests share one worker.
  test.describe.configure({ mode: 'serial' });
  let owners: Record<'a' | 'b', string>;

  test.beforeAll(async ({ playwright, baseURL }) => {
    const url = process.env.IRM_BROWSER_DATABASE_URL;
    if (!url) throw new Error('IRM_BROWSER_DATABASE_URL is not set: run the browser tier with npm run test:browser');
    const api = await adminApi(playwright, baseURL);
    try {
      const [a, b] = [await createUser(api, { name: 'An Nguyễn' }), await createUser(api, { name: 'Bình Trần' })];
      owners = { a: a.id, b: b.id };
    } finally {
      await api.dispose();
    }
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      await arrange(db, owners);
    } finally {
      await db.end();
    }
  });

  test('draws every report with the figures of the quarter', async ({ page }) => {
    test.slow();
    const errors = collectPageErrors(page);
    await page.goto(`/dashboard?${WINDOW}`);
    await expect(page.getByRole('heading', { name: 'Bảng điều hành', level: 1 })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Bảng điều hành' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('range-from')).toHaveValue('2019-01-01');

    // Funnel: furthest stage per item in the window, skipped stages passed.
    const stages = page.getByTestId('funnel-stage');
    await expect(stages).toHaveCount(7);
    await expect(stages.first()).toHaveAttribute('data-reached', '6');
    expect(await stages.evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-reached'))))).toEqual([
      6, 4, 3, 1, 1, 1, 1,
    ]);
    await expect(page.getByTestId('funnel-conversion')).toHaveText([
      '↓ 66,7%',
      '↓ 75%',
      '↓ 33,3%',
      '↓ 100%',
      '↓ 100%',
      '↓ 100%',
    ]);
    await expect(page.getByTestId('funnel-exits')).toContainText('Không thành công: 1');
    await expect(page.getByTestId('funnel-exits')).toContainText('Tạm dừng: 1');
    await expect(page.getByTestId('kpi-entered-value')).toHaveText('6');
    await expect(page.getByTestId('kpi-won-value')).toHaveText('1');
    await expect(page.getByTestId('kpi-won')).toContainText('Tỷ lệ thành công 16,7%');

    // Time in stage: Lead left after 1, 2, 2, 2, 9 days; Qualified after 5, 14, 25, 30.
    expect(await reached(page, 'time-in-stage-row', 'lead', 'data-median')).toBe('2');
    expect(await reached(page, 'time-in-stage-row', 'lead', 'data-p90')).toBe('6.2');
    expect(await reached(page, 'time-in-stage-row', 'qualified', 'data-median')).toBe('19.5');
    expect(await reached(page, 'time-in-stage-row', 'qualified', 'data-p90')).toBe('28.5');
    expect(await reached(page, 'time-in-stage-row', 'site_visit', 'data-median')).toBe('27');

    // Trend by month and the owners at the time of each move.
    const periods = page.getByTestId('trend-period');
    await expect(periods).toHaveCount(3);
    expect(
      await periods.evaluateAll((nodes) =>
        nodes.map((n) => [n.getAttribute('data-entered'), n.getAttribute('data-won')]),
      ),
    ).toEqual([
      ['4', '0'],
      ['3', '0'],
      ['3', '1'],
    ]);
    const owners = page.getByTestId('owner-row');
    await expect(owners.first()).toContainText('Bình Trần');
    await expect(owners.nth(1)).toContainText('An Nguyễn');

    // SLA: stages left late in the window, items overdue now (the longest first).
    expect(await reached(page, 'sla-stage', 'prospect:qualified', 'data-late')).toBe('3');
    expect(await reached(page, 'sla-stage', 'prospect:lead', 'data-overdue')).toBe('2');
    expect(await reached(page, 'sla-stage', 'prospect:information_sent', 'data-overdue')).toBe('2');
    await expect(page.getByTestId('overdue-row').first()).toContainText(`Trung tâm logistics${MARK}`);

    // Land bank: the 18 seeded industrial parks, most available land first.
    await expect(page.getByTestId('zone-row')).toHaveCount(12);
    await page.getByRole('button', { name: 'Xem tất cả 18' }).click();
    await expect(page.getByTestId('zone-row')).toHaveCount(18);
    const total = page.getByTestId('district-row').last();
    await expect(total.getByRole('cell').first()).toHaveText('Tổng cộng');
    await expect(total.getByRole('cell').nth(1)).toHaveText('18');

    // Loans submitted in the window: LN1, LN2 and LN4.
    await expect(page.getByTestId('loan-total-requestedVnd')).toHaveText('33,2 tỷ ₫');
    await expect(page.getByTestId('loan-total-approvedVnd')).toHaveText('26,5 tỷ ₫');
    await expect(page.getByTestId('loan-total-disbursedVnd')).toHaveText('25,5 tỷ ₫');
    await expect(page.getByTestId('loan-lender')).toHaveCount(3);

    // The event: 3 contacts, conversions EC1 (with P1), EC2 (with L2) and P2; 600 million over 3.
    const event = page.getByTestId('event-row').filter({ hasText: `Hội nghị thử nghiệm${MARK}` });
    await expect(event.getByTestId('event-conversions')).toHaveAttribute('data-conversions', '3');
    await expect(event.getByTestId('event-conversions')).toHaveAttribute('data-contacts', '3');
    await expect(event).toContainText('12,50 ha');
    await expect(event).toContainText('420');
    await expect(event.getByTestId('cost-per-conversion')).toHaveText('200 triệu ₫');

    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-dashboard.png`, fullPage: true });

    // Another pipeline: the same window holds no land-enquiry moves.
    await page.getByTestId('pipeline-picker').getByText('Thuê đất').click();
    await expect(page).toHaveURL(/pipeline=land_enquiry/);
    await expect(page.getByTestId('report-funnel-empty')).toBeVisible();
    expect(errors).toEqual([]);
  });

  // Signed in as a manager of its own, so switching the language leaves the shared admin's alone.
  test('speaks English to a manager', async ({ browser, playwright, baseURL }) => {
    const api = await adminApi(playwright, baseURL);
    const manager = await createUser(api, { role: 'manager', name: 'Trưởng phòng thử' });
    await api.dispose();
    const context = await browser.newContext({ storageState: SIGNED_OUT });
    const page = await context.newPage();
    await signIn(page, manager);
    await page.goto(`/dashboard?${WINDOW}`);
    await page.getByText('EN', { exact: true }).first().click();
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Conversion funnel' })).toBeVisible();
    await expect(page.getByTestId('funnel-conversion').first()).toHaveText('↓ 66.7%');
    await expect(page.getByTestId('loan-total-requestedVnd')).toHaveText('₫33.2 bn');
    await expect(page.getByTestId('report-events')).toContainText('Cost per conversion');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-dashboard-en.png`, fullPage: true });
    await context.close();
  });

  test('is not offered to staff, and says so at its address', async ({ browser, playwright, baseURL }) => {
    const api = await adminApi(playwright, baseURL);
    const staff = await createUser(api, { role: 'staff', name: 'Cán bộ thử' });
    await api.dispose();
    const context = await browser.newContext({ storageState: SIGNED_OUT });
    const page = await context.newPage();
    await signIn(page, staff);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Tổng quan' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Bảng điều hành' })).toHaveCount(0);
    await page.goto('/dashboard');
    await expect(page.getByTestId('forbidden')).toBeVisible();
    await context.close();
  });
});
