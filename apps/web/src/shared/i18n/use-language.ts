import type { Language } from '@irm/contracts';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage } from './i18n';

export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  return [language, (next) => void i18n.changeLanguage(next)];
}
