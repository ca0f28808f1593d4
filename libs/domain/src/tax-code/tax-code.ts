/*
 * Vietnamese enterprise / tax code (mã số doanh nghiệp / mã số thuế).
 *
 * - 10 digits for an enterprise: N1N2 the province where it was first
 *   registered, N3–N9 a serial number (never 0000000), N10 a check digit.
 * - 13 digits for a dependent unit (branch, representative office):
 *   the parent's 10 digits, then 001–999. Written NNNNNNNNNN-NNN.
 *
 * Check digit: N10 = 10 − (Σ Nᵢ·Wᵢ mod 11) with W = 31, 29, 23, 19, 17, 13,
 * 7, 5, 3. When the sum is divisible by 11 the result would be 10, which is
 * not a digit: the tax authority never issues such a 9-digit prefix.
 */

const CHECK_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** Separators people type inside a code: spaces, dots, and dash look-alikes pasted from documents. */
const IGNORED = /[\s.]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const TAX_CODE_INPUT = /^(\d{10})(?:-?(\d{3}))?$/;

/**
 * Check digit for the first nine digits of a tax code, or null when that
 * prefix can never be issued (the formula gives 10).
 */
export function taxCodeCheckDigit(nine: string): number | null {
  if (!/^\d{9}$/.test(nine)) {
    throw new RangeError(`Expected the first 9 digits of a tax code, got "${nine}"`);
  }
  let sum = 0;
  for (let i = 0; i < CHECK_WEIGHTS.length; i++) {
    sum += Number(nine[i]) * CHECK_WEIGHTS[i];
  }
  const check = 10 - (sum % 11);
  return check <= 9 ? check : null;
}

function isValidTenDigits(ten: string): boolean {
  if (ten.slice(2, 9) === '0000000') {
    return false;
  }
  return taxCodeCheckDigit(ten.slice(0, 9)) === Number(ten[9]);
}

/**
 * The canonical form of a tax code, "NNNNNNNNNN" or "NNNNNNNNNN-NNN", or
 * null when the input is not a valid code. Spaces and dots are ignored and
 * a branch suffix may be written with or without its dash, so
 * "0100 109 106" → "0100109106" and "0314409058002" → "0314409058-002".
 */
export function normalizeTaxCode(input: unknown): string | null {
  if (typeof input !== 'string') {
    return null;
  }
  const match = TAX_CODE_INPUT.exec(input.replace(IGNORED, '').replace(DASHES, '-'));
  if (!match) {
    return null;
  }
  const [, ten, branch] = match;
  if (!isValidTenDigits(ten)) {
    return null;
  }
  if (branch === undefined) {
    return ten;
  }
  return branch === '000' ? null : `${ten}-${branch}`;
}

/** True when the input is a valid tax code in any accepted spelling (see normalizeTaxCode). */
export function isValidTaxCode(input: unknown): boolean {
  return normalizeTaxCode(input) !== null;
}
