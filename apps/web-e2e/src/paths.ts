import { resolve } from 'node:path';

const RESULTS_DIR = resolve(__dirname, '../../../test-results');
export const SCREENSHOT_DIR = resolve(RESULTS_DIR, 'screenshots');

/**
 * The admin's signed-in browser state, written once by auth.setup.ts and reused by every test that is not
 * about signing in itself: sign-in attempts are throttled per address, so a sign-in per test would not scale.
 */
export const ADMIN_STATE = resolve(RESULTS_DIR, '.auth/admin.json');
