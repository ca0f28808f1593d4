import { Injectable } from '@nestjs/common';
import { FieldChange, LandEnquiry, PipelineKind, StageType, ZoneMatch, ZoneStatus } from '@irm/contracts';
import { LandEnquiryStageKey, WorkingDays } from '@irm/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AppException, ErrorCode } from '../common/app-exception';
import { ItemKindService } from '../items/item-kind.service';
import { withItemLinks } from '../items/item-links';
import type { ItemRow } from '../items/items.repository';
import { ItemMove, ItemsService, NewItemInput } from '../items/items.service';
import { LandBankService } from '../zones/land-bank.service';
import type { CreateLandEnquiryDto, UpdateLandEnquiryDto } from './land-enquiry.dto';

const KIND = PipelineKind.LandEnquiry;

interface DetailRow {
  itemId: string;
  preferredZoneIds: string[];
  reservedHa: number;
  leasedHa: number;
  heldZoneId: string | null;
  wantedBy: string | null;
}

const DETAIL_COLUMNS = `item_id AS "itemId", preferred_zone_ids AS "preferredZoneIds", reserved_ha::float8 AS "reservedHa",
  leased_ha::float8 AS "leasedHa", held_zone_id AS "heldZoneId", to_char(wanted_by, 'YYYY-MM-DD') AS "wantedBy"`;

const STATUS_SCORE: Record<ZoneStatus, number> = {
  [ZoneStatus.Operating]: 20,
  [ZoneStatus.Established]: 10,
  [ZoneStatus.Planned]: 0,
};

/**
 * Land enquiries: an investor asks for hectares in a zone for a sector. Entering "Land reserved" reserves the
 * area in the assigned zone, "Lease signed" turns it into a lease, and leaving for any other stage releases it,
 * each through the zone's land ledger in the move's own transaction, so a zone can never be oversold.
 */
@Injectable()
export class LandEnquiriesService extends ItemKindService<LandEnquiry> {
  constructor(
    items: ItemsService,
    private readonly dataSource: DataSource,
    private readonly landBank: LandBankService,
  ) {
    super(items, KIND);
    items.register({
      kind: KIND,
      what: 'land enquiry',
      onMove: (manager, move) => this.onMove(manager, move),
      cardFigures: (row) => {
        const { areaHa, capitalUsd } = this.items.figures(row);
        return { requestedAreaHa: areaHa ?? 0, zoneId: row.zoneId, zoneName: row.zoneName, capitalUsd };
      },
    });
  }

  protected async complete(rows: ItemRow[], days: WorkingDays): Promise<LandEnquiry[]> {
    const details = await this.details(
      this.dataSource.manager,
      rows.map((row) => row.id),
    );
    const now = new Date();
    return rows.map((row) => {
      const detail = details.get(row.id);
      const { areaHa, capitalUsd, expectedJobs } = this.items.figures(row);
      return Object.assign(this.items.toBase(row, days, now), {
        requestedAreaHa: areaHa ?? 0,
        preferredZoneIds: detail?.preferredZoneIds ?? [],
        zoneId: row.zoneId,
        zoneName: row.zoneName,
        reservedHa: detail?.reservedHa ?? 0,
        leasedHa: detail?.leasedHa ?? 0,
        wantedBy: detail?.wantedBy ?? null,
        capitalUsd,
        expectedJobs,
      });
    });
  }

  private async details(manager: EntityManager, ids: string[], lock = false): Promise<Map<string, DetailRow>> {
    if (!ids.length) return new Map();
    const rows: DetailRow[] = await manager.query(
      `SELECT ${DETAIL_COLUMNS} FROM land_enquiry WHERE item_id = ANY($1)${lock ? ' FOR UPDATE' : ''}`,
      [ids],
    );
    return new Map(rows.map((row) => [row.itemId, row]));
  }

  async create(principal: Principal, input: CreateLandEnquiryDto): Promise<LandEnquiry> {
    const id = await withItemLinks(() =>
      this.dataSource.transaction((manager) => this.createInTransaction(manager, principal, input)),
    );
    return this.get(id);
  }

  /**
   * Opens a land enquiry with its detail row in the caller's transaction (an event contact's conversion opens one
   * this way, with the links it carries over); returns its id.
   */
  async createInTransaction(
    manager: EntityManager,
    principal: Principal,
    input: CreateLandEnquiryDto & Pick<NewItemInput, 'sourceItemId' | 'eventId' | 'contactId'>,
  ): Promise<string> {
    const { requestedAreaHa, preferredZoneIds = [], wantedBy = null, ...fields } = input;
    await this.assertZonesExist(manager, preferredZoneIds);
    const itemId = await this.items.create(manager, principal, KIND, { ...fields, areaHa: requestedAreaHa });
    await manager.query(`INSERT INTO land_enquiry (item_id, preferred_zone_ids, wanted_by) VALUES ($1, $2, $3)`, [
      itemId,
      preferredZoneIds,
      wantedBy,
    ]);
    return itemId;
  }

