import { isPossiblePhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js';

/** Numbers without a country code are read as Vietnamese, as the server does. */
const DEFAULT_COUNTRY = 'VN';

/** A stored E.164 number as people read it, e.g. "+84 912 345 678"; anything unparseable is shown as is. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** A quick check before sending; the server has the last word. */
export function isPlausiblePhone(value: string): boolean {
  return isPossiblePhoneNumber(value, DEFAULT_COUNTRY);
}

/** For `tel:` links. */
export function phoneHref(e164: string): string {
  return `tel:${e164.replace(/[^\d+]/g, '')}`;
}
