/*
 * Demo seed: the industrial parks (KCN) and industrial clusters (CCN) of
 * Vĩnh Phúc province, and the province/agency settings.
 *
 * What is sourced (and `illustrative: false` on the zone, unless noted):
 * - Province-wide totals, which the zones below add up to: 18 parks approved
 *   by the Prime Minister, over 5,200 ha; 32 clusters in the plan, over
 *   689 ha; 19 clusters formed/established, about 465 ha; 15 of the 32 with
 *   an infrastructure investor in operation; the craft-village clusters
 *   Thị trấn Yên Lạc, Yên Đồng, Lề Lỗ and Lý Nhân (mechanical engineering,
 *   traditional carpentry) essentially full. Source: the Vietnamese article
 *   in the project's seed material, `vinh-phuc-industrial-clusters.vi.txt`.
 *   The four craft-village clusters keep `illustrative: true` because their
 *   areas are not in the article; their `source` cites what is.
 * - Total area of nine parks in operation: Khai Quang 221.46 ha, Bình Xuyên
 *   286.98 ha, Kim Hoa 50 ha, Bá Thiện 325.75 ha, Bình Xuyên II (phase 1)
 *   42.21 ha, Bá Thiện II 308.83 ha, Tam Dương II (zone A) 135.17 ha, Sơn Lôi
 *   257.35 ha, Thăng Long Vĩnh Phúc 213 ha. Source: a logistics company's
 *   published overview of the province's industrial parks.
 * - CCN Đồng Sóc (Vĩnh Tường): 75 ha; investor Công ty TNHH Đầu tư Thương
 *   mại Vĩnh Phúc; 12.03 ha cleared and handed to enterprises; sectors;
 *   operating. Source: Cổng thông tin doanh nghiệp tỉnh Vĩnh Phúc, 2019.
 * - CCN Hợp Thịnh (Tam Dương): 48.434 ha (stored as 48.43: areas have
 *   2 decimals); investor UBND huyện Tam Dương; sectors; operating. Source:
 *   Quyết định số 2240/QĐ-UBND ngày 07/9/2020 of the provincial People's
 *   Committee.
 *
 * Everything else is illustrative, chosen only so that the totals above hold:
 * the names, districts, areas and statuses of the other nine parks and the
 * other 30 clusters; for every zone, the leasable industrial land (set at
 * 65–75 % of the total area), the leased area (except Đồng Sóc's 12.03 ha)
 * and the status of the unnamed zones. Infrastructure investors not given
 * by a source are placeholders ("Chủ đầu tư hạ tầng <zone>"), not company
 * names. reservedHa is 0 everywhere: reservations come from land enquiries.
 * leasedHa is the zone's opening balance: the seed records it as an "adjust"
 * movement in the zone's land ledger, as the database keeps the totals.
 *
 * People, craft villages and places:
 * - workforce: the article gives about 7,600 people working in the clusters
 *   (sourced total); how they split over the 15 operating clusters is
 *   illustrative. Parks and clusters not operating have no figure (null).
 * - craftVillage: the article names the four clusters planned next to craft
 *   villages of mechanical engineering and traditional carpentry (Thị trấn
 *   Yên Lạc, Yên Đồng, Lề Lỗ, Lý Nhân); it does not name the villages, so the
 *   text says what the article says: the craft, by the cluster's place name.
 * - latitude/longitude: approximate centres of the zone's district, not the
 *   zone's own site (illustrative), so a map can place zones by district.
 * Districts are the district-level units in force when the figures were
 * published (district level was abolished on 1 July 2025).
 */
import { ZONE_SECTORS, ZoneStatus, ZoneType } from '@irm/contracts';
import type { LocalizedText, ZoneSector } from '@irm/contracts';

export interface ZoneSeed {
  /** Stable unique slug, `kcn-…` for parks, `ccn-…` for clusters. */
  code: string;
  type: ZoneType;
  name: string;
  district: string;
  status: ZoneStatus;
  totalAreaHa: number;
  industrialLandHa: number;
  leasedHa: number;
  reservedHa: number;
  infrastructureInvestor: string | null;
  sectors: ZoneSector[];
  /** True when the zone's area is not from a public source. */
  illustrative: boolean;
  /** People employed; null where nothing is known. */
  workforce: number | null;
  craftVillage: string | null;
  latitude: number | null;
  longitude: number | null;
  /** What a public source gives for this zone, and where; null when nothing does. */
  source: string | null;
}

