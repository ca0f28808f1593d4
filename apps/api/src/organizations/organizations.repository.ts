import { Injectable } from '@nestjs/common';
import type { RecordSort } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { OwnedRecordRepository } from '../database/owned-record.repository';
import { recordKeyset } from '../common/record-sort';
import { querySearchedPage, searchTerms, textMatchSql } from '../common/text-search';
import { CLOSE_NAME_SIMILARITY, nameKeySql } from '../records/duplicates';
import { OrganizationEntity } from './organization.entity';

export interface OrganizationFilter {
  q?: string;
  kind?: string;
  country?: string;
  sector?: string;
  ownerId?: string;
  tag?: string;
  sort: RecordSort;
  after?: [string, string];
  limit: number;
}

export type OrganizationRow = OrganizationEntity & { ownerName: string; sortKey?: string };

/** The search key: unaccented, lower-case name and legal name, kept by a trigger and indexed (trigram GIN). */
export const SEARCH_KEY = 'o.search_key';

const COLUMNS = `o.id, o.name, o.legal_name AS "legalName", o.kind, o.country, o.sectors, o.tax_code AS "taxCode",
  o.website, o.size, o.owner_id AS "ownerId", u.name AS "ownerName", o.tags, o.source,
  o.created_at AS "createdAt", o.updated_at AS "updatedAt", o.version`;

/** An existing investor a new one may duplicate, as the duplicate prompt and report show it. */
export interface OrganizationCandidateRow {
  id: string;
  name: string;
  taxCode: string | null;
  country: string;
  ownerName: string;
  version: number;
  exactTaxCode: boolean;
  similarity: number;
}

const CANDIDATE_COLUMNS = `o.id, o.name, o.tax_code AS "taxCode", o.country, u.name AS "ownerName", o.version`;
const NAME_KEY = nameKeySql('o.name');

@Injectable()
export class OrganizationsRepository extends OwnedRecordRepository<OrganizationEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, OrganizationEntity);
  }

  /** One query per page (two with a text search), owner names joined in; keyset on the chosen order. */
  async list(filter: OrganizationFilter): Promise<OrganizationRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    let textSearch = false;
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.q) {
      const digits = filter.q.replace(/[\s.-]/g, '');
      if (/^\d{3,}$/.test(digits)) {
        // A number is a tax-code prefix (text_pattern_ops index).
        where.push(`o.tax_code LIKE ${param(`${digits.slice(0, 10)}%`)}`);
      } else {
        // The phrase as typed, or its words with typos corrected ("samsng" → "samsung"); all through the GIN index.
        textSearch = true;
        where.push(textMatchSql(SEARCH_KEY, await searchTerms(this.dataSource, filter.q), param));
      }
    }
    if (filter.kind) where.push(`o.kind = ${param(filter.kind)}`);
    if (filter.country) where.push(`o.country = ${param(filter.country)}`);
    if (filter.sector) where.push(`${param(filter.sector)} = ANY(o.sectors)`);
    if (filter.ownerId) where.push(`o.owner_id = ${param(filter.ownerId)}`);
    if (filter.tag) where.push(`${param(filter.tag)} = ANY(o.tags)`);
    const keyset = recordKeyset('o', 'name', filter.sort);
    if (filter.after) where.push(keyset.after(param(filter.after[0]), param(filter.after[1])));
    const sql = `SELECT ${COLUMNS}, ${keyset.sortKey} AS "sortKey" FROM organization o JOIN app_user u ON u.id = o.owner_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${keyset.orderBy} LIMIT ${param(filter.limit + 1)}`;
    return textSearch ? querySearchedPage(this.dataSource, sql, params) : this.dataSource.query(sql, params);
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationRow | null> {
    const rows: OrganizationRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM organization o JOIN app_user u ON u.id = o.owner_id WHERE o.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Investors with the same tax code or a close name. The word-similarity test uses the search index to narrow the
   * rows; the name keys (company forms dropped) then decide.
   */
  findDuplicates(
    manager: EntityManager,
    input: { name: string; taxCode?: string | null },
  ): Promise<OrganizationCandidateRow[]> {
    return manager.query(
      `WITH input AS (SELECT ${nameKeySql('$1::text')} AS key)
       SELECT * FROM (
         SELECT ${CANDIDATE_COLUMNS}, coalesce(o.tax_code = $2, false) AS "exactTaxCode",
                round(similarity(${NAME_KEY}, input.key)::numeric, 2)::float AS similarity
           FROM organization o JOIN app_user u ON u.id = o.owner_id, input
          WHERE o.tax_code = $2 OR f_unaccent(lower($1)) <% ${SEARCH_KEY}
       ) found
       WHERE "exactTaxCode" OR similarity >= $3
       ORDER BY "exactTaxCode" DESC, similarity DESC, name LIMIT 5`,
      [input.name, input.taxCode ?? null, CLOSE_NAME_SIMILARITY],
    );
  }

  /** Groups of investors whose name keys are equal, a page of groups at a time (keyset on the key). */
  duplicateGroups(
    after: string | undefined,
    limit: number,
  ): Promise<Array<OrganizationCandidateRow & { key: string }>> {
    return this.dataSource.query(
      `WITH keyed AS (SELECT o.id, ${NAME_KEY} AS key FROM organization o),
            groups AS (SELECT key FROM keyed WHERE key <> '' AND ($1::text IS NULL OR key > $1)
                        GROUP BY key HAVING count(*) > 1 ORDER BY key LIMIT $2)
       SELECT g.key, ${CANDIDATE_COLUMNS}, false AS "exactTaxCode", 1::float AS similarity
         FROM groups g JOIN keyed k ON k.key = g.key JOIN organization o ON o.id = k.id
         JOIN app_user u ON u.id = o.owner_id
        ORDER BY g.key, o.created_at, o.id`,
      [after ?? null, limit + 1],
    );
  }
}
