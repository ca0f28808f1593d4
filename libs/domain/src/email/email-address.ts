/**
 * An email address as it is stored and compared, so that one address typed two ways is one contact: surrounding
 * white space dropped, lower case (addresses are matched case-insensitively, as mail providers treat them), and
 * Unicode composed (NFC), so a local part typed with combining accents matches the precomposed spelling.
 */
export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase().normalize('NFC');
}
