// node bench/reports-fill.mjs [--items 200000] [--events 300]
// Adds pipeline items with their stage history, promotion events with attendees, land-enquiry and loan details to
// the bench database (BENCH_DATABASE, default irm_bench) that `npm run bench:seed` built, so that the reports can be
// measured at size before the bench seed itself fills the pipelines. Items walk their pipeline from the first stage
// over five years (2022 to 27 Nov 2026): each step goes on to the next stage (now and then skipping one), is lost or stops,
// with dwell times around the stage's SLA; stalled items are lost unless recent. About five history rows per item: 200,000 items, ~1,000,000 moves.
// Deterministic. It empties those tables first: run it on the bench database only.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

const { values: args } = parseArgs({
  options: { items: { type: 'string', default: '200000' }, events: { type: 'string', default: '300' } },
});
const ITEMS = Number(args.items);
const EVENTS = Number(args.events);
const database = process.env.BENCH_DATABASE ?? 'irm_bench';
const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/irm');
const BATCH = 5_000;
const DAY = 86_400_000;
const START = Date.parse('2022-01-01T02:00:00Z');
// The day the bench data ends: items open after it are the current pipeline.
const END = Date.parse('2026-11-27T10:00:00Z');

// mulberry32: small, fast and well mixed (a plain LCG repeats patterns across consecutive picks).
let state = 20260615;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const isoDate = (ms) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);

const KINDS = [
  ['prospect', 0.4],
  ['land_enquiry', 0.2],
  ['loan_application', 0.15],
  ['event_contact', 0.25],
];
const LENDERS = [
  ['Vietcombank Vĩnh Phúc', 'bank'],
  ['BIDV Vĩnh Phúc', 'bank'],
  ['Agribank Vĩnh Phúc', 'bank'],
  ['VietinBank Vĩnh Phúc', 'bank'],
  ['Ngân hàng Chính sách xã hội', 'bank'],
  ['Quỹ Đầu tư phát triển Vĩnh Phúc', 'fund'],
  ['Quỹ Phát triển doanh nghiệp nhỏ và vừa', 'fund'],
  ['Quỹ Bảo lãnh tín dụng', 'fund'],
];
const SECTORS = ['electronics', 'mechanical_engineering', 'textiles', 'logistics', 'supporting_industries'];
const EVENT_NAMES = {
  conference: [
    'Hội nghị xúc tiến đầu tư Vĩnh Phúc – Hàn Quốc',
    'Hội nghị gặp mặt nhà đầu tư FDI',
    'Diễn đàn doanh nghiệp Đài Loan',
  ],
  roadshow: ['Roadshow xúc tiến đầu tư tại Nhật Bản', 'Roadshow tại Seoul và Busan', 'Roadshow tại Thâm Quyến'],
  trade_fair: ['Hội chợ công nghiệp hỗ trợ Hà Nội', 'Triển lãm Vietnam Manufacturing Expo'],
  site_visit_tour: ['Đoàn khảo sát KCN Bá Thiện', 'Đoàn khảo sát CCN Đồng Sóc', 'Đoàn khảo sát KCN Sơn Lôi'],
  webinar: ['Hội thảo trực tuyến cơ hội đầu tư CCN', 'Webinar chính sách ưu đãi đầu tư'],
};
const EVENT_KINDS = Object.keys(EVENT_NAMES);
const PRODUCTS = [
  'linh kiện điện tử',
  'cơ khí chính xác',
  'dệt may xuất khẩu',
  'bao bì giấy',
  'tấm pin mặt trời',
  'dược phẩm',
  'chế biến nông sản',
  'phụ tùng ô tô',
  'thiết bị y tế',
  'nhựa kỹ thuật',
  'khuôn mẫu',
  'sợi tổng hợp',
];
const INVESTORS = [
  'Hanwha',
  'Daewoo',
  'Kyocera',
  'Foxconn',
  'Toyota Boshoku',
  'Piaggio',
  'Sumida',
  'Canon',
  'Partron',
  'Minh Phát',
  'Thành Công',
  'Hồng Hải',
  'An Phú',
  'Việt Hưng',
];
const BORROWERS = [
  'Công ty TNHH Cơ khí Tam Dương',
  'HTX Mộc Thanh Lãng',
  'Công ty CP Hạ tầng CCN Đồng Sóc',
  'Công ty TNHH May Bình Xuyên',
  'Công ty CP Nhựa Vĩnh Yên',
  'Công ty TNHH Điện tử Phúc Yên',
  'Công ty CP Bao bì Yên Lạc',
];
const PEOPLE = [
  'Kim Min-jun',
  'Sato Haruki',
  'Nguyễn Văn Hùng',
  'Trần Thị Lan',
  'Lee Ji-won',
  'Tanaka Yui',
  'Phạm Quốc Bảo',
  'Wang Wei',
  'Park Seo-yeon',
  'Lê Minh Tuấn',
];
/** A title people would write for an item of that kind. */
function titleFor(kind, areaHa) {
  if (kind === 'prospect') return `Nhà máy ${pick(PRODUCTS)} ${pick(INVESTORS)}`;
  if (kind === 'land_enquiry') return `Thuê ${String(areaHa).replace('.', ',')} ha — ${pick(SECTOR_NAMES)}`;
  if (kind === 'loan_application') return `Vay ưu đãi — ${pick(BORROWERS)}`;
  return `${pick(PEOPLE)} — liên hệ`;
}
const SECTOR_NAMES = ['điện tử', 'cơ khí', 'dệt may', 'logistics', 'công nghiệp hỗ trợ'];

