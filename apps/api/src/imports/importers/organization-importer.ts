import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditAction, ImportEntity, ImportRowAction, OrganizationKind } from '@irm/contracts';
import { normalizeTaxCode } from '@irm/domain';
import type { EntityManager } from 'typeorm';
import { AuditEntry, AuditService, diff } from '../../audit/audit.service';
import { canEdit } from '../../auth/record-policy';
import { CreateOrganizationDto } from '../../organizations/organization.dto';
import {
  countryCodeOf,
  leadSourceOf,
  organizationKindOf,
  organizationSizeOf,
  sectorCodesOf,
  splitList,
  taxCodeText,
} from '../import-columns';
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

/** The fields an organization import compares and audits, as the API's organization service does. */
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
type Audited = (typeof AUDITED)[number];
type OrganizationValues = { [K in Audited]: CreateOrganizationDto[K] } & { ownerId: string };
type Existing = OrganizationValues & { id: string; version: number };

/** The cells of a row as the API's create request would carry them. */
function requestOf(row: ImportRow): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const text = (field: string, map: (value: string) => unknown = (value) => value) => {
    const value = row.values.get(field);
    if (value !== undefined) input[field] = map(value);
  };
  text('name');
  text('legalName');
  text('taxCode', taxCodeText);
  text('kind', organizationKindOf);
  text('country', countryCodeOf);
  text('sectors', sectorCodesOf);
  text('website');
  text('size', organizationSizeOf);
  text('tags', splitList);
  text('source', leadSourceOf);
  return input;
}

/** Investors by tax code: a known tax code updates that investor, any other row creates one. */
@Injectable()
export class OrganizationImporter implements EntityImporter {
  readonly entity = ImportEntity.Organizations;

  constructor(private readonly audit: AuditService) {}

  keysOf(row: ImportRow): string[] {
    const id = recordIdOf(row);
    const taxCode = this.taxCodeOf(row);
    return [...(id ? [`id:${id}`] : []), ...(taxCode ? [`tax:${taxCode}`] : [])];
  }

  private taxCodeOf(row: ImportRow): string | null {
    const taxCode = row.values.get('taxCode');
    return taxCode ? normalizeTaxCode(taxCodeText(taxCode)) : null;
  }

  async planBatch(manager: EntityManager, rows: ImportRow[], context: ImportRunContext): Promise<PlannedBatch> {
    const taxCodes = rows.map((row) => this.taxCodeOf(row));
    const ids = rows.map(recordIdOf);
    const existing = await this.findExisting(
      manager,
      ids.filter((id): id is string => id !== undefined && isRecordId(id)),
      taxCodes.filter((key): key is string => key !== null),
      context,
    );
    await resolveOwners(
      manager,
      rows.flatMap((row) => row.values.get('ownerEmail')?.toLowerCase() ?? []),
      context,
    );

    const claimed = new Map<string, number>();
    const planned: PlannedRow[] = [];
    const writes: { id: string; values: OrganizationValues; before: Existing | null; rowNumber: number }[] = [];
    rows.forEach((row, i) => {
      const errors: RowError[] = [];
      if (row.problem) errors.push({ field: null, message: row.problem });
      const taxCode = taxCodes[i];
      const holder = taxCode ? existing.byTaxCode.get(taxCode) : undefined;
      let before: Existing | null = null;
      const id = ids[i];
      if (id === undefined) {
        before = holder ?? null;
      } else if (!isRecordId(id)) {
        errors.push({ field: 'id', message: 'is not a record ID from an export' });
      } else {
        before = existing.byId.get(id) ?? null;
        if (!before) errors.push({ field: 'id', message: 'no investor has this ID; it may have been deleted' });
        else if (holder && holder.id !== before.id)
          errors.push({ field: 'taxCode', message: 'is already used by another investor' });
      }
      const duplicate = claimKeys(
        [
          [before && `id:${before.id}`, 'investor'],
          [taxCode && `tax:${taxCode}`, 'tax code'],
        ],
        row.rowNumber,
        context,
        claimed,
      );
      if (duplicate) errors.push(duplicate);
      if (before && !canEdit(context.actor, before)) {
        errors.push({
          field: null,
          message: 'this investor belongs to someone else; only its owner or a manager can change it',
        });
      }
      const ownerId = ownerOf(row, before?.ownerId ?? null, context, errors);
      const request = requestOf(row);
      const plain: Record<string, unknown> = before
        ? { ...pick(before), ...request, ...(ownerId ? { ownerId } : {}) }
        : {
            country: 'VN',
            ...request,
            ownerId: ownerId ?? context.actor.userId,
          };
      if (!before && plain.kind === undefined) {
        plain.kind = plain.country === 'VN' ? OrganizationKind.Domestic : OrganizationKind.ForeignInvested;
      }
      const validated = validateWith(CreateOrganizationDto, plain);
      errors.push(...validated.errors);
      const values = pick(validated.value as OrganizationValues);
      let action: ImportRowAction;
      if (errors.length > 0) action = ImportRowAction.Error;
      else if (!before) action = ImportRowAction.Create;
      else if (Object.keys(diff(before, values, AUDITED)).length === 0) action = ImportRowAction.Unchanged;
      else action = ImportRowAction.Update;
      if (action === ImportRowAction.Create || action === ImportRowAction.Update) {
        writes.push({ id: before?.id ?? randomUUID(), values, before, rowNumber: row.rowNumber });
      }
      planned.push({ rowNumber: row.rowNumber, source: row, action, values, errors });
    });
    for (const [key, rowNumber] of claimed) context.seenKeys.set(key, rowNumber);
    return { planned, write: () => (context.dryRun ? Promise.resolve() : this.write(manager, writes, context)) };
  }

