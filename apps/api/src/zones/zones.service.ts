import { Injectable } from '@nestjs/common';
import { AuditAction, LandBankSummary, LandMovement, LandMovementKind, Page, Zone } from '@irm/contracts';
import { checkIndustrialLand, LandBankError, movementDeltas, toHundredths } from '@irm/domain';
import { DataSource } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppException, ErrorCode } from '../common/app-exception';
import { decodeCursor, toPage } from '../common/pagination';
import { LandBankService, LandMovementOutcome, landBankViolation } from './land-bank.service';
import type { RecordLandMovementDto, UpdateZoneDto, ZoneListQueryDto } from './zone.dto';
import { ha, toLandMovement, toZone } from './zone-mappers';
import { ZonesRepository } from './zones.repository';
import type { PageQueryDto } from '../common/pagination';

const SUBJECT = 'zone';
const AUDITED = [
  'name',
  'district',
  'status',
  'totalAreaHa',
  'industrialLandHa',
  'availableHa',
  'infrastructureInvestorId',
  'infrastructureInvestor',
  'sectors',
  'workforce',
  'craftVillage',
  'latitude',
  'longitude',
  'illustrative',
  'source',
] as const;

@Injectable()
export class ZonesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly zones: ZonesRepository,
    private readonly landBank: LandBankService,
    private readonly audit: AuditService,
  ) {}

  async list(query: ZoneListQueryDto): Promise<Page<Zone>> {
    const after = query.cursor ? String(decodeCursor(query.cursor, 1)[0]) : undefined;
    const rows = await this.zones.list({
      type: query.type,
      status: query.status,
      district: query.district || undefined,
      q: query.q,
      after,
      limit: query.limit,
    });
    return toPage(rows, query.limit, toZone, (row) => [row.code]);
  }

  async get(id: string): Promise<Zone> {
    const row = await this.zones.findById(id);
    if (!row) throw new AppException(ErrorCode.NotFound, `Zone ${id} does not exist.`);
    return toZone(row);
  }

  async summary(): Promise<LandBankSummary> {
    return { byType: await this.zones.totalsByType() };
  }

  async districts(): Promise<{ items: string[] }> {
    return { items: await this.zones.districts() };
  }

  /** Descriptive fields and areas; leased and reserved land change only through the ledger. */
  async update(id: string, input: UpdateZoneDto): Promise<Zone> {
    const { version, ...changes } = input;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const locked = await this.zones.findForUpdate(manager, id);
        if (!locked) throw new AppException(ErrorCode.NotFound, `Zone ${id} does not exist.`);
        if (locked.version !== version) {
          throw new AppException(ErrorCode.StaleVersion, 'Someone else changed this zone; reload to see their change.');
        }
        const before = toZone(locked);
        if (
          changes.infrastructureInvestorId &&
          changes.infrastructureInvestorId !== before.infrastructureInvestorId &&
          !(await this.zones.organizationExists(manager, changes.infrastructureInvestorId))
        ) {
          throw new AppException(ErrorCode.RuleViolated, 'The infrastructure investor does not exist.', [
            { field: 'infrastructureInvestorId', message: 'is not a known organization' },
          ]);
        }
        checkAreas(
          before,
          changes.totalAreaHa ?? before.totalAreaHa,
          changes.industrialLandHa ?? before.industrialLandHa,
        );
        await this.zones.update(manager, id, changes);
        const after = toZone((await this.zones.findById(id, manager))!);
        await this.audit.record(manager, {
          action: AuditAction.Update,
          subjectType: SUBJECT,
          subjectId: id,
          changes: diff(before, after, AUDITED),
        });
        return after;
      });
    } catch (error) {
      throw landBankViolation(error) ?? areaViolation(error) ?? error;
    }
  }

  async movements(zoneId: string, query: PageQueryDto): Promise<Page<LandMovement>> {
    const before = query.cursor
      ? String(decodeCursor(query.cursor, 1, ([id]) => /^\d{1,18}$/.test(String(id)))[0])
      : undefined;
    const rows = await this.zones.listMovements(zoneId, before, query.limit);
    // An empty first page may mean there is no such zone; only then is it worth asking.
    if (rows.length === 0 && !before && !(await this.zones.zoneExists(zoneId))) {
      throw new AppException(ErrorCode.NotFound, `Zone ${zoneId} does not exist.`);
    }
    return toPage(rows, query.limit, toLandMovement, (row) => [String(row.id)]);
  }

  /** A manager's entry in the ledger: an adjustment, or a reservation, release or lease made outside the pipelines. */
  async recordMovement(
    principal: Principal,
    zoneId: string,
    input: RecordLandMovementDto,
  ): Promise<LandMovementOutcome> {
    const deltas = deltasOf(input);
    return this.dataSource.transaction((manager) =>
      this.landBank.move(manager, {
        zoneId,
        kind: input.kind,
        ...deltas,
        reason: input.reason,
        authorId: principal.userId,
        expectedVersion: input.version,
      }),
    );
  }
}

