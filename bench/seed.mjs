// npm run bench:seed [-- --organizations N --contacts N --timeline N --reuse]
// Fills a fresh database (BENCH_DATABASE, default irm_bench, on DATABASE_URL's server) with the issue's bench size:
// 100,000 investors, 300,000 contacts and 1,000,000 timeline entries, plus staff and tasks, and 200,000 pipeline
// items (50,000 per pipeline, with their stage history, events, land and loan details), behind the real
// migrations and demo seed. Rows go in as multi-row INSERTs of unnest()ed arrays, a batch per statement. The
// counts are totals: what the demo seed made (its zones' investors) is counted in.
// With --reuse, a database this script completed earlier with the same sizes and the same script is kept and only
// migrated; the mark is a comment on the database, written last.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { apiEntry, c, elapsed, main, run, step } from '../tools/proc.mjs';
import { ensureServices, stopServices } from '../tools/services.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const { taxCodeCheckDigit } = require('@irm/domain');

const { values: args } = parseArgs({
  options: {
    organizations: { type: 'string', default: '100000' },
    contacts: { type: 'string', default: '300000' },
    timeline: { type: 'string', default: '1000000' },
    tasks: { type: 'string', default: '50000' },
    staff: { type: 'string', default: '40' },
    items: { type: 'string', default: '200000' },
    events: { type: 'string', default: '300' },
    reuse: { type: 'boolean', default: false },
  },
});
const { reuse, ...sizeArgs } = args;
const size = Object.fromEntries(Object.entries(sizeArgs).map(([key, value]) => [key, Number(value)]));
// What a finished seed leaves on its database: the sizes and a hash of this script.
const seedMark = JSON.stringify({
  benchSeed: createHash('sha256')
    .update(readFileSync(import.meta.filename))
    .digest('hex')
    .slice(0, 16),
  size,
});
export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'irm_bench';
export const BENCH_ADMIN = { ADMIN_EMAIL: 'admin@bench.test', ADMIN_PASSWORD: 'Bench admin password 2026' };
const BATCH = 5_000;

// Deterministic pseudo-random numbers, so two runs build the same data (mulberry32: 32-bit integer steps, so
// no product loses precision as a float and draws do not fall into short cycles).
let state = 20261127;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const pickSome = (list, max) => [
  ...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(list))),
];

const FORMS = ['Công ty TNHH', 'Công ty Cổ phần', 'Công ty TNHH MTV', 'Tập đoàn', 'Công ty'];
const BRANDS = [
  'An',
  'Bình',
  'Phát',
  'Thịnh',
  'Hưng',
  'Việt',
  'Đông',
  'Nam',
  'Hòa',
  'Long',
  'Phúc',
  'Tân',
  'Minh',
  'Quang',
  'Đức',
  'Thành',
  'Trường',
  'Sơn',
  'Hải',
  'Kim',
  'Ngọc',
  'Hoàng',
  'Lộc',
  'Tài',
  'Vĩnh',
  'Gia',
  'Hồng',
  'Lạc',
  'Sao',
  'Á',
];
const FOREIGN = [
  'Samsung',
  'Hanwha',
  'Toyota',
  'Honda',
  'Piaggio',
  'Foxconn',
  'Canon',
  'Daiwa',
  'Kyocera',
  'LG',
  'Doosan',
  'Hyundai',
  'Mitsuba',
  'Yazaki',
  'Luxshare',
  'Goertek',
  'Bosch',
  'Siemens',
  'Nidec',
  'Sumitomo',
];
const TRADES = [
  'Cơ khí',
  'Điện tử',
  'Dệt may',
  'Logistics',
  'Thực phẩm',
  'Vật liệu xây dựng',
  'Bao bì',
  'Nhựa',
  'Linh kiện ô tô',
  'Phần mềm',
  'Gỗ mỹ nghệ',
  'Hóa chất',
  'Năng lượng',
  'Da giày',
  'Dược phẩm',
];
const PLACES = [
  'Vĩnh Phúc',
  'Phúc Yên',
  'Bình Xuyên',
  'Tam Dương',
  'Yên Lạc',
  'Vĩnh Tường',
  'Lập Thạch',
  'Sông Lô',
  'Tam Đảo',
  'Phú Thọ',
  'Việt Nhật',
  'Hàn Việt',
  'Bắc Bộ',
  'Hà Nội',
];
const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Kim',
  'Park',
  'Tanaka',
  'Suzuki',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thu', 'Ngọc', 'Quốc', 'Thanh', 'Xuân', 'Hoài', 'Bảo'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hằng',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phong',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
  'Yến',
];
const POSITIONS = [
  'Giám đốc',
  'Phó Giám đốc',
  'Trưởng phòng Đầu tư',
  'Kế toán trưởng',
  'Chief Executive Officer',
  'Project Manager',
  'General Manager',
  null,
];
const KINDS = ['domestic', 'domestic', 'domestic', 'foreign_invested', 'foreign_invested', 'joint_venture'];
const COUNTRIES = ['KR', 'JP', 'CN', 'TW', 'SG', 'US', 'DE', 'TH'];
const SECTORS = ['C', '10', '13', '14', '22', '25', '26', '27', '28', '29', '31', 'H', '52', 'J', '62', 'F'];
const SIZES = ['micro', 'small', 'medium', 'large', null];
const SOURCES = ['promotion_event', 'referral', 'website', 'walk_in', 'embassy', 'existing_investor', null];
const TAGS = ['priority', 'aftercare', 'hỗ trợ vốn', 'đã khảo sát', 'FDI', 'SME'];
const LANGUAGES = ['vi', 'vi', 'vi', 'en', 'ja', 'ko', 'zh'];
const NOTES = [
  'Đã gửi hồ sơ giới thiệu khu công nghiệp và bảng giá thuê đất.',
  'Nhà đầu tư quan tâm lô đất 5 ha gần cao tốc, cần xác nhận hạ tầng điện.',
  'Called to confirm the site visit date; they asked about workforce availability.',
  'Họp trực tuyến với ban giám đốc, thống nhất lịch khảo sát tháng tới.',
  'Follow-up after the Seoul roadshow: sent the incentives summary in English.',
  'Đề nghị hỗ trợ thủ tục cấp giấy chứng nhận đăng ký đầu tư.',
];

