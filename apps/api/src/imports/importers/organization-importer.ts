import { Injectable } from '@nestjs/common';
import { ImportEntity, OrganizationKind } from '@irm/contracts';
import { normalizeTaxCode } from '@irm/domain';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { CreateOrganizationDto } from '../../organizations/organization.dto';
import { ORGANIZATION_AUDITED as AUDITED } from '../../organizations/organization.entity';
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

type Audited = (typeof AUDITED)[number];
export type OrganizationValues = { [K in Audited]: CreateOrganizationDto[K] } & { ownerId: string };
type Existing = OrganizationValues & { id: string; version: number };

/** The cells of a row as the API's create request would carry them. */
const REQUEST_FIELDS = {
  name: null,
  legalName: null,
  taxCode: taxCodeText,
  kind: organizationKindOf,
  country: countryCodeOf,
  sectors: sectorCodesOf,
  website: null,
  size: organizationSizeOf,
  tags: splitList,
  source: leadSourceOf,
};

const KEY: RecordKey<Existing> = {
  record: 'investor',
  field: 'taxCode',
  name: 'tax code',
  prefix: 'tax',
  ofRow: (row) => {
    const taxCode = row.values.get('taxCode');
    return taxCode ? normalizeTaxCode(taxCodeText(taxCode)) : null;
  },
  ofRecord: (record) => record.taxCode ?? null,
};

/** Investors by tax code: a known tax code updates that investor, any other row creates one. */
@Injectable()
export class OrganizationImporter implements EntityImporter {
  readonly entity = ImportEntity.Organizations;

  constructor(private readonly audit: AuditService) {}

  keysOf(row: ImportRow): string[] {
    return rowKeys(row, KEY);
  }

  planBatch(manager: EntityManager, rows: ImportRow[], context: ImportRunContext): Promise<PlannedBatch> {
    return planRecordBatch<Existing, OrganizationValues>(manager, rows, context, {
      key: KEY,
      audited: AUDITED,
      findExisting: (ids, taxCodes) => this.findExisting(manager, ids, taxCodes, context),
      valuesOf: (matched) => this.valuesOf(matched, context),
      write: (writes) => insertOrganizations(manager, this.audit, writes, context),
    });
  }

  private valuesOf({ row, before, ownerId, errors }: MatchedRow<Existing>, context: ImportRunContext) {
    const request = requestOf(row, REQUEST_FIELDS);
    const plain: Record<string, unknown> = before
      ? { ...pick(before), ...request, ...(ownerId ? { ownerId } : {}) }
      : { ...request, ownerId: ownerId ?? context.actor.userId };
    return validOrganization(plain, !before, errors);
  }

  private async findExisting(
    manager: EntityManager,
    ids: string[],
    taxCodes: string[],
    context: ImportRunContext,
  ): Promise<Existing[]> {
    // Locked, so the values compared are the ones overwritten (a dry run only reads).
    return manager.query(
      `SELECT id, name, legal_name AS "legalName", kind, country, sectors, tax_code AS "taxCode", website, size,
              owner_id AS "ownerId", tags, source, version
         FROM organization WHERE id = ANY($1::uuid[]) OR tax_code = ANY($2::text[])
         ${context.dryRun ? '' : 'FOR UPDATE'}`,
      [[...new Set(ids)], [...new Set(taxCodes)]],
    );
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

/**
 * The values an investor row saves, validated with the API's create request; a new one is in Viet Nam unless the
 * row says otherwise, and domestic or foreign-invested by its country unless its kind is given.
 */
export function validOrganization(
  plain: Record<string, unknown>,
  isNew: boolean,
  errors: RowError[],
): OrganizationValues {
  const values = isNew ? { country: 'VN', ...plain } : plain;
  if (isNew && values.kind === undefined) {
    values.kind = values.country === 'VN' ? OrganizationKind.Domestic : OrganizationKind.ForeignInvested;
  }
  const validated = validateWith(CreateOrganizationDto, values);
  errors.push(...validated.errors);
  return pick(validated.value as OrganizationValues);
}

/** One upsert for a batch's investors (new rows insert, known ids update with a version bump) and one audit insert. */
export async function insertOrganizations<E extends OrganizationValues>(
  manager: EntityManager,
  audit: AuditService,
  writes: RecordWrite<E, OrganizationValues>[],
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
  await auditWrites(audit, manager, 'organization', writes, AUDITED, context);
}
