import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OwnedRecordRepository } from '../database/owned-record.repository';
import { containsPattern } from '../common/dto';
import { OrganizationEntity } from './organization.entity';

export interface OrganizationFilter {
  q?: string;
  kind?: string;
  country?: string;
  sector?: string;
  ownerId?: string;
  tag?: string;
  after?: [string, string];
  limit: number;
}

export type OrganizationRow = OrganizationEntity & { ownerName: string };

/** The search key: unaccented, lower-case name and legal name; matches the trigram index in the migration. */
export const SEARCH_KEY = `f_unaccent(lower(o.name || ' ' || coalesce(o.legal_name, '')))`;

const COLUMNS = `o.id, o.name, o.legal_name AS "legalName", o.kind, o.country, o.sectors, o.tax_code AS "taxCode",
  o.website, o.size, o.owner_id AS "ownerId", u.name AS "ownerName", o.tags, o.source,
  o.created_at AS "createdAt", o.updated_at AS "updatedAt", o.version`;

@Injectable()
export class OrganizationsRepository extends OwnedRecordRepository<OrganizationEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, OrganizationEntity);
  }

  /** One query per page, owner names joined in; keyset on (name, id). */
  async list(filter: OrganizationFilter): Promise<OrganizationRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
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
        // Substring match for exact fragments, trigram word similarity for typos ("samsng"); both use the GIN index.
        where.push(
          `(${SEARCH_KEY} LIKE f_unaccent(lower(${param(containsPattern(filter.q))})) OR f_unaccent(lower(${param(filter.q)})) <% ${SEARCH_KEY})`,
        );
      }
    }
    if (filter.kind) where.push(`o.kind = ${param(filter.kind)}`);
    if (filter.country) where.push(`o.country = ${param(filter.country)}`);
    if (filter.sector) where.push(`${param(filter.sector)} = ANY(o.sectors)`);
    if (filter.ownerId) where.push(`o.owner_id = ${param(filter.ownerId)}`);
    if (filter.tag) where.push(`${param(filter.tag)} = ANY(o.tags)`);
    if (filter.after) where.push(`(o.name, o.id) > (${param(filter.after[0])}, ${param(filter.after[1])}::uuid)`);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM organization o JOIN app_user u ON u.id = o.owner_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY o.name, o.id LIMIT ${param(filter.limit + 1)}`,
      params,
    );
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationRow | null> {
    const rows: OrganizationRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM organization o JOIN app_user u ON u.id = o.owner_id WHERE o.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
