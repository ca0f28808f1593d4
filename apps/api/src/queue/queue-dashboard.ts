import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditAction, Role, SESSION_COOKIE } from '@irm/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import type { Principal } from '../auth/principal';
import { requestContextOf } from '../auth/request-principal';
import { AppException, ErrorCode } from '../common/app-exception';
import { sendProblem } from '../common/problem-details.filter';
import { JobProducer } from './job-producer';
import { activeQueues } from './queue-names';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether an unsafe request came from a page of this site (Bull Board's own pages send no CSRF header). */
function sameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = request.headers.origin ?? request.headers.referer;
  if (typeof origin !== 'string') return false;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Bull Board at `/admin/queues`, for admins only. Its routes are plain Fastify routes outside Nest, so
 * the checks the API's guard makes are made here, before any of them runs: a session (or API token) of an
 * admin, and for changes a request from our own pages. Anyone else gets a problem response, never the UI.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const auth = app.get(AuthService);
  const audit = app.get(AuditService);
  const producer = app.get(JobProducer);

  const board = new BullBoardFastifyAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: activeQueues().map((name) => new BullMQAdapter(producer.queue(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'IRM queues' } },
  });

  const principalOf = async (request: FastifyRequest): Promise<Principal | null> => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (bearer) return auth.resolveApiToken(bearer[1]);
    const session = request.cookies?.[SESSION_COOKIE];
    return session ? auth.resolveSession(session) : null;
  };

  const deny = async (request: FastifyRequest, reply: FastifyReply, error: AppException, reason: string) => {
    if (request.principal) {
      await audit.recordNow(
        {
          action: AuditAction.PermissionDenied,
          details: { method: request.method, route: QUEUE_DASHBOARD_PATH, required: 'admin', reason },
        },
        requestContextOf(request),
      );
    }
    sendProblem(error, request, reply);
    return reply;
  };

  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      request.principal = await principalOf(request);
      if (!request.principal)
        return deny(request, reply, new AppException(ErrorCode.Unauthenticated, 'Sign in to continue.'), 'anonymous');
      if (request.principal.role !== Role.Admin)
        return deny(request, reply, new AppException(ErrorCode.Forbidden, 'Only admins see the queues.'), 'role');
      if (request.principal.via === 'session' && !SAFE_METHODS.has(request.method) && !sameOrigin(request))
        return deny(
          request,
          reply,
          new AppException(ErrorCode.CsrfFailed, 'Change queues from the dashboard page.'),
          'csrf',
        );
    });
    await scope.register(board.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}