/** A zone's figures as listed below; people and places are added from the tables after them. */
type ZoneFigures = Omit<ZoneSeed, 'workforce' | 'craftVillage' | 'latitude' | 'longitude'>;

export { ZONE_SECTORS };
export type { ZoneSector };

export const SOURCE_CLUSTERS_ARTICLE =
  'Bài viết về phát triển cụm công nghiệp tỉnh Vĩnh Phúc (tư liệu seed: vinh-phuc-industrial-clusters.vi.txt)';
export const SOURCE_PARKS_OVERVIEW = 'Tổng quan các khu công nghiệp tỉnh Vĩnh Phúc do một công ty logistics công bố';
export const SOURCE_ENTERPRISE_PORTAL_2019 =
  'Cổng thông tin doanh nghiệp tỉnh Vĩnh Phúc, "Cụm công nghiệp Đồng Sóc huyện Vĩnh Tường", 02/05/2019, ' +
  'http://doanhnghiep.vinhphuc.gov.vn/ct/cms/chuyenmon/Lists/cumcn/View_Detail.aspx?ItemID=69';
export const SOURCE_DECISION_2240_2020 = 'Quyết định số 2240/QĐ-UBND ngày 07/9/2020 của UBND tỉnh Vĩnh Phúc';

const parkAreaSource = `Tổng diện tích: ${SOURCE_PARKS_OVERVIEW}. Đất công nghiệp và diện tích đã cho thuê: minh họa.`;
const craftVillageSource = `Gần làng nghề cơ khí, mộc truyền thống; cơ bản lấp đầy: ${SOURCE_CLUSTERS_ARTICLE}. Diện tích: minh họa.`;

const placeholderInvestor = (zoneName: string): string => `Chủ đầu tư hạ tầng ${zoneName}`;

const { IndustrialPark: KCN, IndustrialCluster: CCN } = ZoneType;
const { Planned, Established, Operating } = ZoneStatus;

