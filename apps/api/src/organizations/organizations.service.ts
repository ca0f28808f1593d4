import { Injectable } from '@nestjs/common';
import { AuditAction, Organization, Page } from '@irm/contracts';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import { isManagerOrAdmin, Principal } from '../auth/principal';
import { assertCanEdit } from '../auth/record-policy';
import { AppException, ErrorCode } from '../common/app-exception';
import { decodeCursor, encodeCursor, UUID_PATTERN } from '../common/pagination';
import type { CreateOrganizationDto, OrganizationListQueryDto, UpdateOrganizationDto } from './organization.dto';
import type { OrganizationEntity } from './organization.entity';
import { OrganizationRow, OrganizationsRepository } from './organizations.repository';

const SUBJECT = 'organization';
const AUDITED = [
  'name',
  'legalName',
  'kind',
  'country',
  'sectors',
  'taxCode',
  'website',
  'size',
  'ownerId',
  'tags',
  'source',
] as const;

function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    legalName: row.legalName,
    kind: row.kind,
    country: row.country,
    sectors: row.sectors,
    taxCode: row.taxCode,
    website: row.website,
    size: row.size,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    tags: row.tags,
    source: row.source,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    version: row.version,
  };
}

function taxCodeTaken(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { constraint?: string }).constraint === 'uq_organization_tax_code'
  );
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: OrganizationListQueryDto): Promise<Page<Organization>> {
    const after = query.cursor
      ? (decodeCursor(query.cursor, 2, ([, id]) => UUID_PATTERN.test(String(id))) as [string, string])
      : undefined;
    const rows = await this.organizations.list({ ...query, after, limit: query.limit });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map(toOrganization),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.name, last.id]) : null,
    };
  }

  async get(id: string): Promise<Organization> {
    const row = await this.organizations.findById(id);
    if (!row) throw new AppException(ErrorCode.NotFound, `Organization ${id} does not exist.`);
    return toOrganization(row);
  }

  async create(principal: Principal, input: CreateOrganizationDto): Promise<Organization> {
    const ownerId = input.ownerId ?? principal.userId;
    if (ownerId !== principal.userId && !isManagerOrAdmin(principal)) {
      throw new AppException(ErrorCode.Forbidden, 'Only managers assign investors to someone else.');
    }
    return this.write(async (manager) => {
      await this.assertOwnerExists(manager, ownerId);
      const id = await this.organizations.insert(manager, { ...input, ownerId });
      const created = (await this.organizations.findById(id, manager))!;
      await this.audit.record(manager, {
        action: AuditAction.Create,
        subjectType: SUBJECT,
        subjectId: id,
        changes: diff({} as OrganizationEntity, created, AUDITED),
      });
      return created;
    });
  }

  async update(principal: Principal, id: string, input: UpdateOrganizationDto): Promise<Organization> {
    const { version, ...changes } = input;
    return this.write(async (manager) => {
      const before = await this.organizations.findForUpdate(manager, id);
      if (!before) throw new AppException(ErrorCode.NotFound, `Organization ${id} does not exist.`);
      assertCanEdit(principal, before, 'investor');
      if (before.version !== version) {
        throw new AppException(
          ErrorCode.StaleVersion,
          'Someone else changed this investor; reload to see their change.',
        );
      }
      if (changes.ownerId !== undefined && changes.ownerId !== before.ownerId) {
        if (!isManagerOrAdmin(principal))
          throw new AppException(ErrorCode.Forbidden, 'Only managers reassign investors.');
        await this.assertOwnerExists(manager, changes.ownerId);
      }
      await this.organizations.update(manager, id, changes);
      const after = (await this.organizations.findById(id, manager))!;
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: SUBJECT,
        subjectId: id,
        changes: diff(before, after, AUDITED),
      });
      return after;
    });
  }

  async remove(principal: Principal, id: string, version: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.organizations.findForUpdate(manager, id);
      if (!before) throw new AppException(ErrorCode.NotFound, `Organization ${id} does not exist.`);
      assertCanEdit(principal, before, 'investor');
      if (before.version !== version) {
        throw new AppException(ErrorCode.StaleVersion, 'Someone else changed this investor; reload before deleting.');
      }
      await this.organizations.delete(manager, id);
      await this.audit.record(manager, {
        action: AuditAction.Delete,
        subjectType: SUBJECT,
        subjectId: id,
        // What was deleted, so the trail still tells what the record held.
        details: Object.fromEntries(AUDITED.map((field) => [field, before[field]])),
      });
    });
  }

  private async assertOwnerExists(manager: EntityManager, ownerId: string): Promise<void> {
    if (!(await this.organizations.activeUserExists(manager, ownerId))) {
      throw new AppException(ErrorCode.RuleViolated, 'The owner must be an active user.', [
        { field: 'ownerId', message: 'is not an active user' },
      ]);
    }
  }

  /** Runs a write in a transaction and turns a taken tax code into 409. */
  private async write(task: (manager: EntityManager) => Promise<OrganizationRow>): Promise<Organization> {
    try {
      return toOrganization(await this.dataSource.transaction(task));
    } catch (error) {
      if (taxCodeTaken(error))
        throw new AppException(ErrorCode.Conflict, 'Another investor already has this tax code.', [
          { field: 'taxCode', message: 'is already used by another investor' },
        ]);
      throw error;
    }
  }
}
