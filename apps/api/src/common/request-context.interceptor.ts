import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { requestContextOf } from '../auth/request-principal';
import { runWithRequestContext } from './request-context';

/** Runs each handler with the request's actor, address and id available to the audit trail. */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return new Observable((subscriber) =>
      runWithRequestContext(requestContextOf(request), () => next.handle().subscribe(subscriber)),
    );
  }
}
