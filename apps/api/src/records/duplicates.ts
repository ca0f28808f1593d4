import { DuplicateCandidate, DuplicateMatch, FieldError } from '@irm/contracts';
import { AppException, ErrorCode } from '../common/app-exception';

/**
 * Company-form words that say nothing about which company it is ("Công ty TNHH ...", "... Co., Ltd").
 * Applied to unaccented lower-case text, so Vietnamese forms are written without diacritics.
 */
const LEGAL_FORMS = [
  'cong ty',
  'tnhh',
  'co phan',
  'mot thanh vien',
  'mtv',
  'hop danh',
  'tap doan',
  'chi nhanh',
  'van phong dai dien',
  // "co" alone is Vietnamese "cơ" (cơ khí: mechanical), so only "co ltd" goes.
  'co ltd',
  'ltd',
  'limited',
  'jsc',
  'corp',
  'corporation',
  'inc',
  'llc',
  'company',
  'group',
  'vietnam',
  'viet nam',
];

/** SQL for a comparable name: unaccented, lower case, company forms and punctuation dropped. */
export function nameKeySql(column: string): string {
  return `btrim(regexp_replace(regexp_replace(f_unaccent(lower(${column})), '[^a-z0-9]+', ' ', 'g'), '\\m(${LEGAL_FORMS.join('|')})\\M', ' ', 'g'))`;
}

/** SQL for a comparable person's name: unaccented, lower case, punctuation dropped. */
export function personKeySql(column: string): string {
  return `btrim(regexp_replace(f_unaccent(lower(${column})), '[^a-z0-9]+', ' ', 'g'))`;
}

/** Candidates closer than this (trigram similarity of name keys) are "close name" matches. */
export const CLOSE_NAME_SIMILARITY = 0.6;

/** People's names share many trigrams ("Nguyễn Văn ..."), so theirs must be closer, and at the same company. */
export const CLOSE_PERSON_SIMILARITY = 0.8;

const EXACT: Partial<Record<DuplicateMatch, FieldError & { detail: string }>> = {
  [DuplicateMatch.TaxCode]: {
    field: 'taxCode',
    message: 'is already used by another investor',
    detail: 'Another investor already has this tax code.',
  },
  [DuplicateMatch.Email]: {
    field: 'email',
    message: 'is already used by another contact',
    detail: 'Another contact already has this email.',
  },
};

/**
 * Stops a create that looks like an existing record: exact tax code or email always (the database could not hold
 * both), close names and shared phones unless the caller confirmed after seeing the candidates.
 */
export function checkDuplicates(candidates: DuplicateCandidate[], confirmed: boolean, what: string): void {
  if (!candidates.length) return;
  const exact = candidates.map((candidate) => EXACT[candidate.match]).find(Boolean);
  if (exact) {
    throw new AppException(
      ErrorCode.Conflict,
      exact.detail,
      [{ field: exact.field, message: exact.message }],
      undefined,
      {
        candidates,
        confirmable: false,
      },
    );
  }
  if (confirmed) return;
  throw new AppException(
    ErrorCode.Duplicate,
    `This looks like an existing ${what}. Open it, or confirm that this is a different one.`,
    undefined,
    undefined,
    { candidates, confirmable: true },
  );
}
