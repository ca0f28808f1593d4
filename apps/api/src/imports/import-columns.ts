import { IMPORT_COLUMNS, ImportColumn, ImportEntity } from '@irm/contracts';
import { COUNTRIES } from '@irm/domain';

/** "Mã số thuế", "ma so thue", "MaSoThue" and "MÃ SỐ THUẾ:" all become "masothue". */
export function foldKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const HEADER_INDEX = new Map<ImportEntity, Map<string, ImportColumn>>(
  Object.values(ImportEntity).map((entity) => {
    const index = new Map<string, ImportColumn>();
    for (const column of IMPORT_COLUMNS[entity]) {
      for (const name of [column.key, column.vi, column.en, ...column.aliases]) index.set(foldKey(name), column);
    }
    return [entity, index];
  }),
);

export interface HeaderMapping {
  /** Field → cell index. */
  indexByField: Map<string, number>;
  /** Field → header text as in the file. */
  columns: Record<string, string>;
  headers: string[];
  ignored: string[];
  missing: ImportColumn[];
  /** Fields named by more than one column. */
  duplicates: { field: string; headers: string[] }[];
}

export function mapHeader(entity: ImportEntity, cells: string[]): HeaderMapping {
  const index = HEADER_INDEX.get(entity)!;
  const headers = cells.map((cell) => cell.trim());
  const indexByField = new Map<string, number>();
  const columns: Record<string, string> = {};
  const ignored: string[] = [];
  const seen = new Map<string, string[]>();
  headers.forEach((header, position) => {
    if (!header) return;
    const column = index.get(foldKey(header));
    if (!column) {
      ignored.push(header);
      return;
    }
    seen.set(column.key, [...(seen.get(column.key) ?? []), header]);
    if (!indexByField.has(column.key)) {
      indexByField.set(column.key, position);
      columns[column.key] = header;
    }
  });
  return {
    indexByField,
    columns,
    headers,
    ignored,
    missing: IMPORT_COLUMNS[entity].filter((column) => column.required && !indexByField.has(column.key)),
    duplicates: [...seen].filter(([, names]) => names.length > 1).map(([field, names]) => ({ field, headers: names })),
  };
}

/** How many of the first rows may be titles above the header ("DANH SÁCH DOANH NGHIỆP ..."). */
export const HEADER_SEARCH_ROWS = 10;

/** The header is the first of the first rows that names every required column; else the first row. */
export function findHeader<R extends { cells: string[] }>(
  entity: ImportEntity,
  rows: R[],
): { row: R; mapping: HeaderMapping } | null {
  if (rows.length === 0) return null;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const mapping = mapHeader(entity, row.cells);
    if (mapping.missing.length === 0) return { row, mapping };
  }
  return { row: rows[0], mapping: mapHeader(entity, rows[0].cells) };
}

/** Values people write for an enum, folded, by the stored value. */
function synonyms(table: Record<string, string[]>): (value: string) => string {
  const index = new Map<string, string>();
  for (const [stored, words] of Object.entries(table)) {
    index.set(foldKey(stored), stored);
    for (const word of words) index.set(foldKey(word), stored);
  }
  // An unknown word goes through as typed, so validation names it in its message.
  return (value) => index.get(foldKey(value)) ?? value.trim();
}

export const organizationKindOf = synonyms({
  domestic: ['Trong nước', 'Doanh nghiệp trong nước', 'DN trong nước', 'Việt Nam'],
  foreign_invested: ['FDI', 'Có vốn đầu tư nước ngoài', 'Vốn nước ngoài', 'Nước ngoài', 'Foreign', 'Foreign-invested'],
  joint_venture: ['Liên doanh', 'Joint venture', 'JV'],
});

export const organizationSizeOf = synonyms({
  micro: ['Siêu nhỏ'],
  small: ['Nhỏ'],
  medium: ['Vừa', 'Trung bình'],
  large: ['Lớn'],
});

