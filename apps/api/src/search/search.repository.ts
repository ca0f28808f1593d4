import { Injectable } from '@nestjs/common';
import type { SearchHitType } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { toE164 } from '../common/domain-validators';
import { phraseMatchSql, searchTerms, textMatchSql } from '../common/text-search';
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
 * Hits are ranked among the first this many per type: a search box shows a handful, and the cost stays flat however
 * common the word is.
 */
const RANKED_PER_TYPE = 200;

@Injectable()
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement for all record types, each narrowed through its trigram index (phrase as typed, or the corrected
   * words anywhere). Records containing the phrase as typed score 1; the others score by similarity to it.
   * Two statements: the typo correction of the words, then the search.
   */
  async search(q: string, perType: number): Promise<SearchRow[]> {
    const terms = await searchTerms(this.dataSource, q);
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const term = `f_unaccent(lower(${param(q)}))`;
    const limit = param(perType);
    const digits = q.replace(/[\s.-]/g, '');
    const phone = /^[\d\s().+-]{6,}$/.test(q) ? toE164(q) : null;

    const branch = (type: SearchHitType, select: string, from: string, key: string, special?: string) => {
      const where = special ?? textMatchSql(key, terms, param);
      const score = special
        ? '1::float'
        : `CASE WHEN ${phraseMatchSql(key, terms, param)} THEN 1 ELSE similarity(${term}, ${key}) END::float`;
      return `(SELECT * FROM (SELECT '${type}' AS type, ${select}, ${score} AS score FROM ${from}
                WHERE ${where} LIMIT ${RANKED_PER_TYPE}) m
               ORDER BY score DESC, title LIMIT ${limit})`;
    };

    return this.dataSource.query(
      [
        branch(
          'organization',
          `o.id, o.name AS title, concat_ws(' · ', o.tax_code, o.country) AS subtitle`,
          'organization o',
          ORGANIZATION_SEARCH_KEY,
          /^\d{3,}$/.test(digits) ? `o.tax_code LIKE ${param(`${digits.slice(0, 10)}%`)}` : undefined,
        ),
        branch(
          'contact',
          `c.id, c.full_name AS title, nullif(concat_ws(' · ', c.email::text, o.name), '') AS subtitle`,
          'contact c LEFT JOIN organization o ON o.id = c.organization_id',
          CONTACT_SEARCH_KEY,
          phone ? `c.phone = ${param(phone)}` : undefined,
        ),
        branch('zone', 'z.id, z.name AS title, z.district AS subtitle', 'zone z', ZONE_SEARCH_KEY),
      ].join(' UNION ALL '),
      params,
    );
  }
}
