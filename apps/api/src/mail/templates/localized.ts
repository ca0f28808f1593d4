import type { EmailLanguage } from '@irm/contracts';

/** Text given in both mail languages, or one text used for both (a name, a title typed by a person). */
export type Localized = string | { vi: string; en: string };

export function localize(text: Localized, language: EmailLanguage): string {
  return typeof text === 'string' ? text : text[language];
}

/** A date and time as a reader of that language expects it, in the agency's time zone. */
export function formatInstant(iso: string, language: EmailLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** The sender named in every footer, from the province settings. */
export interface AgencyProfile {
  name: { vi: string; en: string };
  address: string;
}

/** What every template is rendered with besides its own data. */
export interface RenderContext {
  language: EmailLanguage;
  agency: AgencyProfile;
  timeZone: string;
  /** Investor mail only: where the recipient stops all mail from us. */
  unsubscribeUrl?: string;
}

/** A calendar date (`YYYY-MM-DD`, no time zone) as a reader of that language expects it. */
export function formatLocalDate(date: string, language: EmailLanguage): string {
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
