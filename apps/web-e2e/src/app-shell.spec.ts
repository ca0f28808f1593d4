import { expect, test } from '@playwright/test';
import { collectPageErrors, SCREENSHOT_DIR } from './support';

test.describe('app shell', () => {
  test('renders in Vietnamese by default, switches to English and remembers it', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto('/');

    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByTestId('app-name')).toHaveText('IRM — Xúc tiến đầu tư');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Tổng quan' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
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

    await page.reload();

    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('app-name')).toHaveText('IRM — Investment Promotion');
    await expect(page.getByRole('heading', { level: 2, name: 'Industrial clusters' })).toBeVisible();
    await expect(page).toHaveTitle(/Overview/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-home-en.png`, fullPage: true });

    expect(errors).toEqual([]);
  });

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

    await notFound.getByRole('link', { name: 'Về trang tổng quan' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
    expect(errors).toEqual([]);
  });
});