  private async findExisting(
    manager: EntityManager,
    ids: string[],
    taxCodes: string[],
    context: ImportRunContext,
  ): Promise<{ byId: Map<string, Existing>; byTaxCode: Map<string, Existing> }> {
    if (ids.length === 0 && taxCodes.length === 0) return { byId: new Map(), byTaxCode: new Map() };
    // Locked, so the values compared are the ones overwritten (a dry run only reads).
    const rows: Existing[] = await manager.query(
      `SELECT id, name, legal_name AS "legalName", kind, country, sectors, tax_code AS "taxCode", website, size,
              owner_id AS "ownerId", tags, source, version
         FROM organization WHERE id = ANY($1::uuid[]) OR tax_code = ANY($2::text[])
         ${context.dryRun ? '' : 'FOR UPDATE'}`,
      [[...new Set(ids)], [...new Set(taxCodes)]],
    );
    return {
      byId: new Map(rows.map((row) => [row.id, row])),
      byTaxCode: new Map(rows.filter((row) => row.taxCode).map((row) => [row.taxCode!, row])),
    };
  }

  /** One upsert for the batch (new rows insert, known ids update with a version bump) and one audit insert. */
  private async write(
    manager: EntityManager,
    writes: { id: string; values: OrganizationValues; before: Existing | null; rowNumber: number }[],
    context: ImportRunContext,
  ): Promise<void> {
    if (writes.length === 0) return;
    await manager.query(
      `INSERT INTO organization (id, name, legal_name, kind, country, sectors, tax_code, website, size, owner_id, tags,
                                 source, version)
       SELECT r.id, r.name, r.legal_name, r.kind, r.country, coalesce(r.sectors, '{}'), r.tax_code, r.website, r.size,
              r.owner_id, coalesce(r.tags, '{}'), r.source, 1
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, name text, legal_name text, kind organization_kind,
              country char(2), sectors text[], tax_code text, website text, size organization_size, owner_id uuid,
              tags text[], source lead_source)
       ON CONFLICT (id) DO UPDATE SET
         name = EXCLUDED.name, legal_name = EXCLUDED.legal_name, kind = EXCLUDED.kind, country = EXCLUDED.country,
         sectors = EXCLUDED.sectors, tax_code = EXCLUDED.tax_code, website = EXCLUDED.website, size = EXCLUDED.size,
         owner_id = EXCLUDED.owner_id, tags = EXCLUDED.tags, source = EXCLUDED.source,
         version = organization.version + 1, updated_at = now()`,
      [
        JSON.stringify(
          writes.map(({ id, values }) => ({
            id,
            name: values.name,
            legal_name: values.legalName ?? null,
            kind: values.kind,
            country: values.country,
            sectors: values.sectors ?? [],
            tax_code: values.taxCode ?? null,
            website: values.website ?? null,
            size: values.size ?? null,
            owner_id: values.ownerId,
            tags: values.tags ?? [],
            source: values.source ?? null,
          })),
        ),
      ],
    );
    const entries: AuditEntry[] = writes.map(({ id, values, before, rowNumber }) => ({
      action: before ? AuditAction.Update : AuditAction.Create,
      subjectType: 'organization',
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

/** The audited fields only, with absent optional ones as their stored empties. */
function pick(source: Partial<OrganizationValues>): OrganizationValues {
  return {
    name: source.name!,
    legalName: source.legalName ?? null,
    kind: source.kind!,
    country: source.country!,
    sectors: source.sectors ?? [],
    taxCode: source.taxCode ?? null,
    website: source.website ?? null,
    size: source.size ?? null,
    ownerId: source.ownerId!,
    tags: source.tags ?? [],
    source: source.source ?? null,
  };
}
