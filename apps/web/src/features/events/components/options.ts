import {
  CONVERSION_KINDS,
  LenderKind,
  LoanApplicantType,
  PROMOTION_EVENT_SORTS,
  PromotionEventKind,
  ZONE_SECTORS,
  type ConversionKind,
  type Language,
  type PromotionEventSort,
  type ZoneSector,
} from '@irm/contracts';
import { COUNTRIES, countryName as domainCountryName } from '@irm/domain';
import type { TFunction } from 'i18next';

export const EVENT_KINDS = Object.values(PromotionEventKind);

export const isEventKind = (value: unknown): value is PromotionEventKind =>
  EVENT_KINDS.includes(value as PromotionEventKind);

export const isEventSort = (value: unknown): value is PromotionEventSort =>
  PROMOTION_EVENT_SORTS.includes(value as PromotionEventSort);

export const isConversionKind = (value: unknown): value is ConversionKind =>
  CONVERSION_KINDS.includes(value as ConversionKind);

export function eventKindOptions(t: TFunction) {
  return EVENT_KINDS.map((kind) => ({ value: kind, label: t(`events.kind.${kind}`) }));
}

export function sortOptions(t: TFunction) {
  return PROMOTION_EVENT_SORTS.map((sort) => ({ value: sort, label: t(`events.sort.${sort}`) }));
}

export function sectorOptions(t: TFunction) {
  return ZONE_SECTORS.map((sector: ZoneSector) => ({ value: sector, label: t(`zones.sector.${sector}`) }));
}

export function applicantTypeOptions(t: TFunction) {
  return Object.values(LoanApplicantType).map((type) => ({ value: type, label: t(`events.applicantType.${type}`) }));
}

export function lenderKindOptions(t: TFunction) {
  return Object.values(LenderKind).map((kind) => ({ value: kind, label: t(`events.lenderKind.${kind}`) }));
}

const countryCache = new Map<Language, { value: string; label: string }[]>();

/** Countries by name in the reader's language; Viet Nam first, where most events take place. */
export function countryOptions(language: Language) {
  const cached = countryCache.get(language);
  if (cached) return cached;
  const sorted = COUNTRIES.map((country) => ({ value: country.code, label: country.name[language] })).sort((a, b) =>
    a.label.localeCompare(b.label, language),
  );
  const options = [...sorted.filter((c) => c.value === 'VN'), ...sorted.filter((c) => c.value !== 'VN')];
  countryCache.set(language, options);
  return options;
}

export function countryName(code: string, language: Language): string {
  return domainCountryName(code, language) ?? code;
}
