import { HttpException, HttpStatus } from '@nestjs/common';
import type { FieldError, ProblemDetails } from '@irm/contracts';
import { AppException, ErrorCode, statusOf, titleOf } from './app-exception';
import { isDependencyOutage } from './outage';

/** Seconds a client is asked to wait when the database or Redis is not answering (a restart takes a few). */
export const OUTAGE_RETRY_AFTER_SECONDS = 2;

export interface RenderedProblem {
  status: number;
  body: ProblemDetails;
  headers: Record<string, string>;
  /** Unexpected failures are logged with their stack; expected ones are not. */
  unexpected: boolean;
}

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.BadRequest,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  414: ErrorCode.UriTooLong,
  415: ErrorCode.UnsupportedMediaType,
  422: ErrorCode.RuleViolated,
  429: ErrorCode.TooManyRequests,
  503: ErrorCode.ServiceUnavailable,
};

/** Fastify's own errors (body parsing, limits) carry a `code` and a `statusCode`. */
const FASTIFY_CODES: Record<string, { code: ErrorCode; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: ErrorCode.PayloadTooLarge, detail: 'The request body exceeds the 1 MB limit.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: ErrorCode.UnsupportedMediaType,
    detail: 'Send JSON with Content-Type: application/json.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: ErrorCode.MalformedJson, detail: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: ErrorCode.MalformedJson, detail: 'The body is not valid JSON.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: ErrorCode.BadRequest, detail: 'Content-Length does not match the body.' },
  FST_ERR_BAD_URL: { code: ErrorCode.BadRequest, detail: 'The address is not valid: a part of it is badly encoded.' },
  FST_ERR_MAX_PARAM_LENGTH: { code: ErrorCode.UriTooLong, detail: 'A part of the address is longer than any id.' },
};

function problem(code: ErrorCode, status: number, detail?: string, errors?: FieldError[]): ProblemDetails {
  const body: ProblemDetails = { type: `urn:irm:problem:${code}`, title: titleOf(code), status, code };
  if (detail) body.detail = detail;
  if (errors?.length) body.errors = errors;
  return body;
}

function fromHttpException(error: HttpException): { code: ErrorCode; status: number; detail?: string } {
  const status = error.getStatus();
  const code = CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.BadRequest);
  const response = error.getResponse();
  let detail: string | undefined;
  if (typeof response === 'string') detail = response;
  else if (response && typeof response === 'object' && 'message' in response) {
    const message = (response as { message: unknown }).message;
    detail = Array.isArray(message) ? message.join('; ') : String(message);
  }
  // Nest's generic texts ("Cannot GET /x") say nothing more than the title.
  if (status === HttpStatus.NOT_FOUND) detail = 'No resource exists at this address.';
  return { code, status, detail };
}

/** Turns anything thrown while serving a request into RFC 9457 problem details. */
export function renderProblem(error: unknown, requestId?: string): RenderedProblem {
  let rendered: Omit<RenderedProblem, 'body'> & { body: ProblemDetails };
  if (error instanceof AppException) {
    rendered = {
      status: error.status,
      body: { ...error.extensions, ...problem(error.code, error.status, error.detail, error.errors) },
      headers: error.headers ?? {},
      unexpected: error.status >= 500,
    };
  } else if (error instanceof HttpException) {
    const { code, status, detail } = fromHttpException(error);
    rendered = { status, body: problem(code, status, detail), headers: {}, unexpected: status >= 500 };
  } else if (isFastifyError(error)) {
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    const status = known ? statusOf(known.code) : error.statusCode;
    const code = known?.code ?? CODE_BY_STATUS[status] ?? ErrorCode.BadRequest;
    const detail = known?.detail ?? (error instanceof SyntaxError ? 'The body is not valid JSON.' : undefined);
    rendered = {
      status,
      body: problem(error instanceof SyntaxError ? ErrorCode.MalformedJson : code, status, detail),
      headers: {},
      unexpected: false,
    };
  } else if (isDependencyOutage(error)) {
    rendered = {
      status: 503,
      body: problem(
        ErrorCode.ServiceUnavailable,
        503,
        'The database or the queue server is not answering at the moment. Try again shortly.',
      ),
      headers: { 'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS) },
      unexpected: true,
    };
  } else {
    rendered = {
      status: 500,
      body: problem(
        ErrorCode.Internal,
        500,
        'Something went wrong on our side. Quote the request id when reporting it.',
      ),
      headers: {},
      unexpected: true,
    };
  }
  if (requestId) rendered.body.requestId = requestId;
  return rendered;
}

function isFastifyError(error: unknown): error is Error & { statusCode: number; code?: string } {
  if (!(error instanceof Error)) return false;
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}
