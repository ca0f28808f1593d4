import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../common/request-context';
import type { Principal } from './principal';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The signed-in person of a non-public route (the guard has already refused anonymous requests). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<FastifyRequest>().principal!;
});

export function requestContextOf(request: FastifyRequest): RequestContext {
  return { requestId: String(request.id), ip: request.ip ?? null, principal: request.principal ?? null };
}
