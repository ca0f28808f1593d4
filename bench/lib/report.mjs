// The suite's results as the markdown table in bench/README.md and an SVG chart of latency against offered load.

/**
 * Targets from the issue, and the reference arrival rate each kind of read is reported at: a busy agency's peak
 * (40 staff, a request every two seconds each, spread over the endpoints), reports being a manager's tool.
 */
export const TARGETS = {
  list: { p95: 50, refRate: 20, chartSql: true, label: 'list' },
  search: { p95: 100, refRate: 20, chartSql: true, label: 'search' },
  timeline: { p95: 50, refRate: 20, label: 'timeline' },
  board: { p95: 100, refRate: 10, label: 'board' },
  reports: { p95: 300, refRate: 2, label: 'report' },
  health: { refRate: 50 },
  ratio: 0.4,
  importRowsPerSecond: 5000,
  emailRatio: 0.7,
};
const HTTP_SECTIONS = ['list', 'search', 'timeline', 'board', 'reports'];

const num = (v, digits = 0) =>
  v === null || v === undefined || Number.isNaN(v)
    ? '—'
    : Number(v).toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (v) => (v === null || v === undefined ? 'timeout' : `${num(v, v < 10 ? 1 : 0)} ms`);
const rate = (v, unit = '') => `${num(v, v < 10 ? 1 : 0)}${unit ? ` ${unit}` : ''}/s`;
const pct = (v) => `${num(v * 100, v < 0.1 ? 1 : 0)} %`;
const mark = (ok) => (ok ? 'met' : '**not met**');
const load = (l) => (l ? l.map((v) => v.toFixed(1)).join(' / ') : '—');
const day = (iso) => iso.slice(0, 16).replace('T', ' ');
const processes = (n = 1) => (n === 1 ? 'one API process' : `${n} API processes`);

