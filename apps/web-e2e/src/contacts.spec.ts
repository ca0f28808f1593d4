import { expect, test } from '@playwright/test';
import { SCREENSHOT_DIR, adminApi, collectPageErrors } from './support';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

test.describe('contacts', () => {
  test('list → add → record → edit, and the investor shows its contact', async ({ page, playwright, baseURL }) => {
    const errors = collectPageErrors(page);
    const suffix = unique();
    const organizationName = `Công ty TNHH Cơ khí Đồng Sóc ${suffix}`;
    const fullName = `Nguyễn Thị Hằng ${suffix}`;
    const email = `hang.${suffix}@dongsoc.example`;

    const api = await adminApi(playwright, baseURL);
    const created = await api.request.post('/api/organizations?confirmDuplicate=true', {
      data: { name: organizationName, kind: 'domestic', country: 'VN', sectors: ['25'] },
      headers: api.headers,
    });
    expect(created.status(), await created.text()).toBe(201);
    const organization = (await created.json()) as { id: string };
    await api.dispose();

    await page.goto('/contacts');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Liên hệ', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: 'Liên hệ', level: 1 })).toBeVisible();

    // Add: what is missing is explained before anything is sent.
    await page.getByTestId('add-contact').click();
    const form = page.getByTestId('create-contact-form');
    await form.getByRole('button', { name: 'Thêm liên hệ' }).click();
    await expect(form).toContainText('Hãy nhập họ và tên.');
    await form.getByRole('textbox', { name: 'Họ và tên' }).fill(fullName);
    await form.getByRole('textbox', { name: 'Chức vụ' }).fill('Trưởng phòng đầu tư');
    // The investor is found without diacritics, by the server.
    await form.getByRole('combobox', { name: 'Nhà đầu tư' }).fill(`dong soc ${suffix}`);
    await page.getByRole('option', { name: organizationName }).click();
    await form.getByRole('textbox', { name: 'Email' }).fill(email);
    await form.getByRole('textbox', { name: 'Số điện thoại' }).fill('0912 345 678');
    // Consent either way needs its source.
    await expect(form.getByRole('combobox', { name: 'Nguồn đồng ý' })).toHaveCount(0);
    await form.getByRole('combobox', { name: 'Đồng ý nhận email' }).click();
    await page.getByRole('option', { name: 'Đồng ý', exact: true }).click();
    await form.getByRole('button', { name: 'Thêm liên hệ' }).click();
    await expect(form).toContainText('Hãy chọn nguồn đồng ý.');
    await form.getByRole('combobox', { name: 'Nguồn đồng ý' }).click();
    await page.getByRole('option', { name: 'Sự kiện', exact: true }).click();
    await form.getByRole('button', { name: 'Thêm liên hệ' }).click();

    // The new record opens, with the phone number stored in international form.
    await expect(page.getByTestId('notifications')).toContainText(`Đã thêm ${fullName}.`);
    await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('contact-name')).toHaveText(fullName);
    const details = page.getByTestId('contact-details');
    await expect(details).toContainText(organizationName);
    await expect(details).toContainText(email);
    await expect(page.getByTestId('contact-phone')).toHaveText('+84 912 345 678');
    await expect(details).toContainText('Đồng ý');
    await expect(details).toContainText('Sự kiện');

    // Edit: the change is saved and recorded in the history an admin can see.
    await page.getByTestId('edit-contact').click();
    const edit = page.getByTestId('edit-contact-form');
    await expect(edit.getByRole('textbox', { name: 'Họ và tên' })).toHaveValue(fullName);
    await edit.getByRole('textbox', { name: 'Chức vụ' }).fill('Phó Giám đốc');
    await edit.getByRole('combobox', { name: 'Ngôn ngữ ưu tiên' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(edit).toBeHidden();
    await expect(details).toContainText('Phó Giám đốc');
    await expect(details).toContainText('English');
    const history = page.getByTestId('contact-history');
    await expect(history).toContainText('Tạo hồ sơ');
    await expect(history).toContainText(/Chức vụ:.*→ Phó Giám đốc/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-contact-record.png`, fullPage: true });

    // The list: found without diacritics, phone shown the way people read it.
    await page.getByRole('link', { name: 'Tất cả liên hệ' }).click();
    await page.getByTestId('contact-search').fill(`nguyen thi hang ${suffix}`);
    const row = page.getByTestId('contact-row').filter({ hasText: fullName });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Phó Giám đốc');
    await expect(row).toContainText(organizationName);
    await expect(row).toContainText('+84 912 345 678');
    await expect(row).toContainText('Đồng ý');
    await page.getByTestId('contact-search').fill('');
    await expect(page.getByTestId('contact-row').first()).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-contacts.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId('contact-card').first()).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-contacts-mobile.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });

    // The investor's page lists the person, with a way to add another already linked to it.
    await row.getByRole('link', { name: organizationName }).click();
    await expect(page).toHaveURL(new RegExp(`/investors/${organization.id}$`));
    const panel = page.getByTestId('investor-contacts');
    await expect(panel.getByTestId('investor-contact')).toHaveCount(1);
    await expect(panel).toContainText(fullName);
    await panel.getByTestId('add-investor-contact').click();
    const fromInvestor = page.getByTestId('create-contact-form');
    await expect(fromInvestor.getByRole('combobox', { name: 'Nhà đầu tư' })).toHaveValue(organizationName);
    await fromInvestor.getByRole('textbox', { name: 'Họ và tên' }).fill(`Trần Văn Minh ${suffix}`);
    await fromInvestor.getByRole('textbox', { name: 'Email' }).fill(email);
    await fromInvestor.getByRole('button', { name: 'Thêm liên hệ' }).click();
    // Someone else already has this email: said under the field, not as a general failure.
    await expect(fromInvestor.getByRole('textbox', { name: 'Email' })).toHaveAttribute('aria-invalid', 'true');
    await fromInvestor.getByRole('textbox', { name: 'Email' }).fill('');
    await fromInvestor.getByRole('button', { name: 'Thêm liên hệ' }).click();
    await expect(fromInvestor).toBeHidden();
    await expect(panel.getByTestId('investor-contact')).toHaveCount(2);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-investor-contacts.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await panel.getByRole('link', { name: fullName }).click();
    await expect(page.getByTestId('contact-name')).toHaveText(fullName);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-contact-record-mobile.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
