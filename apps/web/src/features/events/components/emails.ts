const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The emails in pasted text (a sign-in sheet, a registration export): one per line, or separated by commas,
 * semicolons or spaces, `<…>` brackets dropped, lower-cased, repeats dropped. Names around them ("Park Ji-hoon
 * <park@…>") are ignored; words with an @ that are not emails are set apart as likely typos.
 */
export function parseEmails(text: string): { emails: string[]; invalid: string[] } {
  const words = text
    .split(/[\s,;]+/)
    .map((word) => word.trim().replace(/^<|>$/g, '').toLowerCase())
    .filter(Boolean);
  const unique = [...new Set(words.filter((word) => word.includes('@')))];
  return { emails: unique.filter((word) => EMAIL.test(word)), invalid: unique.filter((word) => !EMAIL.test(word)) };
}
