import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditAction, ConsentSource, EmailConsent, ImportEntity, ImportRowAction } from '@irm/contracts';
import { normalizeTaxCode } from '@irm/domain';
import type { EntityManager } from 'typeorm';
import { AuditEntry, AuditService, diff } from '../../audit/audit.service';
import { canEdit } from '../../auth/record-policy';
import { CreateContactDto } from '../../contacts/contact.dto';
import { consentSourceOf, contactLanguageOf, emailConsentOf, taxCodeText } from '../import-columns';
import {
  auditDetails,
  claimKeys,
  createdChanges,
  EntityImporter,
  ImportRow,
  ImportRunContext,
  PlannedBatch,
  isRecordId,
  ownerOf,
  PlannedRow,
  recordIdOf,
  resolveOwners,
  RowError,
  validateWith,
} from './importer';

/** The fields a contact import compares and audits, as the API's contact service does. */
const AUDITED = [
  'fullName',
  'email',
  'phone',
  'position',
  'organizationId',
  'preferredLanguage',
  'emailConsent',
  'consentSource',
  'ownerId',
] as const;

interface ContactValues {
  fullName: string;
  email: string | null;
  phone: string | null;
  position: string | null;
  organizationId: string | null;
  preferredLanguage: string;
  emailConsent: EmailConsent;
  consentSource: ConsentSource | null;
  ownerId: string;
}
type Existing = ContactValues & { id: string; consentChangedAt: Date | null; version: number };
interface ContactWrite {
  id: string;
  values: ContactValues;
  consentChangedAt: Date | null;
  before: Existing | null;
  rowNumber: number;
}

function requestOf(row: ImportRow): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const text = (field: string, map: (value: string) => unknown = (value) => value) => {
    const value = row.values.get(field);
    if (value !== undefined) input[field] = map(value);
  };
  text('fullName');
  text('email', (value) => value.toLowerCase());
  text('phone');
  text('position');
  text('preferredLanguage', contactLanguageOf);
  text('emailConsent', emailConsentOf);
  text('consentSource', consentSourceOf);
  return input;
}

/** Contacts by email: a known email updates that contact, any other row creates one. */
@Injectable()
export class ContactImporter implements EntityImporter {
  readonly entity = ImportEntity.Contacts;

  constructor(private readonly audit: AuditService) {}

  keysOf(row: ImportRow): string[] {
    const id = recordIdOf(row);
    const email = this.emailOf(row);
    return [...(id ? [`id:${id}`] : []), ...(email ? [`email:${email}`] : [])];
  }

  private emailOf(row: ImportRow): string | null {
    return row.values.get('email')?.toLowerCase() ?? null;
  }

  async planBatch(manager: EntityManager, rows: ImportRow[], context: ImportRunContext): Promise<PlannedBatch> {
    const emails = rows.map((row) => this.emailOf(row));
    const ids = rows.map(recordIdOf);
    const existing = await this.findExisting(
      manager,
      ids.filter((id): id is string => id !== undefined && isRecordId(id)),
      emails.filter((email): email is string => email !== null),
      context,
    );
    const organizations = await this.organizationsByTaxCode(manager, rows);
    await resolveOwners(
      manager,
      rows.flatMap((row) => row.values.get('ownerEmail')?.toLowerCase() ?? []),
      context,
    );

    const claimed = new Map<string, number>();
    const planned: PlannedRow[] = [];
    const writes: ContactWrite[] = [];
    const now = new Date();
    rows.forEach((row, i) => {
      const errors: RowError[] = [];
      if (row.problem) errors.push({ field: null, message: row.problem });
      const email = emails[i];
      const holder = email ? existing.byEmail.get(email) : undefined;
      let before: Existing | null = null;
      const id = ids[i];
      if (id === undefined) {
        before = holder ?? null;
      } else if (!isRecordId(id)) {
        errors.push({ field: 'id', message: 'is not a record ID from an export' });
      } else {
        before = existing.byId.get(id) ?? null;
        if (!before) errors.push({ field: 'id', message: 'no contact has this ID; it may have been deleted' });
        else if (holder && holder.id !== before.id)
          errors.push({ field: 'email', message: 'is already used by another contact' });
      }
      const duplicate = claimKeys(
        [
          [before && `id:${before.id}`, 'contact'],
          [email && `email:${email}`, 'email'],
        ],
        row.rowNumber,
        context,
        claimed,
      );
      if (duplicate) errors.push(duplicate);
      if (before && !canEdit(context.actor, before)) {
        errors.push({
          field: null,
          message: 'this contact belongs to someone else; only its owner or a manager can change it',
        });
      }
      const ownerId = ownerOf(row, before?.ownerId ?? null, context, errors);
      const request = requestOf(row);
      const taxCode = row.values.get('organizationTaxCode');
      if (taxCode !== undefined) {
        const organizationId = organizations.get(normalizeTaxCode(taxCodeText(taxCode)) ?? '');
        if (organizationId) request.organizationId = organizationId;
        else errors.push({ field: 'organizationTaxCode', message: 'is not the tax code of an investor in the system' });
      }

      // Consent carries its evidence: a changed decision gets a fresh time and a source ("import" unless named).
      const consentBefore = before?.emailConsent ?? EmailConsent.Unknown;
      const consent = (request.emailConsent as EmailConsent | undefined) ?? consentBefore;
      const consentChanged = request.emailConsent !== undefined && consent !== consentBefore;
      let consentChangedAt = before?.consentChangedAt ?? null;
      if (consentChanged) {
        consentChangedAt = consent === EmailConsent.Unknown ? null : now;
        request.consentSource =
          consent === EmailConsent.Unknown ? null : (request.consentSource ?? ConsentSource.Import);
      } else {
        delete request.consentSource;
      }

      const plain: Record<string, unknown> = before
        ? { ...pick(before), ...request, ...(ownerId ? { ownerId } : {}) }
        : { preferredLanguage: 'vi', ...request, ownerId: ownerId ?? context.actor.userId };
      const validated = validateWith(CreateContactDto, plain);
      errors.push(...validated.errors);
      const values = pick(validated.value as Partial<ContactValues>);
      let action: ImportRowAction;
      if (errors.length > 0) action = ImportRowAction.Error;
      else if (!before) action = ImportRowAction.Create;
      else if (Object.keys(diff(before, values, AUDITED)).length === 0) action = ImportRowAction.Unchanged;
      else action = ImportRowAction.Update;
      if (action === ImportRowAction.Create || action === ImportRowAction.Update) {
        writes.push({ id: before?.id ?? randomUUID(), values, consentChangedAt, before, rowNumber: row.rowNumber });
      }
      planned.push({ rowNumber: row.rowNumber, source: row, action, values: { ...values }, errors });
    });
    for (const [key, rowNumber] of claimed) context.seenKeys.set(key, rowNumber);
    return { planned, write: () => (context.dryRun ? Promise.resolve() : this.write(manager, writes, context)) };
  }

