import { expect, test, type Page } from '@playwright/test';
import { Client } from 'pg';
import {
  SCREENSHOT_DIR,
  SIGNED_OUT,
  adminApi,
  collectPageErrors,
  createUser,
  submitSignIn,
  type Credentials,
} from './support';

const NEW_PASSWORD = 'Cụm công nghiệp Đồng Sóc 75 ha';

/** The browser tier sends no mail (no SMTP_URL): every email is rendered and kept in the email log. */
async function withDatabase<T>(task: (db: Client) => Promise<T>): Promise<T> {
  const url = process.env.IRM_BROWSER_DATABASE_URL;
  if (!url) throw new Error('IRM_BROWSER_DATABASE_URL is not set: run the browser tier with npm run test:browser');
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await task(db);
  } finally {
    await db.end();
  }
}

/** The path of the link in the newest email of this kind to this address, if it is in the email log yet. */
async function findLink(to: string, template: 'password_reset' | 'user_invitation'): Promise<string | undefined> {
  const rows = await withDatabase((db) =>
    db.query<{ text_body: string }>(
      `SELECT text_body FROM email_message WHERE recipient_email = $1 AND template_key = $2
        ORDER BY created_at DESC LIMIT 1`,
      [to, template],
    ),
  );
  return /https?:\/\/[^/\s]+(\/(?:reset-password|invitation)\/[A-Za-z0-9_-]{43})/.exec(
    rows.rows[0]?.text_body ?? '',
  )?.[1];
}

async function linkInEmail(to: string, template: 'password_reset' | 'user_invitation'): Promise<string> {
  await expect.poll(() => findLink(to, template), { message: `a ${template} email to ${to}` }).toBeTruthy();
  const path = await findLink(to, template);
  if (!path) throw new Error(`no ${template} link for ${to}`);
  return path;
}

async function choosePassword(page: Page, password: string, confirm = password) {
  const form = page.getByTestId('set-password-form');
  await form.getByLabel(/^Mật khẩu mới/).fill(password);
  await form.getByLabel(/^Nhập lại mật khẩu mới/).fill(confirm);
  await form.locator('button[type="submit"]').click();
}

