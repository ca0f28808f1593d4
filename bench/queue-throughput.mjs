// Jobs per second through BullMQ (producer and worker, as the API and worker use it) against Redis's own speed for
// the smallest queue it can hold, measured with redis-benchmark in the same run.
// Usage: npm run build:api && node bench/queue-throughput.mjs [--jobs 20000 --concurrency 5 --producers 5 --out FILE]
//
// - BullMQ: this process adds jobs (`Queue.add`, the job options the API uses, `producers` loops at once) while a
//   worker in its own process runs them with a handler that does nothing (`concurrency`, the worker's default).
//   Rate = jobs / (last completion − first add).
// - Floor: `redis-benchmark -t lpush,rpop -P 1` with as many connections as the worker runs jobs at once. A job
//   is one LPUSH to enqueue and one RPOP to take it: a list is the least a Redis queue can be, and each command
//   makes its own round trip, as the worker's take and finish do. Floor jobs/s = 1 / (1/LPUSH/s + 1/RPOP/s).
//   BullMQ does more per job by design (a job hash, events stream, locks, the completed set, retries), so the
//   ratio says what that safety costs.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { Queue, Worker } = require('bullmq');
const dist = '../dist/api/apps/api/src';
const { DEFAULT_JOB_OPTIONS } = require(`${dist}/queue/job-producer.js`);

const { values: options } = parseArgs({
  options: {
    jobs: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '5' },
    producers: { type: 'string', default: '5' },
    out: { type: 'string' },
    role: { type: 'string', default: 'producer' },
    queue: { type: 'string' },
    prefix: { type: 'string' },
  },
});
const JOBS = Number(options.jobs);
const CONCURRENCY = Number(options.concurrency);
const PRODUCERS = Number(options.producers);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const wallClock = () => performance.timeOrigin + performance.now();

if (options.role === 'worker') {
  // The worker process: counts completions and reports the wall-clock time of the last one.
  let completed = 0;
  const worker = new Worker(options.queue, async () => {}, {
    connection: { url: redisUrl, maxRetriesPerRequest: null },
    prefix: options.prefix,
    concurrency: CONCURRENCY,
  });
  worker.on('completed', () => {
    if (++completed === JOBS) {
      process.send({ lastCompletion: wallClock() });
      void worker.close().then(() => process.exit(0));
    }
  });
  await worker.waitUntilReady();
  process.send({ ready: true });
} else {
  const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const loadAtStart = loadavg();
  const { hostname, port } = new URL(redisUrl);

  // Floor: redis-benchmark, unpipelined, as many connections as the worker's concurrency.
  const bench = spawnSync(
    'redis-benchmark',
    [
      '-h',
      hostname,
      '-p',
      port || '6379',
      '-t',
      'lpush,rpop',
      '-n',
      String(Math.max(JOBS * 5, 50_000)),
      '-c',
      String(CONCURRENCY),
      '-P',
      '1',
      '--csv',
    ],
    { encoding: 'utf8' },
  );
  if (bench.status !== 0) throw new Error(`redis-benchmark failed: ${bench.stderr}`);
  const rates = Object.fromEntries(
    bench.stdout
      .split('\n')
      .map((line) => line.split(',').map((cell) => cell.replace(/"/g, '')))
      .filter((cells) => /^(LPUSH|RPOP)$/.test(cells[0]))
      .map(([name, rps]) => [name.toLowerCase(), Number(rps)]),
  );
  const floorJobsPerSecond = 1 / (1 / rates.lpush + 1 / rates.rpop);

  // BullMQ: producer here, worker in its own process.
  const queueName = `bench-${process.pid}`;
  const prefix = `irm-bench-queue-${process.pid}`;
  const queue = new Queue(queueName, {
    connection: { url: redisUrl, enableOfflineQueue: false, maxRetriesPerRequest: 1 },
    prefix,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  await queue.waitUntilReady();
  const child = spawn(
    process.execPath,
    [
      import.meta.filename,
      '--role',
      'worker',
      '--queue',
      queueName,
      '--prefix',
      prefix,
      '--jobs',
      String(JOBS),
      '--concurrency',
      String(CONCURRENCY),
    ],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: process.env },
  );
  const messages = [];
  let wake;
  child.on('message', (message) => {
    messages.push(message);
    wake?.();
  });
  const nextMessage = async () => {
    while (!messages.length) await new Promise((resolve) => (wake = resolve));
    return messages.shift();
  };
  await nextMessage(); // ready

  const firstAdd = wallClock();
  let added = 0;
  await Promise.all(
    Array.from({ length: PRODUCERS }, async () => {
      while (added < JOBS) {
        added++;
        await queue.add('bench.noop', { n: added });
      }
    }),
  );
  const lastAdd = wallClock();
  const { lastCompletion } = await nextMessage();
  await queue.obliterate({ force: true });
  await queue.close();

  const seconds = (lastCompletion - firstAdd) / 1000;
  const result = {
    date: new Date().toISOString(),
    jobs: JOBS,
    concurrency: CONCURRENCY,
    producers: PRODUCERS,
    bullmq: {
      seconds: Number(seconds.toFixed(3)),
      jobsPerSecond: Number((JOBS / seconds).toFixed(1)),
      addedPerSecond: Number((JOBS / ((lastAdd - firstAdd) / 1000)).toFixed(1)),
    },
    floor: {
      command: `redis-benchmark -t lpush,rpop -c ${CONCURRENCY} -P 1`,
      lpushPerSecond: rates.lpush,
      rpopPerSecond: rates.rpop,
      jobsPerSecond: Number(floorJobsPerSecond.toFixed(1)),
    },
    ratio: Number((JOBS / seconds / floorJobsPerSecond).toFixed(3)),
    loadavgAtStart: loadAtStart,
    loadavgAtEnd: loadavg(),
  };
  console.log(
    `redis-benchmark (floor): LPUSH ${rates.lpush.toLocaleString('en')}/s, RPOP ${rates.rpop.toLocaleString('en')}/s → ${Math.round(floorJobsPerSecond).toLocaleString('en')} jobs/s`,
  );
  console.log(
    `BullMQ, ${JOBS.toLocaleString('en')} jobs, ${PRODUCERS} producers, worker concurrency ${CONCURRENCY}: ${seconds.toFixed(2)} s, ${Math.round(result.bullmq.jobsPerSecond).toLocaleString('en')} jobs/s (added at ${Math.round(result.bullmq.addedPerSecond).toLocaleString('en')}/s) = ${(result.ratio * 100).toFixed(1)}% of the floor`,
  );
  if (options.out) {
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`);
  }
  process.exit(0);
}
