import { ImportEntity, ImportFormat } from '@irm/contracts';
import { countDataRows, readImportRows, slices } from './import-rows';
import { UnreadableFileError } from './table-reader';

const file = Buffer.from(
  'DANH SÁCH\r\nSTT,Tên doanh nghiệp,Mã số thuế\r\n1,Đồng Sóc,0100109106\r\n2,Yên Lạc,\r\n3,Lề Lỗ,,extra\r\n',
);

describe('import rows', () => {
  it('counts the data rows below the header', async () => {
    expect(await countDataRows(ImportEntity.Organizations, ImportFormat.Csv, slices(file, 7))).toBe(3);
  });

  it('refuses a file with more rows than an import takes', async () => {
    await expect(countDataRows(ImportEntity.Organizations, ImportFormat.Csv, slices(file), 2)).rejects.toThrow(
      new UnreadableFileError('The file has more than 2 rows; split it into smaller files.'),
    );
  });

  it('gives each row its cells by field, its number, and a problem when it is wider than the header', async () => {
    const rows = [];
    for await (const row of readImportRows(ImportEntity.Organizations, ImportFormat.Csv, slices(file, 5)))
      rows.push(row);
    expect(rows.map((row) => [row.rowNumber, Object.fromEntries(row.values), row.problem ?? null])).toEqual([
      [3, { name: 'Đồng Sóc', taxCode: '0100109106' }, null],
      [4, { name: 'Yên Lạc' }, null],
      [
        5,
        { name: 'Lề Lỗ' },
        'has 4 or more cells but the header has 3 columns (a separator inside an unquoted value?)',
      ],
    ]);
    expect(rows[0].raw).toEqual({ STT: '1', 'Tên doanh nghiệp': 'Đồng Sóc', 'Mã số thuế': '0100109106' });
  });
});
