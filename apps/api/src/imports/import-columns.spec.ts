import { ImportEntity } from '@irm/contracts';
import {
  countryCodeOf,
  findHeader,
  foldKey,
  mapHeader,
  organizationKindOf,
  sectorCodesOf,
  taxCodeText,
  unescapeCell,
} from './import-columns';

describe('import columns', () => {
  it('folds case, diacritics, đ and punctuation', () => {
    expect(foldKey('Mã số thuế')).toBe('masothue');
    expect(foldKey('MÃ SỐ THUẾ:')).toBe('masothue');
    expect(foldKey('ma_so_thue')).toBe('masothue');
    expect(foldKey('Đồng ý nhận email')).toBe('dongynhanemail');
  });

  it('maps Vietnamese, English and unaccented headers, and lists the rest as ignored', () => {
    const mapping = mapHeader(ImportEntity.Organizations, [
      'STT',
      'ten doanh nghiep',
      'Tax code',
      'MST',
      '',
      'Ghi chú',
    ]);
    expect(mapping.columns).toEqual({ name: 'ten doanh nghiep', taxCode: 'Tax code' });
    expect(mapping.indexByField.get('taxCode')).toBe(2);
    expect(mapping.ignored).toEqual(['STT', 'Ghi chú']);
    expect(mapping.duplicates).toEqual([{ field: 'taxCode', headers: ['Tax code', 'MST'] }]);
    expect(mapping.missing).toEqual([]);
    expect(mapHeader(ImportEntity.Contacts, ['Email']).missing.map((c) => c.key)).toEqual(['fullName']);
  });

  it('reads an attendee list with the contact columns’ names, and its own', () => {
    const mapping = mapHeader(ImportEntity.Attendees, [
      'STT',
      'Họ tên',
      'E-mail',
      'Di động',
      'Chức danh',
      'Tên công ty',
      'MST',
      'Quốc tịch',
      'Ghi chú',
    ]);
    expect(mapping.columns).toEqual({
      fullName: 'Họ tên',
      email: 'E-mail',
      phone: 'Di động',
      position: 'Chức danh',
      organizationName: 'Tên công ty',
      organizationTaxCode: 'MST',
      country: 'Quốc tịch',
      notes: 'Ghi chú',
    });
    expect(mapping.ignored).toEqual(['STT']);
    expect(mapHeader(ImportEntity.Attendees, ['Full name', 'Company', 'Job title', 'Notes']).columns).toEqual({
      fullName: 'Full name',
      organizationName: 'Company',
      position: 'Job title',
      notes: 'Notes',
    });
  });

  it('finds the header below title rows', () => {
    const rows = [
      { cells: ['DANH SÁCH LIÊN HỆ'] },
      { cells: ['Số', 'Họ và tên', 'Email'] },
      { cells: ['1', 'An', 'a@b.vn'] },
    ];
    expect(findHeader(ImportEntity.Contacts, rows)?.row).toBe(rows[1]);
    expect(findHeader(ImportEntity.Organizations, rows)?.row).toBe(rows[0]);
    expect(findHeader(ImportEntity.Organizations, [])).toBeNull();
  });

  it('reads the words people write for coded values, and leaves unknown ones for validation to name', () => {
    expect(organizationKindOf('Có vốn đầu tư nước ngoài')).toBe('foreign_invested');
    expect(organizationKindOf('fdi')).toBe('foreign_invested');
    expect(organizationKindOf(' Tư nhân ')).toBe('Tư nhân');
    expect(countryCodeOf('Hàn Quốc')).toBe('KR');
    expect(countryCodeOf('viet nam')).toBe('VN');
    expect(countryCodeOf('jp')).toBe('JP');
    expect(sectorCodesOf('C; 26 — Sản xuất sản phẩm điện tử\n25')).toEqual(['C', '26', '25']);
  });

  it('puts back a leading zero Excel dropped, and unescapes text kept from formulas', () => {
    expect(taxCodeText('100109106')).toBe('0100109106');
    expect(taxCodeText('314409058002')).toBe('0314409058002');
    expect(taxCodeText('2600000019')).toBe('2600000019');
    expect(unescapeCell("'+84912345678")).toBe('+84912345678');
    expect(unescapeCell("'Rock 'n' roll")).toBe("'Rock 'n' roll");
  });
});
