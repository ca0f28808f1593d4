import { useMemo } from 'react';
import type { Language } from '@irm/contracts';
import { useLanguage } from '../../../shared/i18n';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-US' };

export interface MoneyFormat {
  /** USD with 2 decimals, e.g. "12.500.000,00 US$" in Vietnamese. */
  usd: (value: number) => string;
  /** VND as an integer, e.g. "12.500.000.000 ₫". */
  vnd: (value: number) => string;
  /** Short forms for column totals: "12,5 Tr US$", "$12.5M". */
  usdShort: (value: number) => string;
  vndShort: (value: number) => string;
  /** Percent figures given as numbers (3.5 → "3,5%"). */
  percentValue: (value: number) => string;
}

/** Money as the reader's language writes it; VND integers, USD with cents. */
export function useMoneyFormat(): MoneyFormat {
  const [language] = useLanguage();
  return useMemo(() => {
    const locale = LOCALES[language];
    const usd = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
    const vnd = new Intl.NumberFormat(locale, { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
    const compact = (currency: string) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    const usdShort = compact('USD');
    const vndShort = compact('VND');
    const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    return {
      usd: (value) => usd.format(value),
      vnd: (value) => vnd.format(value),
      usdShort: (value) => usdShort.format(value),
      vndShort: (value) => vndShort.format(value),
      percentValue: (value) => `${percent.format(value)}%`,
    };
  }, [language]);
}
