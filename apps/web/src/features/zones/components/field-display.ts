import { useCallback } from 'react';
import type { Zone } from '@irm/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import { isZoneSector, isZoneStatus } from './options';

/** Fields a manager can change, in the order the form shows them; the investor's name stands for its id. */
export const DISPLAYED_FIELDS = [
  'name',
  'district',
  'status',
  'totalAreaHa',
  'industrialLandHa',
  'infrastructureInvestor',
  'sectors',
  'workforce',
  'craftVillage',
  'latitude',
  'longitude',
  'illustrative',
  'source',
  'leasedHa',
  'reservedHa',
  'availableHa',
] as const satisfies readonly (keyof Zone)[];

const LABELLED = new Set<string>([...DISPLAYED_FIELDS, 'infrastructureInvestorId']);
const HECTARES = new Set<string>(['totalAreaHa', 'industrialLandHa', 'leasedHa', 'reservedHa', 'availableHa']);

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** A zone's field name and value as a person reads them, e.g. in its history ("Status: Planned → Operating"). */
export function useFieldDisplay() {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCallback(
    (field: string) => (LABELLED.has(field) ? t(`zones.field.${field as (typeof DISPLAYED_FIELDS)[number]}`) : field),
    [t],
  );
  const value = useCallback(
    (field: string, raw: unknown): string => {
      if (isEmpty(raw)) return t('zones.none');
      if (HECTARES.has(field) && typeof raw === 'number') return format.hectares(raw);
      if (field === 'status' && isZoneStatus(raw)) return t(`zones.status.${raw}`);
      if (field === 'sectors' && Array.isArray(raw))
        return raw.map((s) => (isZoneSector(s) ? t(`zones.sector.${s}`) : String(s))).join(', ');
      if (typeof raw === 'boolean') return raw ? t('zones.yes') : t('zones.no');
      if (field === 'workforce' && typeof raw === 'number') return format.integer(raw);
      return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
    },
    [t, format],
  );
  return { label, value };
}

const same = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? a.join('\u0000') === b.join('\u0000') : (a ?? null) === (b ?? null);

/** What differs between two copies of a zone, for telling a person what someone else changed. */
export function zoneDifferences(before: Zone, after: Zone) {
  return DISPLAYED_FIELDS.filter((field) => !same(before[field], after[field])).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }));
}
