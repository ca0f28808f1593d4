import { ZoneStatus, ZoneType } from '@irm/contracts';
import { sumLandBank, toHundredths, validateLandBank } from '@irm/domain';
import {
  CLUSTER_WORKFORCE,
  CRAFT_VILLAGES,
  DISTRICT_CENTRES,
  provinceSettingsSeed,
  SOURCE_CLUSTERS_ARTICLE,
  SOURCE_DECISION_2240_2020,
  SOURCE_ENTERPRISE_PORTAL_2019,
  SOURCE_PARKS_OVERVIEW,
  ZONE_SECTORS,
  ZoneSeed,
  zonesSeed,
} from './zones.data';

const parks = zonesSeed.filter((z) => z.type === ZoneType.IndustrialPark);
const clusters = zonesSeed.filter((z) => z.type === ZoneType.IndustrialCluster);
const formedClusters = clusters.filter((z) => z.status === ZoneStatus.Established || z.status === ZoneStatus.Operating);

function zone(code: string): ZoneSeed {
  const found = zonesSeed.find((z) => z.code === code);
  if (!found) {
    throw new Error(`zone ${code} is missing from the seed`);
  }
  return found;
}

/** The nine parks whose total area comes from the published overview. */
const SOURCED_PARK_AREAS: Record<string, [name: string, totalAreaHa: number]> = {
  'kcn-khai-quang': ['KCN Khai Quang', 221.46],
  'kcn-binh-xuyen': ['KCN Bình Xuyên', 286.98],
  'kcn-kim-hoa': ['KCN Kim Hoa', 50],
  'kcn-ba-thien': ['KCN Bá Thiện', 325.75],
  'kcn-binh-xuyen-ii': ['KCN Bình Xuyên II (giai đoạn 1)', 42.21],
  'kcn-ba-thien-ii': ['KCN Bá Thiện II', 308.83],
  'kcn-tam-duong-ii-a': ['KCN Tam Dương II (khu A)', 135.17],
  'kcn-son-loi': ['KCN Sơn Lôi', 257.35],
  'kcn-thang-long-vinh-phuc': ['KCN Thăng Long Vĩnh Phúc', 213],
};
const SOURCED_CLUSTERS = ['ccn-dong-soc', 'ccn-hop-thinh'];
const CRAFT_VILLAGE_CLUSTERS: Record<string, string> = {
  'ccn-thi-tran-yen-lac': 'CCN Thị trấn Yên Lạc',
  'ccn-yen-dong': 'CCN Yên Đồng',
  'ccn-le-lo': 'CCN Lề Lỗ',
  'ccn-ly-nhan': 'CCN Lý Nhân',
};

describe('zones seed: province-wide facts', () => {
  it('has 18 industrial parks and 32 industrial clusters', () => {
    expect(parks).toHaveLength(18);
    expect(clusters).toHaveLength(32);
    expect(zonesSeed).toHaveLength(50);
  });

  it('parks total a little over 5,200 ha', () => {
    const { totalAreaHa } = sumLandBank(parks);
    expect(totalAreaHa).toBeGreaterThan(5200);
    expect(totalAreaHa).toBeLessThan(5300);
  });

  it('clusters total over 689 ha (and so over 600 ha), without overshooting', () => {
    const { totalAreaHa } = sumLandBank(clusters);
    expect(totalAreaHa).toBeGreaterThan(689);
    expect(totalAreaHa).toBeLessThanOrEqual(695);
  });

  it('19 clusters are formed/established, about 465 ha in total', () => {
    expect(formedClusters).toHaveLength(19);
    expect(Math.abs(sumLandBank(formedClusters).totalAreaHa - 465)).toBeLessThanOrEqual(5);
  });

  it('15 of the 32 clusters have an infrastructure investor and are operating', () => {
    const withInvestor = clusters.filter((z) => z.infrastructureInvestor !== null);
    const operating = clusters.filter((z) => z.status === ZoneStatus.Operating);
    expect(withInvestor.filter((z) => z.status === ZoneStatus.Operating)).toHaveLength(15);
    // Whichever way the fact is read, the count is 15: investor and operation go together.
    expect(withInvestor).toHaveLength(15);
    expect(operating).toHaveLength(15);
  });

  it('has nothing leased in planned zones and no seeded reservations', () => {
    for (const z of zonesSeed) {
      expect(z.reservedHa).toBe(0);
      if (z.status === ZoneStatus.Planned) {
        expect({ code: z.code, leasedHa: z.leasedHa }).toEqual({ code: z.code, leasedHa: 0 });
        expect(z.infrastructureInvestor).toBeNull();
      }
    }
  });
});

