/** RFC 9457 problem details, as every API error is returned. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Stable machine-readable code, e.g. `validation_failed`, `stale_version`. */
  code: string;
  /** Correlates the response with server logs. */
  requestId?: string;
  /** Present for validation problems: one entry per offending field. */
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
