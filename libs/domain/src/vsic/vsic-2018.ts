import type { LocalizedText } from '@irm/contracts';

/*
 * Vietnam Standard Industrial Classification 2018 (VSIC 2018, Hệ thống ngành
 * kinh tế Việt Nam), issued with Decision 27/2018/QĐ-TTg of 6 July 2018
 * (Quyết định số 27/2018/QĐ-TTg của Thủ tướng Chính phủ), levels 1 and 2:
 * the 21 sections A–U and their 88 divisions.
 *
 * Vietnamese names are the decision's titles. English names are the ISIC
 * Rev.4 titles VSIC 2018 is built on, except where the Vietnamese scope
 * differs (section O and division 84 also cover the Party and
 * socio-political organisations).
 *
 * Organisations record sectors at these two levels: a section letter ("C")
 * or a two-digit division ("26"), never the 4- or 5-digit classes.
 *
 * VSIC 2025 (Decision 36/2025/QĐ-TTg, in force from 15 November 2025)
 * replaces this system and re-letters several sections; codes stored here
 * are VSIC 2018 codes, as the organisation contract says.
 */

export const VSIC_SECTION_CODES = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
] as const;

export type VsicSectionCode = (typeof VSIC_SECTION_CODES)[number];

export interface VsicEntry {
  /** A section letter ("C") or a two-digit division ("26"). */
  code: string;
  /** The section itself for a section, the parent section for a division. */
  section: VsicSectionCode;
  name: LocalizedText;
}

function section(code: VsicSectionCode, vi: string, en: string): VsicEntry {
  return { code, section: code, name: { vi, en } };
}

export const VSIC_SECTIONS: readonly VsicEntry[] = Object.freeze([
  section('A', 'Nông nghiệp, lâm nghiệp và thủy sản', 'Agriculture, forestry and fishing'),
  section('B', 'Khai khoáng', 'Mining and quarrying'),
  section('C', 'Công nghiệp chế biến, chế tạo', 'Manufacturing'),
  section(
    'D',
    'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí',
    'Electricity, gas, steam and air conditioning supply',
  ),
  section(
    'E',
    'Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải',
    'Water supply; sewerage, waste management and remediation activities',
  ),
  section('F', 'Xây dựng', 'Construction'),
  section(
    'G',
    'Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác',
    'Wholesale and retail trade; repair of motor vehicles and motorcycles',
  ),
  section('H', 'Vận tải kho bãi', 'Transportation and storage'),
  section('I', 'Dịch vụ lưu trú và ăn uống', 'Accommodation and food service activities'),
  section('J', 'Thông tin và truyền thông', 'Information and communication'),
  section('K', 'Hoạt động tài chính, ngân hàng và bảo hiểm', 'Financial and insurance activities'),
  section('L', 'Hoạt động kinh doanh bất động sản', 'Real estate activities'),
  section('M', 'Hoạt động chuyên môn, khoa học và công nghệ', 'Professional, scientific and technical activities'),
  section('N', 'Hoạt động hành chính và dịch vụ hỗ trợ', 'Administrative and support service activities'),
  section(
    'O',
    'Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc',
    'Activities of the Communist Party and socio-political organisations, public administration and defence; compulsory social security',
  ),
  section('P', 'Giáo dục và đào tạo', 'Education'),
  section('Q', 'Y tế và hoạt động trợ giúp xã hội', 'Human health and social work activities'),
  section('R', 'Nghệ thuật, vui chơi và giải trí', 'Arts, entertainment and recreation'),
  section('S', 'Hoạt động dịch vụ khác', 'Other service activities'),
  section(
    'T',
    'Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình',
    'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
  ),
  section(
    'U',
    'Hoạt động của các tổ chức và cơ quan quốc tế',
    'Activities of extraterritorial organizations and bodies',
  ),
]);

function division(code: string, sectionCode: VsicSectionCode, vi: string, en: string): VsicEntry {
  return { code, section: sectionCode, name: { vi, en } };
}

