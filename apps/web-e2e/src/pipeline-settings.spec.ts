import { expect, test, type Locator, type Page } from '@playwright/test';
import { SCREENSHOT_DIR, SIGNED_OUT, adminApi, collectPageErrors, createUser, signIn } from './support';

/** The stage keys of the shown pipeline, in the order of its rows. */
function stageKeys(panel: Locator): Promise<string[]> {
  return panel
    .getByTestId('stage-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-stage-key') ?? ''));
}

function row(panel: Locator, key: string): Locator {
  return panel.locator(`[data-testid="stage-row"][data-stage-key="${key}"]`);
}

async function openEventContacts(page: Page): Promise<Locator> {
  await page.goto('/settings/pipelines');
  await page.getByRole('tab', { name: 'Liên hệ từ sự kiện xúc tiến' }).click();
  await expect(page).toHaveURL(/pipeline=event_contact/);
  return page.locator('[data-testid="pipeline-stages"][data-pipeline-kind="event_contact"]');
}

const DEFAULT_ORDER = ['met', 'contacted', 'meeting_held', 'converted', 'not_interested'];

test.describe('pipeline settings', () => {
  // Signs in a manager of its own: the shared admin's language and session stay untouched.
  test.use({ storageState: SIGNED_OUT });

  test('a manager adds, renames, reorders, retires, restores and deletes a stage', async ({
    page,
    playwright,
    baseURL,
  }) => {
    test.slow();
    const errors = collectPageErrors(page);
    const api = await adminApi(playwright, baseURL);
    const manager = await createUser(api, { role: 'manager', name: 'Lê Quản Lý' });
    await api.dispose();
    await signIn(page, manager);

    await page.goto('/settings/pipelines');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Giai đoạn quy trình' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: 'Giai đoạn quy trình', level: 1 })).toBeVisible();
    const panel = await openEventContacts(page);
    await expect.poll(() => stageKeys(panel)).toEqual(DEFAULT_ORDER);
    await expect(row(panel, 'converted').getByTestId('rule-stage-badge')).toBeVisible();

    // Add: the form says what is missing, then the stage goes before the first closing stage.
    await panel.getByTestId('add-stage').click();
    const add = page.getByTestId('add-stage-form');
    await add.getByRole('button', { name: 'Thêm giai đoạn' }).click();
    await expect(add.getByText('Hãy nhập tên.')).toHaveCount(2);
    await add.getByRole('textbox', { name: 'Tên tiếng Việt' }).fill('Gửi tài liệu');
    await add.getByRole('textbox', { name: 'Tên tiếng Anh' }).fill('Materials sent');
    await add.getByRole('textbox', { name: 'Thời hạn xử lý (ngày làm việc)' }).fill('5');
    await expect(add.getByRole('combobox', { name: 'Vị trí' })).toHaveValue('Trước “Đã chuyển đổi”');
    await add.getByRole('button', { name: 'Thêm giai đoạn' }).click();
    await expect(add).toBeHidden();
    await expect(page.getByTestId('notifications')).toContainText('Đã thêm “Gửi tài liệu”.');
    await expect
      .poll(() => stageKeys(panel))
      .toEqual(['met', 'contacted', 'meeting_held', 'materials_sent', 'converted', 'not_interested']);
    await expect(row(panel, 'materials_sent').getByTestId('stage-sla')).toHaveText('5 ngày làm việc');

    // A name already used in the pipeline is refused by the server and explained under the field.
    await panel.getByTestId('add-stage').click();
    await add.getByRole('textbox', { name: 'Tên tiếng Việt' }).fill('Đã liên hệ');
    await add.getByRole('textbox', { name: 'Tên tiếng Anh' }).fill('Called back');
    await add.getByRole('button', { name: 'Thêm giai đoạn' }).click();
    await expect(add.getByText('Một giai đoạn khác của quy trình đã có tên này.')).toBeVisible();
    await add.getByRole('button', { name: 'Hủy' }).click();
    await expect(add).toBeHidden();

    // Rename and a new SLA, inline; the key stays.
    await row(panel, 'materials_sent').getByRole('button', { name: 'Sửa “Gửi tài liệu”' }).click();
    const edit = panel.getByTestId('stage-edit-form');
    await edit.getByRole('textbox', { name: 'Tên tiếng Việt' }).fill('Đã gửi tài liệu');
    await edit.getByRole('textbox', { name: 'Tên tiếng Anh' }).fill('Brochure sent');
    await edit.getByRole('textbox', { name: 'Thời hạn xử lý (ngày làm việc)' }).fill('7');
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(edit).toBeHidden();
    const renamed = row(panel, 'materials_sent');
    await expect(renamed.getByTestId('stage-name')).toHaveText('Đã gửi tài liệu');
    await expect(renamed.getByTestId('stage-other-name')).toContainText('Brochure sent');
    await expect(renamed.getByTestId('stage-sla')).toHaveText('7 ngày làm việc');

    // Reorder with the arrows, then by dragging; the order survives a reload.
    await renamed.getByRole('button', { name: 'Chuyển “Đã gửi tài liệu” lên' }).click();
    await expect
      .poll(() => stageKeys(panel))
      .toEqual(['met', 'contacted', 'materials_sent', 'meeting_held', 'converted', 'not_interested']);
    await expect(page.getByTestId('notifications')).toContainText('Đã lưu thứ tự mới.');
    await renamed.getByRole('button', { name: 'Chuyển “Đã gửi tài liệu” lên' }).click();
    await expect
      .poll(() => stageKeys(panel))
      .toEqual(['met', 'materials_sent', 'contacted', 'meeting_held', 'converted', 'not_interested']);
    await row(panel, 'met').getByTestId('stage-drag-handle').dragTo(row(panel, 'contacted'));
    await expect
      .poll(() => stageKeys(panel))
      .toEqual(['materials_sent', 'contacted', 'met', 'meeting_held', 'converted', 'not_interested']);
    await page.reload();
    await expect
      .poll(() => stageKeys(panel))
      .toEqual(['materials_sent', 'contacted', 'met', 'meeting_held', 'converted', 'not_interested']);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-pipeline-settings.png`, fullPage: true });

    // A rule stage cannot be retired; the menu says why.
    await row(panel, 'converted').getByRole('button', { name: 'Thao tác khác với “Đã chuyển đổi”' }).click();
    await expect(page.getByRole('menuitem', { name: 'Ngừng dùng…' })).toBeDisabled();
    await expect(page.getByRole('menu')).toContainText('Quy tắc nghiệp vụ tìm giai đoạn này theo mã “converted”');
    await page.keyboard.press('Escape');
    // Wait for the menu to be gone, so the next one opened is the only one.
    await expect(page.getByRole('menu')).toHaveCount(0);

    // Retire: the dialog tells how many items move (none here), then the row shows it retired.
    await renamed.getByRole('button', { name: 'Thao tác khác với “Đã gửi tài liệu”' }).click();
    await page.getByRole('menuitem', { name: 'Ngừng dùng…' }).click();
    const retire = page.getByTestId('retire-stage-form');
    await expect(retire.getByTestId('retire-item-count')).toHaveText('Không có hồ sơ nào ở giai đoạn này.');
    await retire.getByRole('button', { name: 'Ngừng dùng giai đoạn' }).click();
    await expect(retire).toBeHidden();
    await expect(page.getByTestId('notifications')).toContainText('Đã ngừng dùng “Đã gửi tài liệu”.');
    await expect(renamed.getByTestId('retired-badge')).toBeVisible();
    await expect(panel).toContainText('5 giai đoạn · 1 đã ngừng dùng');

    // Restore, then delete: it never held an item.
    await renamed.getByRole('button', { name: 'Thao tác khác với “Đã gửi tài liệu”' }).click();
    await page.getByRole('menuitem', { name: 'Dùng lại' }).click();
    await expect(page.getByTestId('notifications')).toContainText('“Đã gửi tài liệu” được dùng lại.');
    await expect(renamed.getByTestId('retired-badge')).toHaveCount(0);
    await renamed.getByRole('button', { name: 'Thao tác khác với “Đã gửi tài liệu”' }).click();
    await page.getByRole('menuitem', { name: 'Xóa…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa giai đoạn' }).click();
    await expect(page.getByTestId('notifications')).toContainText('Đã xóa “Đã gửi tài liệu”.');
    await expect
      .poll(() => stageKeys(panel))
      .toEqual(['contacted', 'met', 'meeting_held', 'converted', 'not_interested']);

    // Back to the seeded order, so that other tests find the pipeline as it was.
    await row(panel, 'met').getByRole('button', { name: 'Chuyển “Đã gặp” lên' }).click();
    await expect.poll(() => stageKeys(panel)).toEqual(DEFAULT_ORDER);
    expect(errors).toEqual([]);
  });

  test('a change made elsewhere meanwhile is explained and the current stages shown', async ({
    page,
    playwright,
    baseURL,
  }) => {
    // The investor-prospect pipeline: the other test changes the event-contact one at the same time.
    const api = await adminApi(playwright, baseURL);
    const manager = await createUser(api, { role: 'manager' });
    await signIn(page, manager);
    await page.goto('/settings/pipelines?pipeline=prospect');
    const panel = page.locator('[data-testid="pipeline-stages"][data-pipeline-kind="prospect"]');
    await expect(row(panel, 'lead')).toBeVisible();
    const order = await stageKeys(panel);
    expect(order.slice(0, 2)).toEqual(['lead', 'qualified']);

    // Another manager renames a stage: the pipeline's version moves on.
    const pipelines = (await (await api.request.get('/api/pipelines')).json()) as {
      id: string;
      kind: string;
      stages: { id: string; key: string; version: number; name: { vi: string } }[];
    }[];
    const prospects = pipelines.find((pipeline) => pipeline.kind === 'prospect');
    const lead = prospects?.stages.find((stage) => stage.key === 'lead');
    expect(lead).toBeDefined();
    const rename = (vi: string, version: number) =>
      api.request.patch(`/api/pipelines/${prospects?.id}/stages/${lead?.id}`, {
        data: { nameVi: vi, version },
        headers: api.headers,
      });
    const renamed = await rename('Nhà đầu tư tiềm năng mới', lead?.version ?? 0);
    expect(renamed.status(), await renamed.text()).toBe(200);

    await row(panel, 'qualified').getByRole('button', { name: 'Chuyển “Đã sàng lọc” lên' }).click();
    await expect(panel.getByTestId('stage-problem')).toContainText('Ai đó vừa thay đổi quy trình này.');
    await expect(row(panel, 'lead').getByTestId('stage-name')).toHaveText('Nhà đầu tư tiềm năng mới');
    await expect.poll(() => stageKeys(panel)).toEqual(order);

    const back = await rename(lead?.name.vi ?? 'Tiềm năng', (await renamed.json()).version);
    expect(back.status()).toBe(200);
    await api.dispose();
  });

  test('staff have no entry and no access', async ({ page, playwright, baseURL }) => {
    const api = await adminApi(playwright, baseURL);
    const officer = await createUser(api, { role: 'staff' });
    await api.dispose();
    await signIn(page, officer);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Tổng quan' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Giai đoạn quy trình' })).toHaveCount(0);
    await page.goto('/settings/pipelines');
    await expect(page.getByTestId('forbidden')).toBeVisible();
    await expect(page.getByTestId('pipeline-stages')).toHaveCount(0);
  });
});
