import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  BulkAddAttendeesResult,
  EventAttendee,
  LeadSource,
  Page,
  PipelineKind,
  RecordSubjectType,
  TimelineEntryKind,
} from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { assertCanEdit } from '../auth/record-policy';
import { AppException, ErrorCode } from '../common/app-exception';
import { withUniqueFields } from '../common/owned-records';
import { decodeNameIdCursor, toPage } from '../common/pagination';
import { ItemsService } from '../items/items.service';
import { TasksService } from '../tasks/tasks.service';
import { TimelineService } from '../timeline/timeline.service';
import { AttendeeCandidate, AttendeeRow, AttendeesRepository } from './attendees.repository';
import type { AddAttendeeDto, AttendeeListQueryDto, BulkAddAttendeesDto } from './event.dto';

const SUBJECT = 'event_attendee';

/** Two people adding the same person at once: the second gets the same 409 as a repeat. */
const ALREADY_ATTENDING = {
  uq_event_attendee_contact: {
    field: 'contactId',
    message: 'already attends this event',
    detail: 'This person is already an attendee of the event.',
  },
};

export function toAttendee(row: AttendeeRow): EventAttendee {
  return {
    id: row.id,
    eventId: row.eventId,
    contactId: row.contactId,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    itemId: row.itemId,
    stageId: row.stageId,
    stageKey: row.stageKey,
    stageType: row.stageType,
    stageName: { vi: row.stageNameVi, en: row.stageNameEn },
    itemVersion: row.itemVersion,
    itemOwnerId: row.itemOwnerId,
    itemOwnerName: row.itemOwnerName,
    overdue: row.overdue,
    convertedItemId: row.convertedItemId,
    convertedItemKind: row.convertedItemKind,
    removable: row.removable,
    addedByName: row.addedByName,
    addedAt: new Date(row.addedAt).toISOString(),
  };
}

export interface LockedEvent {
  id: string;
  name: string;
  ownerId: string;
}

/** People an import names, found: by email, by phone, and among the event's attendees by name. */
export interface KnownPeople {
  byEmail: Map<string, AttendeeCandidate>;
  byPhone: Map<string, AttendeeCandidate>;
  /** By the name as given. */
  byName: Map<string, AttendeeCandidate>;
  /** Which of those found already attend. */
  attending: Set<string>;
}

/** One person an import adds, with what its audit entry names and an optional note for their event contact. */
export interface ImportedAttendee {
  contact: AttendeeCandidate;
  details: Record<string, unknown>;
  note?: string;
}

/**
 * Who attended an event. Adding a person opens their event-contact item (Met) in the same transaction, so every
 * attendee is followed up in the event-contact pipeline; an attendance is taken back only while nothing has been
 * done with it yet.
 */