  private async findExisting(
    manager: EntityManager,
    ids: string[],
    emails: string[],
    context: ImportRunContext,
  ): Promise<{ byId: Map<string, Existing>; byEmail: Map<string, Existing> }> {
    if (ids.length === 0 && emails.length === 0) return { byId: new Map(), byEmail: new Map() };
    const rows: Existing[] = await manager.query(
      `SELECT id, full_name AS "fullName", lower(email) AS email, phone, position, organization_id AS "organizationId",
              preferred_language AS "preferredLanguage", email_consent AS "emailConsent",
              consent_source AS "consentSource", consent_changed_at AS "consentChangedAt", owner_id AS "ownerId", version
         FROM contact WHERE id = ANY($1::uuid[]) OR email = ANY($2::citext[]) ${context.dryRun ? '' : 'FOR UPDATE'}`,
      [[...new Set(ids)], [...new Set(emails)]],
    );
    return {
      byId: new Map(rows.map((row) => [row.id, row])),
      byEmail: new Map(rows.filter((row) => row.email).map((row) => [row.email!, row])),
    };
  }

  private async organizationsByTaxCode(manager: EntityManager, rows: ImportRow[]): Promise<Map<string, string>> {
    const taxCodes = [
      ...new Set(
        rows.flatMap((row) => {
          const value = row.values.get('organizationTaxCode');
          return (value && normalizeTaxCode(taxCodeText(value))) || [];
        }),
      ),
    ];
    if (taxCodes.length === 0) return new Map();
    const found: { id: string; taxCode: string }[] = await manager.query(
      `SELECT id, tax_code AS "taxCode" FROM organization WHERE tax_code = ANY($1::text[])`,
      [taxCodes],
    );
    return new Map(found.map((row) => [row.taxCode, row.id]));
  }

  private async write(manager: EntityManager, writes: ContactWrite[], context: ImportRunContext): Promise<void> {
    if (writes.length === 0) return;
    await manager.query(
      `INSERT INTO contact (id, full_name, email, phone, position, organization_id, preferred_language, email_consent,
                            consent_source, consent_changed_at, owner_id, version)
       SELECT r.id, r.full_name, r.email, r.phone, r.position, r.organization_id, r.preferred_language, r.email_consent,
              r.consent_source, r.consent_changed_at, r.owner_id, 1
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, full_name text, email citext, phone text, position text,
              organization_id uuid, preferred_language text, email_consent email_consent, consent_source consent_source,
              consent_changed_at timestamptz, owner_id uuid)
       ON CONFLICT (id) DO UPDATE SET
         full_name = EXCLUDED.full_name, email = EXCLUDED.email, phone = EXCLUDED.phone, position = EXCLUDED.position,
         organization_id = EXCLUDED.organization_id, preferred_language = EXCLUDED.preferred_language,
         email_consent = EXCLUDED.email_consent, consent_source = EXCLUDED.consent_source,
         consent_changed_at = EXCLUDED.consent_changed_at, owner_id = EXCLUDED.owner_id,
         version = contact.version + 1, updated_at = now()`,
      [
        JSON.stringify(
          writes.map(({ id, values, consentChangedAt }) => ({
            id,
            full_name: values.fullName,
            email: values.email,
            phone: values.phone,
            position: values.position,
            organization_id: values.organizationId,
            preferred_language: values.preferredLanguage,
            email_consent: values.emailConsent,
            consent_source: values.consentSource,
            consent_changed_at: consentChangedAt,
            owner_id: values.ownerId,
          })),
        ),
      ],
    );
    const entries: AuditEntry[] = writes.map(({ id, values, before, rowNumber }) => ({
      action: before ? AuditAction.Update : AuditAction.Create,
      subjectType: 'contact',
      subjectId: id,
      changes: before ? diff(before, values, AUDITED) : createdChanges(values, AUDITED),
      details: auditDetails(context, rowNumber),
    }));
    await this.audit.recordMany(manager, entries, {
      requestId: `import-${context.jobId}`,
      ip: null,
      principal: context.actor,
    });
  }
}

function pick(source: Partial<ContactValues>): ContactValues {
  return {
    fullName: source.fullName!,
    email: source.email ?? null,
    phone: source.phone ?? null,
    position: source.position ?? null,
    organizationId: source.organizationId ?? null,
    preferredLanguage: source.preferredLanguage ?? 'vi',
    emailConsent: source.emailConsent ?? EmailConsent.Unknown,
    consentSource: source.consentSource ?? null,
    ownerId: source.ownerId!,
  };
}
