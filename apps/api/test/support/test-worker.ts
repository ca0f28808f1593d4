import type { INestApplicationContext } from '@nestjs/common';
import { WorkerHost } from '../../src/queue/worker-host';
import { createWorkerApp } from '../../src/worker.module';
import type { TestApp } from './test-app';

/** The real worker process's app against a test app's database and Redis prefix. */
export async function startTestWorker(t: TestApp, options: { start?: boolean } = {}): Promise<INestApplicationContext> {
  const worker = await createWorkerApp(t.config);
  if (options.start !== false) await worker.get(WorkerHost).start();
  return worker;
}
