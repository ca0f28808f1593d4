import { expect, test } from '@playwright/test';
import { ADMIN, SCREENSHOT_DIR, SIGNED_OUT, collectPageErrors, csrfHeaders, submitSignIn } from './support';

test.use({ storageState: SIGNED_OUT });

test.describe('signing in and out', () => {
  test('the sign-in page speaks Vietnamese first and refuses a wrong password', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto('/login');

    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
    await expect(page).toHaveTitle(/Đăng nhập/);
    // Outside the staff shell: no navigation, no user menu.
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expect(page.getByTestId('user-menu')).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-login-vi.png`, fullPage: true });

    await submitSignIn(page, { email: ADMIN.email, password: `${ADMIN.password}-sai` });

    const error = page.getByTestId('login-error');
    await expect(error).toContainText('Email hoặc mật khẩu không đúng');
    await expect(page).toHaveURL(/\/login$/);
    // The password is cleared and focused for the next try; the email stays.
    await expect(page.locator('input[name="password"]')).toHaveValue('');
    await expect(page.locator('input[name="password"]')).toBeFocused();
    await expect(page.locator('input[name="email"]')).toHaveValue(ADMIN.email);

    await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(error).toContainText('The email or password is not correct');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-login-en-error.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  test('signing in opens the staff shell and signing out ends the session', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);

    // A returnTo pointing at another site is ignored: the person lands on the overview.
    await page.goto('/login?returnTo=//evil.example/phish');
    await submitSignIn(page, ADMIN);

    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Tổng quan' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Người dùng' })).toBeVisible();

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();

    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByTestId('login-form')).toBeVisible();
    // The session is gone on the server too, not only in this tab.
    await page.goto('/settings/profile');
    await expect(page).toHaveURL(/\/login\?returnTo=%2Fsettings%2Fprofile$/);
  });

  test('a deep link opened while signed out comes back after signing in', async ({ page }) => {
    await page.goto('/admin/users?q=admin');

    await expect(page).toHaveURL(/\/login\?returnTo=%2Fadmin%2Fusers%3Fq%3Dadmin$/);
    await submitSignIn(page, ADMIN);

    await expect(page).toHaveURL(/\/admin\/users\?q=admin$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Người dùng' })).toBeVisible();
  });

  test('an ended session sends the person to sign in again and back to where they were', async ({ page }) => {
    await page.goto('/login');
    await submitSignIn(page, ADMIN);
    await expect(page.getByTestId('user-menu')).toBeVisible();

    // Ended elsewhere (idle timeout, revoked, account deactivated): the next request gets 401.
    const headers = csrfHeaders(await page.context().cookies());
    expect((await page.request.post('/api/auth/logout', { headers })).status()).toBe(204);

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Mã truy cập API' }).click();

    await expect(page.getByTestId('notifications')).toContainText(
      'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
    );
    await expect(page).toHaveURL(/\/login\?returnTo=%2Fsettings%2Ftokens$/);

    await submitSignIn(page, ADMIN);
    await expect(page).toHaveURL(/\/settings\/tokens$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Mã truy cập API' })).toBeVisible();
  });
});
