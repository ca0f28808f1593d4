import { Injectable } from '@nestjs/common';
import type { SearchHitType } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { toE164 } from '../common/domain-validators';
import { containsPattern } from '../common/dto';
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
 * Rows that match at most this many per type are ranked; beyond that the best of the first ones is good enough
 * (a search box shows a handful) and the cost stays flat however common the word is.
 */
const RANKED_PER_TYPE = 200;

@Injectable()
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement for all record types. Each branch narrows with the same predicates the list endpoints use (so the
   * trigram indexes answer it), ranks exact substring matches first, then by word similarity.
   */
  search(q: string, perType: number): Promise<SearchRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const term = `f_unaccent(lower(${param(q)}))`;
    const pattern = `f_unaccent(lower(${param(containsPattern(q))}))`;
    const limit = param(perType);
    const matches = (key: string) => `(${key} LIKE ${pattern} OR ${term} <% ${key})`;
    const score = (key: string) => `CASE WHEN ${key} LIKE ${pattern} THEN 1 ELSE word_similarity(${term}, ${key}) END`;

    const digits = q.replace(/[\s.-]/g, '');
    const organizationMatch = /^\d{3,}$/.test(digits)
      ? `o.tax_code LIKE ${param(`${digits.slice(0, 10)}%`)}`
      : matches(ORGANIZATION_SEARCH_KEY);
    const phone = /^[\d\s().+-]{6,}$/.test(q) ? toE164(q) : null;
    const contactMatch = phone ? `c.phone = ${param(phone)}` : matches(CONTACT_SEARCH_KEY);

    const branch = (type: SearchHitType, select: string, from: string, where: string) =>
      `(SELECT * FROM (SELECT '${type}' AS type, ${select} FROM ${from} WHERE ${where} LIMIT ${RANKED_PER_TYPE}) m
         ORDER BY score DESC, title LIMIT ${limit})`;

    return this.dataSource.query(
      [
        branch(
          'organization',
          `o.id, o.name AS title, concat_ws(' · ', o.tax_code, o.country) AS subtitle,
           ${score(ORGANIZATION_SEARCH_KEY)}::float AS score`,
          'organization o',
          organizationMatch,
        ),
        branch(
          'contact',
          `c.id, c.full_name AS title, nullif(concat_ws(' · ', c.email::text, o.name), '') AS subtitle,
           ${score(CONTACT_SEARCH_KEY)}::float AS score`,
          'contact c LEFT JOIN organization o ON o.id = c.organization_id',
          contactMatch,
        ),
        branch(
          'zone',
          `z.id, z.name AS title, z.district AS subtitle, ${score(ZONE_SEARCH_KEY)}::float AS score`,
          'zone z',
          matches(ZONE_SEARCH_KEY),
        ),
      ].join(' UNION ALL '),
      params,
    );
  }
}
