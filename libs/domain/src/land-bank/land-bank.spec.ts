import { LandMovementKind, ZoneType } from '@irm/contracts';
import fc from 'fast-check';
import {
  applyLandMovement,
  availableHa,
  canReserve,
  checkIndustrialLand,
  isPlausibleArea,
  movementDeltas,
  fromHundredths,
  hasAtMostTwoDecimals,
  isValidLandBank,
  LandBankFigures,
  LandBankError,
  leaseReservedLand,
  occupancyRate,
  releaseReservedLand,
  reserveLand,
  roundHa,
  sumLandBank,
  summariseLandBankByType,
  toHundredths,
  validateLandBank,
} from './land-bank';

describe('toHundredths / fromHundredths', () => {
  it('converts 2-decimal hectares to integers exactly', () => {
    expect(toHundredths(221.46)).toBe(22146);
    expect(toHundredths(0.29)).toBe(29); // 0.29 * 100 = 28.999999999999996
    expect(toHundredths(4.35)).toBe(435); // 4.35 * 100 = 434.99999999999994
    expect(toHundredths(0)).toBe(0);
    expect(fromHundredths(22146)).toBe(221.46);
    expect(fromHundredths(-5)).toBe(-0.05);
  });

  it('rounds half away from zero, despite binary noise', () => {
    expect(toHundredths(1.005)).toBe(101); // 1.005 * 100 = 100.49999999999999
    expect(toHundredths(48.434)).toBe(4843);
    expect(toHundredths(48.435)).toBe(4844);
    expect(toHundredths(-1.005)).toBe(-101);
    expect(toHundredths(-0.001)).toBe(0);
    expect(Object.is(toHundredths(-0.001), -0)).toBe(false);
    expect(roundHa(48.434)).toBe(48.43);
  });

  it('makes 0.1 + 0.2 exactly 0.3', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(fromHundredths(toHundredths(0.1) + toHundredths(0.2))).toBe(0.3);
  });

  it('rejects non-finite hectares and fractional hundredths', () => {
    expect(() => toHundredths(Number.NaN)).toThrow(RangeError);
    expect(() => toHundredths(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => fromHundredths(1.5)).toThrow(RangeError);
  });

  it('tells 2-decimal values from finer ones', () => {
    expect(hasAtMostTwoDecimals(0.29)).toBe(true);
    expect(hasAtMostTwoDecimals(5236.75)).toBe(true);
    expect(hasAtMostTwoDecimals(48.434)).toBe(false);
    expect(hasAtMostTwoDecimals(0.001)).toBe(false);
    expect(hasAtMostTwoDecimals(Number.NaN)).toBe(false);
    // An absolute tolerance used to take these for whole hundredths, and to miss the large one.
    expect(hasAtMostTwoDecimals(1e-9)).toBe(false);
    expect(hasAtMostTwoDecimals(0.1 + 0.2)).toBe(true);
    expect(hasAtMostTwoDecimals(-308698471.46)).toBe(true);
  });
});

describe('availableHa', () => {
  it('is industrial − leased − reserved, in exact hundredths', () => {
    expect(availableHa(0.3, 0.1, 0.2)).toBe(0);
    expect(availableHa(1, 0.7, 0.1)).toBe(0.2); // floats give 0.20000000000000004
    expect(availableHa(75, 12.03, 0)).toBe(62.97);
  });

  it('goes negative for over-allocated figures instead of hiding them', () => {
    expect(availableHa(10, 8, 2.01)).toBe(-0.01);
  });
});

