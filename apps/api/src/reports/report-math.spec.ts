import { percentileCont, periodsOf, ratio, windowErrors } from './report-math';

describe('report maths', () => {
  it('interpolates percentiles as PostgreSQL percentile_cont does, over counted values', () => {
    expect(percentileCont([], 0.5)).toBeNull();
    expect(percentileCont([[7, 1]], 0.9)).toBe(7);
    // 1, 2, 2, 2, 9: median the third value; p90 at rank 3.6, between 2 and 9.
    expect(
      percentileCont(
        [
          [9, 1],
          [2, 3],
          [1, 1],
        ],
        0.5,
      ),
    ).toBe(2);
    expect(
      percentileCont(
        [
          [9, 1],
          [2, 3],
          [1, 1],
        ],
        0.9,
      ),
    ).toBeCloseTo(6.2, 10);
    expect(
      percentileCont(
        [
          [50, 1],
          [51, 1],
        ],
        0.5,
      ),
    ).toBe(50.5);
    expect(
      percentileCont(
        [
          [3, 0],
          [4, 2],
        ],
        0.5,
      ),
    ).toBe(4);
  });

  it('cuts months and quarters to the window', () => {
    expect(periodsOf('2026-01-15', '2026-03-02', 'month')).toEqual([
      { period: '2026-01', from: '2026-01-15', to: '2026-01-31' },
      { period: '2026-02', from: '2026-02-01', to: '2026-02-28' },
      { period: '2026-03', from: '2026-03-01', to: '2026-03-02' },
    ]);
    expect(periodsOf('2025-11-20', '2026-04-01', 'quarter').map((p) => [p.period, p.from, p.to])).toEqual([
      ['2025-Q4', '2025-11-20', '2025-12-31'],
      ['2026-Q1', '2026-01-01', '2026-03-31'],
      ['2026-Q2', '2026-04-01', '2026-04-01'],
    ]);
    expect(periodsOf('2024-02-29', '2024-02-29', 'month')).toEqual([
      { period: '2024-02', from: '2024-02-29', to: '2024-02-29' },
    ]);
    expect(periodsOf('2024-01-01', '2026-12-31', 'month')).toHaveLength(36);
  });

  it('accepts windows in order and at most 1,096 days long', () => {
    expect(windowErrors('2026-01-01', '2026-01-01')).toEqual([]);
    expect(windowErrors('2024-01-01', '2026-12-31')).toEqual([]);
    expect(windowErrors('2024-01-01', '2027-01-01').map((e) => e.field)).toEqual(['to']);
    expect(windowErrors('2026-01-02', '2026-01-01')[0].message).toBe('to must be on or after from');
    expect(windowErrors('1999-12-31', '2000-01-01').map((e) => e.field)).toEqual(['from']);
  });

  it('rounds ratios to four decimals and has none for an empty base', () => {
    expect(ratio(4, 6)).toBe(0.6667);
    expect(ratio(1, 0)).toBeNull();
  });
});
