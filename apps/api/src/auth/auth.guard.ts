import type {} from '@fastify/cookie';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditAction, CSRF_COOKIE, Role, SESSION_COOKIE } from '@irm/contracts';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { AppException, ErrorCode } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { Access, ACCESS_METADATA } from './access.decorator';
import { AuthService } from './auth.service';
import type { Principal } from './principal';
import { RateLimiter } from './rate-limiter';
import { requestContextOf } from './request-principal';
import { safeEqual } from './token-hasher';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function roleSatisfies(role: Role, access: Access): boolean {
  switch (access) {
    case Access.Admin:
      return role === Role.Admin;
    case Access.Manager:
      return role === Role.Manager || role === Role.Admin;
    default:
      return true;
  }
}

/**
 * Every request passes here: who is it (session cookie or bearer token), may they
 * call this route, did a cookie request prove it came from our pages (CSRF), and
 * are they within their request budget.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    request.principal = await this.authenticate(request);
    if (access === Access.Public) return true;

    const principal = request.principal;
    if (!principal) throw new AppException(ErrorCode.Unauthenticated, 'Sign in to continue.');
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method) && !this.csrfMatches(request)) {
      await this.deny(request, access, 'csrf');
      throw new AppException(ErrorCode.CsrfFailed, `Send the ${CSRF_COOKIE} cookie value in the X-CSRF-Token header.`);
    }
    if (!access || !roleSatisfies(principal.role, access)) {
      await this.deny(request, access, 'role');
      throw new AppException(ErrorCode.Forbidden, 'Your role does not allow this.');
    }
    const budget = await this.limiter.hit('api-user', principal.userId, this.config.API_LIMIT_PER_MINUTE, 60_000);
    if (!budget.allowed) {
      throw new AppException(
        ErrorCode.TooManyRequests,
        `Request limit reached; try again in ${budget.retryAfterSeconds} seconds.`,
        undefined,
        {
          'retry-after': String(budget.retryAfterSeconds),
        },
      );
    }
    return true;
  }

  private async authenticate(request: FastifyRequest): Promise<Principal | null> {
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const principal = match ? await this.auth.resolveApiToken(match[1]) : null;
      // A bad token is an error even on public routes: the caller believes it is signed in.
      if (!principal) throw new AppException(ErrorCode.Unauthenticated, 'The API token is not valid.');
      return principal;
    }
    const session = request.cookies?.[SESSION_COOKIE];
    return session ? this.auth.resolveSession(session) : null;
  }

  private csrfMatches(request: FastifyRequest): boolean {
    const cookie = request.cookies?.[CSRF_COOKIE];
    const header = request.headers['x-csrf-token'];
    return typeof cookie === 'string' && cookie.length > 0 && typeof header === 'string' && safeEqual(cookie, header);
  }

  private async deny(request: FastifyRequest, access: Access | undefined, reason: 'role' | 'csrf'): Promise<void> {
    const route = request.routeOptions.url ?? request.url;
    request.log.warn({ route, method: request.method, userId: request.principal?.userId, reason }, 'permission denied');
    await this.audit.recordNow(
      {
        action: AuditAction.PermissionDenied,
        details: { method: request.method, route, required: access ?? null, reason },
      },
      requestContextOf(request),
    );
  }
}
