import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

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