@Injectable()
export class AttendeesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attendees: AttendeesRepository,
    private readonly items: ItemsService,
    private readonly audit: AuditService,
    private readonly timeline: TimelineService,
    private readonly tasks: TasksService,
  ) {}

  async list(eventId: string, query: AttendeeListQueryDto): Promise<Page<EventAttendee>> {
    await this.eventExists(this.dataSource.manager, eventId);
    const rows = await this.attendees.list(eventId, this.items.today(), {
      q: query.q,
      stageId: query.stageId,
      after: decodeNameIdCursor(query.cursor),
      limit: query.limit,
    });
    return toPage(rows, query.limit, toAttendee, (row) => [row.contactName, row.id]);
  }

  async add(principal: Principal, eventId: string, input: AddAttendeeDto): Promise<EventAttendee> {
    return withUniqueFields(
      () =>
        this.dataSource.transaction(async (manager) => {
          const event = await this.lockEvent(manager, principal, eventId);
          const [contact] = await this.attendees.candidates(manager, [input.contactId]);
          if (!contact) {
            throw new AppException(ErrorCode.RuleViolated, 'The contact named does not exist.', [
              { field: 'contactId', message: 'does not exist' },
            ]);
          }
          if ((await this.attendees.attending(manager, eventId, [contact.id])).size) {
            throw new AppException(ErrorCode.Conflict, `${contact.fullName} is already an attendee of this event.`, [
              { field: 'contactId', message: 'already attends this event' },
            ]);
          }
          const { id } = await this.open(manager, principal, event, contact, input.ownerId);
          const [row] = await this.attendees.findByIds(manager, [id], this.items.today());
          return toAttendee(row);
        }),
      ALREADY_ATTENDING,
    );
  }

  /** Adds the contacts not yet attending, all in one transaction; the rest are reported as skipped. */
  async addMany(principal: Principal, eventId: string, input: BulkAddAttendeesDto): Promise<BulkAddAttendeesResult> {
    const contactIds = [...new Set(input.contactIds ?? [])];
    const emails = [...new Set(input.emails ?? [])];
    if (contactIds.length + emails.length === 0) {
      throw new AppException(ErrorCode.ValidationFailed, 'Name at least one contact.', [
        { field: 'contactIds', message: 'or emails must name at least one contact' },
      ]);
    }
    return withUniqueFields(
      () =>
        this.dataSource.transaction(async (manager) => {
          const event = await this.lockEvent(manager, principal, eventId);
          const found = await this.attendees.candidates(manager, contactIds, emails);
          const byId = new Map(found.map((contact) => [contact.id, contact]));
          const byEmail = new Map(found.flatMap((contact) => (contact.email ? [[contact.email, contact]] : [])));
          const skippedEntries: BulkAddAttendeesResult['skippedEntries'] = [];
          // Each person once, whether named by id, by email or both.
          const wanted = new Map<string, AttendeeCandidate>();
          for (const id of contactIds) {
            const contact = byId.get(id);
            if (!contact) skippedEntries.push({ contactId: id, email: null, reason: 'unknown_contact' });
            else wanted.set(contact.id, contact);
          }
          for (const email of emails) {
            const contact = byEmail.get(email);
            if (!contact) skippedEntries.push({ contactId: null, email, reason: 'unknown_email' });
            else if (!wanted.has(contact.id)) wanted.set(contact.id, contact);
          }
          const attending = await this.attendees.attending(manager, eventId, [...wanted.keys()]);
          const ids: string[] = [];
          for (const contact of wanted.values()) {
            if (attending.has(contact.id)) {
              skippedEntries.push({ contactId: contact.id, email: contact.email, reason: 'already_attendee' });
              continue;
            }
            ids.push((await this.open(manager, principal, event, contact, input.ownerId)).id);
          }
          const added = await this.attendees.findByIds(manager, ids, this.items.today());
          return {
            added: added.length,
            skipped: skippedEntries.length,
            addedAttendees: added.map(toAttendee),
            skippedEntries,
          };
        }),
      ALREADY_ATTENDING,
    );
  }

  /** Takes an attendance back, with its event contact, while that has not moved from its first stage. */
  async remove(principal: Principal, eventId: string, attendeeId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockEvent(manager, principal, eventId);
      const attendee = await this.attendees.lock(manager, eventId, attendeeId);
      if (!attendee) throw new AppException(ErrorCode.NotFound, `Attendee ${attendeeId} does not exist at this event.`);
      if (attendee.moves > 0) {
        throw new AppException(
          ErrorCode.Conflict,
          'Their event contact has already moved on in the pipeline, so the attendance stays on record; ' +
            'close the contact as not interested instead.',
          [{ field: 'attendeeId', message: 'has an event contact that has moved from its first stage' }],
        );
      }
      await this.attendees.delete(manager, attendee.id, attendee.itemId);
      await this.timeline.forgetSubject(manager, RecordSubjectType.EventContact, attendee.itemId);
      await this.tasks.detachSubject(manager, RecordSubjectType.EventContact, attendee.itemId);
      await this.audit.record(manager, {
        action: AuditAction.Delete,
        subjectType: SUBJECT,
        subjectId: attendee.id,
        details: { eventId, contactId: attendee.contactId, itemId: attendee.itemId },
      });
      await this.audit.record(manager, {
        action: AuditAction.Delete,
        subjectType: PipelineKind.EventContact,
        subjectId: attendee.itemId,
        details: { eventId, contactId: attendee.contactId, attendeeId: attendee.id },
      });
    });
  }

  /**
   * Finds the people an import names, in its transaction: contacts by email (as `addMany` does) and by phone, and
   * the event's attendees by name (unaccented, any case), so a list without emails imported again adds no one twice.
   */
  async knownPeople(
    manager: EntityManager,
    eventId: string,
    named: { emails: string[]; phones: string[]; names: string[] },
  ): Promise<KnownPeople> {
    const byEmail = new Map<string, AttendeeCandidate>();
    for (const contact of named.emails.length ? await this.attendees.candidates(manager, [], named.emails) : [])
      if (contact.email) byEmail.set(contact.email, contact);
    const byPhone = new Map<string, AttendeeCandidate>();
    for (const contact of await this.attendees.candidatesByPhone(manager, named.phones))
      if (!byPhone.has(contact.phone)) byPhone.set(contact.phone, contact);
    const byName = new Map<string, AttendeeCandidate>();
    for (const contact of await this.attendees.attendeesByName(manager, eventId, named.names))
      if (!byName.has(contact.givenName)) byName.set(contact.givenName, contact);
    const found = [...byEmail.values(), ...byPhone.values()].map((contact) => contact.id);
    const attending = found.length ? await this.attendees.attending(manager, eventId, found) : new Set<string>();
    for (const contact of byName.values()) attending.add(contact.id);
    return { byEmail, byPhone, byName, attending };
  }

  /**
   * Adds imported people to the event in the import's transaction, each as `addMany` adds one (event contact,
   * audit, timeline) with the import named in its audit entry; a note goes onto the new event contact's timeline.
   */
  async addImported(
    manager: EntityManager,
    principal: Principal,
    event: LockedEvent,
    people: ImportedAttendee[],
  ): Promise<void> {
    for (const person of people) {
      const { itemId } = await this.open(manager, principal, event, person.contact, undefined, person.details);
      if (person.note) {
        await this.timeline.record(manager, {
          subjectType: RecordSubjectType.EventContact,
          subjectId: itemId,
          kind: TimelineEntryKind.Note,
          body: person.note,
          authorId: principal.userId,
        });
      }
    }
  }

  /**
   * Registers a person from the public event page, in the portal's transaction: their attendance and event contact
   * (owned by `ownerId`) exactly as staff add one. Returns the event contact's id.
   */
  async addForPortal(
    manager: EntityManager,
    principal: Principal,
    eventId: string,
    contact: AttendeeCandidate,
    ownerId: string,
  ): Promise<string> {
    const event = await this.lockEvent(manager, principal, eventId);
    const { itemId } = await this.open(manager, principal, event, contact, ownerId, { via: 'portal' });
    return itemId;
  }

  /** Opens the person's event contact in the first stage and records the attendance. */
  private async open(
    manager: EntityManager,
    principal: Principal,
    event: LockedEvent,
    contact: AttendeeCandidate,
    ownerId: string | undefined,
    details?: Record<string, unknown>,
  ): Promise<{ id: string; itemId: string }> {
    const itemId = await this.items.create(manager, principal, PipelineKind.EventContact, {
      title: `${contact.fullName} — ${event.name}`,
      contactId: contact.id,
      organizationId: contact.organizationId,
      eventId: event.id,
      source: LeadSource.PromotionEvent,
      ownerId,
    });
    const id = await this.attendees.insert(manager, {
      eventId: event.id,
      contactId: contact.id,
      itemId,
      addedById: principal.userId,
    });
    await this.audit.record(manager, {
      action: AuditAction.Create,
      subjectType: SUBJECT,
      subjectId: id,
      changes: {
        eventId: { before: null, after: event.id },
        contactId: { before: null, after: contact.id },
        itemId: { before: null, after: itemId },
      },
      ...(details && { details }),
    });
    return { id, itemId };
  }

  /**
   * The event, share-locked so it cannot be deleted meanwhile; its attendees are changed by its owner or a manager.
   */
  async lockEvent(manager: EntityManager, principal: Principal, eventId: string): Promise<LockedEvent> {
    const rows: LockedEvent[] = await manager.query(
      `SELECT id, name, owner_id AS "ownerId" FROM promotion_event WHERE id = $1 FOR SHARE`,
      [eventId],
    );
    if (!rows.length) throw new AppException(ErrorCode.NotFound, `Event ${eventId} does not exist.`);
    assertCanEdit(principal, rows[0], 'event');
    return rows[0];
  }

  private async eventExists(manager: EntityManager, eventId: string): Promise<void> {
    const rows = await manager.query(`SELECT 1 FROM promotion_event WHERE id = $1`, [eventId]);
    if (!rows.length) throw new AppException(ErrorCode.NotFound, `Event ${eventId} does not exist.`);
  }
}
