import { readFile } from 'node:fs/promises';
import { taxCodeCheckDigit } from '@irm/domain';
import { expect, test } from '@playwright/test';
import { SCREENSHOT_DIR, collectPageErrors } from './support';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** Tax codes no other test uses: a random serial with its check digit. */
function uniqueTaxCodes(count: number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    const nine = `27${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(nine);
    if (check !== null && nine.slice(2) !== '0000000') codes.add(`${nine}${check}`);
  }
  return [...codes];
}

test.describe('imports and exports', () => {
  test('import a CSV through the wizard: check, preview, import with progress, download the errors', async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    const suffix = unique();
    const [first, second, third] = uniqueTaxCodes(3);
    const csv =
      '\uFEFFTên doanh nghiệp,Mã số thuế,Quốc gia,Ngành nghề (VSIC)\r\n' +
      `Công ty TNHH Điện tử Đồng Sóc ${suffix},${first},Hàn Quốc,C; 26\r\n` +
      `Công ty CP Cơ khí Yên Lạc ${suffix},${second},VN,25\r\n` +
      `Công ty Hợp Thịnh ${suffix},${third},Nhật Bản,\r\n` +
      `Công ty sai mã số thuế ${suffix},0100109107,VN,\r\n`;

    // From the investor list, its Import button opens the wizard for investors.
    await page.goto('/investors');
    await page.getByTestId('import-organizations').click();
    await expect(page).toHaveURL(/\/imports\/new\?entity=organizations$/);
    await expect(page.getByRole('heading', { name: 'Nhập từ tệp', level: 1 })).toBeVisible();
    await expect(page.getByTestId('column-guide')).toContainText('Mã số thuế');
    await expect(page.getByTestId('template-xlsx')).toHaveAttribute('href', /templates\/organizations\?format=xlsx/);

    await page.getByTestId('import-file-input').setInputFiles({
      name: `nha-dau-tu-${suffix}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await expect(page.getByTestId('import-file')).toContainText(`nha-dau-tu-${suffix}.csv`);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-import-choose.png`, fullPage: true });
    await page.getByTestId('import-check').click();

    // The check: nothing saved yet, the first rows as they would be saved, and the bad row explained.
    const job = page.getByTestId('import-job');
    await expect(job).toHaveAttribute('data-status', 'completed');
    await expect(page.getByTestId('import-count-created')).toContainText('3');
    await expect(page.getByTestId('import-count-failed')).toContainText('1');
    const preview = page.getByTestId('import-preview-row');
    await expect(preview).toHaveCount(4);
    await expect(preview.nth(0)).toContainText(`Công ty TNHH Điện tử Đồng Sóc ${suffix}`);
    await expect(preview.nth(0)).toContainText('Thêm mới');
    await expect(preview.nth(3)).toContainText('Mã số thuế: must be a Vietnamese tax code');
    await expect(page.getByTestId('import-error-row')).toHaveCount(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-import-check.png`, fullPage: true });

    // Import: progress until done.
    await page.getByTestId('import-apply').click();
    await expect(page.getByTestId('import-completed')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('import-count-created')).toContainText('3');
    await expect(page.getByTestId('import-count-failed')).toContainText('1');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-import-done.png`, fullPage: true });

    // The failed rows as a file to fix and import again.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('download-errors').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`nha-dau-tu-${suffix}-loi.csv`);
    const text = await readFile(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFFDòng,Lỗi,Tên doanh nghiệp,Mã số thuế,Quốc gia,Ngành nghề (VSIC)\r\n')).toBe(true);
    expect(text).toContain(`5,"Mã số thuế: must be a Vietnamese tax code`);

    // The imported investors are in the list, and the import in the imports list.
    await page.goto(`/investors?q=${encodeURIComponent(suffix)}`);
    await expect(page.getByTestId('investor-row')).toHaveCount(3);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Nhập dữ liệu' })
      .click();
    const rows = page.getByTestId('import-row').filter({ hasText: `nha-dau-tu-${suffix}.csv` });
    await expect(rows).toHaveCount(2);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-imports.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  test('a file with the wrong columns is refused at once, naming them', async ({ page }) => {
    await page.goto('/imports/new?entity=contacts');
    await page.getByTestId('import-file-input').setInputFiles({
      name: 'sai-cot.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Tên doanh nghiệp,Mã số thuế\r\nA,0100109106\r\n', 'utf8'),
    });
    await page.getByTestId('import-check').click();
    const alert = page.getByRole('alert').filter({ hasText: 'Không nhận được tệp' });
    await expect(alert).toContainText('“Họ và tên” (Full name)');
  });

  test('the export button downloads the filtered list', async ({ page }) => {
    const suffix = unique();
    const [code] = uniqueTaxCodes(1);
    await page.goto('/imports/new?entity=organizations');
    await page.getByTestId('import-file-input').setInputFiles({
      name: 'mot.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`Tên doanh nghiệp,Mã số thuế\r\nLiên doanh Bá Thiện ${suffix},${code}\r\n`, 'utf8'),
    });
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-apply').click();
    await expect(page.getByTestId('import-completed')).toBeVisible({ timeout: 20_000 });

    await page.goto(`/investors?q=${encodeURIComponent(suffix)}`);
    await expect(page.getByTestId('investor-row')).toHaveCount(1);
    await page.getByTestId('export-organizations').click();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-export-menu.png` });
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^nha-dau-tu-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFFTên doanh nghiệp,')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`Liên doanh Bá Thiện ${suffix},,${code},Trong nước,VN`);

    await page.getByTestId('export-organizations').click();
    const excel = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    expect((await excel).suggestedFilename()).toMatch(/^nha-dau-tu-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });
});