export function renderReadme(results, { chart }) {
  const { machine: m, sections } = results;
  const lines = [];
  lines.push(
    `Run of ${day(results.date)} UTC (\`${results.command}\`${results.quick ? ', quick mode' : ''}), ${results.stepSeconds} s per load step.`,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, ${m.kernel}; Node ${m.node}, PostgreSQL ${m.postgres.version} ` +
      `(shared_buffers ${m.postgres.settings.shared_buffers}, work_mem ${m.postgres.settings.work_mem}), Redis ${m.redis}. ` +
      `Load average (1 / 5 / 15 min) ${load(m.loadavgAtStart)} at the start, ${load(m.loadavgAtEnd)} at the end: ` +
      'other sessions shared the machine.',
  );
  if (results.database)
    lines.push(
      '',
      `Data: ${num(results.database.organizations)} investors, ${num(results.database.contacts)} contacts, ` +
        `${num(results.database.pipelineItems)} pipeline items, ${num(results.database.timelineEntries)} timeline entries.`,
    );

  const http = HTTP_SECTIONS.filter((s) => sections[s]);
  if (http.length) {
    lines.push(
      '',
      'Reads: latency under open-loop load at the reference rate (20/s, boards 10/s, reports 2/s), beside pgbench running ' +
        'the statements the API sent for the same request at the same rate. Capacity: answers per second at full speed ' +
        `with 10 requests in flight (${processes(sections[http[0]].apiProcesses)}, requests spread over them in turn), ` +
        'against pgbench running those statements at full speed on 10 connections (as many as the API pools ' +
        'together); and against bare Fastify running the same statements on the same pools and answering the rows as ' +
        'JSON (the floor of any Node.js server for this read); each twice, in turn, the better run kept.',
      '',
      '| endpoint | rate | p50 | p95 | p99 | target p95 | SQL p95 | API capacity | bare Fastify + pg | SQL capacity | API / SQL ≥ 40 % | bare / SQL | API / bare |',
      '| --- | --: | --: | --: | --: | --- | --: | --: | --: | --: | --- | --: | --: |',
    );
    for (const section of http) {
      for (const r of sections[section].cases) {
        lines.push(
          `| ${TARGETS[section].label}: ${r.name} | ${rate(r.refRate)} | ${ms(r.api.ref.p50)} | ${ms(r.api.ref.p95)} | ` +
            `${ms(r.api.ref.p99)} | < ${r.targetP95} ms: ${mark(r.met.latency)} | ${ms(r.sql.ref.p95)} | ` +
            `${rate(r.api.max?.throughput ?? r.api.peak)} | ${r.floor ? rate(r.floor.max.throughput) : '—'} | ${rate(r.sql.max.tps)} | ` +
            `${pct(r.ratio)}: ${mark(r.met.ratio)} | ${r.floor ? pct(r.floor.max.throughput / r.sql.max.tps) : '—'} | ` +
            `${r.floor ? pct(r.api.max.throughput / r.floor.max.throughput) : '—'} |`,
        );
      }
    }
  }

  const other = [];
  const h = sections.health;
  if (h) {
    other.push(
      `| health: \`GET /api/health\` at ${rate(h.refRate)}, p50 / p95 / p99 | ${ms(h.api.ref.p50)} / ${ms(h.api.ref.p95)} / ${ms(h.api.ref.p99)} | ` +
        `bare Fastify, same checks: ${ms(h.bare.ref.p50)} / ${ms(h.bare.ref.p95)} / ${ms(h.bare.ref.p99)} | | |`,
      `| health: answers at full speed, 10 in flight | ${rate(h.api.max?.throughput ?? h.api.peak)} | bare Fastify, same checks: ${rate(h.bare.max?.throughput ?? h.bare.peak)}; constant JSON (open-loop peak): ${rate(h.hello.peak)} | ${pct(h.ratio)} | |`,
    );
  }
  const q = sections.queue;
  if (q) {
    other.push(
      `| queue: BullMQ, ${num(q.jobs)} jobs, ${q.producers} producers, worker concurrency ${q.concurrency} | ${rate(q.bullmq.jobsPerSecond, 'jobs')} | ` +
        `\`${q.floor.command}\`: LPUSH ${rate(q.floor.lpushPerSecond)}, RPOP ${rate(q.floor.rpopPerSecond)} → ${rate(q.floor.jobsPerSecond, 'jobs')} | ${pct(q.ratio)} | |`,
    );
  }
  const e = sections.email;
  if (e) {
    for (const t of e.throughput) {
      other.push(
        `| email: queued → delivered, \`MAIL_CONCURRENCY\` ${t.concurrency} | ${rate(t.realPath.emailsPerSecond, 'emails')} | ` +
          `raw nodemailer loop: ${rate(t.raw.emailsPerSecond, 'emails')} | ${pct(t.ratio)} | ≥ 70 %: ${mark(t.ratio >= TARGETS.emailRatio)} |`,
      );
    }
  }
  const i = sections.import;
  if (i) {
    other.push(
      `| import: ${num(i.rows)} investors (CSV, ${i.megabytes} MB) through API + worker | ${rate(i.import.rowsPerSecond, 'rows')} | ` +
        `\`psql \\copy\`: ${rate(i.copy.rowsPerSecond, 'rows')} | ${pct(i.ratio)} | ≥ 5,000 rows/s: ${mark(i.import.rowsPerSecond >= TARGETS.importRowsPerSecond)} |`,
    );
  }
  if (other.length)
    lines.push(
      '',
      '| what | figure | physical limit, same run | ratio | target |',
      '| --- | --: | --- | --: | --- |',
      ...other,
    );

  lines.push(
    '',
    results.command.includes('--only')
      ? 'When each part ran (parts outside this run are kept from the last run that measured them), with the load ' +
          'average (1 / 5 / 15 min) at its start and end:'
      : 'When each part ran, with the load average (1 / 5 / 15 min) at its start and end:',
    '',
  );
  for (const [name, s] of Object.entries(sections))
    lines.push(`- ${name}: ${day(s.date)}, ${load(s.loadavg)} → ${load(s.loadavgEnd)}`);
  if (http.length)
    lines.push(
      '',
      `![Latency against offered load: p50, p95, p99 of the API and p95 of the same SQL in pgbench](results/${chart})`,
    );
  return lines.join('\n');
}

// ------------------------------------------------------------------------------------------------- chart

