import { Injectable } from '@nestjs/common';
import { AuditAction, FieldError, LandMovement, LandMovementKind, Zone } from '@irm/contracts';
import { applyLandMovement, LandBankError, LandDeltas, movementDeltas, toHundredths } from '@irm/domain';
import { EntityManager, QueryFailedError } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import { AppException, ErrorCode } from '../common/app-exception';
import { currentRequestContext } from '../common/request-context';
import { ha, toLandMovement, toZone } from './zone-mappers';
import { ZonesRepository } from './zones.repository';

/** The item that caused a movement, e.g. `{ type: 'land_enquiry', id }`. */
export interface LandCause {
  type: string;
  id: string;
}

export interface LandAreaMovement {
  zoneId: string;
  /** Hectares, > 0, 2 decimals. */
  areaHa: number;
  reason: string;
  cause?: LandCause | null;
  /** Defaults to the person making the request; null when the system acts. */
  authorId?: string | null;
}

export interface LandAdjustment extends Omit<LandAreaMovement, 'areaHa'>, LandDeltas {}

export interface LandMovementOutcome {
  zone: Zone;
  movement: LandMovement;
}

interface MoveRequest extends LandDeltas {
  zoneId: string;
  kind: LandMovementKind;
  reason: string;
  cause?: LandCause | null;
  authorId?: string | null;
  /** When given, the zone's current version must equal it (409 otherwise). */
  expectedVersion?: number;
}

const SUBJECT = 'zone';

/** The database's own land-bank rules, should one fire despite the checks in code (e.g. a caller without the lock). */
const CONSTRAINT_PROBLEMS: Record<string, string> = {
  chk_zone_land_bank_not_oversold: 'Not enough available land in the zone: it cannot be oversold.',
  chk_zone_land_bank_non_negative: 'Leased and reserved land cannot go below zero.',
};

/**
 * Every change of a zone's leased or reserved land: appends a movement to the zone's ledger, in the caller's
 * transaction, with the zone's row locked so that concurrent reservations queue rather than oversell. The
 * pipelines call reserveLand / releaseLand / leaseLand from their own transactions, naming their item as cause.
 */
@Injectable()
export class LandBankService {
  constructor(
    private readonly zones: ZonesRepository,
    private readonly audit: AuditService,
  ) {}

  /** Available → reserved. */
  reserveLand(manager: EntityManager, input: LandAreaMovement): Promise<LandMovementOutcome> {
    return this.move(manager, {
      ...input,
      kind: LandMovementKind.Reserve,
      ...movementDeltas(LandMovementKind.Reserve, this.area(input.areaHa)),
    });
  }

  /** Reserved → available; with a cause, no more than that cause holds. */
  releaseLand(manager: EntityManager, input: LandAreaMovement): Promise<LandMovementOutcome> {
    return this.move(manager, {
      ...input,
      kind: LandMovementKind.Release,
      ...movementDeltas(LandMovementKind.Release, this.area(input.areaHa)),
    });
  }

  /** Reserved → leased; with a cause, no more than that cause holds. */
  leaseLand(manager: EntityManager, input: LandAreaMovement): Promise<LandMovementOutcome> {
    return this.move(manager, {
      ...input,
      kind: LandMovementKind.Lease,
      ...movementDeltas(LandMovementKind.Lease, this.area(input.areaHa)),
    });
  }

  /** A correction: signed changes of leased and reserved land. */
  adjust(manager: EntityManager, input: LandAdjustment): Promise<LandMovementOutcome> {
    return this.move(manager, { ...input, kind: LandMovementKind.Adjust });
  }

