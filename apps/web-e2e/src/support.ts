import { resolve } from 'node:path';
import type { Page } from '@playwright/test';

export const SCREENSHOT_DIR = resolve(__dirname, '../../../test-results/screenshots');

/** Fails the test on any uncaught error or CSP violation, which the visible page might hide. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      errors.push(message.text());
    }
  });
  return errors;
}
