import { expect, test } from '@playwright/test';
import { unique, waitForMail } from './portal-support';
import { SCREENSHOT_DIR, SIGNED_OUT, adminApi, collectPageErrors } from './support';

test.use({ storageState: SIGNED_OUT, locale: 'en-US', timezoneId: 'Asia/Ho_Chi_Minh' });

test.describe('investor portal: forms', () => {
  test('the loan form shows the API’s validation errors beside each field, then goes through', async ({ page }) => {
    const errors = collectPageErrors(page);
    const email = `sme-${unique()}@cokhi.example`;
    await page.goto('/invest/loan-application?lang=en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Preferential loan application');

    // Nearly empty, with a broken email and an amount that is not a number: the API names each field.
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Amount requested (VND)').fill('twelve billion');
    await page.getByRole('button', { name: 'Send loan application' }).click();

    await expect(page.getByTestId('form-alert')).toHaveText('Please correct the fields marked in red.');
    await expect(page.getByTestId('error-email')).toHaveText(/valid email address/);
    await expect(page.getByTestId('error-requestedVnd')).toHaveText(/positive whole number/);
    await expect(page.getByTestId('error-fullName')).toHaveText('Please fill in this field.');
    await expect(page.getByTestId('error-companyName')).toHaveText('Please fill in this field.');
    await expect(page.getByTestId('error-applicantType')).toBeVisible();
    await expect(page.getByTestId('error-lenderKind')).toBeVisible();
    await expect(page.getByTestId('error-purpose')).toBeVisible();
    // Each input says it is invalid and which message describes it; the first one in error has the focus.
    const emailInput = page.getByLabel('Email');
    await expect(emailInput).toHaveAttribute('aria-invalid', 'true');
    await expect(emailInput).toHaveAttribute('aria-describedby', /field-email-error/);
    await expect(page.getByLabel('Kind of application')).toBeFocused();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/portal-loan-errors.png`, fullPage: true });

    // Correcting a field clears its message; the corrected form is accepted.
    await page.getByLabel('Kind of application').selectOption('sme');
    await expect(page.getByTestId('error-applicantType')).toHaveCount(0);
    await page.getByLabel('Purpose of the loan').fill('Workshop and CNC machines in Đồng Sóc cluster');
    await page.getByLabel('Lending bank or fund').fill('Vietcombank Vĩnh Phúc');
    await page.getByRole('combobox', { name: /^Lender/ }).selectOption('bank');
    await page.getByLabel('Amount requested (VND)').fill('12,000,000,000');
    await page.getByLabel('Term (months)').fill('60');
    await page.getByLabel('Full name').fill('Trần Thị Vốn');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Company name').fill(`Công ty TNHH Cơ khí ${unique()}`);
    await page.getByRole('button', { name: 'Send loan application' }).click();
    await expect(page.getByTestId('submitted')).toContainText('We have received your request');

    await page.getByTestId('tracking-link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Preferential loan application');
    await expect(page.getByTestId('status-label')).toHaveText('Received');
    await expect(page.locator('main')).toContainText('12,000,000,000');
    expect(errors).toEqual([]);
  });

  test('an investor registers for a promotion event in Japanese', async ({ page, playwright, baseURL }) => {
    const errors = collectPageErrors(page);
    const api = await adminApi(playwright, baseURL);
    const name = `Vĩnh Phúc investment seminar Osaka ${unique()}`;
    await api.send('post', '/api/events', {
      name,
      kind: 'conference',
      startsOn: '2099-03-10',
      endsOn: '2099-03-11',
      place: 'Osaka',
      country: 'JP',
      organizer: 'Vĩnh Phúc Investment Promotion Centre',
      description: 'Land, incentives and a site visit for Japanese manufacturers.',
    });
    await api.dispose();

    const email = `tanaka-${unique()}@seimitsu.example.jp`;
    await page.goto('/invest/events?lang=ja');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('投資促進イベント');
    await page.getByRole('link', { name: `詳細と登録: ${name}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.locator('main')).toContainText('Osaka');

    const form = page.getByTestId('event-form');
    await form.getByLabel('氏名').fill('田中 浩');
    await form.getByLabel('メールアドレス').fill(email);
    await form.getByLabel('企業名').fill('田中精密株式会社');
    await form.getByLabel('国').selectOption('JP');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/portal-event-ja.png`, fullPage: true });
    await form.getByRole('button', { name: '登録する' }).click();
    await expect(page.getByTestId('submitted')).toContainText('受け付けました');

    // The tracking page in Japanese: the phase's own words, not the agency's Vietnamese or English labels.
    await page.getByTestId('tracking-link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('イベント参加登録');
    await expect(page.getByTestId('status-label')).toHaveText('受付済み');
    await expect(page.locator('main')).toContainText(name);

    // The confirmation went out (in English: emails are Vietnamese or English).
    const [mail] = await waitForMail(email);
    expect(mail!.text).toContain('/track/');
    expect(errors).toEqual([]);
  });

  test('too many requests for one address get a clear 429 message', async ({ page }) => {
    const email = `busy-${unique()}@example.com`;
    await page.goto('/invest/track?lang=vi');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhận lại đường dẫn theo dõi');
    // PORTAL_LIMIT_PER_EMAIL (5 an hour) for one address: the sixth is throttled.
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await page.request.post('/api/public/track/resend', { data: { email } });
      expect(response.status()).toBe(202);
    }
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Gửi lại đường dẫn' }).click();
    await expect(page.getByTestId('form-alert')).toHaveText(
      /Bạn đã gửi quá nhiều lần trong thời gian ngắn\. Vui lòng thử lại sau khoảng \d+ phút\./,
    );
  });
});
