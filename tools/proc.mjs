// Process plumbing shared by the tools: steps with timing, child processes, orderly shutdown.
// Node builtins only: it runs before `npm ci`.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const bin = (name) => path.join(root, 'node_modules', '.bin', name);
export const apiEntry = (name) => path.join(root, 'dist/api/apps/api/src', `${name}.js`);

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (s) => (color ? `\x1b[${code}m${s}\x1b[0m` : String(s));
export const c = {
  dim: paint(2),
  bold: paint(1),
  red: paint(31),
  green: paint(32),
  yellow: paint(33),
  cyan: paint(36),
};

/** An error whose message says everything: printed without a stack. */
export const fail = (message) => Object.assign(new Error(message), { userFacing: true });

export function elapsed(t0) {
  const ms = Date.now() - t0;
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
export const info = (line) => console.log(`  ${c.dim(line)}`);
export const detail = (line) => console.log(`  ${line}`);

/** Runs one named step; a non-zero number returned counts as a failed step (and is passed on). */
export async function step(title, fn) {
  assertRunning();
  console.log(`${c.cyan('▶')} ${c.bold(title)}`);
  const t0 = Date.now();
  let result;
  try {
    result = await fn();
  } catch (err) {
    if (!stopping) console.log(`${c.red('✖')} ${title} ${c.dim(`(${elapsed(t0)})`)}`);
    throw err;
  }
  const failed = typeof result === 'number' && result !== 0;
  console.log(
    `${failed ? c.red('✖') : c.green('✔')} ${title} ${c.dim(`(${elapsed(t0)}${failed ? `, exit code ${result}` : ''})`)}`,
  );
  return result;
}

// Children get their own process group, so a terminal's Ctrl+C reaches only us and we stop
// them in order (API and worker before the databases they use).
const children = new Set();
const cleanups = [];
let stopping = false;

// Once stopping, nothing new may start; main() ignores the error.
const assertRunning = () => {
  if (stopping) throw new Error('stopping');
};

function track(child, name) {
  children.add(child);
  child.label = name;
  child.exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? 128 + os.constants.signals[signal]);
    });
    child.on('error', (err) => {
      if (child.pid !== undefined) return; // a failed kill(), not a failed start
      children.delete(child);
      child.startError = err.code === 'ENOENT' ? `${name}: command not found` : `${name}: ${err.message}`;
      resolve(127);
    });
  });
  return child;
}

/** Runs a command to completion with inherited output; resolves its exit code (rejects on non-zero unless allowFail). */
export async function run(cmd, args, { env, allowFail = false, name = path.basename(cmd) } = {}) {
  assertRunning();
  const child = track(
    spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    }),
    name,
  );
  const code = await child.exited;
  assertRunning();
  if (child.startError) throw fail(child.startError);
  const shown = args.map((arg) => (path.isAbsolute(arg) ? path.relative(root, arg) : arg)).join(' ');
  if (code !== 0 && !allowFail) throw fail(`${name} ${shown} failed (exit code ${code})`);
  return code;
}

/** Starts a long-running process whose lines are prefixed with its name; its death ends the whole run. */
export function start(name, cmd, args, { env } = {}) {
  assertRunning();
  const child = track(
    spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ...(color ? { FORCE_COLOR: '1' } : {}), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    }),
    name,
  );
  const prefix = c.cyan(`${name.padEnd(6)}│ `);
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
    stream.on('end', () => rest && process.stdout.write(prefix + rest + '\n'));
  }
  child.exited.then((code) => {
    if (stopping) return;
    console.error(
      c.red(`✖ ${child.startError ?? `${name} exited unexpectedly (exit code ${code})`}; stopping the rest`),
    );
    shutdown(1);
  });
  return child;
}

/** SIGTERM to the child's process group, SIGKILL if it is still there after the timeout. */
export async function stopChild(child, timeoutMs = 10_000) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => {
    console.log(c.yellow(`  ${child.label} did not stop within ${timeoutMs / 1000} s; killing it`));
    signal('SIGKILL');
  }, timeoutMs);
  await child.exited;
  clearTimeout(timer);
}

export const onCleanup = (fn) => cleanups.push(fn);

