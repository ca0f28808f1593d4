import { describe, expect, it } from '@jest/globals';
import { fitText, niceTicks, share } from './chart-scale';

describe('chart scales', () => {
  it('picks round ticks that reach the largest value', () => {
    expect(niceTicks(6)).toEqual([0, 2, 4, 6]);
    expect(niceTicks(73.5)).toEqual([0, 20, 40, 60, 80]);
    expect(niceTicks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(34_000_000_000)).toEqual([0, 1e10, 2e10, 3e10, 4e10]);
  });

  it('clamps shares to the scale', () => {
    expect(share(5, 10)).toBe(0.5);
    expect(share(5, 0)).toBe(0);
    expect(share(12, 10)).toBe(1);
  });
});

describe('fitting labels', () => {
  it('keeps short labels and cuts long ones with an ellipsis', () => {
    expect(fitText('KCN Sơn Lôi', 200, 12)).toBe('KCN Sơn Lôi');
    expect(fitText('KCN Bình Xuyên – Liễn Sơn – Liên Hòa', 120, 12)).toBe('KCN Bình Xuyên –…');
  });
});
