import { LANGUAGES, type Language } from '@irm/contracts';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { vi } from './vi';

export const DEFAULT_LANGUAGE: Language = 'vi';
const STORAGE_KEY = 'irm.language';

export const resources = {
  vi: { translation: vi },
  en: { translation: en },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage can be blocked (privacy mode); fall back silently
  }
}

function rememberLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across reloads then; the switch still works for this visit.
  }
}

export function initI18n(): typeof i18next {
  i18next.on('languageChanged', rememberLanguage);
  void i18next.use(initReactI18next).init({
    resources,
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  return i18next;
}
