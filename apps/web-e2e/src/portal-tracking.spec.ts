import { expect, test } from '@playwright/test';
import { unique } from './portal-support';
import { SIGNED_OUT, collectPageErrors } from './support';

test.use({ storageState: SIGNED_OUT, locale: 'en-US', timezoneId: 'Asia/Ho_Chi_Minh' });

test.describe('investor portal: tracking page uploads', () => {
  test('names the limit and the formats before a file is picked, and refuses an oversize file without sending it', async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    const submitted = await page.request.post('/api/public/land-enquiries', {
      data: {
        fullName: 'Yamada Taro',
        email: `upload-${unique()}@example.jp`,
        companyName: `Yamada Seiki ${unique()}`,
        language: 'en',
        requestedAreaHa: 1.2,
      },
    });
    expect(submitted.status(), await submitted.text()).toBe(201);
    const { trackingUrl } = (await submitted.json()) as { trackingUrl: string };
    const tracking = (await (
      await page.request.get(`/api/public/track/${new URL(trackingUrl).pathname.split('/').pop()}`)
    ).json()) as { uploads: { maxBytes: number } };
    const mb = tracking.uploads.maxBytes / 1048576;

    const uploads: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/documents')) uploads.push(request.url());
    });
    await page.goto(`${new URL(trackingUrl).pathname}?lang=en`);
    await expect(page.getByTestId('upload-limits')).toHaveText(`PDF, JPEG, PNG or XLSX, up to ${mb} MB each.`);
    const input = page.getByLabel('Choose a file');
    await expect(input).toHaveAttribute('accept', /\.pdf,.*\.xlsx,application\/pdf/);

    // One byte over the limit: refused as soon as it is chosen, and again on Upload; nothing goes to the server.
    await input.setInputFiles({
      name: 'site-survey.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(tracking.uploads.maxBytes + 1, 0x20),
    });
    const feedback = page.getByTestId('upload-feedback');
    await expect(feedback).toHaveText(
      `“site-survey.pdf” is larger than ${mb} MB. Compress or split it, then upload again.`,
    );
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(feedback).toContainText('is larger than');
    await expect(input).toBeFocused();
    expect(uploads).toEqual([]);

    // A file within the limit goes through.
    await input.setInputFiles({
      name: 'company-profile.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
    });
    await expect(feedback).toBeEmpty();
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByTestId('documents')).toContainText('company-profile.pdf');
    expect(uploads).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
