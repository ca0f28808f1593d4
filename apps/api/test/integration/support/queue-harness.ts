import { createServer } from 'node:net';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../../../src/config/app-config';
import { QueueName } from '../../../src/queue/queue-names';
import { createWorkerApp } from '../../../src/worker.module';
import { createTestDatabase, TestDatabase, testRedisPrefix } from '../../support/test-database';
import { TEST_REDIS_URL } from '../../support/test-env';

export interface QueueHarness {
  app: INestApplicationContext;
  config: AppConfig;
  database: TestDatabase;
  dataSource: DataSource;
  /** The same settings with some changed (e.g. a Redis URL that answers nothing). */
  configWith(env: Record<string, string>): AppConfig;
  /** A queue handle for inspecting what reached Redis, separate from the app's producer. */
  queue(name: QueueName): Queue;
  /** Every job in a queue, whatever its state. */
  jobCount(name: QueueName): Promise<number>;
  /** Closes the worker app (running its shutdown hooks); `close()` does it too. */
  stopApp(): Promise<void>;
  /** Stops the app, removes this file's queues and database. */
  close(): Promise<void>;
}

/** The worker app against a fresh database and a Redis prefix of its own; jobs run only after `WorkerHost.start()`. */
export async function startQueueHarness(
  options: { env?: Record<string, string>; handlerModules?: Type[] } = {},
): Promise<QueueHarness> {
  const database = await createTestDatabase();
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: testRedisPrefix(),
    LOG_LEVEL: process.env.IRM_TEST_LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
    ...options.env,
  };
  const config = loadConfig(env);
  const app = await createWorkerApp(config, options.handlerModules);
  const queues = new Map<QueueName, Queue>();
  let appClosed = false;

  const queue = (name: QueueName): Queue => {
    let handle = queues.get(name);
    if (!handle) {
      handle = new Queue(name, { connection: { url: config.REDIS_URL }, prefix: config.REDIS_PREFIX });
      queues.set(name, handle);
    }
    return handle;
  };
  const stopApp = async (): Promise<void> => {
    if (appClosed) return;
    appClosed = true;
    await app.close();
  };

  return {
    app,
    config,
    database,
    dataSource: app.get(DataSource),
    configWith: (overrides) => loadConfig({ ...env, ...overrides }),
    queue,
    jobCount: async (name) => {
      const counts = await queue(name).getJobCounts();
      return Object.values(counts).reduce((sum, count) => sum + count, 0);
    },
    stopApp,
    close: async () => {
      await stopApp();
      for (const name of Object.values(QueueName)) await queue(name).obliterate({ force: true });
      await Promise.all([...queues.values()].map((handle) => handle.close()));
      await database.drop();
    },
  };
}

/** Polls until `check` returns something truthy; fails with `what` after the timeout. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A local port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}
