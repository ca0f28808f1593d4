import type { ProblemDetails } from '@irm/contracts';

export const NETWORK_ERROR_CODE = 'network_error';

/** Every failed API call rejects with this, so the UI has one shape to read messages from. */
export class ApiError extends Error {
  constructor(readonly problem: ProblemDetails) {
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