export const leadSourceOf = synonyms({
  promotion_event: ['Sự kiện xúc tiến', 'Sự kiện xúc tiến đầu tư', 'Hội nghị xúc tiến', 'Sự kiện', 'Promotion event'],
  referral: ['Giới thiệu', 'Referral'],
  website: ['Trang web', 'Website'],
  walk_in: ['Đến trực tiếp', 'Trực tiếp', 'Walk-in'],
  embassy: ['Đại sứ quán', 'Thương vụ', 'Đại sứ quán hoặc thương vụ', 'Embassy', 'Embassy or trade office'],
  existing_investor: ['Nhà đầu tư hiện hữu', 'Existing investor'],
  other: ['Khác', 'Other'],
});

export const contactLanguageOf = synonyms({
  vi: ['Tiếng Việt', 'Vietnamese', 'Việt'],
  en: ['English', 'Tiếng Anh', 'Anh'],
  ja: ['日本語', 'Japanese', 'Tiếng Nhật', 'Nhật'],
  ko: ['한국어', 'Korean', 'Tiếng Hàn', 'Hàn'],
  zh: ['中文', 'Chinese', 'Tiếng Trung', 'Trung'],
});

export const emailConsentOf = synonyms({
  unknown: ['Chưa rõ', 'Không rõ', 'Unknown'],
  opted_in: ['Đồng ý', 'Có', 'Yes', 'Opted in', 'x', 'TRUE'],
  opted_out: ['Từ chối', 'Không', 'No', 'Opted out', 'FALSE'],
});

export const consentSourceOf = synonyms({
  form: ['Biểu mẫu', 'Form'],
  event: ['Sự kiện', 'Event'],
  email: ['Thư điện tử', 'Email'],
  phone: ['Điện thoại', 'Phone'],
  in_person: ['Trực tiếp', 'Gặp trực tiếp', 'In person'],
  import: ['Nhập từ tệp', 'Nhập file', 'Import'],
  unsubscribe: ['Hủy đăng ký', 'Huỷ đăng ký', 'Unsubscribe'],
});

const COUNTRY_INDEX = new Map<string, string>();
for (const country of COUNTRIES) {
  for (const name of [country.code, country.name.vi, country.name.en]) COUNTRY_INDEX.set(foldKey(name), country.code);
}
for (const [name, code] of Object.entries({
  'Hàn Quốc': 'KR',
  Korea: 'KR',
  'Nhật Bản': 'JP',
  Nhật: 'JP',
  'Trung Quốc': 'CN',
  'Đài Loan': 'TW',
  Taiwan: 'TW',
  'Hồng Kông': 'HK',
  'Hong Kong': 'HK',
  Mỹ: 'US',
  USA: 'US',
  'Hoa Kỳ': 'US',
  Anh: 'GB',
  UK: 'GB',
  Vietnam: 'VN',
  'Việt Nam': 'VN',
})) {
  COUNTRY_INDEX.set(foldKey(name), code);
}

/** An ISO code in any case or a country's Vietnamese or English name → the ISO code; else as typed. */
export function countryCodeOf(value: string): string {
  return COUNTRY_INDEX.get(foldKey(value)) ?? value.trim().toUpperCase();
}

/** "C; 26", "C, 26" or one per line; "26 — Sản xuất ..." keeps only the code. */
export function sectorCodesOf(value: string): string[] {
  return splitList(value).map((part) => /^([A-Za-z]|\d{2})(?=$|[\s\-—–:.)])/.exec(part)?.[1].toUpperCase() ?? part);
}

export function splitList(value: string): string[] {
  return value
    .split(/[;,|\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * Excel turns a tax code typed as a number into one without its leading zero ("0100109106" → 100109106);
 * put it back when the digits count says so.
 */
export function taxCodeText(value: string): string {
  const trimmed = value.trim();
  return /^\d{9}$/.test(trimmed) || /^\d{12}$/.test(trimmed) ? `0${trimmed}` : trimmed;
}

/** A leading apostrophe is how spreadsheets (and our CSV export) keep "+84..." or "=..." as text. */
export function unescapeCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
