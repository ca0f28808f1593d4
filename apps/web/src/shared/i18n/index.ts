export { DEFAULT_LANGUAGE, initI18n, isLanguage } from './i18n';
export { createFormatters, useFormatters, type Formatters } from './format';
export { useLanguage } from './use-language';
