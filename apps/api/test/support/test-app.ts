import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '../../src/bootstrap/http-app';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createTestDatabase, TestDatabase, testRedisPrefix } from './test-database';
import { TEST_REDIS_URL } from './test-env';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  baseUrl: string;
  close(): Promise<void>;
}

/** Boots the real API on a random port against its own database and Redis prefix. */
export async function startTestApp(env: Record<string, string> = {}, extraModules: Type[] = []): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: testRedisPrefix(),
    LOG_LEVEL: process.env.IRM_TEST_LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
    // Every test signs in from 127.0.0.1; tests of the address limit set their own.
    LOGIN_LIMIT_PER_IP: '100000',
    // Likewise the portal's public forms; tests of its limits set their own.
    PORTAL_LIMIT_PER_IP: '100000',
    PORTAL_LIMIT_PER_EMAIL: '100000',
    PORTAL_UPLOAD_DIR: join(tmpdir(), 'irm-test-portal-uploads'),
    ...env,
  });
  const { app } = await createHttpApp(config, extraModules);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    config,
    database,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** Parsed JSON of a response; tests assert on its shape, so it is deliberately loose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function readJson(response: Response): Promise<any> {
  return response.json();
}
