// npm run faults — the fault scenarios (apps/api/test/integration/faults-*.int-spec.ts) with a larger load than CI
// runs them, one after another; prints a table of recovery times and writes it into docs/faults.md.
// Options (environment): IRM_FAULTS_RATE (task writes/s, default 30), IRM_FAULTS_OUTAGE_MS (default 5000),
// IRM_FAULTS_LEAD_S (load before the fault and after the repair, default 4), IRM_FAULTS_DB (default irm_faults),
// IRM_FAULTS_NO_DOCS=1 to leave docs/faults.md alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bin, detail, main, onCleanup, root, run, step } from './proc.mjs';
import { ensureServices, stopServices } from './services.mjs';

const SPECS = ['faults-processes', 'faults-postgres', 'faults-redis', 'faults-smtp'];
const START = '<!-- faults:begin -->';
const END = '<!-- faults:end -->';

const load = {
  IRM_FAULTS_RATE: process.env.IRM_FAULTS_RATE ?? '30',
  IRM_FAULTS_OUTAGE_MS: process.env.IRM_FAULTS_OUTAGE_MS ?? '5000',
  IRM_FAULTS_LEAD_S: process.env.IRM_FAULTS_LEAD_S ?? '4',
  // The production default: a running worker notices within 10 s that Redis lost its data.
  IRM_FAULTS_REDIS_CHECK_MS: process.env.IRM_FAULTS_REDIS_CHECK_MS ?? '10000',
};

const seconds = (ms) => (ms / 1000).toFixed(1);

function table(rows) {
  const header = [
    'scenario',
    'writes',
    '2xx',
    '503',
    'no answer',
    'lost',
    'emails',
    'twice',
    'healthy s',
    'drained s',
    'notes',
  ];
  const lines = rows.map((r) => [
    r.scenario,
    r.writes,
    r.acknowledged,
    r.refused503,
    r.unanswered,
    r.lost,
    r.emails,
    r.duplicates,
    r.healthyMs ? seconds(r.healthyMs) : '–',
    seconds(r.drainedMs),
    r.note ?? '',
  ]);
  const md = [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`);
  return md.join('\n');
}

main(async () => {
  onCleanup(stopServices);
  const services = await step('PostgreSQL and Redis (for the test template; faults use private servers)', () =>
    ensureServices({ databaseName: process.env.IRM_FAULTS_DB ?? 'irm_faults', dedicated: true, log: detail }),
  );
  await step('Build libraries', () =>
    run(bin('tsc'), ['-b', 'libs/contracts/tsconfig.lib.json', 'libs/domain/tsconfig.lib.json'], { name: 'tsc' }),
  );
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'irm-faults-')), 'figures.jsonl');
  const env = { DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, IRM_FAULTS_REPORT: report, ...load };
  const code = await step(
    `Fault scenarios (${Object.entries(load)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')})`,
    () =>
      run(
        bin('jest'),
        ['--selectProjects', 'integration', '--runInBand', ...SPECS.map((s) => `apps/api/test/integration/${s}`)],
        { env, allowFail: true, name: 'jest' },
      ),
  );
  const rows = fs.existsSync(report)
    ? fs
        .readFileSync(report, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
  const md = table(rows);
  console.log(`\n${md}\n`);
  if (code !== 0) {
    console.log('Some scenarios failed (see above); docs/faults.md left as it was.');
    return code;
  }
  if (process.env.IRM_FAULTS_NO_DOCS !== '1') {
    const docs = path.join(root, 'docs/faults.md');
    const text = fs.readFileSync(docs, 'utf8');
    const [before, rest] = text.split(START);
    const after = rest?.split(END)[1];
    if (after === undefined) throw new Error(`docs/faults.md lacks the ${START} … ${END} markers`);
    const stamp =
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${os.loadavg()[0].toFixed(1)} load), ` +
      Object.entries(load)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ') +
      ':';
    fs.writeFileSync(docs, `${before}${START}\n\n${stamp}\n\n${md}\n\n${END}${after}`);
    console.log('docs/faults.md updated.');
  }
  return 0;
});
