import { Injectable } from '@nestjs/common';
import { ZoneStatus, ZoneType } from '@irm/contracts';
import { DataSource, Repository } from 'typeorm';
import { containsPattern } from '../common/dto';
import { ZoneEntity } from './zone.entity';

export interface ZoneFilter {
  type?: ZoneType;
  status?: ZoneStatus;
  q?: string;
  after?: string;
  limit: number;
}

export interface LandBankTotalsRow {
  type: ZoneType;
  zoneCount: number;
  totalAreaHa: number;
  industrialLandHa: number;
  leasedHa: number;
  reservedHa: number;
  availableHa: number;
}

@Injectable()
export class ZonesRepository {
  private readonly zones: Repository<ZoneEntity>;

  constructor(dataSource: DataSource) {
    this.zones = dataSource.getRepository(ZoneEntity);
  }

  /** Keyset page ordered by code; `limit + 1` rows tell whether another page follows. */
  async list(filter: ZoneFilter): Promise<ZoneEntity[]> {
    const query = this.zones
      .createQueryBuilder('zone')
      .orderBy('zone.code', 'ASC')
      .limit(filter.limit + 1);
    if (filter.type) query.andWhere('zone.type = :type', { type: filter.type });
    if (filter.status) query.andWhere('zone.status = :status', { status: filter.status });
    if (filter.q) {
      query.andWhere("unaccent(zone.name || ' ' || zone.district) ILIKE unaccent(:q)", {
        q: containsPattern(filter.q),
      });
    }
    if (filter.after) query.andWhere('zone.code > :after', { after: filter.after });
    return query.getMany();
  }

  findById(id: string): Promise<ZoneEntity | null> {
    return this.zones.findOneBy({ id });
  }

  async totalsByType(): Promise<LandBankTotalsRow[]> {
    const rows = await this.zones
      .createQueryBuilder('zone')
      .select('zone.type', 'type')
      .addSelect('count(*)::int', 'zoneCount')
      .addSelect('sum(zone.total_area_ha)', 'totalAreaHa')
      .addSelect('sum(zone.industrial_land_ha)', 'industrialLandHa')
      .addSelect('sum(zone.leased_ha)', 'leasedHa')
      .addSelect('sum(zone.reserved_ha)', 'reservedHa')
      .addSelect('sum(zone.industrial_land_ha - zone.leased_ha - zone.reserved_ha)', 'availableHa')
      .groupBy('zone.type')
      .orderBy('zone.type')
      .getRawMany<Record<keyof LandBankTotalsRow, string | number>>();
    return rows.map((row) => ({
      type: row.type as ZoneType,
      zoneCount: Number(row.zoneCount),
      totalAreaHa: Number(row.totalAreaHa),
      industrialLandHa: Number(row.industrialLandHa),
      leasedHa: Number(row.leasedHa),
      reservedHa: Number(row.reservedHa),
      availableHa: Number(row.availableHa),
    }));
  }
}
