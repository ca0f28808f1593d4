import { expect, test } from '@playwright/test';
import { SCREENSHOT_DIR, adminApi, collectPageErrors } from './support';

test.describe('promotion events', () => {
  test('create an event, add attendees, convert one into a prospect, and the return counts it', async ({
    page,
    playwright,
    baseURL,
  }) => {
    // Two pages, four dialogs and a conversion: more than the default 30 s on a busy machine.
    test.slow();
    const errors = collectPageErrors(page);
    const unique = Date.now().toString(36);

    // People met at the event: two contacts of a Korean investor, arranged through the API.
    const api = await adminApi(playwright, baseURL);
    const post = (path: string, data: unknown) => api.send<{ id: string }>('post', path, data);
    const investor = await post('/api/organizations?confirmDuplicate=true', {
      name: `Công ty TNHH Cơ khí Hàn Việt ${unique}`,
      kind: 'foreign_invested',
      country: 'KR',
    });
    const parkName = `Park Ji-hoon ${unique}`;
    await post('/api/contacts?confirmDuplicate=true', {
      fullName: parkName,
      email: `park-${unique}@hanviet.example`,
      organizationId: investor.id,
    });
    const leeEmail = `lee-${unique}@hanviet.example`;
    await post('/api/contacts?confirmDuplicate=true', {
      fullName: `Lee Min-seo ${unique}`,
      email: leeEmail,
      organizationId: investor.id,
    });
    await api.dispose();

    // The events list and a new event.
    await page.goto('/events');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Sự kiện', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: 'Sự kiện xúc tiến', level: 1 })).toBeVisible();
    await page.getByTestId('add-event').click();
    const form = page.getByTestId('create-event-form');
    await form.getByTestId('event-submit').click();
    await expect(form).toContainText('Nhập tên sự kiện.');
    const eventName = `Roadshow xúc tiến đầu tư tại Seoul ${unique}`;
    await form.getByTestId('event-name').fill(eventName);
    await form.getByRole('combobox', { name: 'Loại hình' }).click();
    await page.getByRole('option', { name: 'Roadshow' }).click();
    await form.getByRole('combobox', { name: 'Quốc gia' }).fill('han quoc');
    await page.getByRole('option', { name: 'Hàn Quốc' }).click();
    await form.getByTestId('event-starts-on').fill('2026-09-15');
    await form.getByTestId('event-ends-on').fill('2026-09-14');
    await form.getByTestId('event-place').fill('Seoul, COEX');
    await form.getByTestId('event-budget').fill('450000000');
    await form.getByTestId('event-submit').click();
    await expect(form).toContainText('Ngày kết thúc không thể trước ngày bắt đầu.');
    await form.getByTestId('event-ends-on').fill('2026-09-17');
    await form.getByTestId('event-submit').click();

    // The event page: no one yet.
    await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('event-title')).toHaveText(eventName);
    await expect(page.getByTestId('event-details')).toContainText('450.000.000 ₫');
    await expect(page.getByTestId('attendees-empty')).toBeVisible();
    await expect(page.getByTestId('roi-contacts').locator('[data-value]')).toHaveText('0');

    // One attendee picked by name (typed without diacritics or case), one pasted by email with an unknown one.
    await page.getByTestId('add-attendee').first().click();
    const addForm = page.getByTestId('add-attendee-form');
    await addForm.getByTestId('attendee-submit').click();
    await expect(addForm).toContainText('Chọn một người.');
    await addForm.getByRole('combobox', { name: 'Người' }).fill(`park ji-hoon ${unique}`);
    await page.getByRole('option', { name: new RegExp(parkName) }).click();
    await addForm.getByTestId('attendee-submit').click();
    await expect(addForm).toBeHidden();
    const park = page.getByTestId('attendee-row').filter({ hasText: parkName });
    await expect(park).toHaveAttribute('data-stage', 'met');
    await expect(park).toContainText('Đã gặp');

    await page.getByTestId('bulk-attendees').click();
    await page.getByTestId('bulk-emails').fill(`Lee Min-seo <${leeEmail}>\nkhong-co@example.vn`);
    await expect(page.getByTestId('bulk-attendees-form')).toContainText('2 người sẽ được thêm');
    await page.getByTestId('bulk-submit').click();
    const result = page.getByTestId('bulk-result');
    await expect(result).toContainText('Đã thêm 1 người tham dự');
    await expect(result).toContainText('khong-co@example.vn');
    await page.getByTestId('bulk-done').click();
    await expect(page.getByTestId('attendee-row')).toHaveCount(2);
    await expect(page.getByTestId('roi-contacts').locator('[data-value]')).toHaveText('2');

    // Park becomes a prospect: the follow-up moves to Converted and links to the new prospect.
    await park.getByTestId('convert-attendee').click();
    const convert = page.getByTestId('convert-form');
    await expect(convert.getByTestId('convert-title')).toHaveValue(`Công ty TNHH Cơ khí Hàn Việt ${unique}`);
    await convert.getByTestId('convert-title').fill('Nhà máy linh kiện ô tô Bá Thiện');
    await convert.getByTestId('convert-capital').fill('12000000');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-event-convert.png` });
    await convert.getByTestId('convert-submit').click();
    await expect(convert).toBeHidden();
    // The dialog says what came of it and offers the new prospect; staying here closes it.
    const done = page.getByTestId('convert-done');
    await expect(done).toContainText(`${parkName} đã được chuyển thành nhà đầu tư tiềm năng.`);
    await expect(done.getByTestId('convert-open-item')).toHaveAttribute('href', /^\/prospects\/[0-9a-f-]{36}$/);
    await done.getByRole('button', { name: 'Ở lại trang này' }).click();
    await expect(done).toBeHidden();
    await expect(park).toHaveAttribute('data-stage', 'converted');
    await expect(park.getByTestId('converted-item-link')).toHaveAttribute('href', /^\/prospects\/[0-9a-f-]{36}$/);
    await expect(park.getByTestId('remove-attendee')).toHaveCount(0);

    // The return: one conversion of two contacts, its capital, the budget per conversion, and the bars.
    await expect(page.getByTestId('roi-conversions').locator('[data-value]')).toHaveText('1');
    await expect(page.getByTestId('roi-conversions')).toContainText('50%');
    await expect(page.getByTestId('roi-capital').locator('[data-value]')).toHaveText('12 triệu USD');
    await expect(page.getByTestId('roi-capital')).toHaveAttribute('data-exact', '12.000.000 USD');
    await expect(page.getByTestId('roi-cost').locator('[data-value]')).toHaveText('450 triệu ₫');
    await expect(page.getByTestId('roi-cost')).toHaveAttribute('data-exact', '450.000.000 ₫');
    await expect(page.getByTestId('roi-kind-prospect')).toContainText('1');
    const chart = page.getByTestId('event-stages-chart');
    await expect(chart.locator('[data-stage="converted"]')).toHaveAttribute('data-count', '1');
    await expect(chart.locator('[data-stage="met"]')).toHaveAttribute('data-count', '1');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-event.png`, fullPage: true });

    // The untouched attendee can be taken back; the list shows the event with its count.
    const lee = page.getByTestId('attendee-row').filter({ hasText: 'Lee Min-seo' });
    await lee.getByTestId('remove-attendee').click();
    await page.getByRole('button', { name: 'Gỡ', exact: true }).click();
    await expect(page.getByTestId('attendee-row')).toHaveCount(1);

    // The organisers' list, imported from a CSV: Park attends already and is skipped, Lee (known by email) comes
    // back, a new person is added with their company, and a row with a broken email is reported.
    const choiName = `Choi Yu-na ${unique}`;
    const list =
      '\uFEFFHọ và tên,Email,Doanh nghiệp,Chức vụ,Quốc gia,Ghi chú\r\n' +
      `${parkName},park-${unique}@hanviet.example,,,,\r\n` +
      `Lee Min-seo ${unique},${leeEmail},,,,\r\n` +
      `${choiName},choi-${unique}@hanviet-logistics.example,Hàn Việt Logistics ${unique},Giám đốc,Hàn Quốc,Muốn thăm CCN Đồng Sóc\r\n` +
      `Người sai email,khong-phai-email,,,,\r\n`;
    await page.getByTestId('import-attendees').click();
    const importForm = page.getByTestId('import-attendees-form');
    await expect(importForm).toContainText(eventName);
    await importForm.getByTestId('import-file-input').setInputFiles({
      name: `khach-moi-${unique}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(list, 'utf8'),
    });
    await expect(importForm.getByTestId('import-file')).toContainText(`khach-moi-${unique}.csv`);
    await importForm.getByRole('button', { name: 'Các cột được đọc và tệp mẫu' }).click();
    await expect(importForm.getByTestId('template-xlsx')).toHaveAttribute('href', /templates\/attendees\?format=xlsx/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-event-import-choose.png` });
    await page.getByTestId('import-attendees-submit').click();
    await expect(page.getByTestId('import-completed')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('import-completed')).toContainText('Đã thêm 2 người tham dự');
    await expect(page.getByTestId('import-count-created')).toContainText('2');
    await expect(page.getByTestId('import-count-unchanged')).toContainText('1');
    await expect(page.getByTestId('import-count-failed')).toContainText('1');
    await expect(page.getByTestId('import-error-row')).toHaveCount(1);
    await expect(page.getByTestId('import-error-row')).toContainText('5');
    await expect(page.getByTestId('download-errors')).toHaveAttribute(
      'href',
      /^\/api\/imports\/[0-9a-f-]{36}\/errors\.csv$/,
    );
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-event-import.png` });
    await page.getByTestId('import-attendees-done').click();
    await expect(page.getByTestId('attendee-row')).toHaveCount(3);
    const choi = page.getByTestId('attendee-row').filter({ hasText: choiName });
    await expect(choi).toHaveAttribute('data-stage', 'met');
    await expect(choi).toContainText(`Hàn Việt Logistics ${unique}`);
    await expect(page.getByTestId('roi-contacts').locator('[data-value]')).toHaveText('3');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-event-attendees-imported.png`, fullPage: true });
    await page.getByRole('link', { name: 'Tất cả sự kiện' }).click();
    await page.getByTestId('event-search').fill(`seoul ${unique}`);
    const row = page.getByTestId('event-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Roadshow');
    await expect(row).toContainText('15/09/2026 – 17/09/2026');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-events.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  test('an event contact converts from its own page into a prospect, which then stands in for the button', async ({
    page,
    playwright,
    baseURL,
  }) => {
    // A page, a dialog and a second page: more than the default 30 s on a busy machine.
    test.slow();
    const errors = collectPageErrors(page);
    const unique = Date.now().toString(36);

    // A person met at a fair, followed up as an event contact: arranged through the API.
    const api = await adminApi(playwright, baseURL);
    const post = (path: string, data: unknown) => api.send<{ id: string; itemId: string }>('post', path, data);
    const investor = await post('/api/organizations?confirmDuplicate=true', {
      name: `Công ty TNHH Điện tử Sao Mai ${unique}`,
      kind: 'foreign_invested',
      country: 'JP',
    });
    const personName = `Tanaka Hiroshi ${unique}`;
    const contact = await post('/api/contacts?confirmDuplicate=true', {
      fullName: personName,
      organizationId: investor.id,
    });
    const eventName = `Hội chợ công nghiệp hỗ trợ Osaka ${unique}`;
    const event = await post('/api/events', {
      name: eventName,
      kind: 'trade_fair',
      startsOn: '2026-10-06',
      endsOn: '2026-10-08',
      place: 'Osaka, INTEX',
      country: 'JP',
    });
    const attendee = await post(`/api/events/${event.id}/attendees`, { contactId: contact.id });
    await api.dispose();

    // The event contact's page offers the conversion beside editing.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/event-contacts/${attendee.itemId}`);
    await expect(page.getByTestId('item-details')).toContainText(eventName);
    await expect(page.getByTestId('stage-badge').first()).toHaveText('Đã gặp');
    await expect(page.getByTestId('converted-item-link')).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-event-contact-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByTestId('convert-event-contact')).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-event-contact-390.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('convert-event-contact').click();

    // The same dialog as on the event's page, filled for a prospect.
    const dialog = page.getByRole('dialog', { name: `Chuyển đổi ${personName}` });
    const form = dialog.getByTestId('convert-form');
    await expect(form.getByTestId('convert-title')).toHaveValue(`Công ty TNHH Điện tử Sao Mai ${unique}`);
    const prospectTitle = `Nhà máy linh kiện điện tử Sao Mai ${unique}`;
    await form.getByTestId('convert-title').fill(prospectTitle);
    await form.getByTestId('convert-capital').fill('8500000');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-event-contact-convert-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-event-contact-convert-390.png` });
    await form.getByTestId('convert-submit').click();

    // Done: the dialog links to the new prospect, and the page already shows what the contact became.
    const done = dialog.getByTestId('convert-done');
    await expect(done).toContainText(`${personName} đã được chuyển thành nhà đầu tư tiềm năng.`);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-event-contact-converted-390.png` });
    await expect(page.getByTestId('stage-badge').first()).toHaveText('Đã chuyển đổi');
    await done.getByTestId('convert-open-item').click();
    await expect(page).toHaveURL(/\/prospects\/[0-9a-f-]{36}$/);
    const prospectUrl = page.url();
    await expect(page.getByTestId('item-title')).toHaveText(prospectTitle);
    await expect(page.getByTestId('item-details')).toContainText(eventName);
    await expect(page.getByTestId('item-details')).toContainText('8.500.000,00 US$');

    // Back on the contact's page, the link to the prospect stands where the button was.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/event-contacts/${attendee.itemId}$`));
    const link = page.getByTestId('converted-item-link');
    await expect(link).toHaveText('Đã thành nhà đầu tư tiềm năng');
    await expect(link).toHaveAttribute('href', new URL(prospectUrl).pathname);
    await expect(page.getByTestId('convert-event-contact')).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-event-contact-converted-page-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-event-contact-converted-page-1280.png`, fullPage: true });
    await link.click();
    await expect(page.getByTestId('item-title')).toHaveText(prospectTitle);
    expect(errors).toEqual([]);
  });
});
