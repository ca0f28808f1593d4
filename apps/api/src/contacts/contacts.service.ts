import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  AuditAction,
  Contact,
  DuplicateCandidate,
  DuplicateGroup,
  DuplicateMatch,
  EmailConsent,
  MergeRequest,
  MergeResult,
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
import type { CreateContactDto, ContactListQueryDto, UpdateContactDto } from './contact.dto';
import { CONTACT_AUDITED, type ContactEntity } from './contact.entity';
import { ContactCandidateRow, ContactRow, ContactsRepository } from './contacts.repository';

const SUBJECT = 'contact';
const AUDITED = CONTACT_AUDITED;

function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    position: row.position,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    preferredLanguage: row.preferredLanguage as Contact['preferredLanguage'],
    emailConsent: row.emailConsent,
    consentChangedAt: row.consentChangedAt ? new Date(row.consentChangedAt).toISOString() : null,
    consentSource: row.consentSource,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    version: row.version,
  };
}

const MATCH: Record<ContactCandidateRow['match'], DuplicateMatch> = {
  email: DuplicateMatch.Email,
  phone: DuplicateMatch.Phone,
  name: DuplicateMatch.Name,
};

function toCandidate(row: ContactCandidateRow): DuplicateCandidate {
  return {
    id: row.id,
    name: row.fullName,
    detail: [row.email, row.organizationName].filter(Boolean).join(' · ') || null,
    match: MATCH[row.match],
    similarity: row.match === 'name' ? row.similarity : 1,
    ownerName: row.ownerName,
    version: row.version,
  };
}

const IN_USE = {
  fk_event_attendee_contact: {
    field: 'id',
    message: 'attended a promotion event',
    detail: 'This person attended a promotion event, so they stay on record; merge them into another contact instead.',
  },
  fk_pipeline_item_contact: {
    field: 'id',
    message: 'is the contact of pipeline items',
    detail: 'This person is the contact of prospects, enquiries or applications, so they stay on record.',
  },
};