const parks: ZoneFigures[] = [
  // Sourced total areas (nine parks in operation).
  {
    code: 'kcn-khai-quang',
    type: KCN,
    name: 'KCN Khai Quang',
    district: 'Vĩnh Yên',
    status: Operating,
    totalAreaHa: 221.46,
    industrialLandHa: 158.4,
    leasedHa: 152.8,
    reservedHa: 0,
    infrastructureInvestor: placeholderInvestor('KCN Khai Quang'),
    sectors: ['electronics', 'mechanical_engineering', 'supporting_industries'],
    illustrative: false,
    source: parkAreaSource,
  },
  {
    code: 'kcn-binh-xuyen',
    type: KCN,
    name: 'KCN Bình Xuyên',
    district: 'Bình Xuyên',
    status: Operating,
    totalAreaHa: 286.98,
    industrialLandHa: 201.5,
    leasedHa: 188.6,
    reservedHa: 0,
    infrastructureInvestor: placeholderInvestor('KCN Bình Xuyên'),
    sectors: ['mechanical_engineering', 'automotive', 'supporting_industries'],
    illustrative: false,
    source: parkAreaSource,
  },
  {
    code: 'kcn-kim-hoa',
    type: KCN,
    name: 'KCN Kim Hoa',
    district: 'Phúc Yên',
    status: Operating,
    totalAreaHa: 50,
    industrialLandHa: 36.2,
    leasedHa: 36.2,
    reservedHa: 0,
    infrastructureInvestor: placeholderInvestor('KCN Kim Hoa'),
    sectors: ['mechanical_engineering', 'automotive'],
    illustrative: false,
    source: parkAreaSource,
  },
  {
    code: 'kcn-ba-thien',
    type: KCN,
    name: 'KCN Bá Thiện',
    district: 'Bình Xuyên',
    status: Operating,
    totalAreaHa: 325.75,
    industrialLandHa: 228,
    leasedHa: 181.4,
    reservedHa: 0,
    infrastructureInvestor: placeholderInvestor('KCN Bá Thiện'),
    sectors: ['electronics', 'supporting_industries', 'textiles'],
    illustrative: false,
    source: parkAreaSource,
  },
  {
    code: 'kcn-binh-xuyen-ii',
    type: KCN,
    name: 'KCN Bình Xuyên II (giai đoạn 1)',
    district: 'Bình Xuyên',
    status: Operating,
    totalAreaHa: 42.21,
    industrialLandHa: 30.1,
    leasedHa: 27.45,
    reservedHa: 0,
    infrastructureInvestor: placeholderInvestor('KCN Bình Xuyên II'),
    sectors: ['mechanical_engineering', 'supporting_industries'],
    illustrative: false,
    source: parkAreaSource,
  },
  {
    code: 'kcn-ba-thien-ii',
    type: KCN,
    name: 'KCN Bá Thiện II',
    district: 'Bình Xuyên',
    status: Operating,
    totalAreaHa: 308.83,
    industrialLandHa: 216.2,
    leasedHa: 139.75,
    reservedHa: 0,
    infrastructureInvestor: placeholderInvestor('KCN Bá Thiện II'),
    sectors: ['electronics', 'it', 'supporting_industries'],
    illustrative: false,
    source: parkAreaSource,
  },
  {
    code: 'kcn-tam-duong-ii-a',
    type: KCN,
    name: 'KCN Tam Dương II (khu A)',
    district: 'Tam Dương',
    status: Operating,
    totalAreaHa: 135.17,
    industrialLandHa: 94.6,
    leasedHa: 41.3,
    reservedHa: 0,
    infrastructureInvestor: placeholderInvestor('KCN Tam Dương II (khu A)'),
    sectors: ['electronics', 'mechanical_engineering', 'textiles'],
    illustrative: false,
    source: parkAreaSource,
  },
  {
    code: 'kcn-son-loi',
    type: KCN,
    name: 'KCN Sơn Lôi',
    district: 'Bình Xuyên',
    status: Operating,
    totalAreaHa: 257.35,
    industrialLandHa: 180.1,
    leasedHa: 96.25,
    reservedHa: 0,
    infrastructureInvestor: placeholderInvestor('KCN Sơn Lôi'),
    sectors: ['electronics', 'mechanical_engineering', 'logistics'],
    illustrative: false,
    source: parkAreaSource,
  },
  {
    code: 'kcn-thang-long-vinh-phuc',
    type: KCN,
    name: 'KCN Thăng Long Vĩnh Phúc',
    district: 'Bình Xuyên',
    status: Operating,
    totalAreaHa: 213,
    industrialLandHa: 150,
    leasedHa: 128.4,
    reservedHa: 0,
    infrastructureInvestor: placeholderInvestor('KCN Thăng Long Vĩnh Phúc'),
    sectors: ['electronics', 'supporting_industries', 'automotive'],
    illustrative: false,
    source: parkAreaSource,
  },
  // Illustrative: names, areas and statuses chosen so the 18 parks total a little over 5,200 ha.
  {
    code: 'kcn-chan-hung',
    type: KCN,
    name: 'KCN Chấn Hưng',
    district: 'Vĩnh Tường',
    status: Operating,
    totalAreaHa: 97.35,
    industrialLandHa: 68.1,
    leasedHa: 35.6,
    reservedHa: 0,
    infrastructureInvestor: placeholderInvestor('KCN Chấn Hưng'),
    sectors: ['mechanical_engineering', 'textiles', 'supporting_industries'],
    illustrative: true,
    source: null,
  },
  {
    code: 'kcn-tam-duong-i',
    type: KCN,
    name: 'KCN Tam Dương I',
    district: 'Tam Dương',
    status: Established,
    totalAreaHa: 528.5,
    industrialLandHa: 365,
    leasedHa: 22.5,
    reservedHa: 0,
    infrastructureInvestor: placeholderInvestor('KCN Tam Dương I'),
    sectors: ['electronics', 'it', 'supporting_industries'],
    illustrative: true,
    source: null,
  },
  {
    code: 'kcn-tam-duong-ii-b',
    type: KCN,
    name: 'KCN Tam Dương II (khu B)',
    district: 'Tam Dương',
    status: Established,
    totalAreaHa: 401.2,
    industrialLandHa: 278.4,
    leasedHa: 0,
    reservedHa: 0,
    infrastructureInvestor: placeholderInvestor('KCN Tam Dương II (khu B)'),
    sectors: ['electronics', 'mechanical_engineering'],
    illustrative: true,
    source: null,
  },
  {
    code: 'kcn-song-lo-i',
    type: KCN,
    name: 'KCN Sông Lô I',
    district: 'Sông Lô',
    status: Established,
    totalAreaHa: 422.8,
    industrialLandHa: 292.5,
    leasedHa: 12,
    reservedHa: 0,
    infrastructureInvestor: placeholderInvestor('KCN Sông Lô I'),
    sectors: ['mechanical_engineering', 'supporting_industries', 'logistics'],
    illustrative: true,
    source: null,
  },
  {
    code: 'kcn-phuc-yen',
    type: KCN,
    name: 'KCN Phúc Yên',
    district: 'Phúc Yên',
    status: Established,
    totalAreaHa: 312.45,
    industrialLandHa: 218.7,
    leasedHa: 0,
    reservedHa: 0,
    infrastructureInvestor: placeholderInvestor('KCN Phúc Yên'),
    sectors: ['electronics', 'it', 'logistics'],
    illustrative: true,
    source: null,
  },
  {
    code: 'kcn-song-lo-ii',
    type: KCN,
    name: 'KCN Sông Lô II',
    district: 'Sông Lô',
    status: Planned,
    totalAreaHa: 285.6,
    industrialLandHa: 197,
    leasedHa: 0,
    reservedHa: 0,
    infrastructureInvestor: null,
    sectors: ['mechanical_engineering', 'supporting_industries'],
    illustrative: true,
    source: null,
  },
  {
    code: 'kcn-lap-thach-i',
    type: KCN,
    name: 'KCN Lập Thạch I',
    district: 'Lập Thạch',
    status: Planned,
    totalAreaHa: 316.4,
    industrialLandHa: 220,
    leasedHa: 0,
    reservedHa: 0,
    infrastructureInvestor: null,
    sectors: ['textiles', 'footwear', 'supporting_industries'],
    illustrative: true,
    source: null,
  },
  {
    code: 'kcn-thai-hoa-lien-son-lien-hoa',
    type: KCN,
    name: 'KCN Thái Hòa – Liễn Sơn – Liên Hòa',
    district: 'Lập Thạch',
    status: Planned,
    totalAreaHa: 643.1,
    industrialLandHa: 440,
    leasedHa: 0,
    reservedHa: 0,
    infrastructureInvestor: null,
    sectors: ['electronics', 'mechanical_engineering', 'textiles'],
    illustrative: true,
    source: null,
  },
  {
    code: 'kcn-binh-xuyen-iii',
    type: KCN,
    name: 'KCN Bình Xuyên III',
    district: 'Bình Xuyên',
    status: Planned,
    totalAreaHa: 388.6,
    industrialLandHa: 268.5,
    leasedHa: 0,
    reservedHa: 0,
    infrastructureInvestor: null,
    sectors: ['supporting_industries', 'automotive', 'logistics'],
    illustrative: true,
    source: null,
  },
];

