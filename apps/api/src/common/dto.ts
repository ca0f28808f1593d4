import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, Min, MaxLength } from 'class-validator';

/** Trims surrounding white space of a string field before validation. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A required, trimmed, non-empty text of at most `maxLength` characters. */
export const RequiredText = (maxLength: number) =>
  applyDecorators(Trim(), IsString(), IsNotEmpty(), MaxLength(maxLength));

/** `%q%` for ILIKE, with the user's own % and _ matched literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Query-string booleans: "true" and "false"; anything else is left for @IsBoolean to refuse. */
export const queryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** An empty string in a form means "none". */
export const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : value;

/** The largest value of PostgreSQL's integer, which version columns are. */
export const MAX_VERSION = 2_147_483_647;

/**
 * A record's `version` as the client read it, from a JSON number or a query string's digits. Nothing else becomes a
 * number (`true`, `""` or `[1]` are refused, not read as 1 or 0), and nothing past the column's range reaches SQL.
 */
export const IsVersion = (min = 1) =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value,
    ),
    IsInt(),
    Min(min),
    Max(MAX_VERSION),
  );
