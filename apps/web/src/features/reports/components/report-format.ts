import { useMemo } from 'react';
import type { Language } from '@irm/contracts';
import { useLanguage } from '../../../shared/i18n';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-US' };

export interface ReportFormatters {
  /** VND in the words people use: "25,5 tỷ ₫" / "₫25.5 bn". */
  vnd: (value: number) => string;
  /** Every đồng, for tooltips. */
  vndExact: (value: number) => string;
  /** USD shortened: "25 triệu USD" / "$25M". */
  usd: (value: number) => string;
  /** Working days with one decimal at most. */
  days: (value: number) => string;
  /** "T3/2026", "Q1 2026" / "Mar 2026", "Q1 2026" from `2026-03` / `2026-Q1`. */
  period: (period: string) => string;
  /** A short date without the year when it is this year's. */
  shortDate: (iso: string) => string;
}

export function createReportFormatters(language: Language): ReportFormatters {
  const locale = LOCALES[language];
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const exact = new Intl.NumberFormat(locale, { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
  const usdCompact = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const scaled = (value: number, units: [number, string][], fallback: string) => {
    for (const [size, unit] of units) if (Math.abs(value) >= size) return `${oneDecimal.format(value / size)} ${unit}`;
    return `${oneDecimal.format(value)}${fallback}`;
  };
  return {
    vnd: (value) =>
      language === 'vi'
        ? scaled(
            value,
            [
              [1e9, 'tỷ ₫'],
              [1e6, 'triệu ₫'],
            ],
            ' ₫',
          )
        : `₫${scaled(
            value,
            [
              [1e9, 'bn'],
              [1e6, 'm'],
            ],
            '',
          )}`,
    vndExact: (value) => exact.format(value),
    usd: (value) =>
      language === 'vi'
        ? scaled(
            value,
            [
              [1e9, 'tỷ USD'],
              [1e6, 'triệu USD'],
            ],
            ' USD',
          )
        : usdCompact.format(value),
    days: (value) => oneDecimal.format(value),
    period: (period) => {
      const quarter = /^(\d{4})-Q(\d)$/.exec(period);
      if (quarter) return language === 'vi' ? `Q${quarter[2]}/${quarter[1]}` : `Q${quarter[2]} ${quarter[1]}`;
      if (language === 'vi') {
        const [year, monthNumber] = period.split('-');
        return `T${Number(monthNumber)}/${year}`;
      }
      return month.format(new Date(`${period}-01T00:00:00Z`));
    },
    shortDate: (iso) => day.format(new Date(`${iso}T00:00:00Z`)),
  };
}

export function useReportFormatters(): ReportFormatters {
  const [language] = useLanguage();
  return useMemo(() => createReportFormatters(language), [language]);
}
