import type { FieldError } from '@irm/contracts';
import { AppException, ErrorCode } from './app-exception';

/** Far deeper than any body the API takes; deeper JSON is refused before anything walks it recursively. */
export const MAX_BODY_DEPTH = 32;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The body as text, refusing bytes that are not UTF-8 instead of silently turning them into U+FFFD. */
export function decodeBody(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AppException(ErrorCode.BadRequest, 'The body is not valid UTF-8 text.');
  }
}

function textProblem(text: string): string | undefined {
  // PostgreSQL text cannot hold NUL; a lone surrogate has no UTF-8 form and would be stored as U+FFFD.
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(text)) return 'is not well-formed Unicode (a lone surrogate)';
  return undefined;
}

/**
 * Checks a parsed body before validation sees it: a JSON object (every route takes one; Nest would read `null` as
 * `{}`), nesting within MAX_BODY_DEPTH, and every key and string storable text. Iterative, so a hostile depth cannot
 * exhaust the stack here.
 */
export function checkBodyValue(body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new AppException(ErrorCode.BadRequest, 'The body must be a JSON object.');
  const errors: FieldError[] = [];
  const pending: { value: unknown; field: string; depth: number }[] = [{ value: body, field: '', depth: 0 }];
  for (let next = pending.pop(); next && errors.length < 10; next = pending.pop()) {
    const { value, field, depth } = next;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) errors.push({ field: field || 'body', message: problem });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      errors.push({ field: field || 'body', message: `is nested deeper than ${MAX_BODY_DEPTH} levels` });
      break;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, field: `${field}[${index}]`, depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      const path = field ? `${field}.${key}` : key;
      const problem = textProblem(key);
      if (problem) errors.push({ field: 'body', message: `has a field name that ${problem}` });
      else pending.push({ value: item, field: path, depth: depth + 1 });
    }
  }
  if (errors.length > 0) {
    throw new AppException(
      ErrorCode.ValidationFailed,
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    );
  }
}
