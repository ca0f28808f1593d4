import { expect, test, type Page } from '@playwright/test';
import { SCREENSHOT_DIR, adminApi, createUser } from './support';

async function openUserActions(page: Page, email: string) {
  await page.getByTestId('user-search').fill(email);
  const row = page.getByTestId('user-row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: /^Thao tác với / }).click();
  return row;
}

test.describe('user administration', () => {
  test('an admin adds a user, changes the role and deactivates the account', async ({ page }) => {
    const email = `e2e-${Date.now().toString(36)}@irm.test`;
    await page.goto('/admin/users');

    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Người dùng' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('users-table')).toContainText('admin@irm.test');

    await page.getByTestId('add-user').click();
    const form = page.getByTestId('create-user-form');
    // Typing a password for them instead of the default invitation.
    await form.getByRole('radio', { name: 'Đặt mật khẩu ngay' }).check();
    await form.getByRole('button', { name: 'Thêm người dùng' }).click();
    await expect(form).toContainText('Hãy nhập email.');
    await form.getByRole('textbox', { name: 'Email' }).fill(email);
    await form.getByRole('textbox', { name: 'Họ và tên' }).fill('Lê Thị Xúc Tiến');
    await form.getByLabel(/^Mật khẩu ban đầu/).fill('Dong-Soc-75-ha-Vinh-Tuong');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-users-create.png` });
    await form.getByRole('button', { name: 'Thêm người dùng' }).click();

    await expect(page.getByTestId('notifications')).toContainText('Đã thêm Lê Thị Xúc Tiến.');
    let row = await openUserActions(page, email);
    await expect(row).toContainText('Cán bộ');
    await expect(row).toContainText('Đang hoạt động');

    await page.getByRole('menuitem', { name: 'Sửa' }).click();
    const edit = page.getByTestId('edit-user-form');
    await edit.getByRole('combobox', { name: 'Vai trò' }).click();
    await page.getByRole('option', { name: 'Quản lý' }).click();
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(edit).toBeHidden();
    await expect(row).toContainText('Quản lý');

    row = await openUserActions(page, email);
    await page.getByRole('menuitem', { name: 'Vô hiệu hóa' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vô hiệu hóa tài khoản?' });
    await expect(dialog).toContainText('Lê Thị Xúc Tiến sẽ bị đăng xuất');
    await dialog.getByRole('button', { name: 'Vô hiệu hóa' }).click();

    await expect(dialog).toBeHidden();
    await expect(row).toContainText('Đã vô hiệu hóa');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-users.png`, fullPage: true });
  });

  test('a change someone else saved meanwhile is shown, not overwritten', async ({ page, playwright, baseURL }) => {
    const api = await adminApi(playwright, baseURL);
    const user = await createUser(api, { role: 'staff', name: 'Phạm Văn Cũ' });
    await page.goto('/admin/users');
    await openUserActions(page, user.email);
    await page.getByRole('menuitem', { name: 'Sửa' }).click();
    const edit = page.getByTestId('edit-user-form');
    await expect(edit.getByRole('textbox', { name: 'Họ và tên' })).toHaveValue('Phạm Văn Cũ');

    // Another admin renames the user while this dialog is open.
    const other = await api.request.patch(`/api/users/${user.id}`, {
      data: { version: user.version, name: 'Phạm Văn Mới' },
      headers: api.headers,
    });
    expect(other.status()).toBe(200);
    await api.dispose();

    await edit.getByRole('combobox', { name: 'Vai trò' }).click();
    await page.getByRole('option', { name: 'Quản lý' }).click();
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();

    const dialog = page.getByRole('dialog', { name: 'Sửa người dùng' });
    await expect(dialog.getByRole('alert')).toContainText('Người khác vừa thay đổi người dùng này');
    // The reloaded row is shown, so the admin decides with the current data.
    await expect(edit.getByRole('textbox', { name: 'Họ và tên' })).toHaveValue('Phạm Văn Mới');
    await expect(edit.getByRole('combobox', { name: 'Vai trò' })).toHaveValue('Cán bộ');

    await edit.getByRole('combobox', { name: 'Vai trò' }).click();
    await page.getByRole('option', { name: 'Quản lý' }).click();
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByTestId('user-row').filter({ hasText: user.email });
    await expect(row).toContainText('Phạm Văn Mới');
    await expect(row).toContainText('Quản lý');
  });
});
