import {
  LenderKind,
  LoanApplicantType,
  PipelineKind,
  PromotionEventKind,
  ZONE_SECTORS,
  ZoneStatus,
  ZoneType,
} from '@irm/contracts';
import { describe, expect, it } from '@jest/globals';
import { en } from './en';
import { ja } from './ja';
import { ko } from './ko';
import { zh } from './zh';
import { vi, type Dictionary } from './vi';

const DICTIONARIES = { vi, en, ja, ko, zh } as const;
type Language = keyof typeof DICTIONARIES;

/** Every message as text, by its path: a message with parameters is read with sample values. */
function messages(dictionary: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(dictionary)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'function') found.set(path, String((value as (...args: unknown[]) => unknown)(2, '7')));
    else if (value && typeof value === 'object') for (const entry of messages(value, `${path}.`)) found.set(...entry);
    else found.set(path, String(value));
  }
  return found;
}

const reference = messages(vi);

describe('the portal’s dictionaries', () => {
  it.each(Object.keys(DICTIONARIES) as Language[])(
    '%s has every message of the Vietnamese one, and no other',
    (language) => {
      const dictionary = messages(DICTIONARIES[language]);
      expect([...dictionary.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [path, text] of dictionary)
        expect({ path, empty: text.trim() === '' }).toEqual({ path, empty: false });
    },
  );

  it.each(Object.keys(DICTIONARIES) as Language[])('%s words every value investors can meet', (language) => {
    const t: Dictionary = DICTIONARIES[language];
    const labelled = (labels: Record<string, string>, values: readonly string[]) =>
      values.filter((value) => !labels[value]?.trim());
    expect(labelled(t.sector, ZONE_SECTORS)).toEqual([]);
    expect(labelled(t.zoneType, Object.values(ZoneType))).toEqual([]);
    expect(labelled(t.zoneTypeShort, Object.values(ZoneType))).toEqual([]);
    expect(labelled(t.zoneStatus, Object.values(ZoneStatus))).toEqual([]);
    expect(labelled(t.events.kind, Object.values(PromotionEventKind))).toEqual([]);
    expect(labelled(t.loan.applicantTypes, Object.values(LoanApplicantType))).toEqual([]);
    expect(labelled(t.loan.lenderKinds, Object.values(LenderKind))).toEqual([]);
    expect(labelled(t.track.kind, Object.values(PipelineKind))).toEqual([]);
    expect(labelled(t.track.phase, ['received', 'in_review', 'completed', 'closed'])).toEqual([]);
  });

  /**
   * Japanese, Korean and Chinese readers must never meet an English word: no message may be the English one or carry
   * Latin words, apart from units, file formats, currency codes, the agency's own abbreviations and examples.
   */
  const LATIN_ALLOWED =
    /\b(ha|MB|KB|PDF|JPEG|PNG|XLSX|USD|VND|KCN|CCN|name@company\.[a-z.]+|\+\d[\d ]+)\b|[A-Za-z]+@[A-Za-z.]+/g;
  const ENGLISH_ALIKE_ALLOWED = new Set(['common.hectares']);

  it.each(['ja', 'ko', 'zh'] as const)('%s has no English left in it', (language) => {
    const english = messages(en);
    const leftovers = [...messages(DICTIONARIES[language])].filter(
      ([path, text]) =>
        (text === english.get(path) && !ENGLISH_ALIKE_ALLOWED.has(path)) ||
        /[A-Za-z]{3,}/.test(text.replace(LATIN_ALLOWED, '')),
    );
    expect(leftovers).toEqual([]);
  });

  it('catches a message left in English (the check above can fail)', () => {
    const english = messages(en);
    const text = english.get('form.errorRequired')!;
    expect(/[A-Za-z]{3,}/.test(text.replace(LATIN_ALLOWED, ''))).toBe(true);
  });
});