/** One line per illustrative cluster: [code, name, district, status, total ha, industrial ha, leased ha, sectors]. */
type ClusterRow = [
  code: string,
  name: string,
  district: string,
  status: ZoneStatus,
  totalAreaHa: number,
  industrialLandHa: number,
  leasedHa: number,
  sectors: ZoneSector[],
];

/** A cluster whose area is not sourced: investor placeholder when operating, none otherwise. */
function illustrativeCluster(
  [code, name, district, status, totalAreaHa, industrialLandHa, leasedHa, sectors]: ClusterRow,
  source: string | null = null,
): ZoneFigures {
  return {
    code,
    type: CCN,
    name,
    district,
    status,
    totalAreaHa,
    industrialLandHa,
    leasedHa,
    reservedHa: 0,
    infrastructureInvestor: status === Operating ? placeholderInvestor(name) : null,
    sectors,
    illustrative: true,
    source,
  };
}

// prettier-ignore
const craftVillageClusterRows: ClusterRow[] = [
  ['ccn-thi-tran-yen-lac', 'CCN Thị trấn Yên Lạc', 'Yên Lạc',    Operating, 12.5,  8.75,  8.75, ['mechanical_engineering']],
  ['ccn-yen-dong',         'CCN Yên Đồng',         'Yên Lạc',    Operating, 14.2, 10.05, 10.05, ['mechanical_engineering', 'woodwork']],
  ['ccn-le-lo',            'CCN Lề Lỗ',            'Yên Lạc',    Operating, 11.6,   8.2,  7.85, ['mechanical_engineering']],
  ['ccn-ly-nhan',          'CCN Lý Nhân',          'Vĩnh Tường', Operating, 13.4,   9.4,   9.1, ['woodwork', 'mechanical_engineering']],
];

