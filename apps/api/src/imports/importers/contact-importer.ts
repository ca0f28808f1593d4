import { Injectable } from '@nestjs/common';
import { ConsentSource, EmailConsent, ImportEntity } from '@irm/contracts';
import { normalizeEmail, normalizeTaxCode } from '@irm/domain';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { CreateContactDto } from '../../contacts/contact.dto';
import { CONTACT_AUDITED as AUDITED } from '../../contacts/contact.entity';
import { consentSourceOf, contactLanguageOf, emailConsentOf, taxCodeText } from '../import-columns';
import {
  auditWrites,
  EntityImporter,
  ImportRow,
  ImportRunContext,
  MatchedRow,
  PlannedBatch,
  planRecordBatch,
  RecordKey,
  RecordWrite,
  requestOf,
  RowError,
  rowKeys,
  validateWith,
} from './importer';

export interface ContactValues {
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

/** The cells of a row as the API's create request would carry them (the organization comes by tax code). */
export const CONTACT_REQUEST_FIELDS = {
  fullName: null,
  email: normalizeEmail,
  phone: null,
  position: null,
  preferredLanguage: contactLanguageOf,
  emailConsent: emailConsentOf,
  consentSource: consentSourceOf,
};

const KEY: RecordKey<Existing> = {
  record: 'contact',
  field: 'email',
  name: 'email',
  prefix: 'email',
  ofRow: (row) => {
    const email = row.values.get('email');
    return email === undefined ? null : normalizeEmail(email);
  },
  ofRecord: (record) => record.email,
};

/** Contacts by email: a known email updates that contact, any other row creates one. */
@Injectable()
export class ContactImporter implements EntityImporter {
  readonly entity = ImportEntity.Contacts;

  constructor(private readonly audit: AuditService) {}

  keysOf(row: ImportRow): string[] {
    return rowKeys(row, KEY);
  }

  async planBatch(manager: EntityManager, rows: ImportRow[], context: ImportRunContext): Promise<PlannedBatch> {
    const organizations = await organizationsByTaxCode(manager, rows);
    const consentChangedAt: (Date | null)[] = [];
    const now = new Date();
    return planRecordBatch<Existing, ContactValues>(manager, rows, context, {
      key: KEY,
      audited: AUDITED,
      findExisting: (ids, emails) => this.findExisting(manager, ids, emails, context),
      valuesOf: (matched) => {
        const { values, changedAt } = this.valuesOf(matched, organizations, now, context);
        consentChangedAt[matched.index] = changedAt;
        return values;
      },
      write: (writes) => insertContacts(manager, this.audit, writes, (write) => consentChangedAt[write.index], context),
    });
  }

  /** The values a row would save, and when its consent decision was made. */
  private valuesOf(
    { row, before, ownerId, errors }: MatchedRow<Existing>,
    organizations: Map<string, string>,
    now: Date,
    context: ImportRunContext,
  ): { values: ContactValues; changedAt: Date | null } {
    const request = requestOf(row, CONTACT_REQUEST_FIELDS);
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
    let changedAt = before?.consentChangedAt ?? null;
    if (consentChanged) {
      changedAt = consent === EmailConsent.Unknown ? null : now;
      request.consentSource = consent === EmailConsent.Unknown ? null : (request.consentSource ?? ConsentSource.Import);
    } else {
      delete request.consentSource;
    }

    const plain: Record<string, unknown> = before
      ? { ...pick(before), ...request, ...(ownerId ? { ownerId } : {}) }
      : { preferredLanguage: 'vi', ...request, ownerId: ownerId ?? context.actor.userId };
    return { values: validContact(plain, errors), changedAt };
  }

  private async findExisting(
    manager: EntityManager,
    ids: string[],
    emails: string[],
    context: ImportRunContext,
  ): Promise<Existing[]> {
    return manager.query(
      `SELECT id, full_name AS "fullName", lower(email) AS email, phone, position, organization_id AS "organizationId",
              preferred_language AS "preferredLanguage", email_consent AS "emailConsent",
              consent_source AS "consentSource", consent_changed_at AS "consentChangedAt", owner_id AS "ownerId", version
         FROM contact WHERE id = ANY($1::uuid[]) OR email = ANY($2::citext[]) ${context.dryRun ? '' : 'FOR UPDATE'}`,
      [[...new Set(ids)], [...new Set(emails)]],
    );
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

/** The values a contact row saves, validated with the API's create request; the problems go into `errors`. */
export function validContact(plain: Record<string, unknown>, errors: RowError[]): ContactValues {
  const validated = validateWith(CreateContactDto, plain);
  errors.push(...validated.errors);
  return pick(validated.value as Partial<ContactValues>);
}

/** The investors the rows name by tax code, by normalised tax code. */
export async function organizationsByTaxCode(manager: EntityManager, rows: ImportRow[]): Promise<Map<string, string>> {
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

/** One upsert for a batch's contacts (new ones insert, known ids update with a version bump) and one audit insert. */
export async function insertContacts<E extends ContactValues>(
  manager: EntityManager,
  audit: AuditService,
  writes: RecordWrite<E, ContactValues>[],
  consentChangedAt: (write: RecordWrite<E, ContactValues>) => Date | null,
  context: ImportRunContext,
): Promise<void> {
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
        writes.map((write) => ({
          id: write.id,
          full_name: write.values.fullName,
          email: write.values.email,
          phone: write.values.phone,
          position: write.values.position,
          organization_id: write.values.organizationId,
          preferred_language: write.values.preferredLanguage,
          email_consent: write.values.emailConsent,
          consent_source: write.values.consentSource,
          consent_changed_at: consentChangedAt(write),
          owner_id: write.values.ownerId,
        })),
      ),
    ],
  );
  await auditWrites(audit, manager, 'contact', writes, AUDITED, context);
}
