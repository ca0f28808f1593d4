import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ImportEntity, ImportRowAction } from '@irm/contracts';
import { isCountryCode, normalizeEmail, normalizeTaxCode } from '@irm/domain';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { AppException } from '../../common/app-exception';
import { toE164 } from '../../common/domain-validators';
import { runWithRequestContext } from '../../common/request-context';
import type { AttendeeCandidate } from '../../events/attendees.repository';
import { AttendeesService, ImportedAttendee, KnownPeople, LockedEvent } from '../../events/attendees.service';
import { MAX_BODY_LENGTH } from '../../timeline/timeline.dto';
import { countryCodeOf, taxCodeText } from '../import-columns';
import {
  CONTACT_REQUEST_FIELDS,
  ContactValues,
  insertContacts,
  organizationsByTaxCode,
  validContact,
} from './contact-importer';
import {
  auditDetails,
  claimKeys,
  EntityImporter,
  ImportAbortedError,
  ImportRow,
  ImportRunContext,
  PlannedBatch,
  PlannedRow,
  RecordWrite,
  requestOf,
  RowError,
} from './importer';
import { insertOrganizations, OrganizationValues, validOrganization } from './organization-importer';

/** Where an investor's problems show in the file: its fields are the attendee file's organization columns. */
const ORGANIZATION_FIELDS: Record<string, string> = {
  name: 'organizationName',
  taxCode: 'organizationTaxCode',
  country: 'country',
};

/** A person's name as compared: unaccented, lower case, spaces collapsed (as `attendeesByName` compares it). */
function personKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How a row names its person, as [key, what] pairs: by email when it has one, else by phone and by name. The same
 * keys find the person in the system and keep a file from naming one person twice.
 */
function personKeys(row: ImportRow): [string, string][] {
  const cell = row.values.get('email');
  const email = cell ? normalizeEmail(cell) : undefined;
  if (email) return [[`email:${email}`, 'email']];
  const phone = row.values.get('phone');
  const e164 = phone ? toE164(phone) : null;
  const name = personKey(row.values.get('fullName') ?? '');
  const keys: [string, string][] = [];
  if (e164) keys.push([`phone:${e164}`, 'phone']);
  if (name) keys.push([`name:${name}`, 'name']);
  return keys;
}

/** A row's organization columns: the investor it names by tax code, else by exact name. */
interface NamedOrganization {
  name: string | undefined;
  taxCode: string | undefined;
}

/**
 * An event's attendee list (the one the organisers hand over after a conference): each row finds its person by
 * email (else by phone, else among the event's attendees by name) or adds them as a new contact, with their investor
 * found by tax code or exact name or added; then the person is added to the event exactly as the attendee endpoints
 * add one, with their event contact. Someone already attending is left as they are, so a list imported again adds
 * no one twice.
 */
@Injectable()
export class AttendeeImporter implements EntityImporter {
  readonly entity = ImportEntity.Attendees;
  readonly sequential = true;

  constructor(
    private readonly audit: AuditService,
    private readonly attendees: AttendeesService,
  ) {}

  keysOf(row: ImportRow): string[] {
    return personKeys(row).map(([key]) => key);
  }

