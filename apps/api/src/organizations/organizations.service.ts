import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  DuplicateCandidate,
  DuplicateGroup,
  DuplicateMatch,
  MergeRequest,
  MergeResult,
  Organization,
  Page,
  RecordSubjectType,
} from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppException, ErrorCode } from '../common/app-exception';
import { checkEditable, checkOwnerChoice, withUniqueFields } from '../common/owned-records';
import { toPage } from '../common/pagination';
import { decodeSortCursor } from '../common/record-sort';
import { checkDuplicates } from '../records/duplicates';
import { decodeGroupCursor, mergeInto, pageOfGroups } from '../records/merge';
import { RecordLinks } from '../records/record-links';
import { TasksService } from '../tasks/tasks.service';
import { TimelineService } from '../timeline/timeline.service';
import type { CreateOrganizationDto, OrganizationListQueryDto, UpdateOrganizationDto } from './organization.dto';
import { ORGANIZATION_AUDITED, type OrganizationEntity } from './organization.entity';
import { OrganizationCandidateRow, OrganizationRow, OrganizationsRepository } from './organizations.repository';

const SUBJECT = 'organization';
const AUDITED = ORGANIZATION_AUDITED;

/** What keeps an investor from being deleted, as 409s that say what to do instead. */
const STILL_LINKED = {
  fk_zone_infrastructure_investor: {
    field: 'id',
    message: 'is the infrastructure investor of a zone',
    detail: 'This investor builds and leases a zone: name another infrastructure investor for the zone first.',
  },
  fk_pipeline_item_organization: {
    field: 'id',
    message: 'has pipeline items',
    detail: 'This investor has prospects, land enquiries or loan applications: merge it into another investor instead.',
  },
};

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

