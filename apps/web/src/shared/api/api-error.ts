import type { FieldError, ProblemDetails } from '@irm/contracts';

export const NETWORK_ERROR_CODE = 'network_error';

/** Every failed API call rejects with this, so the UI has one shape to read messages from. */
export class ApiError extends Error {
  constructor(
    readonly problem: ProblemDetails,
    /** From the `Retry-After` header of a 429 or 503, in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  get isNetworkError(): boolean {
    return this.problem.code === NETWORK_ERROR_CODE;
  }

  get fieldErrors(): readonly FieldError[] {
    return this.problem.errors ?? [];
  }

  /** The server's message for one field of the request body, if it named that field, as a sentence. */
  fieldError(field: string): string | undefined {
    const message = this.fieldErrors.find((error) => error.field === field)?.message;
    return message && message.charAt(0).toLocaleUpperCase() + message.slice(1);
  }

  static network(cause: unknown): ApiError {
    return new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      code: NETWORK_ERROR_CODE,
      detail: cause instanceof Error ? cause.message : undefined,
    });
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
