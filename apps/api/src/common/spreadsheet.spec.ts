import { csvField, csvLine, datedFileName } from './spreadsheet';

describe('spreadsheet writing', () => {
  it('quotes what needs quoting and keeps formulas as text', () => {
    expect(csvField('Công ty Đồng Sóc')).toBe('Công ty Đồng Sóc');
    expect(csvField('Cơ khí "Yên Lạc", chi nhánh 2')).toBe('"Cơ khí ""Yên Lạc"", chi nhánh 2"');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('C; 26')).toBe('"C; 26"');
    expect(csvField(' lề ')).toBe('" lề "');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+84912345678')).toBe("'+84912345678");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(csvLine(['a', null, 3])).toBe('a,,3\r\n');
  });

  it('dates file names in the business time zone', () => {
    expect(datedFileName('nha-dau-tu', 'csv', 'Asia/Ho_Chi_Minh', new Date('2026-11-27T18:30:00Z'))).toBe(
      'nha-dau-tu-2026-11-28.csv',
    );
  });
});