describe('zones seed: sourced figures', () => {
  it.each(Object.entries(SOURCED_PARK_AREAS))('%s has its published total area', (code, [name, totalAreaHa]) => {
    const park = zone(code);
    expect(park).toMatchObject({
      type: ZoneType.IndustrialPark,
      name,
      totalAreaHa,
      status: ZoneStatus.Operating,
      illustrative: false,
    });
    expect(park.source).toContain(SOURCE_PARKS_OVERVIEW);
  });

  it('the nine sourced parks add up to 1,840.75 ha', () => {
    expect(sumLandBank(Object.keys(SOURCED_PARK_AREAS).map(zone)).totalAreaHa).toBe(1840.75);
  });

  it('Đồng Sóc (Vĩnh Tường): 75 ha, trading and investment company, 12.03 ha handed over, operating', () => {
    const dongSoc = zone('ccn-dong-soc');
    expect(dongSoc).toMatchObject({
      type: ZoneType.IndustrialCluster,
      name: 'CCN Đồng Sóc',
      district: 'Vĩnh Tường',
      status: ZoneStatus.Operating,
      totalAreaHa: 75,
      leasedHa: 12.03,
      illustrative: false,
    });
    expect(dongSoc.infrastructureInvestor).toMatch(/Đầu tư Thương mại Vĩnh Phúc/i);
    expect([...dongSoc.sectors].sort()).toEqual(
      ['electronics', 'it', 'mechanical_engineering', 'supporting_industries', 'textiles'].sort(),
    );
    expect(dongSoc.source).toContain(SOURCE_ENTERPRISE_PORTAL_2019);
    expect(SOURCE_ENTERPRISE_PORTAL_2019).toMatch(/2019/);
  });

  it('Hợp Thịnh (Tam Dương): 48.434 ha as 48.43, district People’s Committee, operating', () => {
    const hopThinh = zone('ccn-hop-thinh');
    expect(hopThinh).toMatchObject({
      type: ZoneType.IndustrialCluster,
      name: 'CCN Hợp Thịnh',
      district: 'Tam Dương',
      status: ZoneStatus.Operating,
      totalAreaHa: 48.43,
      infrastructureInvestor: 'UBND huyện Tam Dương',
      illustrative: false,
    });
    expect(toHundredths(48.434)).toBe(toHundredths(hopThinh.totalAreaHa));
    expect([...hopThinh.sectors].sort()).toEqual(
      ['electronics', 'footwear', 'it', 'mechanical_engineering', 'textiles'].sort(),
    );
    expect(hopThinh.source).toContain(SOURCE_DECISION_2240_2020);
    expect(SOURCE_DECISION_2240_2020).toContain('2240/QĐ-UBND');
    expect(SOURCE_DECISION_2240_2020).toContain('07/9/2020');
  });

  it.each(Object.entries(CRAFT_VILLAGE_CLUSTERS))(
    '%s (craft village) is operating and essentially full',
    (code, name) => {
      const cluster = zone(code);
      expect(cluster).toMatchObject({ type: ZoneType.IndustrialCluster, name, status: ZoneStatus.Operating });
      expect(toHundredths(cluster.industrialLandHa) - toHundredths(cluster.leasedHa)).toBeLessThanOrEqual(50);
      expect(cluster.industrialLandHa).toBeGreaterThan(0);
      expect(cluster.sectors.some((s) => s === 'mechanical_engineering' || s === 'woodwork')).toBe(true);
      expect(cluster.source).toContain(SOURCE_CLUSTERS_ARTICLE);
    },
  );
});

