import {
  isVsicCode,
  VSIC_DIVISIONS,
  VSIC_SECTION_CODES,
  VSIC_SECTIONS,
  VsicSectionCode,
  vsicEntry,
  vsicSectionOf,
} from './vsic-2018';

/** Division ranges per section, as in ISIC Rev.4, which VSIC 2018 follows at this level. */
const RANGES: [VsicSectionCode, number, number][] = [
  ['A', 1, 3],
  ['B', 5, 9],
  ['C', 10, 33],
  ['D', 35, 35],
  ['E', 36, 39],
  ['F', 41, 43],
  ['G', 45, 47],
  ['H', 49, 53],
  ['I', 55, 56],
  ['J', 58, 63],
  ['K', 64, 66],
  ['L', 68, 68],
  ['M', 69, 75],
  ['N', 77, 82],
  ['O', 84, 84],
  ['P', 85, 85],
  ['Q', 86, 88],
  ['R', 90, 93],
  ['S', 94, 96],
  ['T', 97, 98],
  ['U', 99, 99],
];

const twoDigits = (n: number) => String(n).padStart(2, '0');

function divisionsOf(section: VsicSectionCode): string[] {
  return VSIC_DIVISIONS.filter((d) => d.section === section).map((d) => d.code);
}

describe('VSIC 2018 sections', () => {
  it('has the 21 sections A to U, in order', () => {
    expect(VSIC_SECTIONS).toHaveLength(21);
    expect(VSIC_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(VSIC_SECTION_CODES).toEqual(VSIC_SECTIONS.map((s) => s.code));
    for (const s of VSIC_SECTIONS) {
      expect(s.section).toBe(s.code);
    }
  });

  it('names sections in Vietnamese and English', () => {
    expect(vsicEntry('C')?.name).toEqual({ vi: 'Công nghiệp chế biến, chế tạo', en: 'Manufacturing' });
    expect(vsicEntry('A')?.name.vi).toBe('Nông nghiệp, lâm nghiệp và thủy sản');
    expect(vsicEntry('F')?.name).toEqual({ vi: 'Xây dựng', en: 'Construction' });
    expect(vsicEntry('H')?.name.vi).toBe('Vận tải kho bãi');
    expect(vsicEntry('L')?.name).toEqual({ vi: 'Hoạt động kinh doanh bất động sản', en: 'Real estate activities' });
    expect(vsicEntry('U')?.name.en).toBe('Activities of extraterritorial organizations and bodies');
  });
});

describe('VSIC 2018 divisions', () => {
  it('has 88 divisions with unique two-digit codes in ascending order', () => {
    const codes = VSIC_DIVISIONS.map((d) => d.code);
    expect(codes).toHaveLength(88);
    expect(new Set(codes).size).toBe(88);
    expect(codes.every((c) => /^\d{2}$/.test(c))).toBe(true);
    expect([...codes].sort()).toEqual(codes);
  });

  it.each(RANGES)('section %s holds exactly the divisions %i to %i', (section, from, to) => {
    const expected = Array.from({ length: to - from + 1 }, (_, i) => twoDigits(from + i));
    expect(divisionsOf(section)).toEqual(expected);
  });

  it('has no division for the gaps in the numbering', () => {
    for (const gap of ['00', '04', '34', '40', '44', '48', '54', '57', '67', '76', '83', '89']) {
      expect(isVsicCode(gap)).toBe(false);
      expect(vsicEntry(gap)).toBeUndefined();
    }
  });

  it('names divisions with the official titles', () => {
    expect(vsicEntry('26')?.name).toEqual({
      vi: 'Sản xuất sản phẩm điện tử, máy vi tính và sản phẩm quang học',
      en: 'Manufacture of computer, electronic and optical products',
    });
    expect(vsicEntry('10')?.name.vi).toBe('Sản xuất, chế biến thực phẩm');
    expect(vsicEntry('13')?.name.vi).toBe('Dệt');
    expect(vsicEntry('27')?.name.vi).toBe('Sản xuất thiết bị điện');
    expect(vsicEntry('29')?.name.vi).toBe('Sản xuất ô tô và xe có động cơ khác');
    expect(vsicEntry('35')?.section).toBe('D');
    expect(vsicEntry('41')?.name).toEqual({ vi: 'Xây dựng nhà các loại', en: 'Construction of buildings' });
    expect(vsicEntry('52')?.name.en).toBe('Warehousing and support activities for transportation');
    expect(vsicEntry('62')?.name.en).toBe('Computer programming, consultancy and related activities');
    expect(vsicEntry('68')?.name.vi).toBe('Hoạt động kinh doanh bất động sản');
  });

  it('gives every entry non-empty, trimmed, NFC-normalised names', () => {
    for (const entry of [...VSIC_SECTIONS, ...VSIC_DIVISIONS]) {
      for (const text of [entry.name.vi, entry.name.en]) {
        expect(text.length).toBeGreaterThan(0);
        expect(text).toBe(text.trim());
        expect(text).toBe(text.normalize('NFC'));
      }
    }
  });
});

describe('isVsicCode / vsicEntry / vsicSectionOf', () => {
  it('accepts section letters and existing divisions', () => {
    expect(isVsicCode('C')).toBe(true);
    expect(isVsicCode('U')).toBe(true);
    expect(isVsicCode('01')).toBe(true);
    expect(isVsicCode('26')).toBe(true);
    expect(isVsicCode('99')).toBe(true);
  });

  it('rejects anything else', () => {
    for (const code of ['V', 'c', ' C', '1', '100', '2610', '26 ', '', 'AB', null, undefined, 26]) {
      expect(isVsicCode(code)).toBe(false);
    }
  });

  it('finds the section of a code', () => {
    expect(vsicSectionOf('C')).toBe('C');
    expect(vsicSectionOf('01')).toBe('A');
    expect(vsicSectionOf('09')).toBe('B');
    expect(vsicSectionOf('10')).toBe('C');
    expect(vsicSectionOf('26')).toBe('C');
    expect(vsicSectionOf('33')).toBe('C');
    expect(vsicSectionOf('35')).toBe('D');
    expect(vsicSectionOf('68')).toBe('L');
    expect(vsicSectionOf('84')).toBe('O');
    expect(vsicSectionOf('99')).toBe('U');
    expect(vsicSectionOf('34')).toBeUndefined();
    expect(vsicSectionOf('Z')).toBeUndefined();
  });

  it('returns the entry for a code', () => {
    expect(vsicEntry('46')).toEqual({
      code: '46',
      section: 'G',
      name: {
        vi: 'Bán buôn (trừ ô tô, mô tô, xe máy và xe có động cơ khác)',
        en: 'Wholesale trade, except of motor vehicles and motorcycles',
      },
    });
  });
});
