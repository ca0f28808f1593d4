import { Injectable } from '@nestjs/common';
import type { SearchHitType } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { toE164 } from '../common/domain-validators';
import { exactMatchSql, fuzzyMatchSql, type TextMatch } from '../common/text-search';
import { CONTACT_SEARCH_KEY } from '../contacts/contacts.repository';
import { SEARCH_KEY as ORGANIZATION_SEARCH_KEY } from '../organizations/organizations.repository';
import { ZONE_SEARCH_KEY } from '../zones/zones.repository';

export interface SearchRow {
  type: SearchHitType;
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
}

/**
 * Exact hits are ranked among the first this many per type: a search box shows a handful, and the cost stays flat
 * however common the word is.
 */
const RANKED_PER_TYPE = 200;

interface Branch {
  type: SearchHitType;
  key: string;
  select: string;
  from: string;
  alias: string;
  table: string;
  /** A number typed as a tax code or phone number matches that field instead of the words. */
  special?: () => string;
}

@Injectable()
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement for the given record types. Exact: rows containing the words (trigram index, cheap to check),
   * closest names first, score 1. Fuzzy: word similarity over the index's candidates, computed once in a
   * materialized CTE, best first; `excluded` ids were already found exactly.
   */
  search(
    q: string,
    perType: number,
    match: TextMatch,
    types: readonly SearchHitType[],
    excluded: readonly string[] = [],
  ): Promise<SearchRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const term = `f_unaccent(lower(${param(q)}))`;
    const limit = param(perType);
    let skipped: string | undefined;
    const skip = () => (skipped ??= param(excluded));

    const digits = q.replace(/[\s.-]/g, '');
    const taxCode = /^\d{3,}$/.test(digits) ? () => `o.tax_code LIKE ${param(`${digits.slice(0, 10)}%`)}` : undefined;
    const phone = /^[\d\s().+-]{6,}$/.test(q) ? toE164(q) : null;
    const branches: Branch[] = [
      {
        type: 'organization',
        key: ORGANIZATION_SEARCH_KEY,
        select: `o.id, o.name AS title, concat_ws(' · ', o.tax_code, o.country) AS subtitle`,
        from: 'organization o',
        alias: 'o',
        table: 'organization',
        special: taxCode,
      },
      {
        type: 'contact',
        key: CONTACT_SEARCH_KEY,
        select: `c.id, c.full_name AS title, nullif(concat_ws(' · ', c.email::text, o.name), '') AS subtitle`,
        from: 'contact c LEFT JOIN organization o ON o.id = c.organization_id',
        alias: 'c',
        table: 'contact',
        special: phone ? () => `c.phone = ${param(phone)}` : undefined,
      },
      {
        type: 'zone',
        key: ZONE_SEARCH_KEY,
        select: 'z.id, z.name AS title, z.district AS subtitle',
        from: 'zone z',
        alias: 'z',
        table: 'zone',
      },
    ];

    // A tax code or phone number is matched exactly or not at all. Parameters are added only where used.
    const chosen = branches.filter((branch) => types.includes(branch.type) && !(match === 'fuzzy' && branch.special));
    if (!chosen.length) return Promise.resolve([]);
    const sql = chosen.map((branch) => {
      const head = `SELECT '${branch.type}' AS type, ${branch.select}`;
      if (match === 'exact') {
        const where = branch.special ? branch.special() : exactMatchSql(branch.key, q, param);
        return `(SELECT type, id, title, subtitle, 1::float AS score FROM (
                     SELECT * FROM (${head}, similarity(${term}, ${branch.key}) AS closeness FROM ${branch.from}
                                    WHERE ${where} LIMIT ${RANKED_PER_TYPE}) m
                     ORDER BY closeness DESC, title LIMIT ${limit}) ranked)`;
      }
      return `(SELECT * FROM (
                   WITH matched AS MATERIALIZED (
                     SELECT ${branch.alias}.id FROM ${branch.table} ${branch.alias}
                      WHERE ${fuzzyMatchSql(branch.key, q, param)} AND NOT ${branch.alias}.id = ANY(${skip()}::uuid[]))
                   ${head}, word_similarity(${term}, ${branch.key})::float AS score
                     FROM ${branch.from} WHERE ${branch.alias}.id IN (SELECT id FROM matched)
                    ORDER BY score DESC, title LIMIT ${limit}) fuzzy)`;
    });
    return this.dataSource.query(sql.join(' UNION ALL '), params);
  }
}
