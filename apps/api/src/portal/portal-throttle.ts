import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RateLimiter } from '../auth/rate-limiter';
import { TokenHasher } from '../auth/token-hasher';
import { AppException, ErrorCode } from '../common/app-exception';
import { AppConfig } from '../config/app-config';

const tooMany = (retryAfterSeconds: number, what = 'submissions') =>
  new AppException(
    ErrorCode.TooManyRequests,
    `Too many ${what}; try again in ${retryAfterSeconds} seconds.`,
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );

/**
 * Limits on the portal's public posts, counted in Redis so every API process shares them: per client address (this
 * guard, before the body is even validated) and per email address or tracking link (the services, once they know
 * it). Keys hold a keyed hash, never the address itself.
 */
@Injectable()
export class PortalThrottle implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly hasher: TokenHasher,
    private readonly config: AppConfig,
  ) {}

  private get windowMs(): number {
    return this.config.PORTAL_WINDOW_MINUTES * 60_000;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const result = await this.limiter.hit('portal-ip', request.ip, this.config.PORTAL_LIMIT_PER_IP, this.windowMs);
    if (!result.allowed) throw tooMany(result.retryAfterSeconds);
    return true;
  }

  /** Counts a post for an email address (or any other key, e.g. a submission's id); 429 past the limit. */
  async hit(scope: 'email' | 'submission', key: string): Promise<void> {
    const result = await this.limiter.hit(
      `portal-${scope}`,
      this.hasher.hash(key),
      this.config.PORTAL_LIMIT_PER_EMAIL,
      this.windowMs,
    );
    if (!result.allowed) throw tooMany(result.retryAfterSeconds);
  }

  /**
   * A tracking-link lookup from a client address. Links that do not work (made up, expired) count against the
   * address; past `PORTAL_TRACKING_MISSES_PER_IP` in the window every lookup from it is refused, so links cannot
   * be tried at speed. Investors who open their own link are never counted.
   */
  async lookup<T>(ip: string, find: () => Promise<T>): Promise<T> {
    const limit = this.config.PORTAL_TRACKING_MISSES_PER_IP;
    const state = await this.limiter.peek('portal-miss', ip, limit);
    if (!state.allowed) throw tooMany(state.retryAfterSeconds, 'wrong tracking links');
    try {
      return await find();
    } catch (error) {
      if (error instanceof AppException && error.code === ErrorCode.NotFound)
        await this.limiter.hit('portal-miss', ip, limit, this.windowMs);
      throw error;
    }
  }
}
