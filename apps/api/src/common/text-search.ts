import type { DataSource, EntityManager } from 'typeorm';
import { containsPattern } from './dto';

/**
 * How a typed search matches: the words as typed (diacritics and case ignored) whenever some record contains them,
 * otherwise by trigram word similarity, which forgives typos ("samsng") but costs far more per row.
 */
export type TextMatch = 'exact' | 'fuzzy';

type Param = (value: unknown) => string;

/** `key` is an unaccented, lower-case SQL expression with a trigram GIN index (see the migrations). */
export function exactMatchSql(key: string, q: string, param: Param): string {
  return `${key} LIKE f_unaccent(lower(${param(containsPattern(q))}))`;
}

export function fuzzyMatchSql(key: string, q: string, param: Param): string {
  return `f_unaccent(lower(${param(q)})) <% ${key}`;
}

/**
 * Exact when any row of `from` contains the words; decided on the words alone, so every page of one search is
 * matched the same way.
 */
export async function chooseTextMatch(
  db: DataSource | EntityManager,
  from: string,
  key: string,
  q: string,
): Promise<TextMatch> {
  const [{ found }] = (await db.query(
    `SELECT EXISTS (SELECT 1 FROM ${from} WHERE ${key} LIKE f_unaccent(lower($1))) AS found`,
    [containsPattern(q)],
  )) as [{ found: boolean }];
  return found ? 'exact' : 'fuzzy';
}

/**
 * The WHERE condition for a search in the chosen way. Similarity is computed once for the index's candidates in a
 * materialized CTE (named `matched`), so the planner cannot instead walk a sort index testing every row.
 */
export function textMatchSql(
  match: TextMatch,
  alias: string,
  table: string,
  key: string,
  q: string,
  param: Param,
): { cte: string; where: string } {
  if (match === 'exact') return { cte: '', where: exactMatchSql(key, q, param) };
  return {
    cte: `WITH matched AS MATERIALIZED (SELECT ${alias}.id FROM ${table} ${alias} WHERE ${fuzzyMatchSql(key, q, param)})`,
    where: `${alias}.id IN (SELECT id FROM matched)`,
  };
}
