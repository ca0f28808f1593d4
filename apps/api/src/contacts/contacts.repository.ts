import { Injectable } from '@nestjs/common';
import type { RecordSort } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { OwnedRecordRepository } from '../database/owned-record.repository';
import { toE164 } from '../common/domain-validators';
import { recordKeyset } from '../common/record-sort';
import { querySearchedPage, searchTerms, textMatchSql } from '../common/text-search';
import { CLOSE_PERSON_SIMILARITY, personKeySql } from '../records/duplicates';
import { ContactEntity } from './contact.entity';

export interface ContactFilter {
  q?: string;
  organizationId?: string;
  ownerId?: string;
  language?: string;
  consent?: string;
  sort: RecordSort;
  after?: [string, string];
  limit: number;
}

export type ContactRow = ContactEntity & { ownerName: string; organizationName: string | null; sortKey?: string };

/** Unaccented, lower-case name and email, kept by a trigger and indexed (trigram GIN). */
export const CONTACT_SEARCH_KEY = 'c.search_key';

const COLUMNS = `c.id, c.full_name AS "fullName", c.email, c.phone, c.position, c.organization_id AS "organizationId",
  o.name AS "organizationName", c.preferred_language AS "preferredLanguage", c.email_consent AS "emailConsent",
  c.consent_changed_at AS "consentChangedAt", c.consent_source AS "consentSource", c.owner_id AS "ownerId",
  u.name AS "ownerName", c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.version`;
const FROM = `contact c JOIN app_user u ON u.id = c.owner_id LEFT JOIN organization o ON o.id = c.organization_id`;

/** An existing contact a new one may duplicate. */
export interface ContactCandidateRow {
  id: string;
  fullName: string;
  email: string | null;
  organizationName: string | null;
  ownerName: string;
  version: number;
  match: 'email' | 'phone' | 'name';
  similarity: number;
}

const CANDIDATE_COLUMNS = `c.id, c.full_name AS "fullName", c.email, o.name AS "organizationName", u.name AS "ownerName", c.version`;
const PERSON_KEY = personKeySql('c.full_name');

@Injectable()
export class ContactsRepository extends OwnedRecordRepository<ContactEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ContactEntity);
  }

  /** One query per page (two with a text search), owner and organization names joined in; keyset on the order. */
  async list(filter: ContactFilter): Promise<ContactRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    let textSearch = false;
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.q) {
      const phone = /^[\d\s().+-]{6,}$/.test(filter.q) ? toE164(filter.q) : null;
      if (phone) {
        where.push(`c.phone = ${param(phone)}`);
      } else {
        textSearch = true;
        where.push(textMatchSql(CONTACT_SEARCH_KEY, await searchTerms(this.dataSource, filter.q), param));
      }
    }
    if (filter.organizationId) where.push(`c.organization_id = ${param(filter.organizationId)}`);
    if (filter.ownerId) where.push(`c.owner_id = ${param(filter.ownerId)}`);
    if (filter.language) where.push(`c.preferred_language = ${param(filter.language)}`);
    if (filter.consent) where.push(`c.email_consent = ${param(filter.consent)}`);
    const keyset = recordKeyset('c', 'full_name', filter.sort);
    if (filter.after) where.push(keyset.after(param(filter.after[0]), param(filter.after[1])));
    const sql = `SELECT ${COLUMNS}, ${keyset.sortKey} AS "sortKey" FROM ${FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${keyset.orderBy} LIMIT ${param(filter.limit + 1)}`;
    return textSearch ? querySearchedPage(this.dataSource, sql, params) : this.dataSource.query(sql, params);
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<ContactRow | null> {
    const rows: ContactRow[] = await manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async organizationExists(manager: EntityManager, id: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM organization WHERE id = $1`, [id])).length > 0;
  }

  /**
   * Contacts with the same email or phone, or a close name at the same organization (or where either has none).
   * The word-similarity test uses the search index to narrow the rows.
   */
  findDuplicates(
    manager: EntityManager,
    input: { fullName: string; email?: string | null; phone?: string | null; organizationId?: string | null },
  ): Promise<ContactCandidateRow[]> {
    return manager.query(
      `SELECT * FROM (
         SELECT ${CANDIDATE_COLUMNS},
                CASE WHEN c.email = $2 THEN 'email' WHEN c.phone = $3 THEN 'phone' ELSE 'name' END AS match,
                round(similarity(${PERSON_KEY}, ${personKeySql('$1::text')})::numeric, 2)::float AS similarity
           FROM ${FROM}
          WHERE c.email = $2 OR c.phone = $3
             OR (f_unaccent(lower($1)) <% ${CONTACT_SEARCH_KEY}
                 AND ($4::uuid IS NULL OR c.organization_id IS NULL OR c.organization_id = $4))
       ) found
       WHERE match <> 'name' OR similarity >= $5
       ORDER BY match = 'email' DESC, match = 'phone' DESC, similarity DESC, "fullName" LIMIT 5`,
      [input.fullName, input.email ?? null, input.phone ?? null, input.organizationId ?? null, CLOSE_PERSON_SIMILARITY],
    );
  }

  /** Groups of contacts at one organization (or none) whose names match without accents; keyset on the key. */
  duplicateGroups(after: string | undefined, limit: number): Promise<Array<ContactCandidateRow & { key: string }>> {
    return this.dataSource.query(
      `WITH keyed AS (SELECT c.id, ${PERSON_KEY} || ' · ' || coalesce(c.organization_id::text, '-') AS key FROM contact c),
            groups AS (SELECT key FROM keyed WHERE ($1::text IS NULL OR key > $1)
                        GROUP BY key HAVING count(*) > 1 ORDER BY key LIMIT $2)
       SELECT g.key, ${CANDIDATE_COLUMNS}, 'name' AS match, 1::float AS similarity
         FROM groups g JOIN keyed k ON k.key = g.key JOIN ${FROM} ON c.id = k.id
        ORDER BY g.key, c.created_at, c.id`,
      [after ?? null, limit + 1],
    );
  }

  /** Moves an organization's contacts to another (merge); each moved contact's version goes up. */
  async moveToOrganization(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    const [, count] = (await manager.query(
      `UPDATE contact SET organization_id = $2, version = version + 1, updated_at = now() WHERE organization_id = $1`,
      [fromId, toId],
    )) as [unknown, number];
    return count;
  }
}
