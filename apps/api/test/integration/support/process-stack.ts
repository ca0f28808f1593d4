import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Role } from '@irm/contracts';
import { loadConfig } from '../../../src/config/app-config';
import { dataSourceOptions } from '../../../src/database/data-source-options';
import { QueueName } from '../../../src/queue/queue-names';
import { PasswordHasher } from '../../../src/users/password-hasher';
import { ApiProcess, startApiProcess } from '../../support/api-process';
import { SmtpSink } from '../../support/smtp-sink';
import { createTestDatabase, TestDatabase, testRedisPrefix } from '../../support/test-database';
import { TEST_PASSWORD, TestClient } from '../../support/test-client';
import { TEST_REDIS_URL } from '../../support/test-env';
import { spawnWorker, WorkerProcess } from '../../support/worker-process';
import { insertProvinceSettings } from './mail-fixtures';
import { waitFor } from './queue-harness';

export const STACK_APP_URL = 'https://crm.ipa.example.vn';

export interface StackUser {
  id: string;
  email: string;
}

/**
 * Several real API and worker processes (spawned from source) on one fresh database, one Redis key prefix and one
 * SMTP sink: the system as `docker compose up --scale api=N --scale worker=M` runs it.
 */
export interface ProcessStack {
  /** The settings every process gets. */
  env: Record<string, string>;
  database: TestDatabase;
  /** The test's own connection, for looking at what the processes wrote. */
  dataSource: DataSource;
  /** The test's own Redis connection. */
  redis: Redis;
  prefix: string;
  apis: ApiProcess[];
  workers: WorkerProcess[];
  startApi(env?: Record<string, string>): Promise<ApiProcess>;
  startWorker(env?: Record<string, string>): WorkerProcess;
  /** Resolves once `count` worker processes take jobs from every queue. */
  workersListening(count: number, timeoutMs?: number): Promise<void>;
  queue(name: QueueName): Queue;
  /** The first admin (inserted directly), signed in on `api`. */
  admin(api?: ApiProcess): Promise<TestClient>;
  /** A user created by the admin over HTTP, with TEST_PASSWORD. */
  createUser(role: Role, name?: string): Promise<StackUser>;
  /** A user signed in on `api`. */
  signedIn(role: Role, api?: ApiProcess): Promise<{ user: StackUser; client: TestClient }>;
  /** Deletes every key under this stack's prefix: what a Redis restarted without its data holds of it. */
  deleteRedisKeys(): Promise<number>;
  /** Ends every process (SIGKILL), then removes the keys and the database. */
  close(): Promise<void>;
}

let users = 0;

/** Every key under `prefix:`, deleted in batches; returns how many there were. */
export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}