export const VSIC_DIVISIONS: readonly VsicEntry[] = Object.freeze([
  // A: Nông nghiệp, lâm nghiệp và thủy sản
  division(
    '01',
    'A',
    'Nông nghiệp và hoạt động dịch vụ có liên quan',
    'Crop and animal production, hunting and related service activities',
  ),
  division('02', 'A', 'Lâm nghiệp và hoạt động dịch vụ có liên quan', 'Forestry and logging'),
  division('03', 'A', 'Khai thác, nuôi trồng thủy sản', 'Fishing and aquaculture'),

  // B: Khai khoáng
  division('05', 'B', 'Khai thác than cứng và than non', 'Mining of coal and lignite'),
  division('06', 'B', 'Khai thác dầu thô và khí đốt tự nhiên', 'Extraction of crude petroleum and natural gas'),
  division('07', 'B', 'Khai thác quặng kim loại', 'Mining of metal ores'),
  division('08', 'B', 'Khai khoáng khác', 'Other mining and quarrying'),
  division('09', 'B', 'Hoạt động dịch vụ hỗ trợ khai khoáng', 'Mining support service activities'),

  // C: Công nghiệp chế biến, chế tạo
  division('10', 'C', 'Sản xuất, chế biến thực phẩm', 'Manufacture of food products'),
  division('11', 'C', 'Sản xuất đồ uống', 'Manufacture of beverages'),
  division('12', 'C', 'Sản xuất sản phẩm thuốc lá', 'Manufacture of tobacco products'),
  division('13', 'C', 'Dệt', 'Manufacture of textiles'),
  division('14', 'C', 'Sản xuất trang phục', 'Manufacture of wearing apparel'),
  division('15', 'C', 'Sản xuất da và các sản phẩm có liên quan', 'Manufacture of leather and related products'),
  division(
    '16',
    'C',
    'Chế biến gỗ và sản xuất sản phẩm từ gỗ, tre, nứa (trừ giường, tủ, bàn, ghế); sản xuất sản phẩm từ rơm, rạ và vật liệu tết bện',
    'Manufacture of wood and of products of wood and cork, except furniture; manufacture of articles of straw and plaiting materials',
  ),
  division('17', 'C', 'Sản xuất giấy và sản phẩm từ giấy', 'Manufacture of paper and paper products'),
  division('18', 'C', 'In, sao chép bản ghi các loại', 'Printing and reproduction of recorded media'),
  division(
    '19',
    'C',
    'Sản xuất than cốc, sản phẩm dầu mỏ tinh chế',
    'Manufacture of coke and refined petroleum products',
  ),
  division('20', 'C', 'Sản xuất hoá chất và sản phẩm hoá chất', 'Manufacture of chemicals and chemical products'),
  division(
    '21',
    'C',
    'Sản xuất thuốc, hoá dược và dược liệu',
    'Manufacture of basic pharmaceutical products and pharmaceutical preparations',
  ),
  division('22', 'C', 'Sản xuất sản phẩm từ cao su và plastic', 'Manufacture of rubber and plastics products'),
  division(
    '23',
    'C',
    'Sản xuất sản phẩm từ khoáng phi kim loại khác',
    'Manufacture of other non-metallic mineral products',
  ),
  division('24', 'C', 'Sản xuất kim loại', 'Manufacture of basic metals'),
  division(
    '25',
    'C',
    'Sản xuất sản phẩm từ kim loại đúc sẵn (trừ máy móc, thiết bị)',
    'Manufacture of fabricated metal products, except machinery and equipment',
  ),
  division(
    '26',
    'C',
    'Sản xuất sản phẩm điện tử, máy vi tính và sản phẩm quang học',
    'Manufacture of computer, electronic and optical products',
  ),
  division('27', 'C', 'Sản xuất thiết bị điện', 'Manufacture of electrical equipment'),
  division(
    '28',
    'C',
    'Sản xuất máy móc, thiết bị chưa được phân vào đâu',
    'Manufacture of machinery and equipment n.e.c.',
  ),
  division(
    '29',
    'C',
    'Sản xuất ô tô và xe có động cơ khác',
    'Manufacture of motor vehicles, trailers and semi-trailers',
  ),
  division('30', 'C', 'Sản xuất phương tiện vận tải khác', 'Manufacture of other transport equipment'),
  division('31', 'C', 'Sản xuất giường, tủ, bàn, ghế', 'Manufacture of furniture'),
  division('32', 'C', 'Công nghiệp chế biến, chế tạo khác', 'Other manufacturing'),
  division(
    '33',
    'C',
    'Sửa chữa, bảo dưỡng và lắp đặt máy móc và thiết bị',
    'Repair and installation of machinery and equipment',
  ),

  // D: Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí
  division(
    '35',
    'D',
    'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí',
    'Electricity, gas, steam and air conditioning supply',
  ),

  // E: Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải
  division('36', 'E', 'Khai thác, xử lý và cung cấp nước', 'Water collection, treatment and supply'),
  division('37', 'E', 'Thoát nước và xử lý nước thải', 'Sewerage'),
  division(
    '38',
    'E',
    'Hoạt động thu gom, xử lý và tiêu huỷ rác thải; tái chế phế liệu',
    'Waste collection, treatment and disposal activities; materials recovery',
  ),
  division(
    '39',
    'E',
    'Xử lý ô nhiễm và hoạt động quản lý chất thải khác',
    'Remediation activities and other waste management services',
  ),

  // F: Xây dựng
  division('41', 'F', 'Xây dựng nhà các loại', 'Construction of buildings'),
  division('42', 'F', 'Xây dựng công trình kỹ thuật dân dụng', 'Civil engineering'),
  division('43', 'F', 'Hoạt động xây dựng chuyên dụng', 'Specialized construction activities'),

  // G: Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác
  division(
    '45',
    'G',
    'Bán, sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác',
    'Wholesale and retail trade and repair of motor vehicles and motorcycles',
  ),
  division(
    '46',
    'G',
    'Bán buôn (trừ ô tô, mô tô, xe máy và xe có động cơ khác)',
    'Wholesale trade, except of motor vehicles and motorcycles',
  ),
  division(
    '47',
    'G',
    'Bán lẻ (trừ ô tô, mô tô, xe máy và xe có động cơ khác)',
    'Retail trade, except of motor vehicles and motorcycles',
  ),

  // H: Vận tải kho bãi
  division('49', 'H', 'Vận tải đường sắt, đường bộ và vận tải đường ống', 'Land transport and transport via pipelines'),
  division('50', 'H', 'Vận tải đường thủy', 'Water transport'),
  division('51', 'H', 'Vận tải hàng không', 'Air transport'),
  division(
    '52',
    'H',
    'Kho bãi và các hoạt động hỗ trợ cho vận tải',
    'Warehousing and support activities for transportation',
  ),
  division('53', 'H', 'Bưu chính và chuyển phát', 'Postal and courier activities'),

  // I: Dịch vụ lưu trú và ăn uống
  division('55', 'I', 'Dịch vụ lưu trú', 'Accommodation'),
  division('56', 'I', 'Dịch vụ ăn uống', 'Food and beverage service activities'),

  // J: Thông tin và truyền thông
  division('58', 'J', 'Hoạt động xuất bản', 'Publishing activities'),
  division(
    '59',
    'J',
    'Hoạt động điện ảnh, sản xuất chương trình truyền hình, ghi âm và xuất bản âm nhạc',
    'Motion picture, video and television programme production, sound recording and music publishing activities',
  ),
  division('60', 'J', 'Hoạt động phát thanh, truyền hình', 'Programming and broadcasting activities'),
  division('61', 'J', 'Viễn thông', 'Telecommunications'),
  division(
    '62',
    'J',
    'Lập trình máy vi tính, dịch vụ tư vấn và các hoạt động khác liên quan đến máy vi tính',
    'Computer programming, consultancy and related activities',
  ),
  division('63', 'J', 'Hoạt động dịch vụ thông tin', 'Information service activities'),

  // K: Hoạt động tài chính, ngân hàng và bảo hiểm
  division(
    '64',
    'K',
    'Hoạt động dịch vụ tài chính (trừ bảo hiểm và bảo hiểm xã hội)',
    'Financial service activities, except insurance and pension funding',
  ),
  division(
    '65',
    'K',
    'Bảo hiểm, tái bảo hiểm và bảo hiểm xã hội (trừ bảo đảm xã hội bắt buộc)',
    'Insurance, reinsurance and pension funding, except compulsory social security',
  ),
  division('66', 'K', 'Hoạt động tài chính khác', 'Activities auxiliary to financial service and insurance activities'),

  // L: Hoạt động kinh doanh bất động sản
  division('68', 'L', 'Hoạt động kinh doanh bất động sản', 'Real estate activities'),

  // M: Hoạt động chuyên môn, khoa học và công nghệ
  division('69', 'M', 'Hoạt động pháp luật, kế toán và kiểm toán', 'Legal and accounting activities'),
  division(
    '70',
    'M',
    'Hoạt động của trụ sở văn phòng; hoạt động tư vấn quản lý',
    'Activities of head offices; management consultancy activities',
  ),
  division(
    '71',
    'M',
    'Hoạt động kiến trúc; kiểm tra và phân tích kỹ thuật',
    'Architectural and engineering activities; technical testing and analysis',
  ),
  division('72', 'M', 'Nghiên cứu khoa học và phát triển công nghệ', 'Scientific research and development'),
  division('73', 'M', 'Quảng cáo và nghiên cứu thị trường', 'Advertising and market research'),
  division(
    '74',
    'M',
    'Hoạt động chuyên môn, khoa học và công nghệ khác',
    'Other professional, scientific and technical activities',
  ),
  division('75', 'M', 'Hoạt động thú y', 'Veterinary activities'),

  // N: Hoạt động hành chính và dịch vụ hỗ trợ
  division(
    '77',
    'N',
    'Cho thuê máy móc, thiết bị (không kèm người điều khiển); cho thuê đồ dùng cá nhân và gia đình; cho thuê tài sản vô hình phi tài chính',
    'Rental and leasing activities',
  ),
  division('78', 'N', 'Hoạt động dịch vụ lao động và việc làm', 'Employment activities'),
  division(
    '79',
    'N',
    'Hoạt động của các đại lý du lịch, kinh doanh tua du lịch và các dịch vụ hỗ trợ, liên quan đến quảng bá và tổ chức tua du lịch',
    'Travel agency, tour operator, reservation service and related activities',
  ),
  division('80', 'N', 'Hoạt động điều tra bảo đảm an toàn', 'Security and investigation activities'),
  division(
    '81',
    'N',
    'Hoạt động dịch vụ vệ sinh nhà cửa, công trình và cảnh quan',
    'Services to buildings and landscape activities',
  ),
  division(
    '82',
    'N',
    'Hoạt động hành chính, hỗ trợ văn phòng và các hoạt động hỗ trợ kinh doanh khác',
    'Office administrative, office support and other business support activities',
  ),

  // O: Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, ...
  division(
    '84',
    'O',
    'Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng, đối ngoại và bảo đảm xã hội bắt buộc',
    'Activities of the Communist Party and socio-political organisations, public administration, defence and foreign affairs; compulsory social security',
  ),

  // P: Giáo dục và đào tạo
  division('85', 'P', 'Giáo dục và đào tạo', 'Education'),

  // Q: Y tế và hoạt động trợ giúp xã hội
  division('86', 'Q', 'Hoạt động y tế', 'Human health activities'),
  division('87', 'Q', 'Hoạt động chăm sóc, điều dưỡng tập trung', 'Residential care activities'),
  division('88', 'Q', 'Hoạt động trợ giúp xã hội không tập trung', 'Social work activities without accommodation'),

  // R: Nghệ thuật, vui chơi và giải trí
  division('90', 'R', 'Hoạt động sáng tác, nghệ thuật và giải trí', 'Creative, arts and entertainment activities'),
  division(
    '91',
    'R',
    'Hoạt động của thư viện, lưu trữ, bảo tàng và các hoạt động văn hoá khác',
    'Libraries, archives, museums and other cultural activities',
  ),
  division('92', 'R', 'Hoạt động xổ số, cá cược và đánh bạc', 'Gambling and betting activities'),
  division(
    '93',
    'R',
    'Hoạt động thể thao, vui chơi và giải trí',
    'Sports activities and amusement and recreation activities',
  ),

  // S: Hoạt động dịch vụ khác
  division('94', 'S', 'Hoạt động của các hiệp hội, tổ chức khác', 'Activities of membership organizations'),
  division(
    '95',
    'S',
    'Sửa chữa máy vi tính, đồ dùng cá nhân và gia đình',
    'Repair of computers and personal and household goods',
  ),
  division('96', 'S', 'Hoạt động dịch vụ phục vụ cá nhân khác', 'Other personal service activities'),

  // T: Hoạt động làm thuê các công việc trong các hộ gia đình, ...
  division(
    '97',
    'T',
    'Hoạt động làm thuê công việc gia đình trong các hộ gia đình',
    'Activities of households as employers of domestic personnel',
  ),
  division(
    '98',
    'T',
    'Hoạt động sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình',
    'Undifferentiated goods- and services-producing activities of private households for own use',
  ),

  // U: Hoạt động của các tổ chức và cơ quan quốc tế
  division(
    '99',
    'U',
    'Hoạt động của các tổ chức và cơ quan quốc tế',
    'Activities of extraterritorial organizations and bodies',
  ),
]);

const ENTRIES_BY_CODE: ReadonlyMap<string, VsicEntry> = new Map(
  [...VSIC_SECTIONS, ...VSIC_DIVISIONS].map((entry) => [entry.code, entry]),
);

/**
 * True for a VSIC 2018 section letter ("C") or an existing two-digit
 * division ("26"). Exact match: no trimming, lower case or 4-digit classes.
 */
export function isVsicCode(code: unknown): boolean {
  return typeof code === 'string' && ENTRIES_BY_CODE.has(code);
}

/** The section or division with this code, or undefined when there is none. */
export function vsicEntry(code: string): VsicEntry | undefined {
  return ENTRIES_BY_CODE.get(code);
}

/** The section a code belongs to: itself for a section letter, the parent for a division. */
export function vsicSectionOf(code: string): VsicSectionCode | undefined {
  return ENTRIES_BY_CODE.get(code)?.section;
}
