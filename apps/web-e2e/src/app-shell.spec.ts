import { expect, test } from '@playwright/test';
import { SCREENSHOT_DIR, SIGNED_OUT, adminApi, collectPageErrors, createUser, signIn } from './support';

test.describe('app shell', () => {
  test('shows the system health status from the API', async ({ page }) => {
    await page.goto('/');
    const badge = page.getByTestId('health-badge');
    await expect(badge).toHaveAttribute('data-status', /^(ok|degraded)$/);
    await badge.click();
    await expect(page.getByText('Cơ sở dữ liệu')).toBeVisible();
  });

  test('an unknown address shows the 404 page with a way back', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto('/khong-ton-tai/trang-nay');

    const notFound = page.getByTestId('not-found');
    await expect(notFound.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeVisible();
    await expect(notFound).toContainText('/khong-ton-tai/trang-nay');
    // A public page: rendered outside the staff shell.
    await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toHaveCount(0);

    await notFound.getByRole('link', { name: 'Về trang tổng quan' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
    expect(errors).toEqual([]);
  });
});

// Own accounts, so these tests neither change the shared admin's profile nor depend on it.
test.describe('app shell for a staff member', () => {
  test.use({ storageState: SIGNED_OUT });

  test('renders in Vietnamese by default, switches to English, remembers it and saves it to the profile', async ({
    page,
    playwright,
    baseURL,
  }) => {
    const errors = collectPageErrors(page);
    const api = await adminApi(playwright, baseURL);
    const officer = await createUser(api, { role: 'staff', name: 'Trần Văn Cán Bộ' });
    await api.dispose();
    await signIn(page, officer);

    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByTestId('app-name')).toHaveText('IRM — Xúc tiến đầu tư');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Tổng quan' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
    await expect(page.getByTestId('user-menu-name')).toHaveText('Trần Văn Cán Bộ');
    await expect(page.getByTestId('zone-count-industrial_park')).toBeVisible();
    await expect(page).toHaveTitle(/Tổng quan/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-home-vi.png`, fullPage: true });

    await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();

    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('app-name')).toHaveText('IRM — Investment Promotion');
    await expect(
      page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Overview' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Industrial parks' })).toBeVisible();
    await expect.poll(async () => (await (await page.request.get('/api/auth/me')).json()).language).toBe('en');

    await page.reload();

    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('app-name')).toHaveText('IRM — Investment Promotion');
    await expect(page.getByRole('heading', { level: 2, name: 'Industrial clusters' })).toBeVisible();
    await expect(page).toHaveTitle(/Overview/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-home-en.png`, fullPage: true });

    expect(errors).toEqual([]);
  });

  test('a staff member sees only what their role can use', async ({ page, playwright, baseURL }) => {
    const api = await adminApi(playwright, baseURL);
    const officer = await createUser(api, { role: 'staff' });
    await api.dispose();
    await signIn(page, officer);

    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Tổng quan' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Người dùng' })).toHaveCount(0);

    await page.goto('/admin/users');
    await expect(page.getByTestId('forbidden')).toContainText('Bạn không có quyền xem trang này');
    await expect(page.getByTestId('users-table')).toHaveCount(0);
  });
});
