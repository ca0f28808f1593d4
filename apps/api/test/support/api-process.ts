import { closedPort } from '../integration/support/queue-harness';
import { AppProcess, spawnEntry } from './worker-process';

export interface ApiProcess extends AppProcess {
  port: number;
  baseUrl: string;
}

/** One GET of the health endpoint: its status, or 0 when nothing answered. */
export async function healthStatus(baseUrl: string, timeoutMs = 3_000): Promise<number> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/**
 * The real API entry point (`apps/api/src/main.ts`) in a process of its own, run from source on `port` (a free one
 * when left out); resolves once its health endpoint answers 200.
 */
export async function startApiProcess(
  env: Record<string, string>,
  options: { port?: number; timeoutMs?: number } = {},
): Promise<ApiProcess> {
  const port = options.port ?? (await closedPort());
  const child = spawnEntry('main', { HOST: '127.0.0.1', ...env, PORT: String(port) });
  const api: ApiProcess = { ...child, port, baseUrl: `http://127.0.0.1:${port}` };
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  let gone = false;
  void child.exited.then(() => (gone = true));
  while ((await healthStatus(api.baseUrl)) !== 200) {
    if (gone || Date.now() > deadline) {
      await child.kill('SIGKILL');
      throw new Error(`the API process on port ${port} did not become healthy:\n${child.output().slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return api;
}