function taxCode(i) {
  for (let serial = i; ; serial += 7_919_113) {
    const nine = `${pick(['01', '25', '26', '23', '03'])}${String(serial % 10_000_000 || 1).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

/** A one-line progress bar with rate, redrawn in place on a terminal, every tenth on a log. */
function progress(label, total) {
  const t0 = Date.now();
  let lastLogged = -1;
  return (done) => {
    const ratio = total ? done / total : 1;
    const width = 30;
    const bar = '█'.repeat(Math.round(ratio * width)).padEnd(width, '░');
    const rate = Math.round(done / Math.max((Date.now() - t0) / 1000, 0.001));
    const line = `  ${bar} ${String(Math.round(ratio * 100)).padStart(3)}%  ${label} ${done.toLocaleString('en')}/${total.toLocaleString('en')}  ${rate.toLocaleString('en')} rows/s`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}${done >= total ? '\n' : ''}`);
    else if (Math.floor(ratio * 10) > lastLogged || done >= total) {
      lastLogged = Math.floor(ratio * 10);
      console.log(line);
    }
  };
}

/** Inserts `total` generated rows in batches: `columns` name → [sql type, value(i)]. */
async function fill(db, table, total, columns, { returning } = {}) {
  const names = Object.keys(columns);
  const ids = [];
  const show = progress(table, total);
  show(0);
  for (let from = 0; from < total; from += BATCH) {
    const count = Math.min(BATCH, total - from);
    const arrays = names.map(() => new Array(count));
    for (let k = 0; k < count; k++) {
      const row = {};
      names.forEach((name, n) => (arrays[n][k] = row[name] = columns[name][1](from + k, row)));
    }
    // Array-typed columns travel as text literals and are cast per row.
    const select = names
      .map((name, n) => {
        const type = columns[name][0];
        return type.endsWith('[]') ? `c${n}::${type}` : `c${n}`;
      })
      .join(', ');
    const unnest = names
      .map((name, n) => (columns[name][0].endsWith('[]') ? `$${n + 1}::text[]` : `$${n + 1}::${columns[name][0]}[]`))
      .join(', ');
    const sql = `INSERT INTO ${table} (${names.join(', ')})
      SELECT ${select} FROM unnest(${unnest}) AS u(${names.map((_, n) => `c${n}`).join(', ')})
      ${returning ? `RETURNING ${returning}` : ''}`;
    const params = names.map((name, n) =>
      columns[name][0].endsWith('[]')
        ? arrays[n].map((v) => (v === null ? null : `{${v.map((x) => `"${x}"`).join(',')}}`))
        : arrays[n],
    );
    const result = await db.query(sql, params);
    if (returning) ids.push(...result.rows.map((r) => r[returning]));
    show(from + count);
  }
  return ids;
}