// prettier-ignore
const otherClusterRows: ClusterRow[] = [
  ['ccn-huong-canh', 'CCN Hương Canh', 'Bình Xuyên', Operating,    18.6,  13.2, 11.4, ['mechanical_engineering', 'supporting_industries']],
  ['ccn-thanh-lang', 'CCN Thanh Lãng', 'Bình Xuyên', Operating,    24.5,  17.1, 14.6, ['woodwork', 'mechanical_engineering']],
  ['ccn-an-tuong',   'CCN An Tường',   'Vĩnh Tường', Operating,    16.8,  11.9,  8.7, ['woodwork']],
  ['ccn-dong-van',   'CCN Đồng Văn',   'Yên Lạc',    Operating,    21.3,    15, 12.2, ['mechanical_engineering', 'textiles']],
  ['ccn-dao-tu',     'CCN Đạo Tú',     'Tam Dương',  Operating,      30,    21,  9.8, ['electronics', 'supporting_industries', 'textiles']],
  ['ccn-bo-sao',     'CCN Bồ Sao',     'Vĩnh Tường', Operating,    19.7,  13.8,  7.4, ['textiles', 'footwear']],
  ['ccn-dong-thinh', 'CCN Đồng Thịnh', 'Sông Lô',    Operating,    26.4,  18.5, 6.25, ['mechanical_engineering', 'woodwork']],
  ['ccn-van-quan',   'CCN Văn Quán',   'Lập Thạch',  Operating,    22.5,  15.7,  5.1, ['textiles', 'footwear']],
  ['ccn-minh-quang', 'CCN Minh Quang', 'Tam Đảo',    Operating,   20.85,  14.6,  4.3, ['electronics', 'it']],
  ['ccn-hop-chau',   'CCN Hợp Châu',   'Tam Đảo',    Established,  21.6,  15.1,    0, ['electronics', 'supporting_industries']],
  ['ccn-trieu-de',   'CCN Triệu Đề',   'Lập Thạch',  Established,  24.8,  17.3,    0, ['textiles', 'footwear']],
  ['ccn-nhao-son',   'CCN Nhạo Sơn',   'Sông Lô',    Established,  18.5,  12.9,    0, ['mechanical_engineering', 'woodwork']],
  ['ccn-nam-viem',   'CCN Nam Viêm',   'Phúc Yên',   Established,  24.5,  17.1,    0, ['supporting_industries', 'logistics']],
  ['ccn-vinh-son',   'CCN Vĩnh Sơn',   'Vĩnh Tường', Planned,        18,  12.6,    0, ['mechanical_engineering', 'textiles']],
  ['ccn-ngu-kien',   'CCN Ngũ Kiên',   'Vĩnh Tường', Planned,      20.5,  14.3,    0, ['textiles', 'supporting_industries']],
  ['ccn-tien-chau',  'CCN Tiền Châu',  'Phúc Yên',   Planned,        15,  10.5,    0, ['logistics', 'supporting_industries']],
  ['ccn-trung-kien', 'CCN Trung Kiên', 'Yên Lạc',    Planned,      16.4,  11.5,    0, ['mechanical_engineering']],
  ['ccn-huong-dao',  'CCN Hướng Đạo',  'Tam Dương',  Planned,        22,  15.4,    0, ['electronics', 'supporting_industries']],
  ['ccn-hoang-dan',  'CCN Hoàng Đan',  'Tam Dương',  Planned,      14.5,  10.1,    0, ['textiles', 'footwear']],
  ['ccn-ho-son',     'CCN Hồ Sơn',     'Tam Đảo',    Planned,      12.8,   8.9,    0, ['woodwork']],
  ['ccn-tu-du',      'CCN Tử Du',      'Lập Thạch',  Planned,      19.2,  13.4,    0, ['textiles', 'mechanical_engineering']],
  ['ccn-ban-gian',   'CCN Bàn Giản',   'Lập Thạch',  Planned,        16,  11.2,    0, ['footwear', 'textiles']],
  ['ccn-hai-luu',    'CCN Hải Lựu',    'Sông Lô',    Planned,      13.5,   9.4,    0, ['woodwork', 'mechanical_engineering']],
  ['ccn-tam-son',    'CCN Tam Sơn',    'Sông Lô',    Planned,      17.6,  12.3,    0, ['mechanical_engineering', 'supporting_industries']],
  ['ccn-tam-hop',    'CCN Tam Hợp',    'Bình Xuyên', Planned,        21,  14.7,    0, ['supporting_industries', 'electronics']],
  ['ccn-thanh-tru',  'CCN Thanh Trù',  'Vĩnh Yên',   Planned,     19.52, 13.65,    0, ['it', 'electronics']],
];

