import { useCallback } from 'react';
import type { Organization } from '@irm/contracts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n';
import { isKind, isSize, isSource } from './options';
import { countryName } from './reference-data';

/** Fields a person can change, in the order the form shows them; `ownerName` stands for the owner. */
export const DISPLAYED_FIELDS = [
  'name',
  'legalName',
  'kind',
  'country',
  'taxCode',
  'website',
  'sectors',
  'size',
  'source',
  'tags',
  'ownerName',
] as const satisfies readonly (keyof Organization)[];
export type DisplayedField = (typeof DISPLAYED_FIELDS)[number];

const FIELD_LABEL_KEYS = {
  name: 'investors.field.name',
  legalName: 'investors.field.legalName',
  kind: 'investors.field.kind',
  country: 'investors.field.country',
  sectors: 'investors.field.sectors',
  taxCode: 'investors.field.taxCode',
  website: 'investors.field.website',
  size: 'investors.field.size',
  ownerId: 'investors.field.ownerId',
  ownerName: 'investors.field.ownerName',
  tags: 'investors.field.tags',
  source: 'investors.field.source',
} as const;

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** A field's name and value as a person reads them, e.g. in the change history ("Kind: Domestic → FDI"). */
export function useFieldDisplay() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const label = useCallback(
    (field: string) =>
      field in FIELD_LABEL_KEYS ? t(FIELD_LABEL_KEYS[field as keyof typeof FIELD_LABEL_KEYS]) : field,
    [t],
  );
  const value = useCallback(
    (field: string, raw: unknown): string => {
      if (isEmpty(raw)) return t('investors.none');
      if (Array.isArray(raw)) return raw.map(String).join(', ');
      if (field === 'kind' && isKind(raw)) return t(`investors.kind.${raw}`);
      if (field === 'size' && isSize(raw)) return t(`investors.size.${raw}`);
      if (field === 'source' && isSource(raw)) return t(`investors.source.${raw}`);
      if (field === 'country' && typeof raw === 'string') return countryName(raw, language);
      return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
    },
    [t, language],
  );
  return { label, value };
}

const same = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? a.join('\u0000') === b.join('\u0000') : (a ?? null) === (b ?? null);

/** What differs between two copies of a record, for telling a person what someone else changed. */
export function organizationDifferences(before: Organization, after: Organization) {
  return DISPLAYED_FIELDS.filter((field) => !same(before[field], after[field])).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }));
}
