import { describe, expect, it } from '@jest/globals';
import { defaultPeriod, isValidWindow, presetWindow } from './report-window';

describe('dashboard windows', () => {
  const today = new Date(2026, 5, 15); // 15 June 2026, local time

  it('turns presets into business dates', () => {
    expect(presetWindow('quarter', today)).toEqual({ from: '2026-04-01', to: '2026-06-15' });
    expect(presetWindow('12m', today)).toEqual({ from: '2025-06-16', to: '2026-06-15' });
    expect(presetWindow('ytd', today)).toEqual({ from: '2026-01-01', to: '2026-06-15' });
    expect(presetWindow('last-year', today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetWindow('12m', new Date(2028, 1, 29))).toEqual({ from: '2027-03-01', to: '2028-02-29' });
  });

  it('accepts the windows the API accepts', () => {
    expect(isValidWindow({ from: '2026-01-01', to: '2026-01-01' })).toBe(true);
    expect(isValidWindow({ from: '2024-01-01', to: '2026-12-31' })).toBe(true);
    expect(isValidWindow({ from: '2024-01-01', to: '2027-01-01' })).toBe(false);
    expect(isValidWindow({ from: '2026-02-01', to: '2026-01-31' })).toBe(false);
    expect(isValidWindow({ from: '2026-1-1', to: '2026-02-01' })).toBe(false);
    expect(isValidWindow({ to: '2026-02-01' })).toBe(false);
  });

  it('groups long windows by quarter', () => {
    expect(defaultPeriod({ from: '2025-06-16', to: '2026-06-15' })).toBe('month');
    expect(defaultPeriod({ from: '2024-01-01', to: '2026-06-15' })).toBe('quarter');
  });
});
