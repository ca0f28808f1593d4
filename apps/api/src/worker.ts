import 'reflect-metadata';
import { ConfigValidationError, loadConfig } from './config/app-config';
import { JobHandlerRegistryError } from './queue/job-handler.registry';
import { RedisUnavailableError } from './queue/job-producer';
import { WorkerHost } from './queue/worker-host';
import { createWorkerApp } from './worker.module';

async function main(): Promise<void> {
  const app = await createWorkerApp(loadConfig());
  try {
    await app.get(WorkerHost).start();
  } catch (error) {
    await app.close();
    throw error;
  }
  // SIGTERM/SIGINT: Nest runs the shutdown hooks (running jobs finish first), then exits 0.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
}

main().catch((error: unknown) => {
  // A settings or wiring problem is the operator's to fix: one readable message.
  const readable = [ConfigValidationError, JobHandlerRegistryError, RedisUnavailableError].some(
    (type) => error instanceof type,
  );
  if (readable) console.error((error as Error).message);
  else console.error(error);
  process.exit(1);
});