describe('canReserve', () => {
  const zone = { industrialLandHa: 10, leasedHa: 7.7, reservedHa: 2 }; // 0.3 ha left

  it('accepts an area up to the last hundredth (exact fill)', () => {
    expect(canReserve(zone, 0.3)).toBe(true);
    expect(canReserve(zone, 0.1 + 0.2)).toBe(true); // 0.30000000000000004
    expect(canReserve(zone, 0.01)).toBe(true);
  });

  it('refuses over-reservation by even 0.01 ha', () => {
    expect(canReserve(zone, 0.31)).toBe(false);
    expect(canReserve({ industrialLandHa: 10, leasedHa: 10, reservedHa: 0 }, 0.01)).toBe(false);
  });

  it('refuses zero, negative, non-finite and sub-hundredth areas', () => {
    expect(canReserve(zone, 0)).toBe(false);
    expect(canReserve(zone, -1)).toBe(false);
    expect(canReserve(zone, 0.004)).toBe(false);
    expect(canReserve(zone, Number.NaN)).toBe(false);
    expect(canReserve(zone, Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('refuses everything in an already over-allocated zone', () => {
    expect(canReserve({ industrialLandHa: 10, leasedHa: 9, reservedHa: 2 }, 0.01)).toBe(false);
  });
});

describe('occupancyRate', () => {
  it('is (leased + reserved) / industrial land', () => {
    expect(occupancyRate({ industrialLandHa: 52.5, leasedHa: 12.03, reservedHa: 0 })).toBeCloseTo(0.22914, 5);
    expect(occupancyRate({ industrialLandHa: 40, leasedHa: 10, reservedHa: 10 })).toBe(0.5);
  });

  it('is exactly 1 when full, even with float-noisy parts', () => {
    expect(occupancyRate({ industrialLandHa: 0.3, leasedHa: 0.1, reservedHa: 0.2 })).toBe(1);
  });

  it('is 0 for a zone without industrial land', () => {
    expect(occupancyRate({ industrialLandHa: 0, leasedHa: 0, reservedHa: 0 })).toBe(0);
  });
});

describe('sumLandBank', () => {
  it('sums without float drift', () => {
    const tenths = Array.from({ length: 10 }, () => ({
      totalAreaHa: 0.1,
      industrialLandHa: 0.1,
      leasedHa: 0.07,
      reservedHa: 0.01,
    }));
    expect(sumLandBank(tenths)).toEqual({
      zoneCount: 10,
      totalAreaHa: 1,
      industrialLandHa: 1,
      leasedHa: 0.7,
      reservedHa: 0.1,
      availableHa: 0.2,
    });
  });

  it('returns zeros for no zones', () => {
    expect(sumLandBank([])).toEqual({
      zoneCount: 0,
      totalAreaHa: 0,
      industrialLandHa: 0,
      leasedHa: 0,
      reservedHa: 0,
      availableHa: 0,
    });
  });
});

describe('summariseLandBankByType', () => {
  it('gives parks then clusters, including a type with no zones', () => {
    const summary = summariseLandBankByType([
      { type: ZoneType.IndustrialCluster, totalAreaHa: 75, industrialLandHa: 52.5, leasedHa: 12.03, reservedHa: 1.1 },
      { type: ZoneType.IndustrialCluster, totalAreaHa: 48.43, industrialLandHa: 33.9, leasedHa: 20.15, reservedHa: 0 },
    ]);
    expect(summary.byType).toEqual([
      {
        type: ZoneType.IndustrialPark,
        zoneCount: 0,
        totalAreaHa: 0,
        industrialLandHa: 0,
        leasedHa: 0,
        reservedHa: 0,
        availableHa: 0,
      },
      {
        type: ZoneType.IndustrialCluster,
        zoneCount: 2,
        totalAreaHa: 123.43,
        industrialLandHa: 86.4,
        leasedHa: 32.18,
        reservedHa: 1.1,
        availableHa: 53.12,
      },
    ]);
  });
});

describe('validateLandBank', () => {
  const valid = { totalAreaHa: 75, industrialLandHa: 52.5, leasedHa: 12.03, reservedHa: 0.47 };

  it('accepts a consistent land bank, with or without availableHa', () => {
    expect(validateLandBank(valid)).toEqual([]);
    expect(validateLandBank({ ...valid, availableHa: 40 })).toEqual([]);
    expect(isValidLandBank(valid)).toBe(true);
  });

  it('accepts the boundaries: fully allocated, industrial = total, all zero', () => {
    expect(validateLandBank({ totalAreaHa: 0.3, industrialLandHa: 0.3, leasedHa: 0.1, reservedHa: 0.2 })).toEqual([]);
    expect(validateLandBank({ totalAreaHa: 0, industrialLandHa: 0, leasedHa: 0, reservedHa: 0 })).toEqual([]);
  });

  it('rejects leased + reserved above industrial land', () => {
    expect(validateLandBank({ ...valid, reservedHa: 40.48 })).toEqual([{ code: 'over_allocated' }]);
    expect(isValidLandBank({ ...valid, reservedHa: 40.48 })).toBe(false);
  });

  it('rejects industrial land above the total area', () => {
    expect(validateLandBank({ ...valid, industrialLandHa: 75.01 })).toEqual([{ code: 'industrial_exceeds_total' }]);
  });

  it('rejects an availableHa that does not match the figures', () => {
    expect(validateLandBank({ ...valid, availableHa: 40.01 })).toEqual([
      { code: 'available_mismatch', field: 'availableHa' },
    ]);
  });

  it('rejects negative, non-finite and over-precise areas, field by field', () => {
    expect(
      validateLandBank({ totalAreaHa: 48.434, industrialLandHa: Number.NaN, leasedHa: -0.01, reservedHa: 0 }),
    ).toEqual([
      { code: 'too_many_decimals', field: 'totalAreaHa' },
      { code: 'not_a_number', field: 'industrialLandHa' },
      { code: 'negative', field: 'leasedHa' },
    ]);
  });
});

function errorCodeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof LandBankError) {
      return error.code;
    }
    throw error;
  }
  throw new Error('expected a LandBankError, nothing was thrown');
}

describe('reserveLand / leaseReservedLand / releaseReservedLand', () => {
  const bank = { industrialLandHa: 10, leasedHa: 7.7, reservedHa: 2 };

  it('reserves up to the exact remaining area', () => {
    expect(reserveLand(bank, 0.1 + 0.2)).toEqual({
      industrialLandHa: 10,
      leasedHa: 7.7,
      reservedHa: 2.3,
      availableHa: 0,
    });
  });

  it('refuses to over-reserve', () => {
    expect(errorCodeOf(() => reserveLand(bank, 0.31))).toBe('insufficient_available');
  });

  it('refuses a non-positive area', () => {
    expect(errorCodeOf(() => reserveLand(bank, 0))).toBe('invalid_area');
    expect(errorCodeOf(() => reserveLand(bank, Number.NaN))).toBe('invalid_area');
  });

  it('turns a reservation into a lease without changing available land', () => {
    expect(leaseReservedLand(bank, 2)).toEqual({
      industrialLandHa: 10,
      leasedHa: 9.7,
      reservedHa: 0,
      availableHa: 0.3,
    });
    expect(errorCodeOf(() => leaseReservedLand(bank, 2.01))).toBe('insufficient_reserved');
  });

  it('releases a reservation back to available land', () => {
    expect(releaseReservedLand(bank, 1.25)).toEqual({
      industrialLandHa: 10,
      leasedHa: 7.7,
      reservedHa: 0.75,
      availableHa: 1.55,
    });
    expect(errorCodeOf(() => releaseReservedLand(bank, 2.01))).toBe('insufficient_reserved');
  });
});

describe('land movements', () => {
  const bank = { industrialLandHa: 10, leasedHa: 7.7, reservedHa: 2 };

  it('turns reserve, release and lease into signed deltas', () => {
    expect(movementDeltas(LandMovementKind.Reserve, 0.1 + 0.2)).toEqual({ leasedDeltaHa: 0, reservedDeltaHa: 0.3 });
    expect(movementDeltas(LandMovementKind.Release, 1.25)).toEqual({ leasedDeltaHa: 0, reservedDeltaHa: -1.25 });
    expect(movementDeltas(LandMovementKind.Lease, 2)).toEqual({ leasedDeltaHa: 2, reservedDeltaHa: -2 });
    expect(errorCodeOf(() => movementDeltas(LandMovementKind.Reserve, -1))).toBe('invalid_area');
  });

  it('applies deltas up to the last hundredth of available land', () => {
    expect(applyLandMovement(bank, { leasedDeltaHa: 0.1, reservedDeltaHa: 0.2 })).toEqual({
      industrialLandHa: 10,
      leasedHa: 7.8,
      reservedHa: 2.2,
      availableHa: 0,
    });
  });

  it('refuses to oversell by even 0.01 ha', () => {
    expect(errorCodeOf(() => applyLandMovement(bank, { leasedDeltaHa: 0.31, reservedDeltaHa: 0 }))).toBe(
      'insufficient_available',
    );
  });

  it('refuses to take more leased or reserved land than there is', () => {
    expect(errorCodeOf(() => applyLandMovement(bank, { leasedDeltaHa: -7.71, reservedDeltaHa: 0 }))).toBe(
      'insufficient_leased',
    );
    expect(errorCodeOf(() => applyLandMovement(bank, { leasedDeltaHa: 0, reservedDeltaHa: -2.01 }))).toBe(
      'insufficient_reserved',
    );
  });

  it('moves land between leased and reserved without changing available land', () => {
    expect(applyLandMovement(bank, { leasedDeltaHa: 2, reservedDeltaHa: -2 }).availableHa).toBe(0.3);
  });

  it('refuses a movement that changes nothing', () => {
    expect(errorCodeOf(() => applyLandMovement(bank, { leasedDeltaHa: 0, reservedDeltaHa: 0.001 }))).toBe(
      'empty_movement',
    );
  });

  it('lets industrial land shrink only to what is leased or reserved', () => {
    expect(() => checkIndustrialLand(bank, 9.7)).not.toThrow();
    expect(errorCodeOf(() => checkIndustrialLand(bank, 9.69))).toBe('below_allocated');
  });

  it('tells plausible areas from absurd ones', () => {
    expect([0, 0.01, 643.1, 50_000].map(isPlausibleArea)).toEqual([true, true, true, true]);
    expect([-0.01, 1e9, 50_000.01, 1.234, Number.NaN, Infinity].map(isPlausibleArea)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties: whatever staff try, in whatever order, a zone's land is never oversold, and every hectare is
// accounted for to the hundredth.

/** Areas as people type them: mostly 2-decimal hectares, sometimes zero, negative, too precise or not a number. */
const areas = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 30_000 }).map((h) => h / 100), weight: 8 },
  { arbitrary: fc.integer({ min: -500, max: 0 }).map((h) => h / 100), weight: 1 },
  { arbitrary: fc.constantFrom(0.001, 0.004, 0.005, 1e-9, Number.NaN, Infinity, -Infinity), weight: 1 },
);

type LandOperation =
  | { op: 'reserve' | 'lease' | 'release'; areaHa: number }
  | { op: 'movement'; kind: Exclude<LandMovementKind, LandMovementKind.Adjust>; areaHa: number }
  | { op: 'adjust'; leasedDeltaHa: number; reservedDeltaHa: number }
  | { op: 'resize'; industrialLandHa: number };

const signedAreas = fc.integer({ min: -20_000, max: 20_000 }).map((h) => h / 100);
const landOperations: fc.Arbitrary<LandOperation> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constantFrom('reserve' as const, 'lease' as const, 'release' as const),
      areaHa: areas,
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('movement' as const),
      kind: fc.constantFrom(LandMovementKind.Reserve, LandMovementKind.Release, LandMovementKind.Lease),
      areaHa: areas,
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('adjust' as const),
      leasedDeltaHa: signedAreas,
      reservedDeltaHa: signedAreas,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('resize' as const),
      industrialLandHa: fc.integer({ min: 0, max: 80_000 }).map((h) => h / 100),
    }),
    weight: 1,
  },
);

