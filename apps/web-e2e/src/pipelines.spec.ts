import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { SCREENSHOT_DIR, adminApi, collectPageErrors } from './support';

const unique = () => `${Date.now().toString(36).slice(-4)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();

// A park no other browser test writes to, so its land bank moves only with this file's enquiries.
const ZONE_NAME = 'KCN Sơn Lôi';

interface Api {
  request: APIRequestContext;
  headers: Record<string, string>;
}

interface ZoneFigures {
  id: string;
  name: string;
  availableHa: number;
  reservedHa: number;
}

async function zoneNamed(api: Api, name: string): Promise<ZoneFigures> {
  const response = await api.request.get('/api/zones', { params: { q: name, limit: 5 } });
  expect(response.status(), await response.text()).toBe(200);
  const zone = ((await response.json()) as { items: ZoneFigures[] }).items.find((z) => z.name === name);
  if (!zone) throw new Error(`${name} is not in the seed`);
  return zone;
}

async function zoneById(api: Api, id: string): Promise<ZoneFigures> {
  const response = await api.request.get(`/api/zones/${id}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as ZoneFigures;
}

/** An investor of its own, and a land enquiry for it (in the first stage, "Received"). */
async function createLandEnquiry(
  api: Api,
  { title, areaHa, zoneId }: { title: string; areaHa: number; zoneId: string | null },
): Promise<{ id: string; version: number }> {
  const investor = await api.request.post('/api/organizations?confirmDuplicate=true', {
    data: { name: `Công ty TNHH Cơ khí ${title}`, kind: 'domestic', country: 'VN', sectors: ['25'] },
    headers: api.headers,
  });
  expect(investor.status(), await investor.text()).toBe(201);
  const { id: organizationId } = (await investor.json()) as { id: string };
  const created = await api.request.post('/api/land-enquiries', {
    data: { title, organizationId, requestedAreaHa: areaHa, zoneId, sector: 'mechanical_engineering' },
    headers: api.headers,
  });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as { id: string; version: number };
}

/** The board's column for a stage (by its stable key), and the card with a title wherever it is. */
const column = (page: Page, stageKey: string) =>
  page.locator(`[data-testid="board-column"][data-stage-key="${stageKey}"]`);
const card = (page: Page, title: string) => page.getByTestId('board-card').filter({ hasText: title });

// Wide enough for the board to show "Received" and "Land reserved" side by side, as a drag needs both in view.
test.use({ viewport: { width: 1920, height: 1000 }, timezoneId: 'Asia/Ho_Chi_Minh', locale: 'vi-VN' });