/** Stops every child, then runs the cleanups (the services) in reverse order, then exits. */
export async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  const t0 = Date.now();
  const busy = children.size > 0;
  if (busy) console.log(c.dim(`Stopping ${[...children].map((child) => child.label).join(', ')}…`));
  await Promise.all([...children].map((child) => stopChild(child)));
  for (const cleanup of cleanups.reverse()) {
    await withTimeout(cleanup(), 20_000).catch((err) => console.error(c.yellow(`  cleanup failed: ${err.message}`)));
  }
  if (busy || Date.now() - t0 > 1000) console.log(c.dim(`Stopped (${elapsed(t0)}).`));
  process.exit(code);
}

const withTimeout = (promise, ms) =>
  Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms).unref()),
  ]);

/**
 * Runs a tool: `fn` resolves to an exit code, or never resolves for tools that serve until stopped.
 * SIGINT/SIGTERM/SIGHUP stop everything and exit with `signalExitCode`.
 */
export function main(fn, { signalExitCode = 130 } = {}) {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      // npm forwards the terminal's Ctrl+C too, so a repeat is expected; the timeouts bound the wait.
      if (stopping) return;
      console.log(`\n${c.yellow(`${sig} received`)}`);
      shutdown(signalExitCode);
    });
  }
  const failed = (err) => {
    if (stopping) return;
    console.error(c.red(`✖ ${err?.userFacing ? err.message : (err?.stack ?? err)}`));
    shutdown(1);
  };
  process.on('uncaughtException', failed); // still stop the children and services
  fn().then((code) => shutdown(code ?? 0), failed);
}

/** Polls `url` until it answers 200; reports progress every 10 s. */
export async function waitForHttp(url, { timeoutMs = 180_000 } = {}) {
  const t0 = Date.now();
  let last = 'no answer';
  let nextReport = t0 + 10_000;
  while (!stopping) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.cause?.code ?? err.name;
    }
    if (Date.now() - t0 > timeoutMs) {
      throw fail(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
    }
    if (Date.now() >= nextReport) {
      info(`still waiting for ${url} (${elapsed(t0)}, last: ${last})`);
      nextReport += 10_000;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return new Promise(() => {}); // shutting down: never continue the step
}

/** The environment of the API, worker and CLIs for `up` and `dev`: local defaults for what is unset. */
export function appEnv({ databaseUrl, redisUrl }, overrides) {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    SESSION_SECRET: process.env.SESSION_SECRET || localSecret('session-secret', 36),
    ADMIN_EMAIL: process.env.ADMIN_EMAIL || 'admin@irm.local',
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD || localSecret('admin-password', 15),
    ...overrides,
  };
}

/**
 * The admin login lines for the start-up box, checked with a real login: the seed creates the admin only in
 * an empty database, so an older database keeps the password it was first given.
 */
export async function adminLogin(port, { ADMIN_EMAIL: email, ADMIN_PASSWORD: password }) {
  const status = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(5000),
  }).then(
    (res) => res.status,
    () => undefined,
  );
  return [
    `Admin login: ${email}`,
    status === 401
      ? c.yellow("Password:    refused: this database's admin was created earlier, with another password")
      : `Password:    ${process.env.ADMIN_PASSWORD ? '(your ADMIN_PASSWORD)' : `${password}  (kept in .data/admin-password)`}`,
  ];
}

/** A secret kept in .data/<name> (mode 600), created on first use. */
export function localSecret(name, bytes) {
  const file = path.join(root, '.data', name);
  try {
    const value = fs.readFileSync(file, 'utf8').trim();
    if (value) return value;
  } catch {
    /* created below */
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const value = crypto.randomBytes(bytes).toString('base64url');
  fs.writeFileSync(file, value + '\n', { mode: 0o600 });
  return value;
}

/** Fails when something already listens on the port (the API would die with EADDRINUSE later). */
export async function assertPortFree(port) {
  await new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(Number(port), () => server.close(resolve));
  }).catch((err) => {
    throw fail(
      err.code === 'EADDRINUSE' ? `Port ${port} is already in use; stop what runs there or set PORT` : err.message,
    );
  });
}

export function box(lines) {
  const plain = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
  const width = Math.max(...lines.map((l) => plain(l).length));
  console.log(`┌${'─'.repeat(width + 2)}┐`);
  for (const l of lines) console.log(`│ ${l}${' '.repeat(width - plain(l).length)} │`);
  console.log(`└${'─'.repeat(width + 2)}┘`);
}
