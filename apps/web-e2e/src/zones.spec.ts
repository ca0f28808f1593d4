import { expect, test } from '@playwright/test';
import { SCREENSHOT_DIR, collectPageErrors } from './support';

test.describe('zones', () => {
  test('list → zone page → manager adjustment → the land bank and its chart update', async ({ page }) => {
    // A long walk through two pages and three dialogs: more than the default 30 s on a busy machine.
    test.slow();
    const errors = collectPageErrors(page);

    await page.goto('/zones');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Khu, cụm CN' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: 'Khu, cụm công nghiệp', level: 1 })).toBeVisible();
    await expect(page.getByTestId('zone-row')).toHaveCount(50);
    await expect(page.getByTestId('zone-row').first().getByRole('img')).toBeVisible();
    await expect(page.getByTestId('zone-row').getByTestId('illustrative-badge').first()).toBeVisible();

    // Filters: clusters in operation, then one district.
    await page.getByRole('combobox', { name: 'Loại' }).click();
    await page.getByRole('option', { name: 'Cụm công nghiệp' }).click();
    await expect(page).toHaveURL(/type=industrial_cluster/);
    await expect(page.getByTestId('zone-row')).toHaveCount(32);
    await page.getByRole('combobox', { name: 'Tình trạng' }).click();
    await page.getByRole('option', { name: 'Đang hoạt động' }).click();
    await expect(page.getByTestId('zone-row')).toHaveCount(15);
    await expect(page).toHaveURL(/type=industrial_cluster/);
    await page.getByRole('combobox', { name: 'Huyện' }).click();
    await page.getByRole('option', { name: 'Vĩnh Tường' }).click();
    await expect(page.getByTestId('zone-row')).toHaveCount(4);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-zones.png`, fullPage: true });
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await expect(page.getByTestId('zone-row')).toHaveCount(50);

    // Search without diacritics.
    await page.getByTestId('zone-search').fill('dong soc');
    const row = page.getByTestId('zone-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('CCN Đồng Sóc');
    await expect(row.getByTestId('zone-available')).toHaveText('40,47 ha');
    await page.getByTestId('zone-search').fill('qxzjwv');
    await expect(page.getByTestId('zones-empty')).toContainText('Không có khu, cụm nào khớp');
    await page.getByTestId('zone-search').fill('dong soc');

    // The zone page: today's land bank, its chart and the ledger's opening balance.
    await row.getByTestId('zone-link').click();
    await expect(page).toHaveURL(/\/zones\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('zone-name')).toHaveText('CCN Đồng Sóc');
    await expect(page.getByTestId('figure-leased')).toHaveText('12,03 ha');
    await expect(page.getByTestId('figure-available')).toHaveText('40,47 ha');
    const details = page.getByTestId('zone-details');
    await expect(details).toContainText('Công ty TNHH Đầu tư Thương mại Vĩnh Phúc');
    await expect(details).toContainText('620 người');
    const chart = page.getByTestId('land-ledger-chart');
    await expect(chart).toHaveAttribute('data-steps', '1');
    const ledger = page.getByTestId('ledger-row');
    await expect(ledger).toHaveCount(1);
    await expect(ledger.first()).toContainText('Số dư đầu kỳ');

    // A manager records a lease signed outside the system; the form explains what is missing first.
    await page.getByTestId('record-movement').click();
    const form = page.getByTestId('land-movement-form');
    await form.getByRole('button', { name: 'Ghi vào sổ cái' }).click();
    await expect(form).toContainText('Hãy nhập ít nhất một thay đổi khác 0.');
    await expect(form).toContainText('Hãy ghi lý do.');
    // More than the available land: the server refuses and says how much there is, under the field.
    await form.getByText('Giữ chỗ', { exact: true }).click();
    await form.getByRole('textbox', { name: 'Diện tích (ha)' }).fill('50');
    await expect(page.getByTestId('movement-preview')).toContainText('Vượt quỹ đất: chỉ còn trống 40,47 ha');
    await form.getByRole('textbox', { name: 'Lý do' }).fill('Biên bản ghi nhớ với nhà đầu tư');
    await form.getByRole('button', { name: 'Ghi vào sổ cái' }).click();
    await expect(form).toContainText('Exceeds the 40.47 ha of available land');
    // The adjustment itself.
    await form.getByText('Điều chỉnh', { exact: true }).click();
    await form.getByRole('textbox', { name: 'Thay đổi diện tích đã thuê (ha)' }).fill('2,5');
    await expect(page.getByTestId('movement-preview')).toContainText('đã thuê 14,53 ha');
    await form.getByRole('textbox', { name: 'Lý do' }).fill('Hợp đồng thuê ký trực tiếp với chủ đầu tư hạ tầng');
    await form.getByRole('button', { name: 'Ghi vào sổ cái' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByTestId('notifications')).toContainText('Đã ghi “Điều chỉnh” vào sổ cái của CCN Đồng Sóc.');

    await expect(page.getByTestId('figure-leased')).toHaveText('14,53 ha');
    await expect(page.getByTestId('figure-available')).toHaveText('37,97 ha');
    await expect(chart).toHaveAttribute('data-steps', '2');
    await expect(ledger).toHaveCount(2);
    await expect(ledger.first()).toContainText('Hợp đồng thuê ký trực tiếp với chủ đầu tư hạ tầng');
    await expect(ledger.first()).toContainText('+2,50 ha');
    await expect(ledger.first()).toContainText('37,97 ha');
    await expect(page.getByTestId('zone-history')).toContainText(/Đã cho thuê:.*12,03 ha.*→ 14,53 ha/);

    // A reservation (an MoU with an investor) shows as reserved land.
    await page.getByTestId('record-movement').click();
    await form.getByText('Giữ chỗ', { exact: true }).click();
    await form.getByRole('textbox', { name: 'Diện tích (ha)' }).fill('5');
    await form.getByRole('textbox', { name: 'Lý do' }).fill('Biên bản ghi nhớ với Công ty Cơ khí Yên Lạc');
    await form.getByRole('button', { name: 'Ghi vào sổ cái' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByTestId('figure-reserved')).toHaveText('5,00 ha');
    await expect(page.getByTestId('figure-available')).toHaveText('32,97 ha');
    await expect(chart).toHaveAttribute('data-steps', '3');
    await expect(ledger).toHaveCount(3);

    // Edit: a field the server refuses is explained under that field; a valid change is saved.
    await page.getByTestId('edit-zone').click();
    const edit = page.getByTestId('edit-zone-form');
    await edit.getByRole('textbox', { name: 'Đất công nghiệp (cho thuê được)' }).fill('10');
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(edit).toContainText('Must be at least the 19.53 ha leased or reserved');
    await edit.getByRole('textbox', { name: 'Đất công nghiệp (cho thuê được)' }).fill('52,5');
    await edit.getByRole('textbox', { name: 'Số lao động' }).fill('700');
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(edit).toBeHidden();
    await expect(details).toContainText('700 người');
    await expect(page.getByTestId('zone-history')).toContainText(/Số lao động:.*620.*→ 700/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-zone-record.png`, fullPage: true });

    // Back to the filtered list, which shows the new figure.
    await page.getByRole('link', { name: 'Tất cả khu, cụm công nghiệp' }).click();
    await expect(page).toHaveURL(/[?&]q=dong\+soc/);
    await expect(page.getByTestId('zone-row').getByTestId('zone-available')).toHaveText('32,97 ha');
    expect(errors).toEqual([]);
  });
});
