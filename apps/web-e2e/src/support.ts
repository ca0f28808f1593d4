import { expect, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import { ADMIN_STATE } from './paths';

export { ADMIN_STATE, SCREENSHOT_DIR } from './paths';

/** tools/test-browser.mjs seeds this admin and passes the same values in the environment. */
export const ADMIN = {
  email: process.env.ADMIN_EMAIL ?? 'admin@irm.test',
  password: process.env.ADMIN_PASSWORD ?? 'browser-test-Xq7vK2pLm9Rt',
};

/** For tests that must start signed out. */
export const SIGNED_OUT = { cookies: [], origins: [] };

export interface Credentials {
  email: string;
  password: string;
}

/** Fills the sign-in form and submits it with Enter, as most people do. */
export async function submitSignIn(page: Page, { email, password }: Credentials): Promise<void> {
  const form = page.getByTestId('login-form');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('input[name="password"]').press('Enter');
}

export async function signIn(page: Page, credentials: Credentials = ADMIN): Promise<void> {
  await page.goto('/login');
  await submitSignIn(page, credentials);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Cookie-authenticated writes must echo the CSRF cookie, exactly as the web app does. */
export function csrfHeaders(cookies: readonly { name: string; value: string }[]): Record<string, string> {
  const csrf = cookies.find((cookie) => cookie.name === 'csrf_token');
  if (!csrf) throw new Error('No csrf_token cookie: is this signed in?');
  return { 'X-CSRF-Token': decodeURIComponent(csrf.value) };
}

/** An API client with the admin's session (from auth.setup.ts), for arranging data a test needs. */
export async function adminApi(playwright: PlaywrightWorkerArgs['playwright'], baseURL?: string) {
  const request = await playwright.request.newContext({ baseURL, storageState: ADMIN_STATE });
  const headers = csrfHeaders((await request.storageState()).cookies);
  /** A write through the API that must answer `status` (201 for a POST, else 200); returns the body. */
  const send = async <T = { id: string; version: number }>(
    method: 'post' | 'patch' | 'put',
    path: string,
    data: unknown,
    status = method === 'post' ? 201 : 200,
  ): Promise<T> => {
    const response = await request[method](path, { data, headers });
    expect(response.status(), await response.text()).toBe(status);
    return (await response.json()) as T;
  };
  return {
    request,
    headers,
    send,
    dispose: () => request.dispose(),
  };
}

export interface CreatedUser extends Credentials {
  id: string;
  name: string;
  version: number;
}

/** Creates an account through the API, so a test can own a user instead of changing the shared admin. */
export async function createUser(
  api: { request: APIRequestContext; headers: Record<string, string> },
  { role = 'staff', name = 'Nguyễn Thị Thử' }: { role?: 'admin' | 'manager' | 'staff'; name?: string } = {},
): Promise<CreatedUser> {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const credentials = { email: `e2e-${unique}@irm.test`, password: `Lua-nep-Vinh-Phuc-${unique}` };
  const response = await api.request.post('/api/users', { data: { ...credentials, name, role }, headers: api.headers });
  expect(response.status(), await response.text()).toBe(201);
  const user = (await response.json()) as { id: string; name: string; version: number };
  return { ...credentials, ...user };
}

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