/*
 * Clusters: the 15 operating ones (each with an infrastructure investor)
 * first, then the 4 established ones still looking for an investor (the
 * 19 formed), then the 13 planned ones, with nothing leased.
 */
const clusters: ZoneFigures[] = [
  {
    code: 'ccn-dong-soc',
    type: CCN,
    name: 'CCN Đồng Sóc',
    district: 'Vĩnh Tường',
    status: Operating,
    totalAreaHa: 75,
    industrialLandHa: 52.5,
    leasedHa: 12.03,
    reservedHa: 0,
    infrastructureInvestor: 'Công ty TNHH Đầu tư Thương mại Vĩnh Phúc',
    sectors: ['mechanical_engineering', 'textiles', 'electronics', 'it', 'supporting_industries'],
    illustrative: false,
    source:
      'Tổng diện tích 75 ha, chủ đầu tư hạ tầng, 12,03 ha đã giao cho doanh nghiệp, ngành nghề, đang hoạt động: ' +
      `${SOURCE_ENTERPRISE_PORTAL_2019}. Đất công nghiệp: minh họa.`,
  },
  {
    code: 'ccn-hop-thinh',
    type: CCN,
    name: 'CCN Hợp Thịnh',
    district: 'Tam Dương',
    status: Operating,
    totalAreaHa: 48.43,
    industrialLandHa: 33.9,
    leasedHa: 21.4,
    reservedHa: 0,
    infrastructureInvestor: 'UBND huyện Tam Dương',
    sectors: ['mechanical_engineering', 'electronics', 'it', 'textiles', 'footwear'],
    illustrative: false,
    source:
      'Tổng diện tích 48,434 ha, chủ đầu tư hạ tầng, ngành nghề, đang hoạt động: ' +
      `${SOURCE_DECISION_2240_2020}. Đất công nghiệp và diện tích đã cho thuê: minh họa.`,
  },
  ...craftVillageClusterRows.map((row) => illustrativeCluster(row, craftVillageSource)),
  ...otherClusterRows.map((row) => illustrativeCluster(row)),
];