  async update(principal: Principal, id: string, input: UpdateLandEnquiryDto): Promise<LandEnquiry> {
    const { version, requestedAreaHa, preferredZoneIds, wantedBy, ...changes } = input;
    await withItemLinks(() =>
      this.dataSource.transaction(async (manager) => {
        const before = await this.items.lockForEdit(manager, principal, KIND, id, version);
        const detail = (await this.details(manager, [id], true)).get(id)!;
        const holding = detail.reservedHa > 0 || detail.leasedHa > 0;
        const zoneChanges = changes.zoneId !== undefined && changes.zoneId !== before.zoneId;
        const areaChanges = requestedAreaHa !== undefined && requestedAreaHa !== before.areaHa;
        if (holding && (zoneChanges || areaChanges)) {
          throw new AppException(
            ErrorCode.RuleViolated,
            'Land is held for this enquiry: move it out of "Land reserved" to release the land before changing the zone or area.',
            [
              ...(zoneChanges ? [{ field: 'zoneId', message: 'cannot change while land is held' }] : []),
              ...(areaChanges ? [{ field: 'requestedAreaHa', message: 'cannot change while land is held' }] : []),
            ],
          );
        }
        const extra: Record<string, FieldChange> = {};
        if (preferredZoneIds !== undefined) {
          await this.assertZonesExist(manager, preferredZoneIds);
          if (JSON.stringify(preferredZoneIds) !== JSON.stringify(detail.preferredZoneIds))
            extra.preferredZoneIds = { before: detail.preferredZoneIds, after: preferredZoneIds };
        }
        if (wantedBy !== undefined && wantedBy !== detail.wantedBy)
          extra.wantedBy = { before: detail.wantedBy, after: wantedBy };
        await manager.query(
          `UPDATE land_enquiry SET preferred_zone_ids = COALESCE($2, preferred_zone_ids),
                  wanted_by = CASE WHEN $3 THEN $4::date ELSE wanted_by END
            WHERE item_id = $1`,
          [id, preferredZoneIds ?? null, wantedBy !== undefined, wantedBy ?? null],
        );
        await this.items.update(
          manager,
          principal,
          before,
          { ...changes, ...(requestedAreaHa !== undefined && { areaHa: requestedAreaHa }) },
          extra,
        );
      }),
    );
    return this.get(id);
  }

  /** Zones ranked for the enquiry: enough available land first, then sector, preference and status. */
  async matches(id: string): Promise<ZoneMatch[]> {
    const row = await this.items.find(KIND, id);
    const detail = (await this.details(this.dataSource.manager, [id])).get(id);
    const preferred = new Set(detail?.preferredZoneIds ?? []);
    const requested = Number(row.areaHa ?? 0);
    const zones: {
      id: string;
      name: string;
      code: string;
      district: string;
      status: ZoneStatus;
      sectors: string[];
      availableHa: number;
    }[] = await this.dataSource.query(
      `SELECT id, name, code, district, status, sectors,
              (industrial_land_ha - leased_ha - reserved_ha)::float8 AS "availableHa"
         FROM zone`,
    );
    return zones
      .map((zone) => {
        const fits = zone.availableHa >= requested;
        const sectorAllowed = !row.sector || zone.sectors.includes(row.sector);
        const isPreferred = preferred.has(zone.id);
        return {
          zoneId: zone.id,
          zoneName: zone.name,
          zoneCode: zone.code,
          district: zone.district,
          status: zone.status,
          availableHa: zone.availableHa,
          fits,
          sectorAllowed,
          preferred: isPreferred,
          score: (fits ? 100 : 0) + (sectorAllowed ? 50 : 0) + (isPreferred ? 30 : 0) + STATUS_SCORE[zone.status],
        };
      })
      .sort((a, b) => b.score - a.score || a.availableHa - b.availableHa || a.zoneName.localeCompare(b.zoneName));
  }

  /** The land-bank side of a move, in its transaction: reserve, lease or release through the zone's ledger. */
  private async onMove(manager: EntityManager, move: ItemMove): Promise<void> {
    const { item, to } = move;
    const detail = (await this.details(manager, [item.id], true)).get(item.id)!;
    const cause = { type: KIND, id: item.id };
    const what = `“${item.title}”`;
    let { reservedHa, heldZoneId, leasedHa } = detail;

    const reserve = async () => {
      // The rules required a zone and an area for these stages.
      await this.landBank.reserveLand(manager, {
        zoneId: item.zoneId!,
        areaHa: item.areaHa!,
        reason: `Reserved for land enquiry ${what}`,
        cause,
      });
      reservedHa = item.areaHa!;
      heldZoneId = item.zoneId;
    };

    if (to.key === LandEnquiryStageKey.LandReserved) {
      if (reservedHa === 0) await reserve();
    } else if (to.key === LandEnquiryStageKey.LeaseSigned) {
      if (reservedHa === 0) await reserve();
      await this.landBank.leaseLand(manager, {
        zoneId: heldZoneId!,
        areaHa: reservedHa,
        reason: `Lease signed for land enquiry ${what}`,
        cause,
      });
      leasedHa += reservedHa;
      reservedHa = 0;
    } else if (reservedHa > 0) {
      await this.landBank.releaseLand(manager, {
        zoneId: heldZoneId!,
        areaHa: reservedHa,
        reason:
          to.type === StageType.Lost
            ? `Released: land enquiry ${what} closed as lost`
            : `Released: land enquiry ${what} left "Land reserved"`,
        cause,
      });
      reservedHa = 0;
    }
    await manager.query(
      `UPDATE land_enquiry SET reserved_ha = $2, leased_ha = $3, held_zone_id = $4 WHERE item_id = $1`,
      [item.id, reservedHa, leasedHa, reservedHa > 0 || leasedHa > 0 ? heldZoneId : null],
    );
  }

  private async assertZonesExist(manager: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const rows: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM zone WHERE id = ANY($1)`, [ids]);
    if (rows[0].n !== ids.length) {
      throw new AppException(ErrorCode.RuleViolated, 'A preferred zone does not exist.', [
        { field: 'preferredZoneIds', message: 'names a zone that does not exist' },
      ]);
    }
  }
}