test.describe('password reset', () => {
  test.use({ storageState: SIGNED_OUT });

  test('a person who forgot their password gets a link, chooses a new one and signs in with it', async ({
    page,
    playwright,
    baseURL,
  }) => {
    test.slow();
    const errors = collectPageErrors(page);
    const api = await adminApi(playwright, baseURL);
    let user: Credentials & { name: string };
    try {
      user = await createUser(api, { name: 'Hoàng Thị Quên' });
    } finally {
      await api.dispose();
    }

    await page.goto('/login');
    await page.locator('input[name="email"]').fill(user.email);
    await page.getByTestId('forgot-password-link').click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Đặt lại mật khẩu' })).toBeVisible();
    // What was typed on the sign-in page comes along.
    const form = page.getByTestId('forgot-password-form');
    await expect(form.getByRole('textbox', { name: 'Email' })).toHaveValue(user.email);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-forgot-password.png`, fullPage: true });
    await form.getByRole('button', { name: 'Gửi liên kết đặt lại mật khẩu' }).click();
    const sent = page.getByTestId('reset-requested');
    await expect(sent).toContainText('Hãy kiểm tra hộp thư');
    await expect(sent).toContainText(`Nếu ${user.email} là email của một tài khoản đang hoạt động`);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-forgot-password-sent.png`, fullPage: true });

    const link = await linkInEmail(user.email, 'password_reset');
    expect(link).toMatch(/^\/reset-password\//);
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Chọn mật khẩu mới' })).toBeVisible();
    await expect(page.getByText(`Cho tài khoản ${user.email}.`)).toBeVisible();
    await choosePassword(page, NEW_PASSWORD, `${NEW_PASSWORD}!`);
    await expect(page.getByTestId('set-password-form')).toContainText('Mật khẩu nhập lại không khớp');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-reset-password.png`, fullPage: true });
    await choosePassword(page, NEW_PASSWORD);

    await expect(page.getByTestId('password-reset-done')).toContainText('Đã đổi mật khẩu');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-reset-password-done.png`, fullPage: true });
    await page.getByRole('link', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await submitSignIn(page, { email: user.email, password: NEW_PASSWORD });
    await expect(page.getByTestId('user-menu')).toBeVisible();

    // The link worked once.
    await page.goto(link);
    const problem = page.getByTestId('account-link-problem');
    await expect(problem).toContainText('Liên kết đã được sử dụng');
    await expect(problem.getByRole('link', { name: 'Yêu cầu liên kết mới' })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-reset-password-used.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  test('an address without an account gets the same answer, and a made-up link is explained', async ({ page }) => {
    await page.goto('/forgot-password');
    await page.getByRole('textbox', { name: 'Email' }).fill('khong-co-ai@irm.test');
    await page.getByRole('button', { name: 'Gửi liên kết đặt lại mật khẩu' }).click();
    await expect(page.getByTestId('reset-requested')).toContainText(
      'Nếu khong-co-ai@irm.test là email của một tài khoản đang hoạt động',
    );

    await page.goto(`/reset-password/${'x'.repeat(43)}`);
    await expect(page.getByTestId('account-link-problem')).toContainText('Liên kết không hợp lệ');
    await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    await expect(page.getByTestId('account-link-problem')).toContainText('This link is not valid');
  });
});

test.describe('invitation', () => {
  test('an admin invites someone, re-sends the invitation, and the invitee sets a password and is signed in', async ({
    page,
    browser,
  }) => {
    test.slow();
    const email = `e2e-invite-${Date.now().toString(36)}@irm.test`;
    await page.goto('/admin/users');
    await page.getByTestId('add-user').click();
    const form = page.getByTestId('create-user-form');
    await form.getByRole('textbox', { name: 'Email' }).fill(email);
    await form.getByRole('textbox', { name: 'Họ và tên' }).fill('Vũ Văn Mời');
    // An invitation is the default: no password to type.
    await expect(form.getByRole('radio', { name: 'Gửi lời mời qua email' })).toBeChecked();
    await expect(form.getByLabel(/^Mật khẩu ban đầu/)).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-users-invite.png` });
    await form.getByRole('button', { name: 'Thêm và gửi lời mời' }).click();
    await expect(page.getByTestId('notifications')).toContainText(`Đã thêm Vũ Văn Mời và gửi lời mời tới ${email}.`);

    await page.getByTestId('user-search').fill(email);
    const row = page.getByTestId('user-row').filter({ hasText: email });
    await expect(row).toContainText('Chờ nhận lời mời');
    const first = await linkInEmail(email, 'user_invitation');

    await row.getByRole('button', { name: /^Thao tác với / }).click();
    await page.getByRole('menuitem', { name: 'Gửi lại lời mời' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gửi lại lời mời?' });
    await expect(dialog).toContainText('Liên kết trong thư mời trước sẽ không dùng được nữa');
    await dialog.getByRole('button', { name: 'Gửi lại lời mời' }).click();
    await expect(page.getByTestId('notifications')).toContainText(`Đã gửi lại lời mời tới ${email}.`);
    await expect.poll(() => linkInEmail(email, 'user_invitation')).not.toBe(first);
    const second = await linkInEmail(email, 'user_invitation');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-users-pending.png`, fullPage: true });

    const invitee = await browser.newContext({ storageState: SIGNED_OUT });
    try {
      const tab = await invitee.newPage();
      const errors = collectPageErrors(tab);
      await tab.goto(first);
      await expect(tab.getByTestId('account-link-problem')).toContainText('Đã có liên kết mới hơn');
      await tab.screenshot({ path: `${SCREENSHOT_DIR}/web-invitation-replaced.png`, fullPage: true });

      await tab.goto(second);
      await expect(tab.getByRole('heading', { level: 1, name: 'Chào mừng Vũ Văn Mời' })).toBeVisible();
      await expect(tab.getByText(`Hãy chọn mật khẩu cho tài khoản ${email}.`)).toBeVisible();
      await tab.screenshot({ path: `${SCREENSHOT_DIR}/web-invitation.png`, fullPage: true });
      await choosePassword(tab, NEW_PASSWORD);
      await expect(tab.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
      await tab.getByTestId('user-menu').click();
      await expect(tab.getByRole('menu')).toContainText('Vũ Văn Mời');
      expect(errors).toEqual([]);
    } finally {
      await invitee.close();
    }

    await page.reload();
    await page.getByTestId('user-search').fill(email);
    await expect(page.getByTestId('user-row').filter({ hasText: email })).toContainText('Đang hoạt động');
  });

  test('an expired invitation says so and what to do', async ({ playwright, baseURL, browser }) => {
    const api = await adminApi(playwright, baseURL);
    const email = `e2e-expired-${Date.now().toString(36)}@irm.test`;
    try {
      await api.send('post', '/api/users', { email, name: 'Đinh Thị Hết Hạn', role: 'staff', invite: true });
    } finally {
      await api.dispose();
    }
    const link = await linkInEmail(email, 'user_invitation');
    await withDatabase((db) =>
      db.query(
        `UPDATE account_token SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day'
          WHERE user_id = (SELECT id FROM app_user WHERE email = $1)`,
        [email],
      ),
    );
    const invitee = await browser.newContext({ storageState: SIGNED_OUT });
    try {
      const tab = await invitee.newPage();
      await tab.goto(link);
      const problem = tab.getByTestId('account-link-problem');
      await expect(problem).toContainText('Liên kết đã hết hạn');
      await expect(problem).toContainText('Hãy đề nghị quản trị viên hệ thống gửi lại lời mời.');
      await tab.screenshot({ path: `${SCREENSHOT_DIR}/web-invitation-expired.png`, fullPage: true });
    } finally {
      await invitee.close();
    }
  });
});
