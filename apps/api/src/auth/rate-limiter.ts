import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

// Fixed window: the first hit sets the expiry; atomic, so several API processes share one count.
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
return { count, ttl }`;

/** Counters in Redis, so limits hold across every API process. */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  private key(scope: string, id: string): string {
    return `${this.config.REDIS_PREFIX}:rate:${scope}:${id}`;
  }

  async hit(scope: string, id: string, limit: number, windowMs: number): Promise<RateLimitResult> {
    const [count, ttl] = (await this.redis.eval(HIT, 1, this.key(scope, id), windowMs)) as [number, number];
    return { allowed: count <= limit, count, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
  }

  /** The count so far without adding to it: allowed while another hit would still be within the limit. */
  async peek(scope: string, id: string, limit: number): Promise<RateLimitResult> {
    const [count, ttl] = await Promise.all([this.redis.get(this.key(scope, id)), this.redis.pttl(this.key(scope, id))]);
    const n = Number(count ?? 0);
    return { allowed: n < limit, count: n, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
  }

  async reset(scope: string, id: string): Promise<void> {
    await this.redis.del(this.key(scope, id));
  }
}
