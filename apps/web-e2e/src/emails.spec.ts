import { createHmac, randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { Client } from 'pg';
import { SCREENSHOT_DIR, SIGNED_OUT, adminApi, collectPageErrors, createUser, csrfHeaders, signIn } from './support';

// The agency works on Vietnamese time, and so does this browser.
test.use({ timezoneId: 'Asia/Ho_Chi_Minh', locale: 'vi-VN' });

const unique = () => `${Date.now().toString(36).slice(-4)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();

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

interface EmailRow {
  subject: string;
  status: 'sent' | 'failed' | 'queued';
  recipientEmail: string;
  recipientName?: string;
  about?: { type: 'organization' | 'contact'; id: string };
  attempts?: number;
  lastError?: string;
  /** When it was queued, minutes before now. */
  minutesAgo: number;
}

/**
 * An email as the mail worker leaves it, with its timeline entry, written straight into the tables: in this tier
 * no SMTP server is set, so nothing the API queues would be sent, or fail.
 */
async function insertEmail(db: Client, email: EmailRow): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO email_message (id, idempotency_key, template_key, language, recipient_email, recipient_name,
            subject_type, subject_id, subject, html_body, text_body, message_id, status, attempts, last_error,
            created_at, sent_at, failed_at, updated_at, version)
     SELECT $1::uuid, 'browser:' || $1::text, 'investor_notification', 'vi', $2, $3, $4, $5::uuid, $6, '<p>…</p>',
            '…', '<' || $1::text || '@irm.test>', $7::email_status, $8, $9, at,
            CASE WHEN $7::email_status = 'sent' THEN at + interval '1 minute' END,
            CASE WHEN $7::email_status = 'failed' THEN at + interval '64 minutes' END, now(), 1
       FROM (SELECT now() - make_interval(mins => $10::int) AS at) t`,
    [
      id,
      email.recipientEmail,
      email.recipientName ?? null,
      email.about?.type ?? null,
      email.about?.id ?? null,
      email.subject,
      email.status,
      email.attempts ?? (email.status === 'queued' ? 0 : 1),
      email.lastError ?? null,
      email.minutesAgo,
    ],
  );
  if (email.about) {
    await db.query(
      `INSERT INTO timeline_entry (subject_type, subject_id, kind, occurred_at, payload, version)
       SELECT $1::record_subject_type, $2::uuid, 'email', created_at, jsonb_build_object('emailMessageId', id), 1
         FROM email_message WHERE id = $3::uuid`,
      [email.about.type, email.about.id, id],
    );
  }
  return id;
}

async function createInvestor(playwright: Parameters<typeof adminApi>[0], baseURL: string | undefined, name: string) {
  const api = await adminApi(playwright, baseURL);
  try {
    return await api.send<{ id: string }>('post', '/api/organizations?confirmDuplicate=true', {
      name,
      kind: 'foreign_invested',
      country: 'KR',
    });
  } finally {
    await api.dispose();
  }
}

const SMTP_REFUSAL = '550 5.1.1 <kim.minjun@hanil-electronics.example.kr>: Recipient address rejected: User unknown';