const PANEL = { width: 300, height: 190, left: 46, right: 10, top: 26, bottom: 30 };
const COLUMNS = 3;
const Y_MIN = 0.5;
const Y_MAX = 10_000;
const SERIES = [
  { key: 'p50', label: 'API p50', color: '#9ecae1' },
  { key: 'p95', label: 'API p95', color: '#3182bd' },
  { key: 'p99', label: 'API p99', color: '#08306b' },
  { key: 'sql', label: 'SQL p95 (pgbench)', color: '#737373', dash: '4 3' },
];
const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function panel(r, section, x0, y0) {
  const { width, height, left, right, top, bottom } = PANEL;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const title = `${TARGETS[section].label}: ${r.name}`;
  const rates = r.api.steps.map((s) => s.offered);
  const sqlSteps = r.sql.steps.filter((s) => s.offered);
  const allRates = [...rates, ...sqlSteps.map((s) => s.offered)];
  const xMin = Math.log2(Math.min(...allRates));
  const xMax = Math.max(xMin + 1, Math.log2(Math.max(...allRates)));
  const x = (v) => x0 + left + ((Math.log2(v) - xMin) / (xMax - xMin)) * plotW;
  const y = (v) =>
    y0 +
    top +
    plotH -
    ((Math.log10(Math.min(Math.max(v, Y_MIN), Y_MAX)) - Math.log10(Y_MIN)) / (Math.log10(Y_MAX) - Math.log10(Y_MIN))) *
      plotH;
  const out = [];
  out.push(
    `<text x="${x0 + 4}" y="${y0 + 16}" font-size="${title.length > 42 ? 10 : 12}" font-weight="bold">${escape(title)}</text>`,
  );
  out.push(
    `<rect x="${x0 + left}" y="${y0 + top}" width="${plotW}" height="${plotH}" fill="#fafafa" stroke="#bdbdbd"/>`,
  );
  for (const v of [1, 10, 100, 1000, 10000]) {
    out.push(
      `<line x1="${x0 + left}" x2="${x0 + left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#e0e0e0"/>`,
      `<text x="${x0 + left - 4}" y="${y(v) + 3}" font-size="9" text-anchor="end">${v >= 1000 ? `${v / 1000} s` : `${v} ms`}</text>`,
    );
  }
  for (const v of [...new Set(allRates)].sort((a, b) => a - b)) {
    out.push(
      `<line x1="${x(v)}" x2="${x(v)}" y1="${y0 + top}" y2="${y0 + top + plotH}" stroke="#eeeeee"/>`,
      `<text x="${x(v)}" y="${y0 + top + plotH + 12}" font-size="9" text-anchor="middle">${v}</text>`,
    );
  }
  out.push(
    `<text x="${x0 + left + plotW / 2}" y="${y0 + height - 4}" font-size="9" text-anchor="middle" fill="#555">offered load, requests/s</text>`,
  );
  const target = r.targetP95;
  out.push(
    `<line x1="${x0 + left}" x2="${x0 + left + plotW}" y1="${y(target)}" y2="${y(target)}" stroke="#d62728" stroke-dasharray="6 3"/>`,
    `<text x="${x0 + left + plotW - 2}" y="${y(target) - 3}" font-size="9" text-anchor="end" fill="#d62728">target p95 ${target} ms</text>`,
  );
  for (const s of SERIES) {
    const points =
      s.key === 'sql'
        ? sqlSteps.map((step) => [step.offered, step.p95])
        : r.api.steps.map((step) => [step.offered, step[s.key]]);
    const shown = points.filter(([, v]) => v !== null && v !== undefined);
    if (shown.length > 1)
      out.push(
        `<polyline fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} points="${shown
          .map(([rx, v]) => `${x(rx).toFixed(1)},${y(v).toFixed(1)}`)
          .join(' ')}"/>`,
      );
    for (const [rx, v] of points) {
      if (v === null || v === undefined)
        out.push(
          `<text x="${x(rx)}" y="${y0 + top + 9}" font-size="10" text-anchor="middle" fill="${s.color}">×</text>`,
        );
      else out.push(`<circle cx="${x(rx).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="${s.color}"/>`);
    }
  }
  return out.join('\n');
}

export function renderChart(results) {
  const cases = HTTP_SECTIONS.flatMap((section) =>
    (results.sections[section]?.cases ?? []).map((r) => ({ section, r })),
  );
  const rows = Math.max(1, Math.ceil(cases.length / COLUMNS));
  const header = 58;
  const width = COLUMNS * PANEL.width + 20;
  const height = header + rows * PANEL.height + 10;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="15" font-weight="bold">Latency against offered load (open loop, ${results.stepSeconds} s per step), ${escape(day(results.date))} UTC</text>`,
  ];
  SERIES.forEach((s, n) => {
    const lx = 10 + n * 150;
    out.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="40" y2="40" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
      `<text x="${lx + 30}" y="44" font-size="11">${s.label}</text>`,
    );
  });
  out.push(
    `<line x1="610" x2="634" y1="40" y2="40" stroke="#d62728" stroke-dasharray="6 3"/>`,
    `<text x="640" y="44" font-size="11">target p95;  × = no answer within 10 s</text>`,
  );
  cases.forEach(({ section, r }, n) => {
    out.push(panel(r, section, 10 + (n % COLUMNS) * PANEL.width, header + Math.floor(n / COLUMNS) * PANEL.height));
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