/** Illustrative split of the article's ~7,600 cluster workers over the 15 operating clusters (sums to 7,600). */
export const CLUSTER_WORKFORCE: Readonly<Record<string, number>> = {
  'ccn-dong-soc': 620,
  'ccn-hop-thinh': 1150,
  'ccn-thi-tran-yen-lac': 480,
  'ccn-yen-dong': 540,
  'ccn-le-lo': 430,
  'ccn-ly-nhan': 500,
  'ccn-huong-canh': 610,
  'ccn-thanh-lang': 780,
  'ccn-an-tuong': 450,
  'ccn-dong-van': 650,
  'ccn-dao-tu': 520,
  'ccn-bo-sao': 400,
  'ccn-dong-thinh': 200,
  'ccn-van-quan': 150,
  'ccn-minh-quang': 120,
};

/** The clusters the article places next to craft villages (mechanical engineering, traditional carpentry). */
export const CRAFT_VILLAGES: Readonly<Record<string, string>> = {
  'ccn-thi-tran-yen-lac': 'Làng nghề cơ khí, mộc truyền thống Thị trấn Yên Lạc',
  'ccn-yen-dong': 'Làng nghề cơ khí, mộc truyền thống Yên Đồng',
  'ccn-le-lo': 'Làng nghề cơ khí, mộc truyền thống Lề Lỗ',
  'ccn-ly-nhan': 'Làng nghề cơ khí, mộc truyền thống Lý Nhân',
};

/** Approximate district centres (WGS 84), illustrative: not the zones' own sites. */
export const DISTRICT_CENTRES: Readonly<Record<string, readonly [latitude: number, longitude: number]>> = {
  'Vĩnh Yên': [21.3089, 105.6049],
  'Phúc Yên': [21.2374, 105.7056],
  'Bình Xuyên': [21.29, 105.65],
  'Tam Dương': [21.3603, 105.5518],
  'Tam Đảo': [21.458, 105.645],
  'Lập Thạch': [21.4156, 105.46],
  'Sông Lô': [21.45, 105.38],
  'Vĩnh Tường': [21.24, 105.5],
  'Yên Lạc': [21.219, 105.577],
};

function withPeopleAndPlace(zone: ZoneFigures): ZoneSeed {
  const [latitude, longitude] = DISTRICT_CENTRES[zone.district] ?? [null, null];
  return {
    ...zone,
    workforce: CLUSTER_WORKFORCE[zone.code] ?? null,
    craftVillage: CRAFT_VILLAGES[zone.code] ?? null,
    latitude,
    longitude,
  };
}

/** The 18 parks, then the 32 clusters. */
export const zonesSeed: readonly ZoneSeed[] = [...parks, ...clusters].map(withPeopleAndPlace);

export interface ProvinceSettingsSeed {
  provinceName: string;
  /** Administrative context shown with the province name. */
  note: LocalizedText;
  /** The province this one has been merged into, when it has. */
  mergedInto: { provinceName: string; effectiveDate: string } | null;
  agencyName: LocalizedText;
  agencyAddress: string;
  timezone: string;
  /** District-level units the zones and contacts refer to. */
  districts: string[];
}

/** Configuration data: another province or agency changes only this. The address is illustrative. */
export const provinceSettingsSeed: ProvinceSettingsSeed = {
  provinceName: 'Vĩnh Phúc',
  note: {
    vi: 'Từ ngày 01/7/2025, tỉnh Vĩnh Phúc hợp nhất vào tỉnh Phú Thọ; số liệu khu, cụm công nghiệp theo địa giới trước khi hợp nhất.',
    en: 'Since 1 July 2025 Vĩnh Phúc has been part of the merged Phú Thọ province; zone figures use the boundaries before the merger.',
  },
  mergedInto: { provinceName: 'Phú Thọ', effectiveDate: '2025-07-01' },
  agencyName: {
    vi: 'Trung tâm Xúc tiến Đầu tư tỉnh Vĩnh Phúc',
    en: 'Vinh Phuc Investment Promotion Centre',
  },
  agencyAddress: 'Thành phố Vĩnh Yên, tỉnh Vĩnh Phúc',
  timezone: 'Asia/Ho_Chi_Minh',
  districts: [
    'Vĩnh Yên',
    'Phúc Yên',
    'Bình Xuyên',
    'Tam Dương',
    'Tam Đảo',
    'Lập Thạch',
    'Sông Lô',
    'Vĩnh Tường',
    'Yên Lạc',
  ],
};
