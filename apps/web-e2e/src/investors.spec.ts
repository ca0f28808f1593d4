import { taxCodeCheckDigit } from '@irm/domain';
import { expect, test, type Page } from '@playwright/test';
import { SCREENSHOT_DIR, adminApi, collectPageErrors } from './support';

/** A tax code no other test uses: a random nine-digit prefix with its check digit. */
function uniqueTaxCode(): string {
  for (;;) {
    const nine = `01${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(nine);
    if (check !== null && nine.slice(2) !== '0000000') return `${nine}${check}`;
  }
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** Types into a searchable select and picks the option, as a person would. */
async function choose(page: Page, input: ReturnType<Page['getByLabel']>, typed: string, option: RegExp | string) {
  await input.fill(typed);
  await page.getByRole('option', { name: option }).click();
}

test.describe('investors', () => {
  test('list → add → record → edit → search', async ({ page }) => {
    const errors = collectPageErrors(page);
    const suffix = unique();
    // A name no other test uses: look-alike names are stopped as possible duplicates.
    const name = `Công ty TNHH Quang điện Tam Đảo ${suffix}`;
    const taxCode = uniqueTaxCode();

    await page.goto('/investors');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Nhà đầu tư', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: 'Nhà đầu tư', level: 1 })).toBeVisible();

    // Add: the form explains what is missing before anything is sent.
    await page.getByTestId('add-investor').click();
    const form = page.getByTestId('create-investor-form');
    await form.getByRole('button', { name: 'Thêm nhà đầu tư' }).click();
    await expect(form).toContainText('Hãy nhập tên nhà đầu tư.');
    await form.getByRole('textbox', { name: 'Tên nhà đầu tư' }).fill(name);
    await form
      .getByRole('textbox', { name: 'Tên pháp lý' })
      .fill(`Công ty Trách nhiệm hữu hạn Quang điện Tam Đảo ${suffix}`);
    await form.getByLabel('Mã số thuế').fill('0100109107');
    await form.getByRole('button', { name: 'Thêm nhà đầu tư' }).click();
    await expect(form).toContainText('Mã số thuế không hợp lệ');
    await form.getByLabel('Mã số thuế').fill(taxCode);
    await form.getByRole('combobox', { name: 'Loại hình' }).click();
    await page.getByRole('option', { name: 'Có vốn đầu tư nước ngoài' }).click();
    // Searches work without diacritics, as many people type.
    await choose(page, form.getByLabel('Quốc gia'), 'han quoc', 'Hàn Quốc');
    await choose(page, form.getByLabel('Ngành nghề (VSIC 2018)'), 'dien tu', /^26 — /);
    await page.keyboard.press('Escape');
    await form.getByLabel('Nhãn').fill('điện tử');
    await form.getByLabel('Nhãn').press('Enter');
    await form.getByRole('combobox', { name: 'Nguồn' }).click();
    await page.getByRole('option', { name: 'Sự kiện xúc tiến đầu tư' }).click();
    await form.getByRole('button', { name: 'Thêm nhà đầu tư' }).click();

    // The new record opens.
    await expect(page.getByTestId('notifications')).toContainText(`Đã thêm ${name}.`);
    await expect(page).toHaveURL(/\/investors\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('investor-name')).toHaveText(name);
    const details = page.getByTestId('investor-details');
    await expect(details).toContainText('Có vốn đầu tư nước ngoài');
    await expect(details).toContainText('Hàn Quốc');
    await expect(details).toContainText(taxCode);
    await expect(details).toContainText('26 — Sản xuất sản phẩm điện tử');
    await expect(details).toContainText('điện tử');

    // Edit: the change is saved and recorded in the history an admin can see.
    await page.getByTestId('edit-investor').click();
    const edit = page.getByTestId('edit-investor-form');
    await expect(edit.getByRole('textbox', { name: 'Tên nhà đầu tư' })).toHaveValue(name);
    await edit.getByRole('combobox', { name: 'Quy mô' }).click();
    await page.getByRole('option', { name: 'Vừa' }).click();
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(edit).toBeHidden();
    await expect(details).toContainText('Vừa');
    const history = page.getByTestId('investor-history');
    await expect(history).toContainText('Tạo hồ sơ');
    await expect(history).toContainText(/Quy mô:.*→ Vừa/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-investor-record.png`, fullPage: true });

    // Search: back on the list, without diacritics.
    await page.getByRole('link', { name: 'Tất cả nhà đầu tư' }).click();
    await page.getByTestId('investor-search').fill(`tam dao ${suffix}`);
    const row = page.getByTestId('investor-row').filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('FDI');
    await expect(row).toContainText('Hàn Quốc');
    await expect(row).toContainText(taxCode);
    await expect(page).toHaveURL(/[?&]q=tam\+dao/);
    await page.getByTestId('investor-search').fill('');
    await expect(page).not.toHaveURL(/[?&]q=/);
    await expect(page.getByRole('button', { name: 'Xóa bộ lọc' })).toBeHidden();
    await expect(page.getByTestId('investor-row').first()).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-investors.png`, fullPage: true });

    await page.getByTestId('investor-search').fill('qxzjwv vkpq');
    await expect(page.getByTestId('investors-empty')).toContainText('Không có nhà đầu tư nào khớp');
    expect(errors).toEqual([]);
  });

  test('a change someone else saved meanwhile is shown, not overwritten', async ({ page, playwright, baseURL }) => {
    const api = await adminApi(playwright, baseURL);
    const name = `Công ty CP Cơ khí Yên Lạc ${unique()}`;
    const created = await api.request.post('/api/organizations?confirmDuplicate=true', {
      data: { name, kind: 'domestic', country: 'VN', sectors: ['25'] },
      headers: api.headers,
    });
    expect(created.status(), await created.text()).toBe(201);
    const organization = (await created.json()) as { id: string; version: number };

    await page.goto(`/investors/${organization.id}`);
    await page.getByTestId('edit-investor').click();
    const edit = page.getByTestId('edit-investor-form');
    await expect(edit.getByRole('textbox', { name: 'Tên nhà đầu tư' })).toHaveValue(name);

    // A colleague changes the size while this dialog is open.
    const other = await api.request.patch(`/api/organizations/${organization.id}`, {
      data: { version: organization.version, size: 'small' },
      headers: api.headers,
    });
    expect(other.status(), await other.text()).toBe(200);
    await api.dispose();

    await edit.getByRole('textbox', { name: 'Tên pháp lý' }).fill('Công ty Cổ phần Cơ khí Yên Lạc');
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const notice = page.getByTestId('stale-notice');
    await expect(notice).toContainText('Người khác vừa thay đổi nhà đầu tư này');
    await expect(notice).toContainText(/Quy mô:.*→ Nhỏ/);
    await expect(edit.getByRole('combobox', { name: 'Quy mô' })).toHaveValue('Nhỏ');

    // Saving again, on top of the colleague's change, works.
    await edit.getByRole('textbox', { name: 'Tên pháp lý' }).fill('Công ty Cổ phần Cơ khí Yên Lạc');
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(edit).toBeHidden();
    const details = page.getByTestId('investor-details');
    await expect(details).toContainText('Công ty Cổ phần Cơ khí Yên Lạc');
    await expect(details).toContainText('Nhỏ');
  });
});
