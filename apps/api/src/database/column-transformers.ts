import type { ValueTransformer } from 'typeorm';

/** PostgreSQL returns numeric as text to keep precision; hectares and USD fit a JS number exactly at 2 decimals. */
export const decimal: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** bigint columns (VND amounts, outbox ids) stay below 2^53 in this domain. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
