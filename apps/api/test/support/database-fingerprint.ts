import type { DataSource } from 'typeorm';

/** What a table may legitimately change while requests are refused, and why. */
export interface Allowance {
  /** Columns left out of the checksum. */
  columns?: string[];
  /** Only rows matching this SQL condition are compared. */
  rows?: string;
  why: string;
}

/** Row count and checksum of every row's content, per table. */
export type Fingerprint = Record<string, { rows: number; checksum: string }>;

/**
 * Every base table outside PostgreSQL's own schemas (so a new table is covered without listing it), each row as
 * JSON minus the allowed columns, sorted, hashed.
 */
export async function databaseFingerprint(
  db: DataSource,
  allowances: Record<string, Allowance> = {},
): Promise<Fingerprint> {
  const tables: { schema: string; name: string }[] = await db.query(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1, 2`,
  );
  const fingerprint: Fingerprint = {};
  for (const { schema, name } of tables) {
    const qualified = schema === 'public' ? name : `${schema}.${name}`;
    const allowance = allowances[qualified] ?? {};
    const [row] = await db.query(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS checksum
         FROM (SELECT (to_jsonb(t) - $1::text[])::text AS r FROM "${schema}"."${name}" t
                WHERE ${allowance.rows ?? 'true'}) s`,
      [allowance.columns ?? []],
    );
    fingerprint[qualified] = row;
  }
  return fingerprint;
}
