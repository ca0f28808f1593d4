import { MAX_REPORT_WINDOW_DAYS, type ReportPeriod, type ReportWindow } from '@irm/contracts';

/** The windows a manager picks from; `custom` takes its dates from the address. */
export const RANGE_PRESETS = ['quarter', '12m', 'ytd', 'last-year', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const DEFAULT_PRESET = '12m' satisfies RangePreset;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isRangePreset(value: unknown): value is RangePreset {
  return typeof value === 'string' && (RANGE_PRESETS as readonly string[]).includes(value);
}

export function isReportPeriod(value: unknown): value is ReportPeriod {
  return value === 'month' || value === 'quarter';
}

/** A local calendar date as `YYYY-MM-DD`. */
export function isoDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

function dayCount(window: ReportWindow): number {
  return Math.round((Date.parse(window.to) - Date.parse(window.from)) / 86_400_000) + 1;
}

/** Whether the API will accept the window: real dates, in order, at most three years. */
export function isValidWindow(window: Partial<ReportWindow>): window is ReportWindow {
  if (!window.from || !window.to || !DATE.test(window.from) || !DATE.test(window.to)) return false;
  if (Number.isNaN(Date.parse(window.from)) || Number.isNaN(Date.parse(window.to))) return false;
  const days = dayCount(window as ReportWindow);
  return days >= 1 && days <= MAX_REPORT_WINDOW_DAYS;
}

/**
 * The dates of a preset on `today`: the quarter so far, the last 12 months (the same day a year ago, then to
 * today), the year so far, or last year.
 */
export function presetWindow(preset: Exclude<RangePreset, 'custom'>, today: Date): ReportWindow {
  const year = today.getFullYear();
  const to = isoDate(today);
  switch (preset) {
    case 'quarter':
      return { from: isoDate(new Date(year, Math.floor(today.getMonth() / 3) * 3, 1)), to };
    case 'ytd':
      return { from: `${year}-01-01`, to };
    case 'last-year':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case '12m':
    default: {
      // The same day a year before (29 Feb becomes 28 Feb), then the day after it.
      const lastDay = new Date(year - 1, today.getMonth() + 1, 0).getDate();
      const yearBefore = new Date(year - 1, today.getMonth(), Math.min(today.getDate(), lastDay));
      return { from: isoDate(new Date(yearBefore.getFullYear(), yearBefore.getMonth(), yearBefore.getDate() + 1)), to };
    }
  }
}

/** Months for a window of up to about a year and a half, quarters beyond: a readable number of bars. */
export function defaultPeriod(window: ReportWindow): ReportPeriod {
  return dayCount(window) > 550 ? 'quarter' : 'month';
}
