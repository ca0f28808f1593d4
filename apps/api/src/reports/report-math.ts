import { dayNumber, fromDayNumber } from '@irm/domain';
import { MAX_REPORT_WINDOW_DAYS, ReportPeriod } from '@irm/contracts';
import type { FieldError } from '@irm/contracts';

const FIRST_DAY = dayNumber('2000-01-01');
const LAST_DAY = dayNumber('2100-12-31');

/** What is wrong with a window of business dates (both valid `YYYY-MM-DD`), or nothing. */
export function windowErrors(from: string, to: string): FieldError[] {
  const [start, end] = [dayNumber(from), dayNumber(to)];
  const errors: FieldError[] = [];
  for (const [field, day] of [
    ['from', start],
    ['to', end],
  ] as const) {
    if (day < FIRST_DAY || day > LAST_DAY) errors.push({ field, message: `${field} must lie between 2000 and 2100` });
  }
  if (end < start) errors.push({ field: 'to', message: 'to must be on or after from' });
  else if (end - start + 1 > MAX_REPORT_WINDOW_DAYS) {
    errors.push({ field: 'to', message: `a report window spans at most ${MAX_REPORT_WINDOW_DAYS} days (3 years)` });
  }
  return errors;
}

export interface PeriodSlice {
  /** `2026-03` or `2026-Q1`. */
  period: string;
  /** The part of the window inside the period. */
  from: string;
  to: string;
}

/** The months or quarters a window touches, each cut to the window. */
export function periodsOf(from: string, to: string, period: ReportPeriod): PeriodSlice[] {
  const months = period === 'month' ? 1 : 3;
  const slices: PeriodSlice[] = [];
  let [year, month] = from.split('-').map(Number);
  month = Math.floor((month - 1) / months) * months + 1;
  for (;;) {
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    if (start > to) break;
    const nextMonth = month + months;
    const [nextYear, nextMonthInYear] = nextMonth > 12 ? [year + 1, nextMonth - 12] : [year, nextMonth];
    const next = `${nextYear}-${String(nextMonthInYear).padStart(2, '0')}-01`;
    const last = fromDayNumber(dayNumber(next) - 1);
    slices.push({
      period: period === 'month' ? start.slice(0, 7) : `${year}-Q${(month + 2) / 3}`,
      from: start < from ? from : start,
      to: last > to ? to : last,
    });
    [year, month] = [nextYear, nextMonthInYear];
  }
  return slices;
}

/**
 * PostgreSQL's percentile_cont over values given as (value, how many times): the value at rank p·(n−1), linearly
 * interpolated between its neighbours. Null for no values.
 */
export function percentileCont(counts: readonly (readonly [value: number, times: number])[], p: number): number | null {
  const sorted = counts.filter(([, times]) => times > 0).sort((a, b) => a[0] - b[0]);
  const n = sorted.reduce((sum, [, times]) => sum + times, 0);
  if (n === 0) return null;
  const rank = p * (n - 1);
  const at = (index: number): number => {
    let seen = 0;
    for (const [value, times] of sorted) {
      seen += times;
      if (index < seen) return value;
    }
    return sorted[sorted.length - 1][0];
  };
  const lower = at(Math.floor(rank));
  const upper = at(Math.ceil(rank));
  return lower + (upper - lower) * (rank - Math.floor(rank));
}

/** A ratio rounded to 4 decimals; null when the base is 0. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/** Days and other figures for display: 2 decimals at most. */
export function round2(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/** Hectares (numeric(10,2) text from PostgreSQL) as whole hundredths, so sums stay exact. */
export function hundredths(value: string | number): number {
  return Math.round(Number(value) * 100);
}
