// The SQL an endpoint sends, replayed by pgbench: each request's statements are recorded as the API sends them
// (pg's Client.query, parameters and all), written as a pgbench script with the parameters as literals, and run
// at full speed (its capacity) and at a fixed rate (its latency), with the connection settings the API uses.
// The API's driver sends each statement with the extended protocol (parse, bind, execute, unnamed); pgbench sends
// the inlined text with the simple protocol, which parses and plans it the same way, in one message.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { percentile } from './open-loop.mjs';

const require = createRequire(import.meta.url);
const pg = require('pg');
const { prepareValue } = require('pg/lib/utils');

/** Records every statement any pg client sends while `fn` runs: [{ text, values }]. */
export async function recordStatements(fn) {
  const original = pg.Client.prototype.query;
  const seen = [];
  pg.Client.prototype.query = function (config, values, ...rest) {
    const text = typeof config === 'string' ? config : config?.text;
    const params = typeof config === 'string' ? values : (config?.values ?? (Array.isArray(values) ? values : []));
    if (typeof text === 'string') seen.push({ text, values: Array.isArray(params) ? params : [] });
    return original.call(this, config, values, ...rest);
  };
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = original;
  }
  return seen;
}

/** A parameter as an untyped literal: the server infers its type from where it stands, as it does for $n. */
function literal(value) {
  const prepared = prepareValue(value);
  if (prepared === null || prepared === undefined) return 'NULL';
  const text = Buffer.isBuffer(prepared) ? `\\x${prepared.toString('hex')}` : String(prepared);
  return `'${text.replace(/'/g, "''")}'`;
}

/** One statement with its parameters inlined, on one logical line ending in a semicolon. */
export function inline({ text, values }) {
  // One pass, so a value that contains "$2" is never replaced again.
  const sql = text.replace(/\$(\d+)/g, (_, n) => literal(values[Number(n) - 1]));
  return `${sql.trim().replace(/;\s*$/, '')};`;
}

/** Writes one request's statements as a pgbench script. */
export function writeScript(file, statements) {
  writeFileSync(file, statements.map(inline).join('\n\n') + '\n');
  return file;
}

function pgbenchEnv(databaseUrl, options) {
  const url = new URL(databaseUrl);
  return {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username || 'postgres'),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    PGOPTIONS: options,
    PGAPPNAME: 'irm-bench-pgbench',
  };
}

function runPgbench(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn('pgbench', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`pgbench ${args.join(' ')}: ${out}`))));
  });
}

/**
 * Runs the scripts (chosen at random, equal weights) on `clients` connections for `seconds`: as fast as they go
 * when `rate` is unset, else at that many transactions per second (latency then counts from the due time).
 */
export async function pgbench({ databaseUrl, options, scripts, clients, seconds, rate, logDir }) {
  // Simple protocol: the parameters are inlined, and in extended mode pgbench would take the ":MI" of a quoted
  // format string for a variable of its own.
  const args = ['-n', '-M', 'simple', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds)];
  for (const script of scripts) args.push('-f', `${script}@1`);
  const prefix = join(logDir, `pgbench-${process.pid}-${Date.now()}`);
  if (rate) args.push('-R', String(rate), '-l', '--log-prefix', prefix);
  const out = await runPgbench(args, pgbenchEnv(databaseUrl, options));
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
  const result = { clients, seconds, tps: Number(tps.toFixed(1)), failed };
  if (rate) {
    // Log lines: client, transaction, time (µs), script, epoch, µs, schedule lag (µs).
    const latencies = [];
    for (const name of readdirSync(logDir).filter((n) => n.startsWith(prefix.split('/').pop()))) {
      for (const line of readFileSync(join(logDir, name), 'utf8').split('\n')) {
        const fields = line.split(' ');
        if (fields.length >= 7) latencies.push((Number(fields[2]) + Number(fields[6])) / 1000);
      }
      rmSync(join(logDir, name));
    }
    latencies.sort((a, b) => a - b);
    Object.assign(result, {
      offered: rate,
      p50: Number(percentile(latencies, 50).toFixed(2)),
      p95: Number(percentile(latencies, 95).toFixed(2)),
      p99: Number(percentile(latencies, 99).toFixed(2)),
    });
  }
  return result;
}
