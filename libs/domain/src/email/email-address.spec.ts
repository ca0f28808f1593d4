import fc from 'fast-check';
import { normalizeEmail } from './email-address';

/** Plausible addresses: ASCII or Vietnamese local parts, a domain, in any case. */
const localParts = fc.stringMatching(/^[a-zA-Z0-9._%+-]{1,20}$/);
const vietnameseParts = fc.constantFrom('nguyễn.văn.an', 'lê.thị.hồng', 'đặng', 'trần_quốc');
const domains = fc.stringMatching(/^[a-z0-9-]{1,12}\.(vn|com|com\.vn|jp|kr)$/);
const addresses = fc
  .tuple(fc.oneof(localParts, vietnameseParts), domains)
  .map(([local, domain]) => `${local}@${domain}`);
const blanks = fc.constantFrom('', ' ', '  ', '\t', '\u00a0', '\n', ' \u3000');

/** Flips the case of the ASCII letters the mask picks. */
const recased = (address: string, mask: boolean[]) =>
  [...address]
    .map((c, i) =>
      /[a-z]/i.test(c) && mask[i % mask.length] ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c,
    )
    .join('');

describe('normalizeEmail', () => {
  it('trims, lower-cases and composes', () => {
    expect(normalizeEmail('  An.Nguyen@Example.COM.vn ')).toBe('an.nguyen@example.com.vn');
    expect(normalizeEmail('nguye\u0302\u0303n@ipa.vn')).toBe('nguyễn@ipa.vn');
  });

  it('is idempotent for any text, not just valid addresses', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const once = normalizeEmail(text);
        expect(normalizeEmail(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('brings every case, padding and Unicode spelling of an address to one key', () => {
    fc.assert(
      fc.property(
        addresses,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
        blanks,
        blanks,
        fc.constantFrom<'NFC' | 'NFD' | 'NFKC' | 'NFKD'>('NFC', 'NFD'),
        (address, mask, before, after, form) => {
          const typed = before + recased(address, mask).normalize(form) + after;
          expect(normalizeEmail(typed)).toBe(normalizeEmail(address));
        },
      ),
    );
  });

  it('keeps different addresses apart: the key changes no character but case and composition', () => {
    fc.assert(
      fc.property(addresses, addresses, (a, b) => {
        fc.pre(a.toLowerCase() !== b.toLowerCase());
        expect(normalizeEmail(a)).not.toBe(normalizeEmail(b));
      }),
    );
  });
});
