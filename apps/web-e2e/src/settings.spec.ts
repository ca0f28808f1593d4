import { expect, test } from '@playwright/test';
import { SCREENSHOT_DIR, SIGNED_OUT, adminApi, createUser, signIn, submitSignIn } from './support';

test.describe('personal settings', () => {
  test('an API token is shown once, works as a bearer token and stops working when revoked', async ({
    page,
    playwright,
    baseURL,
  }) => {
    const name = `Cổng thông tin ${Date.now().toString(36)}`;
    await page.goto('/settings/tokens');
    await expect(page.getByRole('heading', { level: 1, name: 'Mã truy cập API' })).toBeVisible();

    await page.getByRole('textbox', { name: 'Tên mã' }).fill(name);
    await page.getByRole('button', { name: 'Tạo mã' }).click();

    const shown = page.getByTestId('new-token');
    await expect(shown).toContainText('mã sẽ không được hiển thị lại');
    await expect(shown.getByRole('button', { name: 'Sao chép mã' })).toBeVisible();
    const token = (await page.getByTestId('new-token-value').textContent())?.trim() ?? '';
    expect(token.length).toBeGreaterThan(20);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-token-created.png` });
    await shown.getByRole('button', { name: 'Tôi đã lưu mã' }).click();
    await expect(shown).toBeHidden();

    const bearer = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { Authorization: `Bearer ${token}` },
    });
    const me = await bearer.get('/api/auth/me');
    expect(me.status()).toBe(200);
    expect((await me.json()).via).toBe('token');

    const row = page.getByTestId('token-table').getByRole('row').filter({ hasText: name });
    await expect(row).toBeVisible();
    await expect(page.getByTestId('token-table')).not.toContainText(token);
    await row.getByRole('button', { name: `Thu hồi mã ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Thu hồi mã truy cập?' });
    await dialog.getByRole('button', { name: 'Thu hồi' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toHaveCount(0);

    expect((await bearer.get('/api/auth/me')).status()).toBe(401);
    await bearer.dispose();
  });

  test.describe('with an account of their own', () => {
    test.use({ storageState: SIGNED_OUT });

    test('a person renames themselves and changes their password', async ({ page, playwright, baseURL }) => {
      const api = await adminApi(playwright, baseURL);
      const person = await createUser(api, { role: 'manager', name: 'Đỗ Quản Lý' });
      await api.dispose();
      await signIn(page, person);

      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: 'Hồ sơ cá nhân' }).click();
      const profile = page.getByTestId('profile-form');
      await expect(profile.getByRole('textbox', { name: 'Email' })).toHaveValue(person.email);
      await expect(profile).toContainText('Quản lý');
      await profile.getByRole('textbox', { name: 'Họ và tên' }).fill('Đỗ Thị Quản Lý');
      await profile.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await expect(page.getByTestId('user-menu-name')).toHaveText('Đỗ Thị Quản Lý');

      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      const form = page.getByTestId('change-password-form');
      const newPassword = `${person.password}-moi`;
      await form.getByLabel(/^Mật khẩu hiện tại/).fill('khong-phai-mat-khau');
      await form.getByLabel(/^Mật khẩu mới/).fill(newPassword);
      await form.getByLabel(/^Nhập lại mật khẩu mới/).fill(newPassword);
      await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await expect(form).toContainText('Mật khẩu hiện tại không đúng.');

      await form.getByLabel(/^Mật khẩu hiện tại/).fill(person.password);
      await form.getByLabel(/^Mật khẩu mới/).fill('password1234');
      await form.getByLabel(/^Nhập lại mật khẩu mới/).fill('password1234');
      await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await expect(form).toContainText('Mật khẩu này quá dễ đoán');
      await page.screenshot({ path: `${SCREENSHOT_DIR}/web-password-weak.png` });

      await form.getByLabel(/^Mật khẩu mới/).fill(newPassword);
      await form.getByLabel(/^Nhập lại mật khẩu mới/).fill(newPassword);
      await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await expect(form).toBeHidden();
      await expect(page.getByTestId('notifications')).toContainText('Đã đổi mật khẩu.');

      // The new password is the one that works from now on.
      await page.getByTestId('user-menu').click();
      await page.getByTestId('sign-out').click();
      await expect(page).toHaveURL(/\/login$/);
      await submitSignIn(page, { email: person.email, password: newPassword });
      await expect(page.getByTestId('user-menu-name')).toHaveText('Đỗ Thị Quản Lý');
    });
  });
});