const ZONE_SECTORS = ['mechanical_engineering', 'electronics', 'it', 'textiles', 'footwear', 'supporting_industries'];
const EVENT_KINDS = ['conference', 'roadshow', 'trade_fair', 'site_visit_tour', 'webinar'];
// Loan stages from which an application has an approved amount, and from which it is being disbursed (DOMAIN.md).
const LOAN_APPROVED_POSITION = 4;
const LOAN_DISBURSING_POSITION = 6;
const LENDERS = ['Vietcombank Vĩnh Phúc', 'BIDV Phúc Yên', 'Agribank Vĩnh Phúc', 'Quỹ Phát triển DNNVV', 'VDB'];
const DAY_MS = 86_400_000;
/** Calendar days for n working days, near enough for bench data (weekends only). */
const calendarDays = (n) => Math.ceil((n * 7) / 5);
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * Pipeline items spread over the four pipelines. Each item sits in a stage drawn with weight to the early ones
 * and carries one history row per stage it passed through, so boards and reports read realistic shapes.
 */
async function seedPipelines(db, { staff, organizations, contacts, now }) {
  const stages = (
    await db.query(`SELECT s.id, s.pipeline_id, s.key, s.type, s.position, s.sla_working_days, p.kind
                      FROM stage s JOIN pipeline p ON p.id = s.pipeline_id ORDER BY p.kind, s.position`)
  ).rows;
  const zones = (await db.query(`SELECT id FROM zone`)).rows.map((r) => r.id);
  const events = await step(`${size.events} promotion events`, () =>
    fill(
      db,
      'promotion_event',
      size.events,
      {
        name: [
          'text',
          (i) =>
            `${pick(['Hội nghị XTĐT', 'Roadshow', 'Investment Forum', 'Hội chợ'])} ${pick(PLACES)} ${2020 + (i % 7)}`,
        ],
        kind: ['promotion_event_kind', () => pick(EVENT_KINDS)],
        starts_on: ['date', (i) => isoDate(now - Math.floor(random() * 3 * 365) * DAY_MS)],
        ends_on: ['date', (i, row) => row.starts_on],
        place: ['text', () => pick(PLACES)],
        country: ['text', () => pick(COUNTRIES)],
        budget_vnd: ['bigint', () => Math.floor(random() * 2_000) * 1_000_000],
        owner_id: ['uuid', () => pick(staff)],
        version: ['int', () => 1],
      },
      { returning: 'id' },
    ),
  );
  const kinds = ['prospect', 'land_enquiry', 'loan_application', 'event_contact'];
  const specs = [];
  for (let i = 0; i < size.items; i++) {
    const kind = kinds[i % 4];
    const own = stages.filter((s) => s.kind === kind);
    // Early stages hold most items: the stage index is the smaller of two draws.
    const at = own[Math.min(Math.floor(random() * own.length), Math.floor(random() * own.length))];
    const passed = own.filter((s) => s.type === 'open' && s.position < at.position);
    const created = now - Math.floor(random() * 2 * 365) * DAY_MS;
    const entered = Math.min(now, created + passed.length * Math.floor(random() * 20 + 1) * DAY_MS);
    const sla = at.type === 'open' ? at.sla_working_days : null;
    // Moves are made under the item's owner; one item in seven changed hands on the way.
    const owner = pick(staff);
    const handedOverAt = random() < 0.15 ? Math.floor(random() * (passed.length + 1)) : 0;
    const amount = kind === 'loan_application' ? Math.floor(random() * 50 + 1) * 1_000_000_000 : null;
    specs.push({ kind, at, passed, created, entered, sla, owner, formerOwner: pick(staff), handedOverAt, amount });
  }
  const ids = await step(`${size.items.toLocaleString('en')} pipeline items`, () =>
    fill(
      db,
      'pipeline_item',
      size.items,
      {
        kind: ['pipeline_kind', (i) => specs[i].kind],
        pipeline_id: ['uuid', (i) => specs[i].at.pipeline_id],
        stage_id: ['uuid', (i) => specs[i].at.id],
        title: ['text', (i) => `${pick(TRADES)} ${pick(BRANDS)} ${pick(PLACES)} #${i}`],
        owner_id: ['uuid', (i) => specs[i].owner],
        organization_id: ['uuid', () => pick(organizations)],
        contact_id: ['uuid', (i) => (specs[i].kind === 'event_contact' || random() < 0.3 ? pick(contacts) : null)],
        event_id: ['uuid', (i) => (specs[i].kind === 'event_contact' || random() < 0.2 ? pick(events) : null)],
        zone_id: ['uuid', (i) => (specs[i].kind === 'land_enquiry' && random() < 0.7 ? pick(zones) : null)],
        sector: ['text', () => pick(ZONE_SECTORS)],
        area_ha: ['numeric', (i) => (specs[i].kind === 'land_enquiry' ? Math.round(random() * 500 + 10) / 100 : null)],
        capital_usd: [
          'numeric',
          (i) => (specs[i].kind === 'prospect' || specs[i].kind === 'land_enquiry' ? Math.round(random() * 5e7) : null),
        ],
        expected_jobs: ['int', (i) => (specs[i].kind === 'prospect' ? Math.floor(random() * 2000) : null)],
        amount_vnd: ['bigint', (i) => specs[i].amount],
        stage_entered_at: ['timestamptz', (i) => new Date(specs[i].entered)],
        sla_due_on: [
          'date',
          (i) => (specs[i].sla ? isoDate(specs[i].entered + calendarDays(specs[i].sla) * DAY_MS) : null),
        ],
        overdue_from: [
          'date',
          (i) => (specs[i].sla ? isoDate(specs[i].entered + (calendarDays(specs[i].sla) + 1) * DAY_MS) : null),
        ],
        lost_reason: ['text', (i) => (specs[i].at.type === 'lost' ? 'Chọn địa phương khác' : null)],
        closed_at: ['timestamptz', (i) => (specs[i].at.type === 'open' ? null : new Date(specs[i].entered))],
        created_at: ['timestamptz', (i) => new Date(specs[i].created)],
        updated_at: ['timestamptz', (i) => new Date(specs[i].entered)],
        version: ['int', (i) => specs[i].passed.length + 1],
      },
      { returning: 'id' },
    ),
  );
  const history = [];
  specs.forEach((spec, i) => {
    const path = [...spec.passed, spec.at];
    const span = path.length > 1 ? (spec.entered - spec.created) / (path.length - 1) : 0;
    path.forEach((stage, n) => {
      const movedAt = spec.created + Math.round(span * n);
      const daysIn = n === 0 ? null : Math.round(((span / DAY_MS) * 5) / 7);
      history.push({
        item: ids[i],
        pipeline: stage.pipeline_id,
        from: n === 0 ? null : path[n - 1].id,
        to: stage.id,
        owner: n < spec.handedOverAt ? spec.formerOwner : spec.owner,
        at: movedAt,
        daysIn,
        breached: n > 0 && path[n - 1].sla_working_days !== null && daysIn > path[n - 1].sla_working_days,
      });
    });
  });
  await step(`${history.length.toLocaleString('en')} stage history rows`, () =>
    fill(db, 'stage_history', history.length, {
      item_id: ['uuid', (i) => history[i].item],
      pipeline_id: ['uuid', (i) => history[i].pipeline],
      from_stage_id: ['uuid', (i) => history[i].from],
      to_stage_id: ['uuid', (i) => history[i].to],
      owner_id: ['uuid', (i) => history[i].owner],
      moved_by_id: ['uuid', (i) => history[i].owner],
      moved_at: ['timestamptz', (i) => new Date(history[i].at)],
      working_days_in_stage: ['int', (i) => history[i].daysIn],
      breached_sla: ['boolean', (i) => history[i].breached],
    }),
  );
  // Each event contact was met at its event: its attendee row (one per person and event).
  await step('event attendees', () =>
    db.query(
      `INSERT INTO event_attendee (event_id, contact_id, item_id, added_by_id, added_at)
       SELECT DISTINCT ON (event_id, contact_id) event_id, contact_id, id, owner_id, created_at
         FROM pipeline_item WHERE kind = 'event_contact' ORDER BY event_id, contact_id, created_at`,
    ),
  );
  const land = ids.filter((_, i) => specs[i].kind === 'land_enquiry');
  await step(`${land.length.toLocaleString('en')} land enquiry details`, () =>
    fill(db, 'land_enquiry', land.length, {
      item_id: ['uuid', (i) => land[i]],
      preferred_zone_ids: ['uuid[]', () => pickSome(zones, 2)],
    }),
  );
  const loanSpecs = specs.filter((spec) => spec.kind === 'loan_application');
  const loans = ids.filter((_, i) => specs[i].kind === 'loan_application');
  await step(`${loans.length.toLocaleString('en')} loan application details`, () =>
    fill(db, 'loan_application', loans.length, {
      item_id: ['uuid', (i) => loans[i]],
      applicant_type: ['loan_applicant_type', () => pick(['sme', 'sme', 'cluster_infrastructure'])],
      lender: ['text', () => pick(LENDERS)],
      lender_kind: ['lender_kind', (i, row) => (row.lender.startsWith('Quỹ') ? 'fund' : 'bank')],
      purpose: ['text', () => pick(['Đầu tư dây chuyền sản xuất', 'Xây dựng hạ tầng CCN', 'Mở rộng nhà xưởng'])],
      // From approval on, 60–100 % of the amount asked, in hundreds of millions.
      approved_vnd: [
        'bigint',
        (i) => {
          const spec = loanSpecs[i];
          if (spec.at.type === 'lost' || spec.at.position < LOAN_APPROVED_POSITION) return null;
          return Math.max(1, Math.floor((spec.amount * (0.6 + random() * 0.4)) / 1e8)) * 1e8;
        },
      ],
    }),
  );
  // Loans being disbursed or closed have their tranches: two to four milestones splitting the approved amount,
  // released in order (all of them once closed). The triggers keep the planned and disbursed totals.
  const tranches = [];
  const approvedOf = new Map(
    (await db.query(`SELECT item_id, approved_vnd FROM loan_application WHERE approved_vnd IS NOT NULL`)).rows.map(
      (row) => [row.item_id, Number(row.approved_vnd)],
    ),
  );
  loans.forEach((id, i) => {
    const spec = loanSpecs[i];
    const approved = approvedOf.get(id);
    if (!approved || (spec.at.type === 'open' && spec.at.position < LOAN_DISBURSING_POSITION)) return;
    const count = 2 + Math.floor(random() * 3);
    const released = spec.at.type === 'won' ? count : Math.floor(random() * count);
    let left = approved;
    for (let n = 1; n <= count; n++) {
      const amount = n === count ? left : Math.floor(approved / count / 1e6) * 1e6;
      left -= amount;
      const at = spec.entered - (count - n) * 30 * DAY_MS;
      tranches.push({
        id,
        n,
        amount,
        progress: Math.round((n / count) * 100),
        released: n <= released,
        at,
        owner: spec.owner,
      });
    }
  });
  await step(`${tranches.length.toLocaleString('en')} loan tranches`, () =>
    fill(db, 'loan_tranche', tranches.length, {
      application_id: ['uuid', (i) => tranches[i].id],
      sequence: ['int', (i) => tranches[i].n],
      milestone: ['text', (i) => `Giai đoạn ${tranches[i].n}: hoàn thành ${tranches[i].progress}% hạng mục`],
      required_progress_pct: ['int', (i) => tranches[i].progress],
      amount_vnd: ['bigint', (i) => tranches[i].amount],
      milestone_due_on: ['date', (i) => isoDate(tranches[i].at)],
      confirmed_at: ['timestamptz', (i) => (tranches[i].released ? new Date(tranches[i].at) : null)],
      confirmed_by_id: ['uuid', (i) => (tranches[i].released ? tranches[i].owner : null)],
      confirmed_progress_pct: ['int', (i) => (tranches[i].released ? tranches[i].progress : null)],
      released_at: ['timestamptz', (i) => (tranches[i].released ? new Date(tranches[i].at) : null)],
      released_by_id: ['uuid', (i) => (tranches[i].released ? tranches[i].owner : null)],
      version: ['int', () => 1],
    }),
  );
  // Each event contact in "Converted" led to an item of another pipeline, linked back to it and to its event.
  await step('event contact conversions', () =>
    db.query(
      `WITH converted AS (
         SELECT pi.id, pi.event_id, pi.contact_id, row_number() OVER (ORDER BY pi.id) AS n
           FROM pipeline_item pi JOIN stage s ON s.id = pi.stage_id
          WHERE pi.kind = 'event_contact' AND s.type = 'won'
       ), target AS (
         SELECT id, row_number() OVER (ORDER BY id) AS n FROM pipeline_item WHERE kind <> 'event_contact'
       )
       UPDATE pipeline_item t
          SET source_item_id = c.id, event_id = c.event_id, contact_id = c.contact_id
         FROM converted c JOIN target USING (n)
        WHERE t.id = target.id`,
    ),
  );
}