  async planBatch(manager: EntityManager, rows: ImportRow[], context: ImportRunContext): Promise<PlannedBatch> {
    const event = await this.event(manager, context);
    const contacts = rows.map((row) => {
      const errors: RowError[] = row.problem ? [{ field: null, message: row.problem }] : [];
      const values = validContact(
        { preferredLanguage: 'vi', ...requestOf(row, CONTACT_REQUEST_FIELDS), ownerId: context.actor.userId },
        errors,
      );
      return { values, errors };
    });
    const unnamed = contacts.filter(({ values }) => !values.email);
    const known = await this.attendees.knownPeople(manager, event.id, {
      emails: [...new Set(contacts.flatMap(({ values }) => values.email ?? []))],
      phones: [...new Set(unnamed.flatMap(({ values }) => values.phone ?? []))],
      names: [...new Set(unnamed.flatMap(({ values }) => values.fullName ?? []))],
    });
    const organizations = new Organizations(
      await organizationsByTaxCode(manager, rows),
      await this.organizationsByName(manager, rows),
      context,
    );

    const claimed = new Map<string, number>();
    const planned: PlannedRow[] = [];
    const newContacts: RecordWrite<ContactValues, ContactValues>[] = [];
    const people: ImportedAttendee[] = [];
    rows.forEach((row, index) => {
      const { values, errors } = contacts[index];
      const found = findPerson(values, known);
      const duplicate = claimKeys(
        [...personKeys(row), [found ? `contact:${found.id}` : null, 'person']],
        row.rowNumber,
        context,
        claimed,
      );
      if (duplicate) errors.push(duplicate);
      const country = row.values.get('country');
      const countryCode = country === undefined ? undefined : countryCodeOf(country);
      if (countryCode !== undefined && !isCountryCode(countryCode))
        errors.push({ field: 'country', message: 'must be an ISO 3166-1 alpha-2 country code such as VN, JP or KR' });
      const note = row.values.get('notes');
      if (note && note.length > MAX_BODY_LENGTH)
        errors.push({ field: 'notes', message: `must be at most ${MAX_BODY_LENGTH} characters` });

      const named: NamedOrganization = {
        name: row.values.get('organizationName'),
        taxCode: row.values.get('organizationTaxCode'),
      };
      // A person already in the system stays as they are; the organization columns are for new people.
      if (!found) values.organizationId = organizations.resolve(named, countryCode, row, index, errors);

      let action: ImportRowAction;
      if (errors.length > 0) action = ImportRowAction.Error;
      else if (found && known.attending.has(found.id)) action = ImportRowAction.Unchanged;
      else action = ImportRowAction.Create;
      if (action !== ImportRowAction.Create) organizations.skip();

      if (action === ImportRowAction.Create) {
        organizations.keep();
        let contact: AttendeeCandidate | undefined = found;
        if (!contact) {
          const id = randomUUID();
          newContacts.push({ id, values, before: null, rowNumber: row.rowNumber, index });
          contact = { id, fullName: values.fullName, email: values.email, organizationId: values.organizationId };
        }
        people.push({ contact, details: auditDetails(context, row.rowNumber), ...(note && { note }) });
      }
      planned.push({
        rowNumber: row.rowNumber,
        source: row,
        action,
        values: {
          fullName: values.fullName,
          email: values.email,
          phone: values.phone,
          position: values.position,
          organizationName: named.name ?? null,
          contactId: found?.id ?? null,
        },
        errors,
      });
    });
    for (const [key, rowNumber] of claimed) context.seenKeys.set(key, rowNumber);

    return {
      planned,
      write: async () => {
        if (context.dryRun) return;
        await insertOrganizations(manager, this.audit, organizations.writes(), context);
        await insertContacts(manager, this.audit, newContacts, () => null, context);
        // The attendances, event contacts and their timelines are the import author's, as through the API.
        await runWithRequestContext({ requestId: `import-${context.jobId}`, ip: null, principal: context.actor }, () =>
          this.attendees.addImported(manager, context.actor, event, people),
        );
      },
    };
  }

  /** The import's event, share-locked, while its author may still add people to it; else the import stops. */
  private async event(manager: EntityManager, context: ImportRunContext): Promise<LockedEvent> {
    if (!context.eventId) throw new ImportAbortedError('The event of this import no longer exists.');
    try {
      return await this.attendees.lockEvent(manager, context.actor, context.eventId);
    } catch (error) {
      if (error instanceof AppException) throw new ImportAbortedError(error.detail ?? error.message);
      throw error;
    }
  }

  /** Investors by exact name (any case, outer spaces trimmed) for the rows that name one without a tax code. */
  private async organizationsByName(manager: EntityManager, rows: ImportRow[]): Promise<Map<string, string[]>> {
    const names = [
      ...new Set(
        rows.flatMap((row) => {
          const name = row.values.get('organizationName');
          return name && !row.values.get('organizationTaxCode') ? [nameKey(name)] : [];
        }),
      ),
    ];
    if (names.length === 0) return new Map();
    const found: { id: string; name: string }[] = await manager.query(
      `SELECT id, lower(btrim(name)) AS name FROM organization WHERE lower(btrim(name)) = ANY($1::text[]) ORDER BY id`,
      [names],
    );
    const byName = new Map<string, string[]>();
    for (const row of found) byName.set(row.name, [...(byName.get(row.name) ?? []), row.id]);
    return byName;
  }
}

