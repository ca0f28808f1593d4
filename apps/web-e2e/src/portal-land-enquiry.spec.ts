import { expect, test } from '@playwright/test';
import { landEnquiryOf, stagesOf, trackingLink, unique, waitForMail } from './portal-support';
import { SCREENSHOT_DIR, SIGNED_OUT, adminApi, collectPageErrors } from './support';

// An investor has no session: these pages must work signed out.
test.use({ storageState: SIGNED_OUT, locale: 'en-US', timezoneId: 'Asia/Ho_Chi_Minh' });

/** The smallest file a PDF reader accepts, for an upload that passes the content check. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test.describe('investor portal: land enquiry', () => {
  test('an investor asks for land in Vietnamese, follows it from the email, and sees the agency move and reply', async ({
    page,
    playwright,
    baseURL,
  }) => {
    // Two emails through the worker and the SMTP server, and a staff member's two writes in between.
    test.slow();
    const errors = collectPageErrors(page);
    const id = unique();
    const email = `dau-tu-${id}@nhadautu.example`;
    const company = `Công ty TNHH Cơ khí Chính xác ${id}`;

    // The catalogue, switched to Vietnamese by the language menu.
    await page.goto('/invest');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Industrial parks and clusters: land bank');
    await page.getByTestId('language').selectOption('vi');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quỹ đất khu, cụm công nghiệp');
    await expect(page.getByTestId('zone-card').first()).toBeVisible();

    // Filters narrow the list; a zone's page offers the enquiry.
    await page.getByRole('combobox', { name: 'Loại hình' }).selectOption('industrial_cluster');
    await expect(page.getByTestId('zone-card').first()).toContainText('CCN');
    await page.getByRole('combobox', { name: 'Ngành nghề' }).selectOption('mechanical_engineering');
    const firstCard = page.getByTestId('zone-card').first();
    const zoneName = (await firstCard.getByRole('heading', { level: 2 }).textContent())!.trim();
    await firstCard.getByRole('link', { name: `Xem chi tiết: ${zoneName}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(zoneName);
    await expect(page.getByRole('img', { name: /Còn trống .* ha trên .* ha đất công nghiệp/ })).toBeVisible();
    await page.getByTestId('enquire').click();

    // The form arrives with the zone chosen; it is sent in Vietnamese.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Yêu cầu thuê đất');
    await expect(page.getByLabel('Khu, cụm công nghiệp')).toHaveValue(/[0-9a-f-]{36}/);
    await page.getByLabel('Diện tích cần thuê (ha)').fill('2,5');
    await page.getByLabel('Ngành nghề').selectOption('mechanical_engineering');
    await page.getByLabel('Họ và tên').fill('Nguyễn Văn Đầu Tư');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Tên doanh nghiệp').fill(company);
    await page.getByLabel('Lời nhắn').fill('Chúng tôi cần đất sạch để xây xưởng cơ khí.');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/portal-land-enquiry-form.png`, fullPage: true });
    await page.getByRole('button', { name: 'Gửi yêu cầu thuê đất' }).click();
    await expect(page.getByTestId('submitted')).toContainText('Đã nhận hồ sơ của bạn');
    await expect(page.getByTestId('tracking-link')).toHaveAttribute('href', /\/track\/[A-Za-z0-9_-]{40,}$/);

    // The confirmation email, received by a real SMTP server, carries the tracking link.
    const [confirmation] = await waitForMail(email);
    expect(confirmation!.subject).toBeTruthy();
    const link = trackingLink(confirmation!);
    expect(new URL(link).origin).toBe(new URL(baseURL!).origin);

    // In a fresh tab, as from the mail client: the page speaks the request's language, Vietnamese.
    const tracking = await page.context().browser()!.newContext({ locale: 'en-US', storageState: SIGNED_OUT });
    const investor = await tracking.newPage();
    const trackingErrors = collectPageErrors(investor);
    await investor.goto(link);
    await expect(investor.getByRole('heading', { level: 1 })).toHaveText('Yêu cầu thuê đất');
    await expect(investor.getByTestId('status-label')).toHaveText('Đã tiếp nhận');
    await expect(investor.getByTestId('reference')).toHaveText(/^LE-[0-9A-F]{8}$/);
    await expect(investor.getByTestId('thread')).toContainText('Chúng tôi cần đất sạch để xây xưởng cơ khí.');

    // A staff member screens the enquiry (the next stage) and replies through the portal.
    const api = await adminApi(playwright, baseURL);
    const item = await landEnquiryOf(api, company);
    const stages = await stagesOf(api, 'land_enquiry');
    const moved = await api.send<{ version: number }>(
      'post',
      `/api/land-enquiries/${item.id}/move`,
      {
        stageId: stages[1]!.id,
        version: item.version,
      },
      200,
    );
    expect(moved.version).toBeGreaterThan(item.version);
    await api.send('post', `/api/land-enquiries/${item.id}/portal-replies`, {
      body: 'Chào anh, chúng tôi gửi kèm ba phương án đất tại khu này.',
    });
    await api.dispose();

    // Coming back to the page shows the new status and the reply; internal stage names never show.
    await investor.reload();
    await expect(investor.getByTestId('status-label')).toHaveText('Đang xem xét');
    await expect(investor.locator('[aria-current="step"]')).toContainText('Đang xem xét');
    await expect(investor.getByTestId('thread')).toContainText('Chúng tôi gửi kèm ba phương án đất tại khu này.', {
      ignoreCase: true,
    });
    await expect(investor.getByTestId('thread')).toContainText('Cơ quan xúc tiến đầu tư');
    await expect(investor.locator('main')).not.toContainText(stages[1]!.name.vi);

    // The reply went out by email as well, with a fresh link.
    const mails = await waitForMail(email, 2);
    expect(mails.at(-1)!.text).toContain('ba phương án đất');

    // The investor answers, and sends a document; a text file named .pdf is refused by its content.
    await investor.getByLabel('Tin nhắn mới').fill('Cảm ơn, chúng tôi xin lịch khảo sát tuần sau.');
    await investor.getByRole('button', { name: 'Gửi tin nhắn' }).click();
    await expect(investor.getByText('Đã gửi tin nhắn.')).toBeVisible();
    await expect(investor.getByTestId('thread')).toContainText('xin lịch khảo sát tuần sau');

    await expect(investor.getByText('PDF, JPEG, PNG hoặc XLSX, mỗi tệp tối đa 10 MB.')).toBeVisible();
    await investor
      .getByLabel('Chọn tệp')
      .setInputFiles({ name: 'ho-so.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
    await investor.getByRole('button', { name: 'Tải lên' }).click();
    await expect(investor.getByText(/không phải PDF, JPEG, PNG hay XLSX/)).toBeVisible();
    await investor
      .getByLabel('Chọn tệp')
      .setInputFiles({ name: 'ho-so-nang-luc.pdf', mimeType: 'application/pdf', buffer: PDF });
    await investor.getByRole('button', { name: 'Tải lên' }).click();
    await expect(investor.getByTestId('documents')).toContainText('ho-so-nang-luc.pdf');

    await investor.screenshot({ path: `${SCREENSHOT_DIR}/portal-tracking.png`, fullPage: true });
    await investor.setViewportSize({ width: 390, height: 844 });
    await investor.screenshot({ path: `${SCREENSHOT_DIR}/portal-tracking-mobile.png`, fullPage: true });
    await tracking.close();
    expect(errors).toEqual([]);
    expect(trackingErrors).toEqual([]);
  });

  test('a made-up tracking link reads as wrong or expired and offers to resend the links', async ({ page }) => {
    await page.goto('/track/this-link-was-never-issued-by-the-agency-0000?lang=en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link is wrong or has expired');
    await page.getByLabel('Email').fill(`nobody-${unique()}@example.com`);
    await page.getByRole('button', { name: 'Send me my links' }).click();
    // The same answer whether or not the address is known.
    await expect(page.getByTestId('resend-done')).toContainText('If this address has open requests');
  });
});