/** `INSERT … SELECT FROM unnest(…)` of rows given as objects, `columns` name → SQL type, in batches. */
async function insert(db, table, columns, rows, label = table) {
  const names = Object.keys(columns);
  for (let from = 0; from < rows.length; from += BATCH) {
    const batch = rows.slice(from, from + BATCH);
    await db.query(
      `INSERT INTO ${table} (${names.join(', ')})
       SELECT * FROM unnest(${names.map((name, n) => `$${n + 1}::${columns[name]}[]`).join(', ')})`,
      names.map((name) => batch.map((row) => row[name] ?? null)),
    );
    process.stdout.write(
      `\r  ${label}: ${Math.min(from + BATCH, rows.length).toLocaleString('en')}/${rows.length.toLocaleString('en')}`,
    );
  }
  process.stdout.write('\n');
}

const db = new Client({ connectionString: new URL(`/${database}`, base).href });
await db.connect();
try {
  const t0 = Date.now();
  const staff = (await db.query(`SELECT id FROM app_user WHERE role IN ('staff', 'manager') ORDER BY email`)).rows.map(
    (r) => r.id,
  );
  const [{ id: adminId }] = (await db.query(`SELECT id FROM app_user WHERE role = 'admin' ORDER BY created_at LIMIT 1`))
    .rows;
  if (!staff.length) staff.push(adminId);
  const zones = (await db.query(`SELECT id FROM zone ORDER BY code`)).rows.map((r) => r.id);
  const contacts = (await db.query(`SELECT id FROM contact ORDER BY id LIMIT $1`, [ITEMS])).rows.map((r) => r.id);
  const pipelines = {};
  for (const row of (
    await db.query(
      `SELECT p.kind, p.id AS pipeline_id, s.id, s.key, s.type, s.position, s.sla_working_days AS sla
         FROM stage s JOIN pipeline p ON p.id = s.pipeline_id ORDER BY p.kind, s.position`,
    )
  ).rows) {
    const pipeline = (pipelines[row.kind] ??= { id: row.pipeline_id, stages: [] });
    pipeline.stages.push(row);
  }
  for (const pipeline of Object.values(pipelines)) {
    const won = pipeline.stages.find((s) => s.type === 'won');
    pipeline.path = pipeline.stages.filter((s) => s.type === 'open' && s.position < won.position).concat(won);
    pipeline.lost = pipeline.stages.filter((s) => s.type === 'lost');
  }

  console.log(`Replacing the pipelines' items, history, events and loans in ${database}`);
  await db.query(
    `TRUNCATE stage_history, event_attendee, land_enquiry, loan_tranche, loan_document, loan_application,
              pipeline_item, promotion_event`,
  );

  const events = Array.from({ length: EVENTS }, () => {
    const startsOn = isoDate(START + random() * (END - START));
    const kind = pick(EVENT_KINDS);
    return {
      id: randomUUID(),
      name: `${pick(EVENT_NAMES[kind])} ${startsOn.slice(5, 7)}/${startsOn.slice(0, 4)}`,
      kind,
      starts_on: startsOn,
      ends_on: startsOn,
      place: 'Vĩnh Yên',
      country: 'VN',
      budget_vnd: random() < 0.8 ? Math.round(50 + random() * 950) * 1_000_000 : null,
      owner_id: pick(staff),
      version: 1,
    };
  });

  const items = [];
  const moves = [];
  const attendees = [];
  const enquiries = [];
  const loans = [];
  let contactIndex = 0;
  for (let i = 0; i < ITEMS; i++) {
    let r = random();
    const kind = KINDS.find(([, share]) => (r -= share) < 0)?.[0] ?? 'prospect';
    const pipeline = pipelines[kind];
    let owner = pick(staff);
    let at = START + random() * (END - START - 30 * DAY);
    const id = randomUUID();
    const event = kind === 'event_contact' || random() < 0.3 ? pick(events) : null;
    const history = [{ stage: pipeline.path[0], at, owner, days: null, breached: false }];
    let index = 0;
    let closed = null;
    for (;;) {
      const stage = history.at(-1).stage;
      if (stage.type !== 'open') break;
      const sla = stage.sla ?? 20;
      const days = Math.max(0, Math.round(sla * (0.2 + random() * random() * 2.2)));
      const next = at + days * 1.4 * DAY + random() * 8 * 3600_000;
      if (next > END) break;
      const roll = random();
      let to;
      if (roll < 0.86) to = pipeline.path[Math.min(index + (random() < 0.05 ? 2 : 1), pipeline.path.length - 1)];
      // Stalled items are dropped in time: only recent ones are still open.
      else if (roll < 0.94 || next < END - 120 * DAY) to = pick(pipeline.lost);
      else break;
      if (random() < 0.05) owner = pick(staff);
      at = next;
      index = pipeline.path.indexOf(to);
      history.push({ stage: to, at, owner, days, breached: stage.sla !== null && days > stage.sla });
      if (to.type !== 'open') closed = at;
    }
    const last = history.at(-1);
    const sla = last.stage.type === 'open' ? last.stage.sla : null;
    const areaHa = kind === 'land_enquiry' ? Math.round(100 + random() * 2000) / 100 : null;
    items.push({
      id,
      kind,
      pipeline_id: pipeline.id,
      stage_id: last.stage.id,
      title: titleFor(kind, areaHa),
      owner_id: last.owner,
      event_id: event?.id,
      zone_id: kind === 'land_enquiry' ? pick(zones) : null,
      sector: pick(SECTORS),
      area_ha: areaHa,
      capital_usd: kind === 'prospect' || kind === 'land_enquiry' ? Math.round(random() * 5e9) / 100 : null,
      expected_jobs: kind === 'prospect' || kind === 'land_enquiry' ? Math.round(random() * 800) : null,
      amount_vnd: kind === 'loan_application' ? Math.round(1 + random() * 300) * 100_000_000 : null,
      stage_entered_at: new Date(last.at).toISOString(),
      sla_due_on: sla ? isoDate(last.at + sla * 1.4 * DAY) : null,
      overdue_from: sla ? isoDate(last.at + (sla + 1) * 1.4 * DAY) : null,
      closed_at: closed ? new Date(closed).toISOString() : null,
      created_at: new Date(history[0].at).toISOString(),
      version: history.length,
    });
    let from = null;
    for (const move of history) {
      moves.push({
        item_id: id,
        pipeline_id: pipeline.id,
        from_stage_id: from,
        to_stage_id: move.stage.id,
        owner_id: move.owner,
        moved_by_id: move.owner,
        moved_at: new Date(move.at).toISOString(),
        working_days_in_stage: move.days,
        breached_sla: move.breached,
      });
      from = move.stage.id;
    }
    if (kind === 'event_contact' && contactIndex < contacts.length) {
      attendees.push({ event_id: event.id, contact_id: contacts[contactIndex++], item_id: id, added_by_id: adminId });
    }
    if (kind === 'land_enquiry') enquiries.push({ item_id: id });
    if (kind === 'loan_application') {
      const [lender, lenderKind] = pick(LENDERS);
      const approved = index >= 3 ? Math.round(items.at(-1).amount_vnd * (0.5 + random() * 0.5)) : null;
      const planned = approved && index >= 4 ? approved : 0;
      const disbursed = planned && index >= 5 ? Math.round(planned * random()) : 0;
      loans.push({
        item_id: id,
        applicant_type: random() < 0.8 ? 'sme' : 'cluster_infrastructure',
        lender,
        lender_kind: lenderKind,
        purpose: 'Đầu tư nhà xưởng',
        approved_vnd: approved,
        planned_vnd: planned,
        disbursed_vnd: disbursed,
      });
    }
  }
  // A quarter of the prospects and land enquiries came out of an event contact.
  const converted = items.filter((item) => item.kind === 'event_contact' && item.closed_at);
  for (const item of items) {
    if ((item.kind === 'prospect' || item.kind === 'land_enquiry') && converted.length && random() < 0.25) {
      item.source_item_id = converted[Math.floor(random() * converted.length)].id;
    }
  }

  await insert(
    db,
    'promotion_event',
    {
      id: 'uuid',
      name: 'text',
      kind: 'promotion_event_kind',
      starts_on: 'date',
      ends_on: 'date',
      place: 'text',
      country: 'text',
      budget_vnd: 'bigint',
      owner_id: 'uuid',
      version: 'int',
    },
    events,
  );
  // Contacts first: the items converted from them refer to them.
  items.sort((a, b) => Number(b.kind === 'event_contact') - Number(a.kind === 'event_contact'));
  await insert(
    db,
    'pipeline_item',
    {
      id: 'uuid',
      kind: 'pipeline_kind',
      pipeline_id: 'uuid',
      stage_id: 'uuid',
      title: 'text',
      owner_id: 'uuid',
      event_id: 'uuid',
      zone_id: 'uuid',
      source_item_id: 'uuid',
      sector: 'text',
      area_ha: 'numeric',
      capital_usd: 'numeric',
      expected_jobs: 'int',
      amount_vnd: 'bigint',
      stage_entered_at: 'timestamptz',
      sla_due_on: 'date',
      overdue_from: 'date',
      closed_at: 'timestamptz',
      created_at: 'timestamptz',
      version: 'int',
    },
    items,
  );
  await insert(
    db,
    'stage_history',
    {
      item_id: 'uuid',
      pipeline_id: 'uuid',
      from_stage_id: 'uuid',
      to_stage_id: 'uuid',
      owner_id: 'uuid',
      moved_by_id: 'uuid',
      moved_at: 'timestamptz',
      working_days_in_stage: 'int',
      breached_sla: 'bool',
    },
    moves,
  );
  await insert(
    db,
    'event_attendee',
    { event_id: 'uuid', contact_id: 'uuid', item_id: 'uuid', added_by_id: 'uuid' },
    attendees,
  );
  await insert(db, 'land_enquiry', { item_id: 'uuid' }, enquiries);
  await insert(
    db,
    'loan_application',
    {
      item_id: 'uuid',
      applicant_type: 'loan_applicant_type',
      lender: 'text',
      lender_kind: 'lender_kind',
      purpose: 'text',
      approved_vnd: 'bigint',
      planned_vnd: 'bigint',
      disbursed_vnd: 'bigint',
    },
    loans,
  );
  console.log('  ANALYZE');
  await db.query(
    'ANALYZE pipeline_item, stage_history, event_attendee, land_enquiry, loan_application, promotion_event',
  );
  console.log(
    `${items.length.toLocaleString('en')} items, ${moves.length.toLocaleString('en')} moves, ${events.length} events, ` +
      `${attendees.length.toLocaleString('en')} attendees in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
} finally {
  await db.end();
}
