import { expect, test } from '@playwright/test';
import { SCREENSHOT_DIR, adminApi, collectPageErrors } from './support';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

test.describe('search and duplicates', () => {
  test('Ctrl+K finds a zone and an investor without diacritics and opens it', async ({ page, playwright, baseURL }) => {
    const errors = collectPageErrors(page);
    const suffix = unique();
    const name = `Công ty Cổ phần Gốm Hương Canh ${suffix}`;
    const api = await adminApi(playwright, baseURL);
    const created = await api.request.post('/api/organizations?confirmDuplicate=true', {
      data: { name, kind: 'domestic', country: 'VN' },
      headers: api.headers,
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await api.dispose();

    await page.goto('/');
    // The shortcut works once the app has started: wait for the page, as a person would.
    await expect(page.getByRole('heading', { name: 'Tổng quan', level: 1 })).toBeVisible();
    await page.keyboard.press('Control+K');
    const box = page.getByRole('combobox', { name: 'Tìm trong toàn bộ dữ liệu' });
    await expect(box).toBeFocused();
    await box.fill('dong soc');
    const zones = page.getByRole('group', { name: 'Khu, cụm CN' });
    await expect(zones.getByRole('option').first()).toContainText('CCN Đồng Sóc');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-search.png` });

    await box.fill(`gom huong canh ${suffix}`);
    const investors = page.getByRole('group', { name: 'Nhà đầu tư' });
    await expect(investors.getByRole('option', { name: new RegExp(name) })).toBeVisible();
    await expect(page.getByRole('option', { selected: true })).toContainText(name);
    await box.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/investors/${id}$`));
    await expect(page.getByTestId('investor-name')).toHaveText(name);
    expect(errors).toEqual([]);
  });

  test('a look-alike investor is stopped with the existing one, created on confirmation, then merged', async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    const suffix = unique();
    const first = `Công ty TNHH Cơ khí Lề Lỗ ${suffix}`;
    const second = `Co khi Le Lo ${suffix} Co., Ltd`;

    const add = async (name: string) => {
      await page.goto('/investors');
      await page.getByTestId('add-investor').click();
      const form = page.getByTestId('create-investor-form');
      await form.getByRole('textbox', { name: 'Tên nhà đầu tư' }).fill(name);
      await form.getByRole('combobox', { name: 'Loại hình' }).click();
      await page.getByRole('option', { name: 'Trong nước' }).click();
      await form.getByLabel('Quốc gia').fill('viet nam');
      await page.getByRole('option', { name: 'Việt Nam' }).click();
      await form.getByRole('button', { name: 'Thêm nhà đầu tư' }).click();
    };

    await add(first);
    await expect(page.getByTestId('investor-name')).toHaveText(first);

    await add(second);
    const prompt = page.getByTestId('duplicate-prompt');
    await expect(prompt).toContainText('Có thể đã có bản ghi này');
    await expect(prompt.getByRole('link', { name: first })).toBeVisible();
    await expect(prompt).toContainText(/tên giống \d+%/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-duplicate-prompt.png` });
    await prompt.getByRole('button', { name: 'Đây là bản ghi khác — vẫn tạo' }).click();
    await expect(page.getByTestId('investor-name')).toHaveText(second);

    // The report groups the two; keeping the first merges the second into it.
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Bản ghi trùng' })
      .click();
    const group = page.getByTestId('duplicate-group').filter({ hasText: first });
    await expect(group).toContainText(second);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-duplicates.png`, fullPage: true });
    await group.getByRole('radio', { name: `Giữ: ${first}` }).check();
    await group.getByRole('button', { name: 'Gộp vào bản được giữ' }).click();
    const dialog = page.getByRole('dialog', { name: `Gộp 1 bản ghi vào “${first}”?` });
    await dialog.getByRole('button', { name: 'Gộp vào bản được giữ' }).click();
    await expect(page.getByTestId('notifications')).toContainText(`Đã gộp vào ${first}.`);
    await expect(page.getByTestId('duplicate-group').filter({ hasText: first })).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});
