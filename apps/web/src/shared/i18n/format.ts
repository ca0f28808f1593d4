import { useMemo } from 'react';
import type { Language } from '@irm/contracts';
import { useLanguage } from './use-language';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-US' };

export interface Formatters {
  /** Hectares with 2 decimals, e.g. "5.215,30 ha" in Vietnamese. */
  hectares: (value: number) => string;
  integer: (value: number) => string;
  percent: (ratio: number) => string;
  /** Day, month and year, e.g. "05/03/2026" in Vietnamese. */
  date: (iso: string) => string;
  /** Date with hours and minutes. */
  dateTime: (iso: string) => string;
  /** Hours and minutes only. */
  time: (iso: string) => string;
}

export function createFormatters(language: Language): Formatters {
  const locale = LOCALES[language];
  const area = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  return {
    hectares: (value) => `${area.format(value)} ha`,
    integer: (value) => integer.format(value),
    percent: (ratio) => percent.format(Number.isFinite(ratio) ? ratio : 0),
    date: (iso) => formatDate(date, iso),
    dateTime: (iso) => formatDate(dateTime, iso),
    time: (iso) => formatDate(time, iso),
  };
}

export function useFormatters(): Formatters {
  const [language] = useLanguage();
  return useMemo(() => createFormatters(language), [language]);
}

function formatDate(format: Intl.DateTimeFormat, iso: string): string {
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : format.format(value);
}