/** The person a row names: by email; without one, by phone, else an attendee of the event by name. */
function findPerson(values: ContactValues, known: KnownPeople): AttendeeCandidate | undefined {
  if (values.email) return known.byEmail.get(values.email);
  return (values.phone ? known.byPhone.get(values.phone) : undefined) ?? known.byName.get(values.fullName);
}

function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The investors a batch's new people belong to: found by tax code or exact name, or added, once per batch. */
class Organizations {
  /** Investors this batch adds, by `tax:` and `name:` key. */
  private readonly added = new Map<string, RecordWrite<OrganizationValues, OrganizationValues>>();
  /** The investor the current row would add, kept only if the row is imported. */
  private pending: RecordWrite<OrganizationValues, OrganizationValues> | null = null;

  constructor(
    private readonly byTaxCode: Map<string, string>,
    private readonly byName: Map<string, string[]>,
    private readonly context: ImportRunContext,
  ) {}

  /** The investor's id for a new person, adding it when the system has none; problems go into `errors`. */
  resolve(
    named: NamedOrganization,
    country: string | undefined,
    row: ImportRow,
    index: number,
    errors: RowError[],
  ): string | null {
    this.pending = null;
    if (named.taxCode !== undefined) {
      const taxCode = normalizeTaxCode(taxCodeText(named.taxCode));
      const existing = taxCode ? this.byTaxCode.get(taxCode) : undefined;
      if (existing) return existing;
      const added = taxCode ? this.added.get(`tax:${taxCode}`) : undefined;
      if (added) return added.id;
      if (named.name === undefined) {
        errors.push({
          field: 'organizationTaxCode',
          message: 'is not the tax code of an investor in the system; give the organization’s name to add it',
        });
        return null;
      }
    } else if (named.name !== undefined) {
      const existing = this.byName.get(nameKey(named.name)) ?? [];
      if (existing.length > 1) {
        errors.push({
          field: 'organizationName',
          message: `names ${existing.length} investors in the system; add the tax code to say which`,
        });
        return null;
      }
      if (existing.length === 1) return existing[0];
      const added = this.added.get(`name:${nameKey(named.name)}`);
      if (added) return added.id;
    } else {
      return null;
    }
    return this.add(named, country, row, index, errors);
  }

  /**
   * Called once the row just resolved is known to be imported: the investor it adds is kept, and later rows of the
   * batch naming it again, by tax code or by name, use it. A row with errors adds none.
   */
  keep(): void {
    const write = this.pending;
    this.pending = null;
    if (!write) return;
    if (write.values.taxCode) this.added.set(`tax:${write.values.taxCode}`, write);
    this.added.set(`name:${nameKey(write.values.name)}`, write);
  }

  /** The row just resolved is not imported: the investor it would add is not. */
  skip(): void {
    this.pending = null;
  }

  writes(): RecordWrite<OrganizationValues, OrganizationValues>[] {
    return [...new Set(this.added.values())];
  }

  private add(
    named: NamedOrganization,
    country: string | undefined,
    row: ImportRow,
    index: number,
    errors: RowError[],
  ): string | null {
    const problems: RowError[] = [];
    const values = validOrganization(
      {
        name: named.name,
        ...(named.taxCode !== undefined && { taxCode: taxCodeText(named.taxCode) }),
        ...(country !== undefined && isCountryCode(country) && { country }),
        ownerId: this.context.actor.userId,
      },
      true,
      problems,
    );
    errors.push(
      ...problems.map((problem) => ({ ...problem, field: ORGANIZATION_FIELDS[problem.field ?? ''] ?? null })),
    );
    if (problems.length > 0) return null;
    this.pending = { id: randomUUID(), values, before: null, rowNumber: row.rowNumber, index };
    return this.pending.id;
  }
}