describe('zones seed: every zone', () => {
  it('has a unique code, kcn- for parks and ccn- for clusters', () => {
    const codes = zonesSeed.map((z) => z.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const z of zonesSeed) {
      expect(z.code).toMatch(/^(kcn|ccn)(-[a-z0-9]+)+$/);
      expect(z.code.startsWith(z.type === ZoneType.IndustrialPark ? 'kcn-' : 'ccn-')).toBe(true);
    }
  });

  it('has a unique Vietnamese name in one style: "KCN …" or "CCN …"', () => {
    const names = zonesSeed.map((z) => z.name);
    expect(new Set(names).size).toBe(names.length);
    for (const z of zonesSeed) {
      expect(z.name.startsWith(z.type === ZoneType.IndustrialPark ? 'KCN ' : 'CCN ')).toBe(true);
    }
    expect(zonesSeed.filter((z) => /[^\p{ASCII}]/u.test(z.name)).length).toBeGreaterThan(40);
  });

  it('lies in one of the configured districts', () => {
    for (const z of zonesSeed) {
      expect(provinceSettingsSeed.districts).toContain(z.district);
    }
  });

  it('has a valid land bank (leased + reserved ≤ industrial ≤ total, all ≥ 0, 2 decimals)', () => {
    for (const z of zonesSeed) {
      expect({ code: z.code, issues: validateLandBank(z) }).toEqual({ code: z.code, issues: [] });
    }
  });

  it('has industrial (leasable) land of 65–75 % of its total area', () => {
    for (const z of zonesSeed) {
      const share = toHundredths(z.industrialLandHa) / toHundredths(z.totalAreaHa);
      expect({ code: z.code, inRange: share >= 0.65 && share <= 0.75 }).toEqual({ code: z.code, inRange: true });
    }
  });

  it('clusters are 10–75 ha', () => {
    for (const c of clusters) {
      expect(c.totalAreaHa).toBeGreaterThanOrEqual(10);
      expect(c.totalAreaHa).toBeLessThanOrEqual(75);
    }
  });

  it('has known, distinct sectors', () => {
    for (const z of zonesSeed) {
      expect(z.sectors.length).toBeGreaterThan(0);
      expect(new Set(z.sectors).size).toBe(z.sectors.length);
      for (const sector of z.sectors) {
        expect(ZONE_SECTORS).toContain(sector);
      }
    }
  });

  it('is marked illustrative unless its area is sourced, and cites a source when it is not', () => {
    const sourced = new Set([...Object.keys(SOURCED_PARK_AREAS), ...SOURCED_CLUSTERS]);
    for (const z of zonesSeed) {
      expect({ code: z.code, illustrative: z.illustrative }).toEqual({
        code: z.code,
        illustrative: !sourced.has(z.code),
      });
      if (!z.illustrative) {
        expect(z.source).toEqual(expect.stringMatching(/\S/));
      }
    }
    const craftVillage = new Set(Object.keys(CRAFT_VILLAGE_CLUSTERS));
    for (const z of zonesSeed.filter((x) => x.illustrative && !craftVillage.has(x.code))) {
      expect({ code: z.code, source: z.source }).toEqual({ code: z.code, source: null });
    }
  });

  it('names no invented company: unsourced investors are placeholders', () => {
    for (const z of zonesSeed.filter((x) => !SOURCED_CLUSTERS.includes(x.code) && x.infrastructureInvestor !== null)) {
      expect(z.infrastructureInvestor).toBe(`Chủ đầu tư hạ tầng ${z.name.replace(/ \(giai đoạn 1\)$/, '')}`);
    }
  });
});

describe('province settings seed', () => {
  it('configures Vĩnh Phúc, its agency and its nine district-level units', () => {
    expect(provinceSettingsSeed.provinceName).toBe('Vĩnh Phúc');
    expect(provinceSettingsSeed.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(provinceSettingsSeed.agencyName.vi).toMatch(/Vĩnh Phúc/);
    expect(provinceSettingsSeed.agencyName.en).toMatch(/Vinh Phuc/);
    expect([...provinceSettingsSeed.districts].sort()).toEqual(
      [
        'Bình Xuyên',
        'Lập Thạch',
        'Phúc Yên',
        'Sông Lô',
        'Tam Dương',
        'Tam Đảo',
        'Vĩnh Tường',
        'Vĩnh Yên',
        'Yên Lạc',
      ].sort(),
    );
  });

  it('records the merger into Phú Thọ from 1 July 2025', () => {
    expect(provinceSettingsSeed.mergedInto).toEqual({ provinceName: 'Phú Thọ', effectiveDate: '2025-07-01' });
    expect(provinceSettingsSeed.note.vi).toContain('Phú Thọ');
    expect(provinceSettingsSeed.note.en).toContain('1 July 2025');
  });

  it('every district has at least one zone', () => {
    for (const district of provinceSettingsSeed.districts) {
      expect(zonesSeed.some((z) => z.district === district)).toBe(true);
    }
  });
});

describe('zones seed: people and places', () => {
  it('about 7,600 people work in the clusters (operating ones), none counted in parks', () => {
    const workforce = clusters.reduce((sum, z) => sum + (z.workforce ?? 0), 0);
    expect(workforce).toBe(7600);
    expect(Object.values(CLUSTER_WORKFORCE).reduce((a, b) => a + b, 0)).toBe(7600);
    for (const z of zonesSeed) {
      if (z.workforce !== null) expect(z.status).toBe(ZoneStatus.Operating);
    }
    expect(parks.every((z) => z.workforce === null)).toBe(true);
  });

  it('the four craft-village clusters name their craft', () => {
    expect(
      zonesSeed
        .filter((z) => z.craftVillage !== null)
        .map((z) => z.code)
        .sort(),
    ).toEqual(Object.keys(CRAFT_VILLAGES).sort());
    for (const code of Object.keys(CRAFT_VILLAGES)) expect(zone(code).craftVillage).toMatch(/cơ khí, mộc/);
  });

  it('every zone has its district centre as approximate coordinates in Vĩnh Phúc', () => {
    for (const z of zonesSeed) {
      expect([z.latitude, z.longitude]).toEqual(DISTRICT_CENTRES[z.district]);
      expect(z.latitude).toBeGreaterThan(21);
      expect(z.latitude).toBeLessThan(21.6);
      expect(z.longitude).toBeGreaterThan(105.3);
      expect(z.longitude).toBeLessThan(105.8);
    }
  });
});
