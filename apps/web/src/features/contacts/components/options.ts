import { CONTACT_LANGUAGES, ConsentSource, EmailConsent, type ContactLanguage } from '@irm/contracts';
import type { TFunction } from 'i18next';

export const CONSENTS = Object.values(EmailConsent);
export const CONSENT_SOURCES = Object.values(ConsentSource);

export const isContactLanguage = (value: unknown): value is ContactLanguage =>
  CONTACT_LANGUAGES.includes(value as ContactLanguage);
export const isConsent = (value: unknown): value is EmailConsent => CONSENTS.includes(value as EmailConsent);
export const isConsentSource = (value: unknown): value is ConsentSource =>
  CONSENT_SOURCES.includes(value as ConsentSource);

/** Setting consent either way must say how it was given; "unknown" needs no evidence. */
export const consentNeedsSource = (consent: EmailConsent) => consent !== EmailConsent.Unknown;

export const languageOptions = (t: TFunction) =>
  CONTACT_LANGUAGES.map((language) => ({ value: language, label: t(`contacts.language.${language}`) }));
export const consentOptions = (t: TFunction) =>
  CONSENTS.map((consent) => ({ value: consent, label: t(`contacts.consent.${consent}`) }));
export const consentSourceOptions = (t: TFunction) =>
  CONSENT_SOURCES.map((source) => ({ value: source, label: t(`contacts.consentSource.${source}`) }));
