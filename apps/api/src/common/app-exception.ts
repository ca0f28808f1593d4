import type { FieldError } from '@irm/contracts';

/** Stable error codes; the global filter maps them to HTTP statuses. */
export enum ErrorCode {
  BadRequest = 'bad_request',
  ValidationFailed = 'validation_failed',
  MalformedJson = 'malformed_json',
  Unauthenticated = 'unauthenticated',
  InvalidCredentials = 'invalid_credentials',
  CsrfFailed = 'csrf_failed',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  StaleVersion = 'stale_version',
  Duplicate = 'duplicate',
  RuleViolated = 'rule_violated',
  /** A single-use account link past its time, already used, or replaced by a newer one. */
  LinkExpired = 'link_expired',
  LinkUsed = 'link_used',
  LinkReplaced = 'link_replaced',
  PayloadTooLarge = 'payload_too_large',
  UriTooLong = 'uri_too_long',
  UnsupportedMediaType = 'unsupported_media_type',
  TooManyRequests = 'too_many_requests',
  ServiceUnavailable = 'service_unavailable',
  Internal = 'internal_error',
}

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BadRequest]: 400,
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.MalformedJson]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.CsrfFailed]: 403,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.StaleVersion]: 409,
  [ErrorCode.Duplicate]: 409,
  [ErrorCode.RuleViolated]: 422,
  [ErrorCode.LinkExpired]: 410,
  [ErrorCode.LinkUsed]: 410,
  [ErrorCode.LinkReplaced]: 410,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UriTooLong]: 414,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.Internal]: 500,
};

const TITLE: Record<ErrorCode, string> = {
  [ErrorCode.BadRequest]: 'Bad request',
  [ErrorCode.ValidationFailed]: 'Validation failed',
  [ErrorCode.MalformedJson]: 'Malformed JSON body',
  [ErrorCode.Unauthenticated]: 'Authentication required',
  [ErrorCode.InvalidCredentials]: 'Sign-in failed',
  [ErrorCode.CsrfFailed]: 'Missing or invalid CSRF token',
  [ErrorCode.Forbidden]: 'Forbidden',
  [ErrorCode.NotFound]: 'Not found',
  [ErrorCode.Conflict]: 'Conflict',
  [ErrorCode.StaleVersion]: 'The record was changed by someone else',
  [ErrorCode.Duplicate]: 'Possible duplicate',
  [ErrorCode.RuleViolated]: 'A business rule was violated',
  [ErrorCode.LinkExpired]: 'The link has expired',
  [ErrorCode.LinkUsed]: 'The link has already been used',
  [ErrorCode.LinkReplaced]: 'A newer link has been sent',
  [ErrorCode.PayloadTooLarge]: 'Request body too large',
  [ErrorCode.UriTooLong]: 'Address too long',
  [ErrorCode.UnsupportedMediaType]: 'Unsupported media type',
  [ErrorCode.TooManyRequests]: 'Too many requests',
  [ErrorCode.ServiceUnavailable]: 'Service unavailable',
  [ErrorCode.Internal]: 'Internal server error',
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export function titleOf(code: ErrorCode): string {
  return TITLE[code];
}

/** A domain error with a stable code; thrown by services, rendered by the global filter. */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    /** Extra members of the problem body (RFC 9457 extensions), e.g. duplicate candidates. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? TITLE[code]);
    this.name = 'AppException';
  }

  get status(): number {
    return STATUS[this.code];
  }
}
