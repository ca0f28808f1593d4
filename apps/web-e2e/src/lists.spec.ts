import { expect, test } from '@playwright/test';
import { SCREENSHOT_DIR, adminApi, collectPageErrors } from './support';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

test.describe('record lists', () => {
  test('sort by last change, either way, and choose the columns shown', async ({ page, playwright, baseURL }) => {
    const errors = collectPageErrors(page);
    const suffix = unique();
    const api = await adminApi(playwright, baseURL);
    const created: { id: string; version: number; name: string }[] = [];
    for (const trade of ['Gốm sứ', 'Dệt lụa', 'Mây tre']) {
      const response = await api.request.post('/api/organizations?confirmDuplicate=true', {
        data: { name: `Hợp tác xã ${trade} ${suffix}`, kind: 'domestic', country: 'VN' },
        headers: api.headers,
      });
      expect(response.status(), await response.text()).toBe(201);
      created.push(await response.json());
    }
    // The first one created is the last one changed.
    const touched = await api.request.patch(`/api/organizations/${created[0].id}`, {
      data: { version: created[0].version, size: 'small' },
      headers: api.headers,
    });
    expect(touched.status(), await touched.text()).toBe(200);
    await api.dispose();

    await page.goto(`/investors?q=${suffix}`);
    const rows = page.getByTestId('investor-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText('Dệt lụa');

    const table = page.getByTestId('investors-table');
    await table.getByTestId('sort-updatedAt').click();
    await expect(page).toHaveURL(/[?&]sort=-updatedAt/);
    await expect(table.getByRole('columnheader', { name: /Cập nhật/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(rows.first()).toContainText('Gốm sứ');
    await table.getByTestId('sort-updatedAt').click();
    await expect(page).toHaveURL(/[?&]sort=updatedAt/);
    await expect(rows.last()).toContainText('Gốm sứ');

    // Columns: hide the tax code, shown again after a reload as the person left it.
    await expect(table.getByRole('columnheader', { name: 'Mã số thuế' })).toBeVisible();
    await page.getByTestId('columns-menu').click();
    await page.getByRole('checkbox', { name: 'Mã số thuế' }).click();
    await page.keyboard.press('Escape');
    await expect(table.getByRole('columnheader', { name: 'Mã số thuế' })).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-investors-sorted.png`, fullPage: true });
    await page.reload();
    await expect(page.getByTestId('investor-row')).toHaveCount(3);
    await expect(page.getByTestId('investors-table').getByRole('columnheader', { name: 'Mã số thuế' })).toHaveCount(0);
    await expect(page.getByTestId('investor-row').last()).toContainText('Gốm sứ');
    expect(errors).toEqual([]);
  });
});
