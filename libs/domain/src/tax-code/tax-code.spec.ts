import fc from 'fast-check';
import { isValidTaxCode, normalizeTaxCode, taxCodeCheckDigit } from './tax-code';

/** Published codes of well-known enterprises. */
const REAL_CODES = {
  viettel: '0100109106',
  vinamilk: '0300588569',
  fpt: '0101248141',
};

/** More published codes from several provinces (01 Hà Nội, 03 TP.HCM, 37 Bình Dương, ...). */
const MORE_REAL_CODES = [
  '0100233488',
  '0100112437',
  '0102182292',
  '0106713191',
  '0201900138',
  '0302082048',
  '0314179100',
  '0400129230',
  '2000102580',
  '3500748818',
  '3600532315',
  '3702499152',
  '4900224296',
  '5900705097',
];

describe('taxCodeCheckDigit', () => {
  it('matches the 10th digit of real codes', () => {
    // Viettel: 0·31 + 1·29 + 0·23 + 0·19 + 1·17 + 0·13 + 9·7 + 1·5 + 0·3 = 114; 114 mod 11 = 4; 10 − 4 = 6.
    expect(taxCodeCheckDigit('010010910')).toBe(6);
    for (const code of [...Object.values(REAL_CODES), ...MORE_REAL_CODES]) {
      expect(taxCodeCheckDigit(code.slice(0, 9))).toBe(Number(code[9]));
    }
  });

  it('returns 0 when the weighted sum leaves remainder 10', () => {
    // 2·31 + 1·17 + 2·7 + 5·5 + 8·3 = 142 = 11 · 12 + 10.
    expect(taxCodeCheckDigit('200010258')).toBe(0);
  });

  it('returns null for a prefix whose formula gives 10 (never issued)', () => {
    // 1·29 + 1·17 + 9·7 + 1·5 + 6·3 = 132 = 11 · 12, so the formula gives 10 − 0 = 10.
    expect(taxCodeCheckDigit('010010916')).toBeNull();
  });

  it('rejects anything but exactly nine digits', () => {
    for (const bad of ['01001091', '0100109106', '01001091a', ' 010010910', '']) {
      expect(() => taxCodeCheckDigit(bad)).toThrow(RangeError);
    }
  });
});