test.describe('pipelines', () => {
  test('a land enquiry dragged to "Land reserved" reserves its area in the zone', async ({
    page,
    playwright,
    baseURL,
  }) => {
    // Two pages, a drag and a dialog or two: more than the default 30 s on a busy machine.
    test.slow();
    const errors = collectPageErrors(page);
    const api = await adminApi(playwright, baseURL);
    const title = `Xưởng cơ khí chính xác ${unique()}`;
    const zone = await zoneNamed(api, ZONE_NAME);
    await createLandEnquiry(api, { title, areaHa: 2.35, zoneId: zone.id });

    // The board, narrowed to this enquiry through the search box (the address keeps it).
    await page.goto('/pipelines/land_enquiry');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Yêu cầu thuê đất' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: 'Yêu cầu thuê đất', level: 1 })).toBeVisible();
    await page.getByTestId('pipeline-search').fill(title);
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(column(page, 'received').getByTestId('board-card')).toHaveCount(1);
    await expect(column(page, 'received')).toContainText(title);
    await expect(column(page, 'received').getByTestId('column-totals')).toHaveText('2,35 ha');
    // The card itself shows the hectares and the zone, as the list does.
    await expect(card(page, title).getByTestId('item-figures')).toHaveText(`2,35 ha${ZONE_NAME}`);
    await expect(column(page, 'land_reserved').getByTestId('board-card')).toHaveCount(0);

    // Drag the card from "Received" to "Land reserved".
    await card(page, title).getByTestId('days-in-stage').dragTo(column(page, 'land_reserved'));
    await expect(column(page, 'land_reserved').getByTestId('board-card')).toHaveCount(1);
    await expect(column(page, 'land_reserved')).toContainText(title);
    await expect(page.getByTestId('notifications')).toContainText(`Đã chuyển “${title}” sang “Đã giữ quỹ đất”.`);
    // The server agreed: after the refetch the card is still there, and the column sums its area.
    await expect(column(page, 'land_reserved').getByTestId('column-totals')).toContainText('2,35 ha');
    await expect(column(page, 'received').getByTestId('board-card')).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-pipeline-board.png` });

    // The zone's available land dropped by the enquiry's area, and its reserved land grew by it.
    const after = await zoneById(api, zone.id);
    expect(Math.round(after.availableHa * 100)).toBe(Math.round(zone.availableHa * 100) - 235);
    expect(Math.round(after.reservedHa * 100)).toBe(Math.round(zone.reservedHa * 100) + 235);

    // The enquiry's page tells the same story: stage, reservation, and a history row for the move.
    await card(page, title).getByTestId('card-link').click();
    await expect(page.getByTestId('item-title')).toHaveText(title);
    await expect(page.getByTestId('stage-badge').first()).toHaveText('Đã giữ quỹ đất');
    await expect(page.getByTestId('item-details')).toContainText('2,35 ha');
    await expect(page.getByTestId('stage-history-row').first()).toContainText('Đã giữ quỹ đất');
    await expect(page.getByTestId('stage-history-row')).toHaveCount(2);

    // And the zone page shows the new figure.
    await page.getByTestId('item-zone').click();
    await expect(page.getByTestId('zone-name')).toHaveText(ZONE_NAME);
    const hectares = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    await expect(page.getByTestId('figure-available')).toHaveText(`${hectares.format(after.availableHa)} ha`);
    await api.dispose();
    expect(errors).toEqual([]);
  });

  test('a refused move shows the reasons and leaves the card; closing as lost asks why first', async ({
    page,
    playwright,
    baseURL,
  }) => {
    // Two pages, a drag and a dialog or two: more than the default 30 s on a busy machine.
    test.slow();
    const errors = collectPageErrors(page);
    const api = await adminApi(playwright, baseURL);
    const title = `Nhà máy dệt nhuộm ${unique()}`;
    // No zone yet: land cannot be reserved for it.
    await createLandEnquiry(api, { title, areaHa: 4, zoneId: null });

    await page.goto(`/pipelines/land_enquiry?q=${encodeURIComponent(title)}`);
    await expect(column(page, 'received')).toContainText(title);

    // Dragged to "Land reserved": the server refuses (422) and says what is missing; the card goes back.
    await card(page, title).getByTestId('days-in-stage').dragTo(column(page, 'land_reserved'));
    const notifications = page.getByTestId('notifications');
    await expect(notifications).toContainText('Chưa chuyển được sang “Đã giữ quỹ đất”');
    await expect(notifications).toContainText('Cần có khu, cụm trước khi sang “Đã giữ quỹ đất”.');
    await expect(column(page, 'received')).toContainText(title);
    await expect(column(page, 'land_reserved').getByTestId('board-card')).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-pipeline-refused.png` });
    await page.reload();
    await expect(column(page, 'received')).toContainText(title);

    // "Move to…" from the card's menu (the keyboard way): a lost stage first asks for the reason.
    await card(page, title).getByTestId('card-move-menu').click();
    await page.getByRole('menuitem', { name: 'Đã rút yêu cầu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lý do kết thúc' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Chuyển sang “Đã rút yêu cầu”' }).click();
    await expect(dialog).toContainText('Hãy ghi lý do.');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await expect(dialog).toBeHidden();
    await expect(column(page, 'received')).toContainText(title);

    await card(page, title).getByTestId('card-move-menu').click();
    await page.getByRole('menuitem', { name: 'Đã rút yêu cầu' }).click();
    await dialog.getByRole('textbox', { name: 'Lý do' }).fill('Nhà đầu tư chọn địa điểm ở tỉnh khác');
    await dialog.getByRole('button', { name: 'Chuyển sang “Đã rút yêu cầu”' }).click();
    await expect(dialog).toBeHidden();
    await expect(column(page, 'withdrawn')).toContainText(title);
    await expect(column(page, 'received').getByTestId('board-card')).toHaveCount(0);

    // The list view keeps the search and shows the closed enquiry with its stage.
    await page.getByTestId('view-toggle').getByText('Danh sách').click();
    await expect(page).toHaveURL(/view=list/);
    const row = page.getByTestId('item-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(title);
    await expect(row.getByTestId('stage-badge')).toHaveText('Đã rút yêu cầu');
    await row.getByTestId('item-link').click();
    await expect(page.getByTestId('lost-notice')).toContainText('Nhà đầu tư chọn địa điểm ở tỉnh khác');
    await api.dispose();
    expect(errors).toEqual([]);
  });

  test('a documents deadline and a milestone due date are entered and shown in the loan panels', async ({
    page,
    playwright,
    baseURL,
  }) => {
    test.slow();
    const errors = collectPageErrors(page);
    const api = await adminApi(playwright, baseURL);
    const call = api.send;
    const title = `Nhà xưởng cơ khí ${unique()}`;
    const investor = await call('post', '/api/organizations?confirmDuplicate=true', {
      name: `Công ty TNHH ${title}`,
      kind: 'domestic',
      country: 'VN',
    });
    const loan = await call('post', '/api/loan-applications', {
      title,
      organizationId: investor.id,
      applicantType: 'sme',
      lender: 'Agribank Vĩnh Phúc',
      lenderKind: 'bank',
      purpose: 'Xây nhà xưởng',
      requestedVnd: 8_000_000_000,
    });
    await call('patch', `/api/loan-applications/${loan.id}`, { approvedVnd: 6_000_000_000, version: loan.version });

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/loan-applications/${loan.id}`);
    await expect(page.getByTestId('item-title')).toHaveText(title);
    await expect(page.getByTestId('documents-due-on')).toHaveCount(0);

    await page.getByTestId('edit-item').click();
    const form = page.getByTestId('edit-item-form');
    const dueOn = form.getByLabel('Hạn nộp hồ sơ còn thiếu');
    await dueOn.fill('2099-03-20');
    await expect(form).toContainText('vài ngày làm việc trước hạn');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-loan-documents-due-1280.png` });
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByTestId('documents-due-on')).toHaveText('Hạn nộp giấy tờ còn thiếu: 20/03/2099');

    const panel = page.getByTestId('loan-tranches');
    await panel.getByTestId('plan-tranche').click();
    const planForm = panel.getByTestId('plan-tranche-form');
    await planForm.getByTestId('tranche-milestone').fill('Hoàn thành móng nhà xưởng');
    await planForm.getByTestId('tranche-progress').fill('30');
    await planForm.getByTestId('tranche-amount').fill('2000000000');
    await planForm.getByTestId('tranche-due-on').fill('2099-06-30');
    await planForm.getByRole('button', { name: 'Thêm đợt giải ngân' }).click();
    const row = panel.locator('[data-testid="tranche-row"][data-sequence="1"]');
    await expect(row.getByTestId('tranche-due-on')).toContainText('hạn 30/06/2099');

    await row.getByTestId('edit-tranche').click();
    const editForm = page.getByTestId('edit-tranche-form');
    await expect(editForm.getByTestId('tranche-due-on')).toHaveValue('2099-06-30');
    await editForm.getByTestId('tranche-due-on').fill('2099-07-15');
    await editForm.getByTestId('edit-tranche-submit').click();
    await expect(editForm).toBeHidden();
    await expect(row.getByTestId('tranche-due-on')).toContainText('hạn 15/07/2099');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-loan-deadlines-1280.png`, fullPage: true });

    const saved = await (await api.request.get(`/api/loan-applications/${loan.id}`)).json();
    expect(saved.documentsDueOn).toBe('2099-03-20');
    const tranches = await (await api.request.get(`/api/loan-applications/${loan.id}/tranches`)).json();
    expect(tranches[0].milestoneDueOn).toBe('2099-07-15');
    expect(errors).toEqual([]);
  });

  test('a planned tranche is edited and deleted; a stale edit says so and shows the tranche as it is', async ({
    page,
    playwright,
    baseURL,
  }) => {
    // Several dialogs and two viewports: more than the default 30 s on a busy machine.
    test.slow();
    const errors = collectPageErrors(page);
    const api = await adminApi(playwright, baseURL);
    const call = api.send;
    // An approved application of 15 billion VND, with a first tranche whose milestone is already confirmed.
    const title = `Mở rộng xưởng đúc ${unique()}`;
    const investor = await call('post', '/api/organizations?confirmDuplicate=true', {
      name: `Công ty CP Cơ khí ${title}`,
      kind: 'domestic',
      country: 'VN',
    });
    const loan = await call('post', '/api/loan-applications', {
      title,
      organizationId: investor.id,
      applicantType: 'sme',
      lender: 'BIDV Vĩnh Phúc',
      lenderKind: 'bank',
      purpose: 'Mua dây chuyền đúc áp lực',
      requestedVnd: 20_000_000_000,
    });
    const approved = await call('patch', `/api/loan-applications/${loan.id}`, {
      approvedVnd: 15_000_000_000,
      version: loan.version,
    });
    const first = await call('post', `/api/loan-applications/${loan.id}/tranches`, {
      milestone: 'Hoàn thành móng nhà xưởng',
      requiredProgressPct: 30,
      amountVnd: 3_000_000_000,
      version: approved.version,
    });
    await call(
      'post',
      `/api/loan-applications/${loan.id}/tranches/${first.id}/confirm`,
      {
        version: first.version,
        progressPct: 35,
      },
      200,
    );

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/loan-applications/${loan.id}`);
    const panel = page.getByTestId('loan-tranches');
    const row = (sequence: number) => panel.locator(`[data-testid="tranche-row"][data-sequence="${sequence}"]`);
    await expect(row(1)).toContainText('Đã xác nhận mốc');

    // Plan a second tranche.
    await panel.getByTestId('plan-tranche').click();
    const planForm = panel.getByTestId('plan-tranche-form');
    await planForm.getByTestId('tranche-milestone').fill('Lắp đặt xong dây chuyền đúc');
    await planForm.getByTestId('tranche-progress').fill('60');
    await planForm.getByTestId('tranche-amount').fill('5000000000');
    await planForm.getByRole('button', { name: 'Thêm đợt giải ngân' }).click();
    await expect(planForm).toBeHidden();
    await expect(row(2)).toContainText('Lắp đặt xong dây chuyền đúc');
    await expect(row(2).getByTestId('tranche-amount')).toHaveText('5.000.000.000 ₫');

    // Edit its amount: above what the approval leaves, the dialog says how much is possible; then a good amount.
    await row(2).getByTestId('edit-tranche').click();
    const editDialog = page.getByRole('dialog', { name: 'Sửa đợt giải ngân 2' });
    const editForm = editDialog.getByTestId('edit-tranche-form');
    await expect(editForm.getByTestId('tranche-milestone')).toHaveValue('Lắp đặt xong dây chuyền đúc');
    await editForm.getByTestId('tranche-amount').fill('14000000000');
    await editForm.getByTestId('edit-tranche-submit').click();
    await expect(editForm).toContainText('Tổng các đợt sẽ vượt số tiền được duyệt: đợt này tối đa 12.000.000.000 ₫.');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-tranche-edit-1280.png` });
    await editForm.getByTestId('tranche-amount').fill('7500000000');
    await editForm.getByTestId('edit-tranche-submit').click();
    await expect(editDialog).toBeHidden();
    await expect(page.getByTestId('notifications')).toContainText('Đã lưu đợt 2.');
    await expect(row(2).getByTestId('tranche-amount')).toHaveText('7.500.000.000 ₫');
    await expect(panel).toContainText('10.500.000.000 ₫');

    // The confirmed tranche keeps its milestone: only its amount can still change, as the server allows.
    await row(1).getByTestId('edit-tranche').click();
    const confirmedDialog = page.getByRole('dialog', { name: 'Sửa đợt giải ngân 1' });
    await expect(confirmedDialog).toContainText('Mốc tiến độ đã được xác nhận: chỉ còn sửa được số tiền.');
    await expect(confirmedDialog.getByTestId('tranche-milestone')).toBeDisabled();
    await expect(confirmedDialog.getByTestId('tranche-progress')).toBeDisabled();
    await confirmedDialog.getByRole('button', { name: 'Hủy' }).click();
    await expect(confirmedDialog).toBeHidden();

    // Someone else changes the second tranche meanwhile: the stale edit is refused, said so, and the panel refreshed.
    await row(2).getByTestId('edit-tranche').click();
    await editForm.getByTestId('tranche-amount').fill('6000000000');
    const tranches = (await (await api.request.get(`/api/loan-applications/${loan.id}/tranches`)).json()) as {
      id: string;
      sequence: number;
      version: number;
    }[];
    const second = tranches.find((tranche) => tranche.sequence === 2);
    if (!second) throw new Error('The second tranche is gone');
    await call('patch', `/api/loan-applications/${loan.id}/tranches/${second.id}`, {
      amountVnd: 4_000_000_000,
      version: second.version,
    });
    await editForm.getByTestId('edit-tranche-submit').click();
    await expect(editDialog).toBeHidden();
    await expect(page.getByTestId('notifications')).toContainText('Người khác vừa thay đổi đợt giải ngân này.');
    await expect(row(2).getByTestId('tranche-amount')).toHaveText('4.000.000.000 ₫');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-tranches-1280.png`, fullPage: true });
    await panel.screenshot({ path: `${SCREENSHOT_DIR}/web-tranches-panel-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SCREENSHOT_DIR}/web-tranches-390.png` });

    // Delete it, after a confirmation.
    await row(2).getByTestId('remove-tranche').click();
    const removeDialog = page.getByRole('dialog', { name: 'Xóa đợt giải ngân 2?' });
    await expect(removeDialog).toContainText('Đợt “Lắp đặt xong dây chuyền đúc” (4.000.000.000 ₫)');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-tranche-delete-390.png` });
    await removeDialog.getByRole('button', { name: 'Xóa đợt giải ngân' }).click();
    await expect(removeDialog).toBeHidden();
    await expect(panel.getByTestId('tranche-row')).toHaveCount(1);
    await expect(page.getByTestId('notifications')).toContainText('Đã xóa đợt 2.');

    // The board's card shows the amount requested.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/pipelines/loan_application?q=${encodeURIComponent(title)}`);
    await expect(card(page, title).getByTestId('item-figures')).toHaveText('20 T ₫');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-board-loans-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(card(page, title).getByTestId('item-figures')).toHaveText('20 T ₫');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-board-loans-390.png`, fullPage: true });
    await api.dispose();
    expect(errors).toEqual([]);
  });
});
