import { Injectable } from '@nestjs/common';
import type { LandBankSummary, Page, Zone } from '@irm/contracts';
import { availableHa } from '@irm/domain';
import { AppException, ErrorCode } from '../common/app-exception';
import { decodeCursor, toPage } from '../common/pagination';
import type { ZoneListQueryDto } from './zone.dto';
import { ZoneEntity } from './zone.entity';
import { ZonesRepository } from './zones.repository';

function toZone(entity: ZoneEntity): Zone {
  return {
    id: entity.id,
    code: entity.code,
    type: entity.type,
    name: entity.name,
    district: entity.district,
    status: entity.status,
    totalAreaHa: entity.totalAreaHa,
    industrialLandHa: entity.industrialLandHa,
    leasedHa: entity.leasedHa,
    reservedHa: entity.reservedHa,
    availableHa: availableHa(entity.industrialLandHa, entity.leasedHa, entity.reservedHa),
    infrastructureInvestor: entity.infrastructureInvestor,
    sectors: entity.sectors,
    illustrative: entity.illustrative,
    version: entity.version,
  };
}

@Injectable()
export class ZonesService {
  constructor(private readonly zones: ZonesRepository) {}

  async list(query: ZoneListQueryDto): Promise<Page<Zone>> {
    const after = query.cursor ? String(decodeCursor(query.cursor, 1)[0]) : undefined;
    const rows = await this.zones.list({
      type: query.type,
      status: query.status,
      q: query.q,
      after,
      limit: query.limit,
    });
    return toPage(rows, query.limit, toZone, (row) => [row.code]);
  }

  async get(id: string): Promise<Zone> {
    const zone = await this.zones.findById(id);
    if (!zone) throw new AppException(ErrorCode.NotFound, `Zone ${id} does not exist.`);
    return toZone(zone);
  }

  async summary(): Promise<LandBankSummary> {
    return { byType: await this.zones.totalsByType() };
  }
}