function toCandidate(row: OrganizationCandidateRow): DuplicateCandidate {
  return {
    id: row.id,
    name: row.name,
    detail: [row.taxCode, row.country].filter(Boolean).join(' · ') || null,
    match: row.exactTaxCode ? DuplicateMatch.TaxCode : DuplicateMatch.Name,
    similarity: row.exactTaxCode ? 1 : row.similarity,
    ownerName: row.ownerName,
    version: row.version,
  };
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditService,
    private readonly links: RecordLinks,
    private readonly timeline: TimelineService,
    private readonly tasks: TasksService,
  ) {}

  async list(query: OrganizationListQueryDto): Promise<Page<Organization>> {
    const rows = await this.organizations.list({
      ...query,
      after: decodeSortCursor(query.cursor, query.sort),
      limit: query.limit,
    });
    return toPage(rows, query.limit, toOrganization, (row) => [query.sort, row.sortKey!, row.id]);
  }

  async get(id: string): Promise<Organization> {
    const row = await this.organizations.findById(id);
    if (!row) throw new AppException(ErrorCode.NotFound, `Organization ${id} does not exist.`);
    return toOrganization(row);
  }

  async create(principal: Principal, input: CreateOrganizationDto, confirmDuplicate = false): Promise<Organization> {
    const ownerId = input.ownerId ?? principal.userId;
    checkOwnerChoice(principal, ownerId, null, 'investor');
    return this.write(async (manager) => {
      await this.assertOwnerExists(manager, ownerId);
      const candidates = await this.organizations.findDuplicates(manager, input);
      checkDuplicates(candidates.map(toCandidate), confirmDuplicate, 'investor');
      const id = await this.organizations.insert(manager, { ...input, ownerId });
      const created = (await this.organizations.findById(id, manager))!;
      const edited = diff({} as OrganizationEntity, created, AUDITED);
      await this.audit.record(manager, {
        action: AuditAction.Create,
        subjectType: SUBJECT,
        subjectId: id,
        changes: edited,
      });
      await this.timeline.recordEdit(manager, RecordSubjectType.Organization, id, 'create', edited);
      return created;
    });
  }

  async update(principal: Principal, id: string, input: UpdateOrganizationDto): Promise<Organization> {
    const { version, ...changes } = input;
    return this.write(async (manager) => {
      const before = checkEditable(principal, await this.organizations.findForUpdate(manager, id), version, 'investor');
      checkOwnerChoice(principal, changes.ownerId, before.ownerId, 'investor');
      if (changes.ownerId !== undefined && changes.ownerId !== before.ownerId)
        await this.assertOwnerExists(manager, changes.ownerId);
      await this.organizations.update(manager, id, changes);
      const after = (await this.organizations.findById(id, manager))!;
      const edited = diff(before, after, AUDITED);
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: SUBJECT,
        subjectId: id,
        changes: edited,
      });
      await this.timeline.recordEdit(manager, RecordSubjectType.Organization, id, 'update', edited);
      return after;
    });
  }

  async remove(principal: Principal, id: string, version: number): Promise<void> {
    // An investor that is a zone's infrastructure investor, or has pipeline items, stays (409).
    await withUniqueFields(() => this.removeInTransaction(principal, id, version), STILL_LINKED);
  }

  private async removeInTransaction(principal: Principal, id: string, version: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = checkEditable(principal, await this.organizations.findForUpdate(manager, id), version, 'investor');
      await this.organizations.delete(manager, id);
      await this.timeline.forgetSubject(manager, RecordSubjectType.Organization, id);
      await this.tasks.detachSubject(manager, RecordSubjectType.Organization, id);
      await this.audit.record(manager, {
        action: AuditAction.Delete,
        subjectType: SUBJECT,
        subjectId: id,
        // What was deleted, so the trail still tells what the record held.
        details: Object.fromEntries(AUDITED.map((field) => [field, before[field]])),
      });
    });
  }

  /** Investors whose names match once accents and company forms are dropped, for a person to review. */
  async duplicates(cursor: string | undefined, limit: number): Promise<Page<DuplicateGroup>> {
    const rows = await this.organizations.duplicateGroups(decodeGroupCursor(cursor), limit);
    return pageOfGroups(rows, limit, DuplicateMatch.Name, toCandidate);
  }

  /**
   * Folds the duplicate into the survivor: linked rows move, the survivor keeps its values and takes the duplicate's
   * where it has none (sectors and tags are joined), the duplicate is deleted; both sides are audited.
   */
  merge(principal: Principal, survivorId: string, request: MergeRequest): Promise<MergeResult> {
    return this.dataSource.transaction((manager) =>
      mergeInto(manager, {
        principal,
        subject: SUBJECT,
        what: 'investor',
        survivorId,
        request,
        lock: (id) => this.organizations.findForUpdate(manager, id),
        fill: (survivor, duplicate) => ({
          legalName: survivor.legalName ?? duplicate.legalName,
          taxCode: survivor.taxCode ?? duplicate.taxCode,
          website: survivor.website ?? duplicate.website,
          size: survivor.size ?? duplicate.size,
          source: survivor.source ?? duplicate.source,
          sectors: union(survivor.sectors, duplicate.sectors),
          tags: union(survivor.tags, duplicate.tags),
        }),
        audited: AUDITED,
        repository: this.organizations,
        links: this.links,
        audit: this.audit,
        onMerged: (duplicate, changes) =>
          this.timeline.recordEdit(
            manager,
            RecordSubjectType.Organization,
            survivorId,
            'merge',
            changes,
            duplicate.name,
          ),
      }),
    );
  }

  private async assertOwnerExists(manager: EntityManager, ownerId: string): Promise<void> {
    if (!(await this.organizations.activeUserExists(manager, ownerId))) {
      throw new AppException(ErrorCode.RuleViolated, 'The owner must be an active user.', [
        { field: 'ownerId', message: 'is not an active user' },
      ]);
    }
  }

  private async write(task: (manager: EntityManager) => Promise<OrganizationRow>): Promise<Organization> {
    const row = await withUniqueFields(() => this.dataSource.transaction(task), {
      uq_organization_tax_code: {
        field: 'taxCode',
        message: 'is already used by another investor',
        detail: 'Another investor already has this tax code.',
      },
    });
    return toOrganization(row);
  }
}