export async function startProcessStack(
  sink: SmtpSink,
  options: {
    apis?: number;
    workers?: number;
    env?: Record<string, string>;
    /** A migrated database to use instead of a fresh clone (e.g. on a private server); it is not dropped. */
    databaseUrl?: string;
    /** Another Redis than the shared test server. */
    redisUrl?: string;
  } = {},
): Promise<ProcessStack> {
  const redisUrl = options.redisUrl ?? TEST_REDIS_URL;
  const database: TestDatabase = options.databaseUrl
    ? { name: new URL(options.databaseUrl).pathname.slice(1), url: options.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const prefix = testRedisPrefix();
  const uploads = mkdtempSync(join(tmpdir(), 'irm-stack-uploads-'));
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    SMTP_URL: sink.url,
    APP_URL: STACK_APP_URL,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.IRM_TEST_LOG_LEVEL ?? 'warn',
    // Small pools: several processes share a server whose max_connections other test runs also use.
    DATABASE_POOL_SIZE: '5',
    MAIL_CONCURRENCY: '3',
    MAIL_RETRY_DELAY_MS: '200',
    // A killed worker's jobs are taken up again after this long.
    WORKER_LOCK_MS: '5000',
    LOGIN_LIMIT_PER_IP: '100000',
    PORTAL_LIMIT_PER_IP: '100000',
    PORTAL_LIMIT_PER_EMAIL: '100000',
    PORTAL_UPLOAD_DIR: uploads,
    ...options.env,
  };
  const dataSource = await new DataSource(
    dataSourceOptions(loadConfig({ DATABASE_URL: database.url }), { poolSize: 2, applicationName: 'irm-test' }),
  ).initialize();
  await insertProvinceSettings(dataSource);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const queues = new Map<QueueName, Queue>();
  const apis: ApiProcess[] = [];
  const workers: WorkerProcess[] = [];
  const adminEmail = `admin.${prefix}@ipa.test`;
  await dataSource.query(
    `INSERT INTO app_user (email, name, role, password_hash, language, version)
     VALUES ($1, 'First Admin', 'admin', $2, 'vi', 1)`,
    [adminEmail, await new PasswordHasher().hash(TEST_PASSWORD)],
  );
  let adminClient: TestClient | undefined;

  const queue = (name: QueueName): Queue => {
    let handle = queues.get(name);
    if (!handle) {
      handle = new Queue(name, { connection: { url: redisUrl }, prefix });
      // A fault test stops Redis under it; the handle reconnects by itself.
      handle.on('error', () => undefined);
      queues.set(name, handle);
    }
    return handle;
  };
  const startApi = async (extra: Record<string, string> = {}) => {
    const api = await startApiProcess({ ...env, ...extra });
    apis.push(api);
    return api;
  };
  const startWorker = (extra: Record<string, string> = {}) => {
    const worker = spawnWorker({ ...env, ...extra });
    workers.push(worker);
    return worker;
  };
  const signIn = async (email: string, api: ApiProcess) => {
    const client = new TestClient(api.baseUrl);
    await client.login(email, TEST_PASSWORD);
    return client;
  };
  const admin = async (api = apis[0]) => {
    adminClient ??= await signIn(adminEmail, api);
    return adminClient.at(api.baseUrl);
  };
  const createUser = async (role: Role, name = `${role} ${++users}`): Promise<StackUser> => {
    const email = `${role}.${++users}.${prefix}@ipa.test`;
    const created = await (await admin()).post('/api/users', { email, name, role, password: TEST_PASSWORD });
    if (created.status !== 201) throw new Error(`user not created: ${created.status} ${JSON.stringify(created.body)}`);
    return { id: created.body.id, email };
  };

  await Promise.all([
    ...Array.from({ length: options.apis ?? 0 }, () => startApi()),
    ...Array.from({ length: options.workers ?? 0 }, () => startWorker()),
  ]);

  return {
    env,
    database,
    dataSource,
    redis,
    prefix,
    apis,
    workers,
    startApi,
    startWorker,
    workersListening: async (count, timeoutMs = 90_000) => {
      await waitFor(
        `${count} workers on every queue (${workers.map((w) => w.output().slice(-600)).join('\n')})`,
        async () => {
          const counts = await Promise.all(Object.values(QueueName).map((name) => queue(name).getWorkersCount()));
          return counts.every((n) => n >= count);
        },
        timeoutMs,
      );
    },
    queue,
    admin,
    createUser,
    signedIn: async (role, api = apis[0]) => {
      const user = await createUser(role);
      return { user, client: await signIn(user.email, api) };
    },
    deleteRedisKeys: () => deleteKeysWithPrefix(redis, prefix),
    close: async () => {
      await Promise.all([...apis, ...workers].map((p) => p.kill('SIGKILL')));
      await Promise.all([...queues.values()].map((q) => q.close()));
      await deleteKeysWithPrefix(redis, prefix).catch(() => 0);
      redis.disconnect();
      await dataSource.destroy();
      await database.drop();
      rmSync(uploads, { recursive: true, force: true });
    },
  };
}
