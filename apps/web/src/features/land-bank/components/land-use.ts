import type { LandBank } from '@irm/contracts';

export type LandUse = 'leased' | 'reserved' | 'available';

export const LAND_USES: readonly LandUse[] = ['leased', 'reserved', 'available'];

/** Mantine colour tokens, shared by the chart and its legend. */
export const LAND_USE_COLORS: Record<LandUse, string> = {
  leased: 'irm.7',
  reserved: 'yellow.6',
  available: 'teal.5',
};

const FIELD: Record<LandUse, keyof LandBank> = {
  leased: 'leasedHa',
  reserved: 'reservedHa',
  available: 'availableHa',
};

export function landUseHa(bank: LandBank, use: LandUse): number {
  return bank[FIELD[use]];
}

/** Shares of the industrial land; 0 when a zone type has no industrial land yet. */
export function landUseShare(bank: LandBank, use: LandUse): number {
  return bank.industrialLandHa > 0 ? landUseHa(bank, use) / bank.industrialLandHa : 0;
}

export interface LandUseSegment {
  use: LandUse;
  ha: number;
  share: number;
  /** Where the segment starts, as a share of the whole bar. */
  start: number;
}

export function stackLandUses(bank: LandBank): LandUseSegment[] {
  return LAND_USES.reduce<LandUseSegment[]>((segments, use) => {
    const previous = segments.at(-1);
    const start = previous ? previous.start + previous.share : 0;
    return [...segments, { use, ha: landUseHa(bank, use), share: landUseShare(bank, use), start }];
  }, []);
}
