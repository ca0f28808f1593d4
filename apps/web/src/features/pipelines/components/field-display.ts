import { useCallback } from 'react';
import type { FieldDifference } from '../../records';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import { useMoneyFormat } from '../hooks/use-money-format';
import type { PipelineItem } from '../types';

/** Fields a person edits, as the item carries them (names stand for the ids they were chosen by). */
const DISPLAYED_FIELDS = [
  'title',
  'ownerName',
  'organizationName',
  'sector',
  'source',
  'capitalUsd',
  'expectedJobs',
  'requestedAreaHa',
  'zoneName',
  'wantedBy',
  'applicantType',
  'lender',
  'lenderKind',
  'purpose',
  'requestedVnd',
  'approvedVnd',
  'interestSupportRate',
  'termMonths',
  'documentsDueOn',
] as const;
type DisplayedField = (typeof DISPLAYED_FIELDS)[number];

const LABEL_OF: Record<DisplayedField, string> = {
  title: 'title',
  ownerName: 'owner',
  organizationName: 'organization',
  sector: 'sector',
  source: 'source',
  capitalUsd: 'capitalUsd',
  expectedJobs: 'expectedJobs',
  requestedAreaHa: 'requestedAreaHa',
  zoneName: 'zone',
  wantedBy: 'wantedBy',
  applicantType: 'applicantType',
  lender: 'lender',
  lenderKind: 'lenderKind',
  purpose: 'purpose',
  requestedVnd: 'requestedVnd',
  approvedVnd: 'approvedVnd',
  interestSupportRate: 'interestSupportRate',
  termMonths: 'termMonths',
  documentsDueOn: 'documentsDueOn',
};

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** An item's field and value as a person reads them, e.g. when someone else saved first. */
export function useItemFieldDisplay() {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoneyFormat();
  const label = useCallback(
    (name: string) => (name in LABEL_OF ? t(`pipelines.field.${LABEL_OF[name as DisplayedField] as 'title'}`) : name),
    [t],
  );
  const value = useCallback(
    (name: string, raw: unknown): string => {
      if (isEmpty(raw)) return t('pipelines.notSet');
      if (typeof raw === 'number') {
        if (name === 'requestedAreaHa') return format.hectares(raw);
        if (name === 'capitalUsd') return money.usd(raw);
        if (name.endsWith('Vnd')) return money.vnd(raw);
        if (name === 'interestSupportRate') return money.percentValue(raw);
        return format.integer(raw);
      }
      if (name === 'sector') return t(`zones.sector.${raw as 'it'}`);
      if (name === 'source') return t(`investors.source.${raw as 'other'}`);
      if (name === 'applicantType') return t(`pipelines.applicantType.${raw as 'sme'}`);
      if (name === 'lenderKind') return t(`pipelines.lenderKind.${raw as 'bank'}`);
      if ((name === 'wantedBy' || name === 'documentsDueOn') && typeof raw === 'string') return format.date(raw);
      return String(raw);
    },
    [t, format, money],
  );
  return { label, value };
}

export function itemDifferences(before: PipelineItem, after: PipelineItem): FieldDifference[] {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  return DISPLAYED_FIELDS.filter((name) => name in b && (a[name] ?? null) !== (b[name] ?? null)).map((name) => ({
    field: name,
    before: a[name],
    after: b[name],
  }));
}
