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
});
