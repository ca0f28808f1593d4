import { LandMovementKind, MAX_ZONE_AREA_HA, ZoneType } from '@irm/contracts';
import type { LandBank, LandBankSummary, LandBankTotals } from '@irm/contracts';

/*
 * Areas are hectares with 2 decimals. Every sum and comparison is done on
 * integer hundredths of a hectare, so 0.1 + 0.2 ha is exactly 0.3 ha and a
 * zone filled to the last 0.01 ha compares equal, not "over" by 1e-15.
 */

/** The stored figures of a land bank; available land is derived from them. */
export type LandBankFigures = Pick<LandBank, 'industrialLandHa' | 'leasedHa' | 'reservedHa'>;

/** A zone's land bank together with its total (gross) area. */
export interface ZoneLandFigures extends LandBankFigures {
  totalAreaHa: number;
  /** Checked against the derived value when present. */
  availableHa?: number;
}

/** Hectares → integer hundredths, rounding half away from zero. */
export function toHundredths(ha: number): number {
  if (!Number.isFinite(ha)) {
    throw new RangeError(`Area must be a finite number of hectares, got ${ha}`);
  }
  // toPrecision(15) removes binary noise (1.005 * 100 = 100.49999999999999) before rounding.
  const scaled = Number((Math.abs(ha) * 100).toPrecision(15));
  const rounded = Math.round(scaled);
  return ha < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Integer hundredths → hectares (the nearest double to the 2-decimal value). */
export function fromHundredths(hundredths: number): number {
  if (!Number.isInteger(hundredths)) {
    throw new RangeError(`Hundredths of a hectare must be an integer, got ${hundredths}`);
  }
  return hundredths / 100;
}

/** Rounds hectares to 2 decimals (half away from zero). */
export function roundHa(ha: number): number {
  return fromHundredths(toHundredths(ha));
}

/**
 * True when the value is a finite number with at most 2 decimals. Read to the same 15 significant digits as
 * toHundredths, so binary noise is no third decimal at any magnitude, while 0.000000001 ha is one.
 */
export function hasAtMostTwoDecimals(ha: number): boolean {
  return Number.isFinite(ha) && Number.isInteger(Number((ha * 100).toPrecision(15)));
}

/**
 * Industrial land still free to reserve. Negative only when the figures are
 * already over-allocated (see validateLandBank); it is not clamped, so such
 * data shows up instead of hiding as zero.
 */
export function availableHa(industrialLandHa: number, leasedHa: number, reservedHa: number): number {
  return fromHundredths(availableHundredths({ industrialLandHa, leasedHa, reservedHa }));
}

function availableHundredths(bank: LandBankFigures): number {
  return toHundredths(bank.industrialLandHa) - toHundredths(bank.leasedHa) - toHundredths(bank.reservedHa);
}

/** Whether areaHa (> 0, counted to 0.01 ha) fits in the zone's available land. */
export function canReserve(zone: LandBankFigures, areaHa: number): boolean {
  if (!Number.isFinite(areaHa)) {
    return false;
  }
  const area = toHundredths(areaHa);
  return area > 0 && area <= availableHundredths(zone);
}

/** Share of industrial land that is leased or reserved, 0..1; 0 for a zone without industrial land. */
export function occupancyRate(zone: LandBankFigures): number {
  const industrial = toHundredths(zone.industrialLandHa);
  if (industrial <= 0) {
    return 0;
  }
  return (toHundredths(zone.leasedHa) + toHundredths(zone.reservedHa)) / industrial;
}

export interface LandBankSum extends LandBank {
  zoneCount: number;
  totalAreaHa: number;
}

/** Totals over zones; availableHa is derived from the summed figures. */
export function sumLandBank(zones: readonly ZoneLandFigures[]): LandBankSum {
  let total = 0;
  let industrial = 0;
  let leased = 0;
  let reserved = 0;
  for (const zone of zones) {
    total += toHundredths(zone.totalAreaHa);
    industrial += toHundredths(zone.industrialLandHa);
    leased += toHundredths(zone.leasedHa);
    reserved += toHundredths(zone.reservedHa);
  }
  return {
    zoneCount: zones.length,
    totalAreaHa: fromHundredths(total),
    industrialLandHa: fromHundredths(industrial),
    leasedHa: fromHundredths(leased),
    reservedHa: fromHundredths(reserved),
    availableHa: fromHundredths(industrial - leased - reserved),
  };
}

/** Land bank totals per zone type (parks, clusters), always both types, parks first. */
export function summariseLandBankByType(zones: readonly (ZoneLandFigures & { type: ZoneType })[]): LandBankSummary {
  const byType: LandBankTotals[] = [ZoneType.IndustrialPark, ZoneType.IndustrialCluster].map((type) => ({
    type,
    ...sumLandBank(zones.filter((zone) => zone.type === type)),
  }));
  return { byType };
}

export type LandBankIssueCode =
  | 'not_a_number'
  | 'negative'
  | 'too_many_decimals'
  | 'industrial_exceeds_total'
  | 'over_allocated'
  | 'available_mismatch';

export interface LandBankIssue {
  code: LandBankIssueCode;
  field?: keyof ZoneLandFigures;
}

const AREA_FIELDS = ['totalAreaHa', 'industrialLandHa', 'leasedHa', 'reservedHa', 'availableHa'] as const;

/**
 * Checks a zone's land bank: every area finite, ≥ 0 and in 2 decimals;
 * leased + reserved ≤ industrial land ≤ total area; availableHa, when given,
 * equal to industrial − leased − reserved.
 */
export function validateLandBank(zone: ZoneLandFigures): LandBankIssue[] {
  const issues: LandBankIssue[] = [];
  for (const field of AREA_FIELDS) {
    const value = zone[field];
    if (value === undefined && field === 'availableHa') {
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push({ code: 'not_a_number', field });
    } else if (value < 0) {
      issues.push({ code: 'negative', field });
    } else if (!hasAtMostTwoDecimals(value)) {
      issues.push({ code: 'too_many_decimals', field });
    }
  }
  if (issues.length > 0) {
    return issues;
  }
  if (toHundredths(zone.industrialLandHa) > toHundredths(zone.totalAreaHa)) {
    issues.push({ code: 'industrial_exceeds_total' });
  }
  const available = availableHundredths(zone);
  if (available < 0) {
    issues.push({ code: 'over_allocated' });
  }
  if (zone.availableHa !== undefined && toHundredths(zone.availableHa) !== available) {
    issues.push({ code: 'available_mismatch', field: 'availableHa' });
  }
  return issues;
}

export function isValidLandBank(zone: ZoneLandFigures): boolean {
  return validateLandBank(zone).length === 0;
}

export type LandBankErrorCode =
  | 'invalid_area'
  | 'insufficient_available'
  | 'insufficient_reserved'
  | 'insufficient_leased'
  | 'empty_movement'
  | 'below_allocated';

export class LandBankError extends Error {
  constructor(
    readonly code: LandBankErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LandBankError';
  }
}

function positiveHundredths(areaHa: number): number {
  const area = Number.isFinite(areaHa) ? toHundredths(areaHa) : 0;
  if (area <= 0) {
    throw new LandBankError('invalid_area', `Area must be at least 0.01 ha, got ${areaHa}`);
  }
  return area;
}

function landBankOf(industrial: number, leased: number, reserved: number): LandBank {
  return {
    industrialLandHa: fromHundredths(industrial),
    leasedHa: fromHundredths(leased),
    reservedHa: fromHundredths(reserved),
    availableHa: fromHundredths(industrial - leased - reserved),
  };
}

/** A land enquiry enters "Land reserved": available land → reserved. */
export function reserveLand(bank: LandBankFigures, areaHa: number): LandBank {
  const area = positiveHundredths(areaHa);
  if (area > availableHundredths(bank)) {
    throw new LandBankError(
      'insufficient_available',
      `Cannot reserve ${fromHundredths(area)} ha: only ${fromHundredths(availableHundredths(bank))} ha available`,
    );
  }
  return landBankOf(
    toHundredths(bank.industrialLandHa),
    toHundredths(bank.leasedHa),
    toHundredths(bank.reservedHa) + area,
  );
}

/** A land enquiry enters "Lease signed": its reservation → leased. */
export function leaseReservedLand(bank: LandBankFigures, areaHa: number): LandBank {
  const area = positiveHundredths(areaHa);
  const reserved = toHundredths(bank.reservedHa);
  if (area > reserved) {
    throw new LandBankError(
      'insufficient_reserved',
      `Cannot lease ${fromHundredths(area)} ha: only ${fromHundredths(reserved)} ha reserved`,
    );
  }
  return landBankOf(toHundredths(bank.industrialLandHa), toHundredths(bank.leasedHa) + area, reserved - area);
}

/** A land enquiry with a reservation leaves for a lost stage: reserved → available. */
export function releaseReservedLand(bank: LandBankFigures, areaHa: number): LandBank {
  const area = positiveHundredths(areaHa);
  const reserved = toHundredths(bank.reservedHa);
  if (area > reserved) {
    throw new LandBankError(
      'insufficient_reserved',
      `Cannot release ${fromHundredths(area)} ha: only ${fromHundredths(reserved)} ha reserved`,
    );
  }
  return landBankOf(toHundredths(bank.industrialLandHa), toHundredths(bank.leasedHa), reserved - area);
}

/** The signed changes a ledger movement makes to a zone's leased and reserved land. */
export interface LandDeltas {
  leasedDeltaHa: number;
  reservedDeltaHa: number;
}

/** A movement of `areaHa` (> 0, 2 decimals): reserve, release or lease. Adjustments carry their own deltas. */
export function movementDeltas(kind: Exclude<LandMovementKind, LandMovementKind.Adjust>, areaHa: number): LandDeltas {
  const area = fromHundredths(positiveHundredths(areaHa));
  switch (kind) {
    case LandMovementKind.Reserve:
      return { leasedDeltaHa: 0, reservedDeltaHa: area };
    case LandMovementKind.Release:
      return { leasedDeltaHa: 0, reservedDeltaHa: -area };
    case LandMovementKind.Lease:
      return { leasedDeltaHa: area, reservedDeltaHa: -area };
  }
}

/**
 * The land bank after a movement's deltas, or a LandBankError saying which figure it would break:
 * leased or reserved below zero, or more allocated than the zone's industrial land (available < 0).
 * The database enforces the same rules; this gives the person a precise message first.
 */
export function applyLandMovement(bank: LandBankFigures, deltas: LandDeltas): LandBank {
  const leasedDelta = toHundredths(deltas.leasedDeltaHa);
  const reservedDelta = toHundredths(deltas.reservedDeltaHa);
  if (leasedDelta === 0 && reservedDelta === 0) {
    throw new LandBankError('empty_movement', 'A movement must change leased or reserved land by at least 0.01 ha');
  }
  const industrial = toHundredths(bank.industrialLandHa);
  const leased = toHundredths(bank.leasedHa) + leasedDelta;
  const reserved = toHundredths(bank.reservedHa) + reservedDelta;
  if (leased < 0) {
    throw new LandBankError(
      'insufficient_leased',
      `Cannot take ${fromHundredths(-leasedDelta)} ha off leased land: only ${bank.leasedHa} ha is leased`,
    );
  }
  if (reserved < 0) {
    throw new LandBankError(
      'insufficient_reserved',
      `Cannot take ${fromHundredths(-reservedDelta)} ha off reserved land: only ${bank.reservedHa} ha is reserved`,
    );
  }
  if (industrial - leased - reserved < 0) {
    throw new LandBankError(
      'insufficient_available',
      `Cannot allocate ${fromHundredths(leasedDelta + reservedDelta)} ha more: only ${fromHundredths(availableHundredths(bank))} ha available`,
    );
  }
  return landBankOf(industrial, leased, reserved);
}

/** Industrial land can shrink only down to what is already leased or reserved. */
export function checkIndustrialLand(bank: LandBankFigures, industrialLandHa: number): void {
  const allocated = toHundredths(bank.leasedHa) + toHundredths(bank.reservedHa);
  if (toHundredths(industrialLandHa) < allocated) {
    throw new LandBankError(
      'below_allocated',
      `Industrial land cannot be less than the ${fromHundredths(allocated)} ha already leased or reserved`,
    );
  }
}

/** A plausible zone area: finite, ≥ 0, at most 2 decimals and below MAX_ZONE_AREA_HA. */
export function isPlausibleArea(ha: number): boolean {
  return Number.isFinite(ha) && ha >= 0 && ha <= MAX_ZONE_AREA_HA && hasAtMostTwoDecimals(ha);
}