/** The bank after an operation, or the LandBankError that refused it; anything else thrown is a defect. */
function applyLand(bank: LandBankFigures, operation: LandOperation): LandBankFigures | LandBankError {
  try {
    switch (operation.op) {
      case 'reserve':
        return reserveLand(bank, operation.areaHa);
      case 'lease':
        return leaseReservedLand(bank, operation.areaHa);
      case 'release':
        return releaseReservedLand(bank, operation.areaHa);
      case 'movement':
        return applyLandMovement(bank, movementDeltas(operation.kind, operation.areaHa));
      case 'adjust':
        return applyLandMovement(bank, operation);
      case 'resize':
        checkIndustrialLand(bank, operation.industrialLandHa);
        return { industrialLandHa: operation.industrialLandHa, leasedHa: bank.leasedHa, reservedHa: bank.reservedHa };
    }
  } catch (error) {
    if (error instanceof LandBankError) return error;
    throw error;
  }
}

const banks = fc
  .record({
    industrial: fc.integer({ min: 0, max: 50_000 }),
    leasedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    reservedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ industrial, leasedShare, reservedShare }): LandBankFigures => {
    const leased = Math.floor(industrial * leasedShare);
    const reserved = Math.floor((industrial - leased) * reservedShare);
    return { industrialLandHa: industrial / 100, leasedHa: leased / 100, reservedHa: reserved / 100 };
  });