/** The body's shape for its kind: an area for reserve, release and lease; signed deltas for an adjustment. */
function deltasOf(input: RecordLandMovementDto): { leasedDeltaHa: number; reservedDeltaHa: number } {
  const invalid = (field: string, message: string) =>
    new AppException(ErrorCode.ValidationFailed, `${field}: ${message}`, [{ field, message }]);
  if (input.kind === LandMovementKind.Adjust) {
    if (input.areaHa !== undefined && input.areaHa !== null) {
      throw invalid('areaHa', 'is not used by an adjustment: send leasedDeltaHa and/or reservedDeltaHa');
    }
    const leasedDeltaHa = input.leasedDeltaHa ?? 0;
    const reservedDeltaHa = input.reservedDeltaHa ?? 0;
    if (toHundredths(leasedDeltaHa) === 0 && toHundredths(reservedDeltaHa) === 0) {
      throw invalid('leasedDeltaHa', 'an adjustment must change leased or reserved land (send a non-zero delta)');
    }
    return { leasedDeltaHa, reservedDeltaHa };
  }
  for (const field of ['leasedDeltaHa', 'reservedDeltaHa'] as const) {
    if (input[field] !== undefined) throw invalid(field, `is only for adjustments; a ${input.kind} takes areaHa`);
  }
  if (input.areaHa === undefined || input.areaHa === null) throw invalid('areaHa', `is required for a ${input.kind}`);
  return movementDeltas(input.kind, input.areaHa);
}

/** Industrial land within the total area, and not below what is already leased or reserved. */
function checkAreas(zone: Zone, totalAreaHa: number, industrialLandHa: number): void {
  if (toHundredths(industrialLandHa) > toHundredths(totalAreaHa)) {
    throw new AppException(
      ErrorCode.RuleViolated,
      `Industrial land (${ha(industrialLandHa)} ha) cannot exceed the zone's total area (${ha(totalAreaHa)} ha).`,
      [{ field: 'industrialLandHa', message: `must not exceed the total area of ${ha(totalAreaHa)} ha` }],
    );
  }
  try {
    checkIndustrialLand(zone, industrialLandHa);
  } catch (error) {
    if (!(error instanceof LandBankError)) throw error;
    const allocated = zone.leasedHa + zone.reservedHa;
    throw new AppException(
      ErrorCode.RuleViolated,
      `${zone.name} has ${ha(allocated)} ha leased or reserved; its industrial land cannot be less than that.`,
      [{ field: 'industrialLandHa', message: `must be at least the ${ha(allocated)} ha leased or reserved` }],
    );
  }
}

function areaViolation(error: unknown): AppException | null {
  const constraint = (error as { driverError?: { constraint?: string } })?.driverError?.constraint;
  return constraint === 'chk_zone_industrial_within_total'
    ? new AppException(ErrorCode.RuleViolated, "Industrial land cannot exceed the zone's total area.", [
        { field: 'industrialLandHa', message: 'must not exceed the total area' },
      ])
    : null;
}
