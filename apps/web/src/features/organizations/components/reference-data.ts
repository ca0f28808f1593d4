import type { Language } from '@irm/contracts';
import {
  COUNTRIES,
  VSIC_DIVISIONS,
  VSIC_SECTIONS,
  countryName as domainCountryName,
  normalizeTaxCode as domainNormalizeTaxCode,
  isValidTaxCode,
  vsicEntry,
} from '@irm/domain';

/**
 * Reference data the investor pages show and choose from: countries (ISO 3166-1 alpha-2), VSIC 2018 sectors
 * and tax codes. The lists and rules are the domain library's, the same ones the server validates with.
 */

export interface Option {
  value: string;
  label: string;
}

export interface OptionGroup {
  group: string;
  items: Option[];
}

/** "C — Manufacturing"; a code that is not in VSIC 2018 is shown as it is. */
export function sectorLabel(code: string, language: Language): string {
  const entry = vsicEntry(code);
  return entry ? `${code} — ${entry.name[language]}` : code;
}

const sectorGroupCache = new Map<Language, OptionGroup[]>();

/** Each section followed by its divisions, for a searchable (multi-)select. */
export function sectorOptionGroups(language: Language): OptionGroup[] {
  const cached = sectorGroupCache.get(language);
  if (cached) return cached;
  const groups = VSIC_SECTIONS.map((section) => ({
    group: sectorLabel(section.code, language),
    items: [section, ...VSIC_DIVISIONS.filter((division) => division.section === section.code)].map((entry) => ({
      value: entry.code,
      label: sectorLabel(entry.code, language),
    })),
  }));
  sectorGroupCache.set(language, groups);
  return groups;
}

const countryCache = new Map<Language, Option[]>();

/** Countries with names in the reader's language, sorted by name. */
export function countryOptions(language: Language): Option[] {
  const cached = countryCache.get(language);
  if (cached) return cached;
  const options = COUNTRIES.map((country) => ({ value: country.code, label: country.name[language] })).sort((a, b) =>
    a.label.localeCompare(b.label, language),
  );
  countryCache.set(language, options);
  return options;
}

export function countryName(code: string, language: Language): string {
  return domainCountryName(code, language) ?? code;
}

/** The canonical spelling of a valid tax code ("0100 109 106" → "0100109106"); other input as typed. */
export function normalizeTaxCode(value: string): string {
  return domainNormalizeTaxCode(value) ?? value.trim();
}

export { isValidTaxCode };