@Injectable()
export class ContactsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactsRepository,
    private readonly audit: AuditService,
    private readonly links: RecordLinks,
    private readonly timeline: TimelineService,
    private readonly tasks: TasksService,
  ) {}

  onModuleInit(): void {
    // An organization merge takes the duplicate's people with it.
    this.links.register('contacts', (manager, subject, fromId, toId) =>
      subject === 'organization' ? this.contacts.moveToOrganization(manager, fromId, toId) : Promise.resolve(0),
    );
  }

  async list(query: ContactListQueryDto): Promise<Page<Contact>> {
    const rows = await this.contacts.list({
      ...query,
      after: decodeSortCursor(query.cursor, query.sort),
      limit: query.limit,
    });
    return toPage(rows, query.limit, toContact, (row) => [query.sort, row.sortKey!, row.id]);
  }

  async get(id: string): Promise<Contact> {
    const row = await this.contacts.findById(id);
    if (!row) throw new AppException(ErrorCode.NotFound, `Contact ${id} does not exist.`);
    return toContact(row);
  }

  async create(principal: Principal, input: CreateContactDto, confirmDuplicate = false): Promise<Contact> {
    const ownerId = input.ownerId ?? principal.userId;
    checkOwnerChoice(principal, ownerId, null, 'contact');
    return this.write(async (manager) => {
      const values = await this.checked(manager, { ...input, ownerId }, null);
      const candidates = await this.contacts.findDuplicates(manager, input);
      checkDuplicates(candidates.map(toCandidate), confirmDuplicate, 'contact');
      const id = await this.contacts.insert(manager, values);
      const created = (await this.contacts.findById(id, manager))!;
      const edited = diff({} as ContactEntity, created, AUDITED);
      await this.audit.record(manager, {
        action: AuditAction.Create,
        subjectType: SUBJECT,
        subjectId: id,
        changes: edited,
      });
      await this.timeline.recordEdit(manager, RecordSubjectType.Contact, id, 'create', edited);
      return created;
    });
  }

  async update(principal: Principal, id: string, input: UpdateContactDto): Promise<Contact> {
    const { version, ...changes } = input;
    return this.write(async (manager) => {
      const before = checkEditable(principal, await this.contacts.findForUpdate(manager, id), version, 'contact');
      checkOwnerChoice(principal, changes.ownerId, before.ownerId, 'contact');
      await this.contacts.update(manager, id, await this.checked(manager, changes, before));
      const after = (await this.contacts.findById(id, manager))!;
      const edited = diff(before, after, AUDITED);
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: SUBJECT,
        subjectId: id,
        changes: edited,
      });
      await this.timeline.recordEdit(manager, RecordSubjectType.Contact, id, 'update', edited);
      return after;
    });
  }

  async remove(principal: Principal, id: string, version: number): Promise<void> {
    // A person who attended an event or has pipeline items stays on record for them (409); merging is the way out.
    await withUniqueFields(() => this.removeInTransaction(principal, id, version), IN_USE);
  }

  private async removeInTransaction(principal: Principal, id: string, version: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = checkEditable(principal, await this.contacts.findForUpdate(manager, id), version, 'contact');
      await this.contacts.delete(manager, id);
      await this.timeline.forgetSubject(manager, RecordSubjectType.Contact, id);
      await this.tasks.detachSubject(manager, RecordSubjectType.Contact, id);
      await this.audit.record(manager, {
        action: AuditAction.Delete,
        subjectType: SUBJECT,
        subjectId: id,
        details: Object.fromEntries(AUDITED.map((field) => [field, before[field]])),
      });
    });
  }

  /** Contacts at one organization whose names match without accents, for a person to review. */
  async duplicates(cursor: string | undefined, limit: number): Promise<Page<DuplicateGroup>> {
    const rows = await this.contacts.duplicateGroups(decodeGroupCursor(cursor), limit);
    return pageOfGroups(rows, limit, DuplicateMatch.Name, toCandidate);
  }

  /**
   * Folds the duplicate into the survivor: linked rows move, the survivor keeps its values and takes the duplicate's
   * where it has none; a consent decision is kept with its evidence, the survivor's if it has one.
   */
  merge(principal: Principal, survivorId: string, request: MergeRequest): Promise<MergeResult> {
    return this.dataSource.transaction((manager) =>
      mergeInto(manager, {
        principal,
        subject: SUBJECT,
        what: 'contact',
        survivorId,
        request,
        lock: (id) => this.contacts.findForUpdate(manager, id),
        fill: (survivor, duplicate) => {
          const consentFrom = survivor.emailConsent === EmailConsent.Unknown ? duplicate : survivor;
          return {
            email: survivor.email ?? duplicate.email,
            phone: survivor.phone ?? duplicate.phone,
            position: survivor.position ?? duplicate.position,
            organizationId: survivor.organizationId ?? duplicate.organizationId,
            emailConsent: consentFrom.emailConsent,
            consentChangedAt: consentFrom.consentChangedAt,
            consentSource: consentFrom.consentSource,
          };
        },
        audited: AUDITED,
        repository: this.contacts,
        links: this.links,
        audit: this.audit,
        onMerged: (duplicate, changes) =>
          this.timeline.recordEdit(
            manager,
            RecordSubjectType.Contact,
            survivorId,
            'merge',
            changes,
            duplicate.fullName,
          ),
      }),
    );
  }

  /**
   * Rules that need the database or several fields: the organization and owner exist, and a consent
   * decision carries when and how it was made (a changed decision gets a fresh timestamp).
   */
  private async checked(
    manager: EntityManager,
    input: Partial<CreateContactDto>,
    before: ContactEntity | null,
  ): Promise<Partial<ContactEntity>> {
    const values: Partial<ContactEntity> = { ...input } as Partial<ContactEntity>;
    if (
      input.organizationId &&
      input.organizationId !== before?.organizationId &&
      !(await this.contacts.organizationExists(manager, input.organizationId))
    ) {
      throw new AppException(ErrorCode.RuleViolated, 'The organization does not exist.', [
        { field: 'organizationId', message: 'does not exist' },
      ]);
    }
    if (
      input.ownerId &&
      input.ownerId !== before?.ownerId &&
      !(await this.contacts.activeUserExists(manager, input.ownerId))
    ) {
      throw new AppException(ErrorCode.RuleViolated, 'The owner must be an active user.', [
        { field: 'ownerId', message: 'is not an active user' },
      ]);
    }
    const consent = input.emailConsent ?? before?.emailConsent ?? EmailConsent.Unknown;
    const consentChanged =
      input.emailConsent !== undefined && input.emailConsent !== (before?.emailConsent ?? EmailConsent.Unknown);
    if (consentChanged) {
      if (consent !== EmailConsent.Unknown && !input.consentSource) {
        throw new AppException(ErrorCode.RuleViolated, 'Say how the consent was given or withdrawn.', [
          { field: 'consentSource', message: 'is required when consent is opted in or out' },
        ]);
      }
      values.consentChangedAt = consent === EmailConsent.Unknown ? null : new Date();
      if (consent === EmailConsent.Unknown) values.consentSource = null;
    }
    return values;
  }

  private async write(task: (manager: EntityManager) => Promise<ContactRow>): Promise<Contact> {
    const row = await withUniqueFields(() => this.dataSource.transaction(task), {
      uq_contact_email: {
        field: 'email',
        message: 'is already used by another contact',
        detail: 'Another contact already has this email.',
      },
    });
    return toContact(row);
  }
}
