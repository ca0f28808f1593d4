import { COUNTRIES, countryName, isCountryCode } from './countries';

describe('COUNTRIES', () => {
  it('has the 249 officially assigned ISO 3166-1 alpha-2 codes, unique and sorted', () => {
    const codes = COUNTRIES.map((c) => c.code);
    expect(codes).toHaveLength(249);
    expect(new Set(codes).size).toBe(249);
    expect(codes.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
    expect([...codes].sort()).toEqual(codes);
  });

  it('includes recently renamed or added codes and leaves out reserved ones', () => {
    for (const code of ['SS', 'BQ', 'CW', 'SX', 'MF', 'BL', 'AX', 'PS', 'MK', 'SZ', 'TR']) {
      expect(isCountryCode(code)).toBe(true);
    }
    // Kosovo, the EU, the UK's exceptional reservation, former Yugoslavia, Netherlands Antilles, the USSR.
    for (const code of ['XK', 'EU', 'UK', 'YU', 'AN', 'SU', 'CS', 'ZZ']) {
      expect(isCountryCode(code)).toBe(false);
    }
  });

  it('gives every country non-empty, trimmed, NFC-normalised names in both languages', () => {
    for (const { name } of COUNTRIES) {
      for (const text of [name.vi, name.en]) {
        expect(text.length).toBeGreaterThan(0);
        expect(text).toBe(text.trim());
        expect(text).toBe(text.normalize('NFC'));
      }
    }
  });

  it('has unique English and unique Vietnamese names', () => {
    expect(new Set(COUNTRIES.map((c) => c.name.en)).size).toBe(249);
    expect(new Set(COUNTRIES.map((c) => c.name.vi)).size).toBe(249);
  });
});

describe('countryName', () => {
  it("names the province's main investor countries", () => {
    const expected: [string, string, string][] = [
      ['VN', 'Việt Nam', 'Viet Nam'],
      ['JP', 'Nhật Bản', 'Japan'],
      ['KR', 'Hàn Quốc', 'South Korea'],
      ['CN', 'Trung Quốc', 'China'],
      ['TW', 'Đài Loan (Trung Quốc)', 'Taiwan (China)'],
      ['HK', 'Hồng Kông (Trung Quốc)', 'Hong Kong (China)'],
      ['SG', 'Singapore', 'Singapore'],
      ['US', 'Hoa Kỳ', 'United States'],
      ['DE', 'Đức', 'Germany'],
      ['FR', 'Pháp', 'France'],
      ['GB', 'Vương quốc Anh', 'United Kingdom'],
      ['TH', 'Thái Lan', 'Thailand'],
      ['MY', 'Malaysia', 'Malaysia'],
      ['IN', 'Ấn Độ', 'India'],
      ['AU', 'Australia', 'Australia'],
      ['NL', 'Hà Lan', 'Netherlands'],
      ['CH', 'Thụy Sĩ', 'Switzerland'],
    ];
    for (const [code, vi, en] of expected) {
      expect([code, countryName(code, 'vi'), countryName(code, 'en')]).toEqual([code, vi, en]);
    }
  });

  it('names other neighbours and partners', () => {
    expect(countryName('KP', 'vi')).toBe('Triều Tiên');
    expect(countryName('MO', 'vi')).toBe('Ma Cao (Trung Quốc)');
    expect(countryName('LA', 'vi')).toBe('Lào');
    expect(countryName('KH', 'vi')).toBe('Campuchia');
    expect(countryName('RU', 'vi')).toBe('Nga');
    expect(countryName('IT', 'vi')).toBe('Italia');
    expect(countryName('CI', 'en')).toBe("Côte d'Ivoire");
  });

  it('returns undefined for a code that is not assigned', () => {
    expect(countryName('XK', 'vi')).toBeUndefined();
    expect(countryName('vn', 'en')).toBeUndefined();
    expect(countryName('', 'en')).toBeUndefined();
  });
});

describe('isCountryCode', () => {
  it('accepts assigned codes in upper case only', () => {
    expect(isCountryCode('VN')).toBe(true);
    expect(isCountryCode('JP')).toBe(true);
    for (const bad of ['vn', 'Vn', ' VN', 'VNM', 'V', '', null, undefined, 84]) {
      expect(isCountryCode(bad)).toBe(false);
    }
  });
});