test.describe('email delivery', () => {
  test("a record's timeline shows its emails with their delivery status", async ({ page, playwright, baseURL }) => {
    const errors = collectPageErrors(page);
    const suffix = unique();
    const investor = await createInvestor(playwright, baseURL, `Hanil Electronics Vina ${suffix}`);
    await withDatabase(async (db) => {
      // The investor was entered yesterday; the emails went out this morning.
      await db.query(`UPDATE timeline_entry SET occurred_at = now() - interval '1 day' WHERE subject_id = $1`, [
        investor.id,
      ]);
      await insertEmail(db, {
        subject: `Thông tin KCN Bá Thiện II ${suffix}`,
        status: 'sent',
        recipientEmail: 'lee.soyeon@hanil-electronics.example.kr',
        recipientName: 'Lee So-yeon',
        about: { type: 'organization', id: investor.id },
        minutesAgo: 120,
      });
      await insertEmail(db, {
        subject: `Thư mời hội nghị xúc tiến đầu tư ${suffix}`,
        status: 'failed',
        recipientEmail: 'kim.minjun@hanil-electronics.example.kr',
        recipientName: 'Kim Min-jun',
        about: { type: 'organization', id: investor.id },
        attempts: 8,
        lastError: SMTP_REFUSAL,
        minutesAgo: 90,
      });
    });

    await page.goto(`/investors/${investor.id}`);
    const timeline = page.getByTestId('timeline');
    const entries = timeline.getByTestId('timeline-entry');
    // Newest first: the invitation (failed), then the land information (sent), then the record's creation.
    await expect(entries).toHaveCount(3);
    const failed = entries.nth(0);
    const sent = entries.nth(1);
    await expect(failed).toHaveAttribute('data-kind', 'email');
    await expect(failed).toContainText(`Email: Thư mời hội nghị xúc tiến đầu tư ${suffix}`);
    await expect(failed.getByTestId('email-recipient')).toHaveText(
      'Đến: Kim Min-jun <kim.minjun@hanil-electronics.example.kr>',
    );
    await expect(failed.getByTestId('email-status')).toHaveText('Gửi lỗi');
    await expect(failed).toContainText('Lỗi lúc');
    await expect(sent).toContainText(`Email: Thông tin KCN Bá Thiện II ${suffix}`);
    await expect(sent.getByTestId('email-status')).toHaveText('Đã gửi');
    await expect(sent).toContainText('Đã gửi lúc');
    await expect(entries.nth(2)).toContainText('Tạo hồ sơ');

    // Why it failed, on request; hovering the badge says what the status means.
    await expect(failed.getByTestId('email-details')).toBeHidden();
    await failed.getByTestId('email-details-toggle').click();
    await expect(failed.getByTestId('email-details')).toContainText('8 lần thử');
    await expect(failed.getByTestId('email-details')).toContainText('Recipient address rejected');
    await failed.getByTestId('email-status').hover();
    await expect(page.getByRole('tooltip')).toContainText('Quản trị viên có thể gửi lại');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-timeline-emails.png`, fullPage: true });

    // Emails are written by the system: they cannot be edited or deleted.
    await expect(failed.getByTestId('timeline-entry-menu')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('an admin sees failed deliveries, opens the record, retries one; a stale row is reloaded', async ({
    page,
    playwright,
    baseURL,
  }) => {
    // Waits for the worker to pick the retried email up.
    test.slow();
    const errors = collectPageErrors(page);
    const suffix = unique();
    const investor = await createInvestor(playwright, baseURL, `Daewoo Precision ${suffix}`);
    const subject = `Xác nhận yêu cầu thuê đất ${suffix}`;
    const staleSubject = `Nhắc lịch khảo sát ${suffix}`;
    const [emailId, staleId] = await withDatabase(async (db) => [
      await insertEmail(db, {
        subject,
        status: 'failed',
        recipientEmail: `park.${suffix.toLowerCase()}@daewoo-precision.example.kr`,
        recipientName: 'Park Ji-hoon',
        about: { type: 'organization', id: investor.id },
        attempts: 8,
        lastError: '421 4.7.0 Try again later, closing connection.',
        minutesAgo: 300,
      }),
      await insertEmail(db, {
        subject: staleSubject,
        status: 'failed',
        recipientEmail: `choi.${suffix.toLowerCase()}@daewoo-precision.example.kr`,
        attempts: 1,
        lastError: '554 5.7.1 Message rejected as spam',
        minutesAgo: 200,
      }),
    ]);

    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Email gửi lỗi' })
      .click();
    await expect(page).toHaveURL(/\/admin\/emails$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Email gửi lỗi' })).toBeVisible();
    await expect(page.getByTestId('queue-dashboard-link')).toHaveAttribute('href', '/admin/queues');

    const row = page.locator(`[data-testid="failed-email"][data-email-id="${emailId}"]`);
    await expect(row).toContainText('Park Ji-hoon');
    await expect(row).toContainText(subject);
    await expect(row).toContainText('Thông báo cho nhà đầu tư');
    await expect(row.getByRole('cell').nth(2)).toHaveText('8');
    await expect(row.getByTestId('failed-email-error')).toHaveText('421 4.7.0 Try again later, closing connection.');
    await expect(row.getByTestId('failed-email-record')).toHaveText('Nhà đầu tư');
    const staleRow = page.locator(`[data-testid="failed-email"][data-email-id="${staleId}"]`);
    await expect(staleRow).toContainText('Không gắn hồ sơ');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-failed-emails.png`, fullPage: true });

    // Someone else retried it meanwhile (its version moved on): the admin is told, and the list is read again.
    await withDatabase((db) => db.query(`UPDATE email_message SET version = version + 1 WHERE id = $1`, [staleId]));
    await staleRow.getByRole('button', { name: `Gửi lại “${staleSubject}”` }).click();
    await expect(page.getByTestId('notifications')).toContainText('Email này vừa thay đổi');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-failed-emails-stale.png` });
    await staleRow.getByRole('button', { name: `Gửi lại “${staleSubject}”` }).click();
    await expect(page.getByTestId('notifications')).toContainText(`Đã đưa “${staleSubject}” vào hàng đợi gửi lại.`);
    await expect(staleRow).toHaveCount(0);

    await row.getByRole('button', { name: `Gửi lại “${subject}” tới Park Ji-hoon` }).click();
    await expect(page.getByTestId('notifications')).toContainText(`Đã đưa “${subject}” vào hàng đợi gửi lại.`);
    await expect(row).toHaveCount(0);
    const api = await adminApi(playwright, baseURL);
    try {
      const retried = await api.request.get(`/api/emails?subjectType=organization&subjectId=${investor.id}`);
      const [email] = ((await retried.json()) as { items: { id: string; status: string; version: number }[] }).items;
      expect(email.id).toBe(emailId);
      expect(email.version).toBeGreaterThan(1);
    } finally {
      await api.dispose();
    }

    // Queued again and sent by the worker to this tier's mail server; the timeline of the record it was about
    // says so.
    await page.goto(`/investors/${investor.id}`);
    const entry = page.getByTestId('timeline-entry').filter({ hasText: subject });
    await expect(async () => {
      await page.reload();
      await expect(entry.getByTestId('email-status')).toHaveText('Đã gửi', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await page.goto('/admin/emails');
    await expect(page.locator(`[data-testid="failed-email"][data-email-id="${emailId}"]`)).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('the failed deliveries page says so when there are none, and links to the queue dashboard', async ({ page }) => {
    // Other tests add failed emails at the same time: the empty answer is arranged.
    await page.route('**/api/emails/failed?*', (route) => route.fulfill({ json: { items: [], nextCursor: null } }));
    await page.goto('/admin/emails');
    await expect(page.getByTestId('failed-emails-empty')).toContainText('Không có email gửi lỗi');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-failed-emails-empty.png` });
    await page.getByTestId('queue-dashboard-link').click();
    await expect(page).toHaveURL(/\/admin\/queues/);
    await expect(page.getByText('IRM queues').first()).toBeVisible();
  });

  test.describe('signed out', () => {
    test.use({ storageState: SIGNED_OUT });

    test('an investor unsubscribes from the link in an email, in Vietnamese or English', async ({
      page,
      playwright,
      baseURL,
    }) => {
      const errors = collectPageErrors(page);
      const suffix = unique();
      const api = await adminApi(playwright, baseURL);
      const contact = await api.send<{ id: string }>('post', '/api/contacts?confirmDuplicate=true', {
        fullName: `Nguyễn Hoàng Nam ${suffix}`,
        email: `nam.${suffix.toLowerCase()}@vinh-phuc-steel.example.vn`,
        emailConsent: 'opted_in',
        consentSource: 'event',
      });
      const secret = process.env.IRM_BROWSER_SESSION_SECRET;
      if (!secret)
        throw new Error('IRM_BROWSER_SESSION_SECRET is not set: run the browser tier with npm run test:browser');
      const signature = createHmac('sha256', secret).update(`unsubscribe:${contact.id}`).digest('base64url');

      await page.goto(`/unsubscribe/${contact.id}.${signature}`);
      const card = page.getByTestId('unsubscribe');
      await expect(card.getByRole('heading', { level: 1 })).toHaveText('Hủy nhận email');
      await expect(card).toContainText('Bạn sẽ không nhận thêm email');
      await expect(page.getByTestId('user-menu')).toHaveCount(0);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/web-unsubscribe-vi.png`, fullPage: true });

      // Opening the page changes nothing (mail scanners open links); the button does.
      const before = await api.request.get(`/api/contacts/${contact.id}`);
      expect((await before.json()).emailConsent).toBe('opted_in');

      await page.getByTestId('language-switch').getByText('EN').click();
      await expect(card.getByRole('heading', { level: 1 })).toHaveText('Unsubscribe from our emails');
      await page.screenshot({ path: `${SCREENSHOT_DIR}/web-unsubscribe-en.png`, fullPage: true });
      await card.getByRole('button', { name: 'Unsubscribe' }).click();
      await expect(page.getByTestId('unsubscribe-done')).toContainText('You are unsubscribed');
      await page.screenshot({ path: `${SCREENSHOT_DIR}/web-unsubscribe-done.png`, fullPage: true });

      const after = await api.request.get(`/api/contacts/${contact.id}`);
      expect(await after.json()).toMatchObject({ emailConsent: 'opted_out', consentSource: 'unsubscribe' });
      await api.dispose();

      // A link cut short, or not made by the app, leads nowhere.
      await page.getByTestId('language-switch').getByText('VI').click();
      await page.goto(`/unsubscribe/${contact.id}.${signature.slice(0, 20)}`);
      await page.getByTestId('unsubscribe-confirm').click();
      await expect(page.getByTestId('unsubscribe-invalid')).toContainText('Liên kết không hợp lệ');
      await page.screenshot({ path: `${SCREENSHOT_DIR}/web-unsubscribe-invalid.png`, fullPage: true });
      expect(errors).toEqual([]);
    });

    test('a person chooses their reminder emails on the profile page', async ({ page, playwright, baseURL }) => {
      // Two people sign in (argon2id on purpose takes its time).
      test.slow();
      const errors = collectPageErrors(page);
      const api = await adminApi(playwright, baseURL);
      const staff = await createUser(api, { role: 'staff', name: 'Phạm Thu Hà' });
      const manager = await createUser(api, { role: 'manager', name: 'Lê Quang Minh' });
      await api.dispose();

      await signIn(page, staff);
      await page.goto('/settings/profile');
      const settings = page.getByTestId('notification-settings');
      const digest = settings.getByRole('switch', { name: 'Bản tin hằng ngày' });
      await expect(digest).toBeChecked();
      await expect(settings.getByRole('switch')).toHaveCount(4);
      // Escalations go to managers only: staff do not see the switch.
      await expect(settings.getByRole('switch', { name: 'Hồ sơ quá hạn kéo dài' })).toHaveCount(0);
      await expect(settings).toContainText('07:30 các ngày làm việc');

      await digest.click({ force: true });
      await expect(page.getByTestId('notifications')).toContainText('Đã tắt: Bản tin hằng ngày');
      await expect(digest).not.toBeChecked();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/web-profile-notifications.png`, fullPage: true });
      await page.reload();
      await expect(
        page.getByTestId('notification-settings').getByRole('switch', { name: 'Bản tin hằng ngày' }),
      ).not.toBeChecked();

      // Saved from another window meanwhile: this one's version is stale, so it reloads and says so.
      await saveElsewhere(page, { version: 1, kinds: { task_reminder: false, daily_digest: false } });
      await settings.getByRole('switch', { name: /^Hồ sơ quá hạn Khi/ }).click({ force: true });
      await expect(page.getByTestId('notifications')).toContainText('vừa được thay đổi ở cửa sổ khác');
      await expect(settings.getByRole('switch', { name: 'Nhắc việc' })).not.toBeChecked();
      await expect(settings.getByRole('switch', { name: /^Hồ sơ quá hạn Khi/ })).toBeChecked();
      const saved = await page.request.get('/api/auth/me/notifications');
      expect(await saved.json()).toMatchObject({
        version: 2,
        kinds: { task_reminder: false, sla_overdue: true, daily_digest: false },
      });

      await page.getByTestId('user-menu').click();
      await page.getByTestId('sign-out').click();
      await expect(page).toHaveURL(/\/login$/);
      await signIn(page, manager);
      await page.goto('/settings/profile');
      await expect(page.getByTestId('notification-settings').getByRole('switch')).toHaveCount(5);
      await expect(
        page.getByTestId('notification-settings').getByRole('switch', { name: 'Hồ sơ quá hạn kéo dài' }),
      ).toBeChecked();
      expect(errors).toEqual([]);
    });
  });
});

/** A save from another tab, with the page's own session. */
async function saveElsewhere(page: Page, { version, kinds }: { version: number; kinds: Record<string, boolean> }) {
  const all = {
    task_reminder: true,
    sla_overdue: true,
    sla_escalation: true,
    event_follow_up: true,
    daily_digest: true,
  };
  const headers = csrfHeaders(await page.context().cookies());
  const response = await page.request.put('/api/auth/me/notifications', {
    data: { version, kinds: { ...all, ...kinds } },
    headers,
  });
  expect(response.status(), await response.text()).toBe(200);
}
