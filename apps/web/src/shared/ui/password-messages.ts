import { MIN_PASSWORD_LENGTH } from '@irm/contracts';
import type { TFunction } from 'i18next';

const TOO_SHORT = /^must be at least/i;
const TOO_EASY = /^is too easy to guess(?::\s*(.+))?$/i;

/**
 * The password policy's field message in the reader's language. The server words it in English
 * ("is too easy to guess: <estimator hint>"); its known forms are translated and anything else is shown as sent.
 */
export function passwordRuleMessage(message: string | undefined, t: TFunction, language: string): string | undefined {
  if (!message) return undefined;
  if (TOO_SHORT.test(message)) return t('password.tooShort', { min: MIN_PASSWORD_LENGTH });
  const tooEasy = TOO_EASY.exec(message);
  if (tooEasy) {
    // The estimator's hint exists only in English.
    const hint = language === 'en' && tooEasy[1] ? ` ${tooEasy[1].charAt(0).toUpperCase()}${tooEasy[1].slice(1)}.` : '';
    return `${t('password.tooEasy')}${hint}`;
  }
  return message;
}
