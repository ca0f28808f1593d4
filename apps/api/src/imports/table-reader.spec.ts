import { Readable } from 'node:stream';
import { ImportFormat } from '@irm/contracts';
import { AppException } from '../common/app-exception';
import { cellText, detectDelimiter, prepareUpload, readRows, UnreadableFileError } from './table-reader';

async function rowsOf(text: string) {
  const rows = [];
  for await (const row of readRows(ImportFormat.Csv, Readable.from([Buffer.from(text)]))) rows.push(row);
  return rows;
}

describe('table reader', () => {
  it('tells the separator by the first line, outside quotes', () => {
    expect(detectDelimiter('Tên;Mã số thuế;"a,b"\r\nx;y;z')).toBe(';');
    expect(detectDelimiter('"Tên; đầy đủ",MST\r\n')).toBe(',');
    expect(detectDelimiter('Tên\tMST')).toBe('\t');
    expect(detectDelimiter('Tên')).toBe(',');
  });

  it('numbers rows as a spreadsheet does, skipping blank ones and keeping line breaks inside cells', async () => {
    expect(await rowsOf('Tên,Ghi chú\r\n"Đồng\r\nSóc",x\r\n\r\nYên Lạc,"a ""b"""\r\n')).toEqual([
      { rowNumber: 1, cells: ['Tên', 'Ghi chú'] },
      { rowNumber: 2, cells: ['Đồng\r\nSóc', 'x'] },
      { rowNumber: 4, cells: ['Yên Lạc', 'a "b"'] },
    ]);
  });

  it('reports a quote never closed as an unreadable file', async () => {
    await expect(rowsOf('Tên\r\n"Đồng Sóc\r\n')).rejects.toThrow(UnreadableFileError);
  });

  it('stores CSV as UTF-8 without BOM, converting UTF-16', () => {
    const bom = prepareUpload(Buffer.from('\uFEFFTên\r\n', 'utf8'));
    expect(bom).toEqual({ format: ImportFormat.Csv, content: Buffer.from('Tên\r\n', 'utf8') });
    const utf16 = prepareUpload(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Tên\tMST\r\n', 'utf16le')]));
    expect(utf16.content.toString('utf8')).toBe('Tên\tMST\r\n');
    expect(prepareUpload(Buffer.from('504b0304', 'hex')).format).toBe(ImportFormat.Xlsx);
  });

  it.each([
    ['empty', Buffer.alloc(0), 400],
    ['blank', Buffer.from(' \r\n\t'), 400],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 415],
    ['Windows-1258', Buffer.from([0x54, 0xea, 0x6e]), 415],
    ['.xls', Buffer.from('d0cf11e0a1b11ae1', 'hex'), 415],
  ])('refuses a %s file', (_what, content, status) => {
    expect(() => prepareUpload(content)).toThrow(AppException);
    try {
      prepareUpload(content);
    } catch (error) {
      expect((error as AppException).status).toBe(status);
    }
  });

  it('reads what a person sees in an Excel cell', () => {
    expect(cellText(100109106)).toBe('100109106');
    expect(cellText(1.5)).toBe('1.5');
    expect(cellText({ richText: [{ text: 'Đồng ' }, { text: 'Sóc' }] })).toBe('Đồng Sóc');
    expect(cellText({ text: 'an@honda.vn', hyperlink: 'mailto:an@honda.vn' })).toBe('an@honda.vn');
    expect(cellText({ formula: 'A1&B1', result: 'AB' })).toBe('AB');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText(new Date('2026-03-05T00:00:00Z'))).toBe('2026-03-05');
    expect(cellText(null)).toBe('');
  });
});
