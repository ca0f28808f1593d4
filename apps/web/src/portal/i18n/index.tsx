import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CONTACT_LANGUAGES, type ContactLanguage } from '@irm/contracts';
import { en } from './en';
import { vi, type Dictionary } from './vi';

export type { Dictionary } from './vi';
export type PortalLanguage = ContactLanguage;
export const PORTAL_LANGUAGES = CONTACT_LANGUAGES;

/** Each language's name in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<PortalLanguage, string> = {
  vi: 'Tiếng Việt',
  en: 'English',
  ja: '日本語',
  ko: '한국어',
  zh: '中文',
};

/** BCP 47 tags for Intl formatting. */
const LOCALES: Record<PortalLanguage, string> = { vi: 'vi-VN', en: 'en-GB', ja: 'ja-JP', ko: 'ko-KR', zh: 'zh-CN' };

const STORAGE_KEY = 'irm.portal.language';

// Vietnamese and English travel with the page; the others are fetched only by those who choose them.
const loaders: Record<PortalLanguage, () => Promise<Dictionary>> = {
  vi: () => Promise.resolve(vi),
  en: () => Promise.resolve(en),
  ja: () => import('./ja').then((module) => module.ja),
  ko: () => import('./ko').then((module) => module.ko),
  zh: () => import('./zh').then((module) => module.zh),
};
const loaded: Partial<Record<PortalLanguage, Dictionary>> = { vi, en };

export function isPortalLanguage(value: unknown): value is PortalLanguage {
  return typeof value === 'string' && (PORTAL_LANGUAGES as readonly string[]).includes(value);
}

/** The language the visitor asked for: `?lang=` (shared links), else their earlier choice on this device. */
export function chosenLanguage(): PortalLanguage | null {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isPortalLanguage(fromUrl)) return fromUrl;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isPortalLanguage(stored)) return stored;
  } catch {
    // Storage may be blocked; fall through.
  }
  return null;
}

/** The chosen language, else the browser's languages, else Vietnamese. */
export function initialLanguage(): PortalLanguage {
  const chosen = chosenLanguage();
  if (chosen) return chosen;
  for (const tag of navigator.languages ?? []) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isPortalLanguage(base)) return base;
  }
  return 'vi';
}

export function loadDictionary(language: PortalLanguage): Promise<Dictionary> {
  const ready = loaded[language];
  if (ready) return Promise.resolve(ready);
  return loaders[language]().then((dictionary) => (loaded[language] = dictionary));
}

export interface Formatters {
  number(value: number, maximumFractionDigits?: number): string;
  hectares(value: number): string;
  date(value: string): string;
  dateTime(value: string): string;
  bytes(value: number): string;
  /** "A, B or C" in the reader's language. */
  alternatives(values: string[]): string;
}

function createFormatters(language: PortalLanguage): Formatters {
  const locale = LOCALES[language];
  const numbers = new Map<number, Intl.NumberFormat>();
  const number = (value: number, digits = 0) => {
    let format = numbers.get(digits);
    if (!format) numbers.set(digits, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
    return format.format(value);
  };
  // Dates of the agency's calendar: shown as the province reads them.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' });
  const moment = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  const or = new Intl.ListFormat(locale, { type: 'disjunction' });
  return {
    number,
    hectares: (value) => number(value, 2),
    // `YYYY-MM-DD` is a calendar day: read at noon so no time zone moves it to another day.
    date: (value) => day.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00+07:00` : value)),
    dateTime: (value) => moment.format(new Date(value)),
    bytes: (value) =>
      value < 1024 * 1024 ? `${number(Math.max(1, Math.round(value / 1024)))} KB` : `${number(value / 1048576, 1)} MB`,
    alternatives: (values) => or.format(values),
  };
}

interface LanguageContextValue {
  language: PortalLanguage;
  t: Dictionary;
  format: Formatters;
  /** `remember: false` for a language the page picks itself (the one a tracked request was written in). */
  setLanguage(language: PortalLanguage, options?: { remember?: boolean }): void;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function LanguageProvider({
  initial,
  dictionary,
  children,
}: {
  initial: PortalLanguage;
  dictionary: Dictionary;
  children: ReactNode;
}) {
  const [state, setState] = useState({ language: initial, t: dictionary });

  const setLanguage = useCallback((language: PortalLanguage, { remember = true } = {}) => {
    void loadDictionary(language).then((t) => setState({ language, t }));
    if (!remember) return;
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Remembered for this visit only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = state.language;
  }, [state.language]);

  const value = useMemo(
    () => ({ ...state, format: createFormatters(state.language), setLanguage }),
    [state, setLanguage],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage outside LanguageProvider');
  return value;
}

/** The country names of the form, in the reader's language (the browser knows them: nothing to download). */
export function countryName(language: PortalLanguage, code: string): string {
  try {
    return new Intl.DisplayNames([LOCALES[language]], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
