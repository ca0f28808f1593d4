import { Inject, Injectable } from '@nestjs/common';
import type { CheckStatus, HealthResponse } from '@irm/contracts';
import type { Redis } from 'ioredis';
import { REDIS } from '../redis/redis.module';
import { DatabaseProbe } from './database-probe';

const CHECK_TIMEOUT_MS = 2_000;

async function probe(check: () => Promise<unknown>): Promise<CheckStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabaseProbe,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** PostgreSQL through a connection of the check's own (a busy pool is not a database down), Redis by PING. */
  async check(): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([
      probe(() => this.database.ping(CHECK_TIMEOUT_MS)),
      probe(() => this.redis.ping()),
    ]);
    return { status: database === 'up' && redis === 'up' ? 'ok' : 'error', checks: { database, redis } };
  }
}