  /** Locks the zone, checks the movement against its figures, appends it, and records it in the audit trail. */
  async move(manager: EntityManager, request: MoveRequest): Promise<LandMovementOutcome> {
    const before = await this.zones.findForUpdate(manager, request.zoneId);
    if (!before) throw new AppException(ErrorCode.NotFound, `Zone ${request.zoneId} does not exist.`);
    if (request.expectedVersion !== undefined && before.version !== request.expectedVersion) {
      throw new AppException(ErrorCode.StaleVersion, 'Someone else changed this zone; reload to see their change.');
    }
    const zoneBefore = toZone(before);
    const deltas = { leasedDeltaHa: request.leasedDeltaHa, reservedDeltaHa: request.reservedDeltaHa };
    this.check(zoneBefore, request.kind, deltas);
    if (request.cause && request.kind !== LandMovementKind.Reserve && request.reservedDeltaHa < 0) {
      await this.checkCauseHolds(manager, zoneBefore, request.cause, -request.reservedDeltaHa);
    }

    let row;
    try {
      row = await this.zones.insertMovement(manager, {
        zoneId: request.zoneId,
        kind: request.kind,
        ...deltas,
        reason: request.reason,
        causeType: request.cause?.type ?? null,
        causeId: request.cause?.id ?? null,
        authorId:
          request.authorId !== undefined ? request.authorId : (currentRequestContext().principal?.userId ?? null),
      });
    } catch (error) {
      throw landBankViolation(error) ?? error;
    }
    const movement = toLandMovement(row);
    const zone = toZone((await this.zones.findById(request.zoneId, manager))!);
    await this.audit.record(manager, {
      action: AuditAction.Update,
      subjectType: SUBJECT,
      subjectId: zone.id,
      changes: diff(zoneBefore, zone, ['leasedHa', 'reservedHa', 'availableHa']),
      details: {
        landMovementId: movement.id,
        kind: movement.kind,
        reason: movement.reason,
        causeType: movement.causeType,
        causeId: movement.causeId,
      },
    });
    return { zone, movement };
  }

  private area(areaHa: number): number {
    if (!Number.isFinite(areaHa) || toHundredths(areaHa) <= 0) {
      throw new AppException(ErrorCode.ValidationFailed, 'The area must be at least 0.01 ha.', [
        { field: 'areaHa', message: 'must be at least 0.01 ha' },
      ]);
    }
    return areaHa;
  }

  /** The domain rules, with a message that names the land there is. */
  private check(zone: Zone, kind: LandMovementKind, deltas: LandDeltas): void {
    try {
      applyLandMovement(zone, deltas);
    } catch (error) {
      if (!(error instanceof LandBankError)) throw error;
      const adjust = kind === LandMovementKind.Adjust;
      const field = (name: 'leasedDeltaHa' | 'reservedDeltaHa'): string => (adjust ? name : 'areaHa');
      const requested = Math.abs(deltas.leasedDeltaHa + deltas.reservedDeltaHa);
      const problems: Record<string, [string, FieldError]> = {
        insufficient_available: [
          `${zone.name} has ${ha(zone.availableHa)} ha of available land; ${ha(requested)} ha more cannot be allocated.`,
          {
            field: field(deltas.leasedDeltaHa > 0 ? 'leasedDeltaHa' : 'reservedDeltaHa'),
            message: `exceeds the ${ha(zone.availableHa)} ha of available land`,
          },
        ],
        insufficient_reserved: [
          `${zone.name} has ${ha(zone.reservedHa)} ha reserved; ${ha(-deltas.reservedDeltaHa)} ha cannot be taken off it.`,
          { field: field('reservedDeltaHa'), message: `exceeds the ${ha(zone.reservedHa)} ha reserved` },
        ],
        insufficient_leased: [
          `${zone.name} has ${ha(zone.leasedHa)} ha leased; ${ha(-deltas.leasedDeltaHa)} ha cannot be taken off it.`,
          { field: field('leasedDeltaHa'), message: `exceeds the ${ha(zone.leasedHa)} ha leased` },
        ],
        empty_movement: [
          'A movement must change leased or reserved land.',
          { field: field('leasedDeltaHa'), message: 'must not be zero together with reservedDeltaHa' },
        ],
      };
      const [detail, fieldError] = problems[error.code] ?? [error.message, { field: 'areaHa', message: error.message }];
      throw new AppException(ErrorCode.RuleViolated, detail, [fieldError]);
    }
  }

  private async checkCauseHolds(manager: EntityManager, zone: Zone, cause: LandCause, areaHa: number): Promise<void> {
    const held = await this.zones.reservedByCause(manager, zone.id, cause.type, cause.id);
    if (toHundredths(areaHa) > toHundredths(held)) {
      throw new AppException(
        ErrorCode.RuleViolated,
        `This ${cause.type.replace(/_/g, ' ')} holds ${ha(held)} ha reserved in ${zone.name}; ${ha(areaHa)} ha cannot be taken off it.`,
        [{ field: 'areaHa', message: `exceeds the ${ha(held)} ha this item holds reserved` }],
      );
    }
  }
}

/** A land-bank CHECK of the database as a 422, or null for any other error. */
export function landBankViolation(error: unknown): AppException | null {
  const constraint =
    error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
  const detail = constraint ? CONSTRAINT_PROBLEMS[constraint] : undefined;
  return detail ? new AppException(ErrorCode.RuleViolated, detail) : null;
}