describe('normalizeTaxCode / isValidTaxCode', () => {
  it('accepts real 10-digit codes as they are', () => {
    for (const code of [...Object.values(REAL_CODES), ...MORE_REAL_CODES]) {
      expect(normalizeTaxCode(code)).toBe(code);
      expect(isValidTaxCode(code)).toBe(true);
    }
  });

  it('accepts codes built with the check digit function', () => {
    for (const nine of ['370123456', '010000001', '999999999', '123456789']) {
      const check = taxCodeCheckDigit(nine);
      expect(check).not.toBeNull();
      expect(normalizeTaxCode(`${nine}${check}`)).toBe(`${nine}${check}`);
    }
  });

  it('strips spaces and dots', () => {
    expect(normalizeTaxCode(' 0100 109 106 ')).toBe('0100109106');
    expect(normalizeTaxCode('01.00.112.437')).toBe('0100112437');
    expect(normalizeTaxCode('0300\u00a0588\u00a0569')).toBe('0300588569');
  });

  it('accepts branch codes with or without the dash and writes them with it', () => {
    expect(normalizeTaxCode('0314409058-002')).toBe('0314409058-002');
    expect(normalizeTaxCode('0314409058002')).toBe('0314409058-002');
    expect(normalizeTaxCode('0312 68 78 78 - 001')).toBe('0312687878-001');
    expect(normalizeTaxCode('0100109106-999')).toBe('0100109106-999');
    expect(normalizeTaxCode('2000102580\u2013005')).toBe('2000102580-005'); // en dash pasted from a document
    expect(isValidTaxCode('0100112437011')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(normalizeTaxCode('0100109107')).toBeNull();
    expect(normalizeTaxCode('0100233480')).toBeNull();
    expect(isValidTaxCode('0300588560')).toBe(false);
    // 030223535 needs check digit 0, so 0302235356 is not a valid code.
    expect(taxCodeCheckDigit('030223535')).toBe(0);
    expect(isValidTaxCode('0302235356')).toBe(false);
    expect(isValidTaxCode('0302235350')).toBe(true);
  });

  it('rejects every completion of a prefix that is never issued', () => {
    for (let digit = 0; digit <= 9; digit++) {
      expect(isValidTaxCode(`010010916${digit}`)).toBe(false);
    }
  });

  it('rejects a serial number of all zeros', () => {
    // 01 0000000 3 passes the checksum, but serial numbers start at 0000001.
    expect(taxCodeCheckDigit('010000000')).toBe(3);
    expect(isValidTaxCode('0100000003')).toBe(false);
    expect(taxCodeCheckDigit('370000000')).toBe(0);
    expect(isValidTaxCode('3700000000')).toBe(false);
    expect(isValidTaxCode('3700000000-001')).toBe(false);
  });

  it('rejects wrong lengths', () => {
    for (const bad of [
      '010010910',
      '01001091060',
      '010010910600',
      '01001091060012',
      '0100109106-01',
      '0100109106-0001',
    ]) {
      expect(normalizeTaxCode(bad)).toBeNull();
    }
  });

  it('rejects letters, other separators and misplaced dashes', () => {
    for (const bad of [
      'VN0100109106',
      '010010910A',
      '0100109106-00A',
      '0100-109106',
      '0100109106--001',
      '0100109106/001',
      '-0100109106',
      '0100109106-',
      '０１００１０９１０６', // full-width digits
    ]) {
      expect(normalizeTaxCode(bad)).toBeNull();
    }
  });

  it('rejects branch 000 and a branch of an invalid code', () => {
    expect(normalizeTaxCode('0100109106-000')).toBeNull();
    expect(normalizeTaxCode('0100109106000')).toBeNull();
    expect(normalizeTaxCode('0100109107-001')).toBeNull();
  });

  it('rejects empty and non-string input', () => {
    for (const bad of ['', '   ', null, undefined, 100109106, {}]) {
      expect(normalizeTaxCode(bad)).toBeNull();
      expect(isValidTaxCode(bad)).toBe(false);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties: duplicates are found by the canonical form, so it must be a fixed point that every accepted spelling
// of one code reaches, and that no typo reaches.

/** Valid enterprise codes: any issued prefix with its check digit. */
const validCodes = fc
  .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9_999_999 }))
  .map(([province, serial]) => `${String(province).padStart(2, '0')}${String(serial).padStart(7, '0')}`)
  .filter((nine) => taxCodeCheckDigit(nine) !== null)
  .map((nine) => `${nine}${taxCodeCheckDigit(nine)}`);
const branches = fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, '0'));
/** What people put between digits: spaces, dots, a non-breaking space, dashes pasted from documents. */
const separators = fc.constantFrom('', ' ', '.', '  ', '\u00a0', '\t');
const dashes = fc.constantFrom('-', '', '\u2010', '\u2013', '\u2212', ' - ');

/** A code written with separators sprinkled between its digits. */
const spelled = (digits: string, gaps: string[]) =>
  [...digits].map((digit, i) => digit + (i < digits.length - 1 ? gaps[i % gaps.length] : '')).join('');

describe('tax code normalisation, for any code', () => {
  it('is idempotent: the canonical form normalises to itself', () => {
    fc.assert(
      fc.property(fc.oneof(validCodes, fc.string(), fc.stringMatching(/^[\d .-]{8,16}$/)), (input) => {
        const once = normalizeTaxCode(input);
        if (once !== null) expect(normalizeTaxCode(once)).toBe(once);
      }),
    );
  });

  it('brings every accepted spelling of a code, branch or not, to one canonical form', () => {
    fc.assert(
      fc.property(
        validCodes,
        fc.option(branches, { nil: undefined }),
        fc.array(separators, { minLength: 1, maxLength: 5 }),
        dashes,
        fc.constantFrom('', ' ', '  '),
        (code, branch, gaps, dash, pad) => {
          const canonical = branch ? `${code}-${branch}` : code;
          const written = pad + spelled(code, gaps) + (branch ? dash + spelled(branch, gaps) : '') + pad;
          expect(normalizeTaxCode(written)).toBe(canonical);
          expect(isValidTaxCode(written)).toBe(true);
        },
      ),
    );
  });

  it('refuses any one mistyped digit of a valid code', () => {
    fc.assert(
      fc.property(validCodes, fc.nat({ max: 9 }), fc.integer({ min: 1, max: 9 }), (code, position, shift) => {
        const digit = (Number(code[position]) + shift) % 10;
        const typo = code.slice(0, position) + digit + code.slice(position + 1);
        expect(normalizeTaxCode(typo)).toBeNull();
      }),
    );
  });

  it('refuses two neighbouring digits swapped, unless they are equal', () => {
    fc.assert(
      fc.property(validCodes, fc.nat({ max: 8 }), (code, position) => {
        fc.pre(code[position] !== code[position + 1]);
        const swapped = code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
        expect(normalizeTaxCode(swapped)).toBeNull();
      }),
    );
  });
});
