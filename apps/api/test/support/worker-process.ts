import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..', '..');

/** A process running one of the real entry points (`apps/api/src/<entry>.ts`), from source. */
export interface AppProcess {
  child: ChildProcess;
  /** What it printed (pino JSON lines), for a failing test's message. */
  output(): string;
  /** Resolves with the exit code, or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals | null>;
  kill(signal: NodeJS.Signals): Promise<number | NodeJS.Signals | null>;
}

export type WorkerProcess = AppProcess;

/** Runs `apps/api/src/<entry>.ts` in a process of its own, compiled on load as Jest compiles it. */
export function spawnEntry(
  entry: 'main' | 'worker',
  env: Record<string, string>,
  nodeOptions: string[] = [],
): AppProcess {
  const child = spawn(
    process.execPath,
    [
      ...nodeOptions,
      '-r',
      join(ROOT, 'apps/api/test/support/swc-register.cjs'),
      join(ROOT, `apps/api/src/${entry}.ts`),
    ],
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(chunk.toString('utf8'));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | NodeJS.Signals | null>((done) =>
    child.once('exit', (code, signal) => done(signal ?? code)),
  );
  return {
    child,
    output: () => lines.join(''),
    exited,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The real worker entry point (`apps/api/src/worker.ts`) in a process of its own, run from source. */
export function spawnWorker(env: Record<string, string>, nodeOptions: string[] = []): WorkerProcess {
  return spawnEntry('worker', env, nodeOptions);
}
