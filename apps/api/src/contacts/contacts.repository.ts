import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OwnedRecordRepository } from '../database/owned-record.repository';
import { toE164 } from '../common/domain-validators';
import { containsPattern } from '../common/dto';
import { ContactEntity } from './contact.entity';

export interface ContactFilter {
  q?: string;
  organizationId?: string;
  ownerId?: string;
  language?: string;
  consent?: string;
  after?: [string, string];
  limit: number;
}

export type ContactRow = ContactEntity & { ownerName: string; organizationName: string | null };

/** Unaccented, lower-case name and email; matches the trigram index in the migration. */
export const CONTACT_SEARCH_KEY = `f_unaccent(lower(c.full_name || ' ' || coalesce(c.email, '')))`;

const COLUMNS = `c.id, c.full_name AS "fullName", c.email, c.phone, c.position, c.organization_id AS "organizationId",
  o.name AS "organizationName", c.preferred_language AS "preferredLanguage", c.email_consent AS "emailConsent",
  c.consent_changed_at AS "consentChangedAt", c.consent_source AS "consentSource", c.owner_id AS "ownerId",
  u.name AS "ownerName", c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.version`;
const FROM = `contact c JOIN app_user u ON u.id = c.owner_id LEFT JOIN organization o ON o.id = c.organization_id`;

@Injectable()
export class ContactsRepository extends OwnedRecordRepository<ContactEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ContactEntity);
  }

  /** One query per page, owner and organization names joined in; keyset on (full name, id). */
  async list(filter: ContactFilter): Promise<ContactRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.q) {
      const phone = /^[\d\s().+-]{6,}$/.test(filter.q) ? toE164(filter.q) : null;
      if (phone) {
        where.push(`c.phone = ${param(phone)}`);
      } else {
        where.push(
          `(${CONTACT_SEARCH_KEY} LIKE f_unaccent(lower(${param(containsPattern(filter.q))})) OR f_unaccent(lower(${param(filter.q)})) <% ${CONTACT_SEARCH_KEY})`,
        );
      }
    }
    if (filter.organizationId) where.push(`c.organization_id = ${param(filter.organizationId)}`);
    if (filter.ownerId) where.push(`c.owner_id = ${param(filter.ownerId)}`);
    if (filter.language) where.push(`c.preferred_language = ${param(filter.language)}`);
    if (filter.consent) where.push(`c.email_consent = ${param(filter.consent)}`);
    if (filter.after) where.push(`(c.full_name, c.id) > (${param(filter.after[0])}, ${param(filter.after[1])}::uuid)`);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.full_name, c.id LIMIT ${param(filter.limit + 1)}`,
      params,
    );
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<ContactRow | null> {
    const rows: ContactRow[] = await manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async organizationExists(manager: EntityManager, id: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM organization WHERE id = $1`, [id])).length > 0;
  }
}