describe('land bank, for any sequence of operations', () => {
  it('never oversells: leased and reserved stay ≥ 0 and within industrial land, to the hundredth', () => {
    let refused = 0;
    let applied = 0;
    fc.assert(
      fc.property(banks, fc.array(landOperations, { minLength: 5, maxLength: 60, size: 'max' }), (start, sequence) => {
        let bank = start;
        for (const operation of sequence) {
          const next = applyLand(bank, operation);
          if (next instanceof LandBankError) {
            refused++;
            continue;
          }
          applied++;
          bank = next;
          const [industrial, leased, reserved] = [bank.industrialLandHa, bank.leasedHa, bank.reservedHa].map(
            toHundredths,
          );
          expect(leased).toBeGreaterThanOrEqual(0);
          expect(reserved).toBeGreaterThanOrEqual(0);
          expect(leased + reserved).toBeLessThanOrEqual(industrial);
          expect(toHundredths(availableHa(bank.industrialLandHa, bank.leasedHa, bank.reservedHa))).toBe(
            industrial - leased - reserved,
          );
          // Every figure stays a 2-decimal value: no float drift creeps in over many operations.
          expect([bank.industrialLandHa, bank.leasedHa, bank.reservedHa].every(hasAtMostTwoDecimals)).toBe(true);
          expect(isValidLandBank({ ...bank, totalAreaHa: bank.industrialLandHa })).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    // Both outcomes are exercised, or the property would say little.
    expect(applied).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  });

  it('many reservations one after another never take more than was available', () => {
    fc.assert(
      fc.property(banks, fc.array(areas, { maxLength: 40 }), (start, requests) => {
        const available = toHundredths(availableHa(start.industrialLandHa, start.leasedHa, start.reservedHa));
        let bank = start;
        let granted = 0;
        for (const areaHa of requests) {
          const fits = canReserve(bank, areaHa);
          const next = applyLand(bank, { op: 'reserve', areaHa });
          // canReserve answers exactly what reserveLand does.
          expect(!(next instanceof LandBankError)).toBe(fits);
          if (next instanceof LandBankError) continue;
          granted += toHundredths(next.reservedHa) - toHundredths(bank.reservedHa);
          expect(toHundredths(next.reservedHa) - toHundredths(bank.reservedHa)).toBe(toHundredths(areaHa));
          bank = next;
        }
        expect(granted).toBeLessThanOrEqual(available);
      }),
      { numRuns: 300 },
    );
  });

  it('reserve then release, or reserve then lease, only moves land between the figures', () => {
    fc.assert(
      fc.property(banks, areas, (start, areaHa) => {
        const reserved = applyLand(start, { op: 'reserve', areaHa });
        fc.pre(!(reserved instanceof LandBankError));
        const released = releaseReservedLand(reserved as LandBankFigures, areaHa);
        expect(toHundredths(released.reservedHa)).toBe(toHundredths(start.reservedHa));
        expect(toHundredths(released.availableHa)).toBe(
          toHundredths(availableHa(start.industrialLandHa, start.leasedHa, start.reservedHa)),
        );
        const leased = leaseReservedLand(reserved as LandBankFigures, areaHa);
        expect(toHundredths(leased.leasedHa) + toHundredths(leased.reservedHa)).toBe(
          toHundredths((reserved as LandBankFigures).leasedHa) + toHundredths((reserved as LandBankFigures).reservedHa),
        );
      }),
    );
  });

  it('converts between hectares and hundredths without loss', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (hundredths) => {
        const ha = fromHundredths(hundredths);
        expect(toHundredths(ha)).toBe(hundredths);
        expect(hasAtMostTwoDecimals(ha)).toBe(true);
        expect(roundHa(ha)).toBe(ha);
      }),
    );
  });
});