/** The mark of a finished seed on the database, or null. */
async function readSeedMark(databaseUrl) {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = current_database()`,
    );
    return rows[0]?.mark ?? null;
  } finally {
    await db.end();
  }
}

/** Drops and re-creates the database, from the server's `postgres` database. */
async function recreate(databaseUrl) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const db = new Client({ connectionString: Object.assign(url, { pathname: '/postgres' }).href });
  await db.connect();
  try {
    await db.query(`DROP DATABASE IF EXISTS ${db.escapeIdentifier(name)} WITH (FORCE)`);
    await db.query(`CREATE DATABASE ${db.escapeIdentifier(name)}`);
  } finally {
    await db.end();
  }
}

const countRows = async (db, table) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

main(async () => {
  const t0 = Date.now();
  const services = await step(`PostgreSQL (${reuse ? '' : 'fresh '}${BENCH_DATABASE} database)`, () =>
    ensureServices({ databaseName: BENCH_DATABASE, dedicated: true, fresh: !reuse, redis: false, log: () => {} }),
  );
  const env = { DATABASE_URL: services.databaseUrl, ...BENCH_ADMIN };
  await step('Build API', () => run('npm', ['run', 'build:api']));
  if (reuse) {
    if ((await readSeedMark(services.databaseUrl)) === seedMark) {
      await step('Migrate (the seeded database is kept)', () =>
        run(process.execPath, [apiEntry('cli/migrate')], { env, name: 'migrate' }),
      );
      console.log(c.green(`✔ ${BENCH_DATABASE} was seeded earlier with these sizes: reused`));
      await stopServices();
      return;
    }
    await step(`Re-create ${BENCH_DATABASE} (not seeded, or with other sizes or another seed script)`, () =>
      recreate(services.databaseUrl),
    );
  }
  await step('Migrate', () => run(process.execPath, [apiEntry('cli/migrate')], { env, name: 'migrate' }));
  await step('Demo seed (zones, admin)', () => run(process.execPath, [apiEntry('cli/seed')], { env, name: 'seed' }));

  const db = new Client({ connectionString: services.databaseUrl });
  await db.connect();
  try {
    // The sizes are totals: the demo seed's rows (its zones' investors) count towards them.
    for (const [key, table] of [
      ['organizations', 'organization'],
      ['contacts', 'contact'],
      ['timeline', 'timeline_entry'],
      ['tasks', 'task'],
      ['items', 'pipeline_item'],
    ])
      size[key] = Math.max(0, size[key] - (await countRows(db, table)));
    const [{ id: adminId }] = (await db.query(`SELECT id FROM app_user WHERE email = $1`, [BENCH_ADMIN.ADMIN_EMAIL]))
      .rows;
    const staff = await step(`${size.staff} staff accounts`, async () => {
      // One argon2 hash shared by all: these accounts are for owning rows, nobody signs in as them.
      const [{ password_hash: hash }] = (await db.query(`SELECT password_hash FROM app_user WHERE id = $1`, [adminId]))
        .rows;
      const ids = await fill(
        db,
        'app_user',
        size.staff,
        {
          email: ['text', (i) => `staff${i}@bench.test`],
          name: ['text', () => `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`],
          role: ['user_role', (i) => (i % 8 === 0 ? 'manager' : 'staff')],
          password_hash: ['text', () => hash],
          version: ['int', () => 1],
        },
        { returning: 'id' },
      );
      return [adminId, ...ids];
    });

    const organizations = await step(`${size.organizations.toLocaleString('en')} investors`, () =>
      fill(
        db,
        'organization',
        size.organizations,
        {
          kind: ['organization_kind', () => pick(KINDS)],
          name: [
            'text',
            (i, row) =>
              row.kind === 'domestic'
                ? `${pick(FORMS)} ${pick(TRADES)} ${pick(BRANDS)} ${pick(BRANDS)} ${pick(PLACES)}`
                : `${pick(FOREIGN)} ${pick(TRADES)} ${pick(PLACES)} ${pick(BRANDS)} ${pick(BRANDS)}`,
          ],
          country: ['text', (i, row) => (row.kind === 'domestic' ? 'VN' : pick(COUNTRIES))],
          sectors: ['text[]', () => pickSome(SECTORS, 3)],
          tax_code: ['text', (i) => (random() < 0.7 ? taxCode(i + 1) : null)],
          size: ['organization_size', () => pick(SIZES)],
          owner_id: ['uuid', () => pick(staff)],
          tags: ['text[]', () => pickSome(TAGS, 2)],
          source: ['lead_source', () => pick(SOURCES)],
          version: ['int', () => 1],
        },
        { returning: 'id' },
      ),
    );

    const contacts = await step(`${size.contacts.toLocaleString('en')} contacts`, () =>
      fill(
        db,
        'contact',
        size.contacts,
        {
          full_name: ['text', () => `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`],
          email: ['text', (i) => (random() < 0.8 ? `contact${i}@investor${i % 9973}.example` : null)],
          phone: ['text', (i) => (random() < 0.6 ? `+8491${String(i).padStart(7, '0')}` : null)],
          position: ['text', () => pick(POSITIONS)],
          organization_id: ['uuid', () => (random() < 0.9 ? pick(organizations) : null)],
          preferred_language: ['text', () => pick(LANGUAGES)],
          owner_id: ['uuid', () => pick(staff)],
          version: ['int', () => 1],
        },
        { returning: 'id' },
      ),
    );

    // A few busy records carry thousands of entries, as long-standing investors do; the rest are spread thin.
    const busy = organizations.slice(0, 20);
    const now = Date.now();
    await step(`${size.timeline.toLocaleString('en')} timeline entries`, () =>
      fill(db, 'timeline_entry', size.timeline, {
        subject_type: ['record_subject_type', (i) => (i % 3 === 2 ? 'contact' : 'organization')],
        subject_id: [
          'uuid',
          (i, row) =>
            row.subject_type === 'contact' ? pick(contacts) : random() < 0.1 ? pick(busy) : pick(organizations),
        ],
        kind: ['timeline_entry_kind', () => pick(['note', 'note', 'call', 'meeting', 'edit'])],
        body: ['text', (i, row) => (row.kind === 'edit' ? null : pick(NOTES))],
        occurred_at: ['timestamptz', () => new Date(now - Math.floor(random() * 3 * 365 * 86_400_000))],
        author_id: ['uuid', () => pick(staff)],
        payload: [
          'jsonb',
          (i, row) => (row.kind === 'edit' ? JSON.stringify({ action: 'update', fields: ['size'] }) : null),
        ],
        version: ['int', () => 1],
      }),
    );

    await step(`${size.tasks.toLocaleString('en')} tasks`, () =>
      fill(db, 'task', size.tasks, {
        title: [
          'text',
          () => pick(['Gọi lại nhà đầu tư', 'Gửi bảng giá thuê đất', 'Chuẩn bị khảo sát', 'Send the MoU draft']),
        ],
        due_at: ['timestamptz', () => new Date(now + Math.floor((random() - 0.3) * 60 * 86_400_000))],
        assignee_id: ['uuid', () => pick(staff)],
        created_by_id: ['uuid', () => pick(staff)],
        subject_type: ['record_subject_type', () => 'organization'],
        subject_id: ['uuid', () => pick(organizations)],
        done: ['boolean', () => random() < 0.4],
        done_at: [
          'timestamptz',
          (i, row) => (row.done ? new Date(now - Math.floor(random() * 30 * 86_400_000)) : null),
        ],
        version: ['int', () => 1],
      }),
    );

    await seedPipelines(db, { staff, organizations, contacts, now });

    // VACUUM too: it sets the visibility map, so boards count from the index alone (index-only scans).
    await step('VACUUM ANALYZE', () => db.query('VACUUM ANALYZE'));
    await db.query(`COMMENT ON DATABASE ${db.escapeIdentifier(BENCH_DATABASE)} IS ${db.escapeLiteral(seedMark)}`);
    const counts = [];
    for (const table of ['organization', 'contact', 'pipeline_item', 'timeline_entry', 'task', 'stage_history'])
      counts.push(`${table} ${(await countRows(db, table)).toLocaleString('en')}`);
    console.log(c.green(`✔ ${BENCH_DATABASE} ready in ${elapsed(t0)}: `) + counts.join(', '));
  } finally {
    await db.end();
    await stopServices();
  }
});
