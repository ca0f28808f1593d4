import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '@irm/contracts';
import { renderProblem } from './problem';

/** The single place where errors become HTTP responses. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}

export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body, headers, unexpected } = renderProblem(error, String(request.id));
  if (unexpected) {
    request.log.error({ err: error }, 'request failed');
  } else {
    request.log.info({ status, code: body.code, detail: body.detail }, 'request rejected');
  }
  // Set here too: errors the router raises (a badly encoded address) never pass the request hooks.
  void reply
    .status(status)
    .headers({ 'x-request-id': String(request.id), ...headers })
    .type(PROBLEM_CONTENT_TYPE)
    .send(body);
}
