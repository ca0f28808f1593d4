import { expect, test } from '@playwright/test';
import { SCREENSHOT_DIR, adminApi, collectPageErrors, createUser } from './support';

const unique = () => `${Date.now().toString(36).slice(-4)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();
const HO_CHI_MINH_OFFSET_MS = 7 * 3600_000;

/** The value a datetime-local field takes for an instant, on a Ho Chi Minh City clock (UTC+7 all year). */
const localInput = (ms: number) => new Date(ms + HO_CHI_MINH_OFFSET_MS).toISOString().slice(0, 16);

// The agency works on Vietnamese time and dates, and so does this browser.
test.use({ timezoneId: 'Asia/Ho_Chi_Minh', locale: 'vi-VN' });

test.describe('timeline and tasks', () => {
  test('note with a mention, a logged call, a task in the inbox ticked done', async ({ page, playwright, baseURL }) => {
    const errors = collectPageErrors(page);
    const suffix = unique();
    const investorName = `Công ty TNHH Linh kiện Bá Thiện ${suffix}`;
    const api = await adminApi(playwright, baseURL);
    const colleague = await createUser(api, { role: 'staff', name: `Trần Thị Lan ${suffix}` });
    const created = await api.request.post('/api/organizations?confirmDuplicate=true', {
      data: { name: investorName, kind: 'foreign_invested', country: 'JP', sectors: ['26'] },
      headers: api.headers,
    });
    expect(created.status(), await created.text()).toBe(201);
    const investor = (await created.json()) as { id: string };

    await page.goto(`/investors/${investor.id}`);
    const timeline = page.getByTestId('timeline');
    await expect(timeline.getByTestId('timeline-entry').first()).toContainText('Tạo hồ sơ');

    // A note mentioning a colleague: typing "@" and part of the name (without diacritics) offers them.
    const text = timeline.getByTestId('timeline-text');
    await text.fill('Nhà đầu tư cần 12 ha trong KCN Bá Thiện II. ');
    await text.pressSequentially(`@lan ${suffix.toLowerCase()}`);
    const option = page.getByRole('option', { name: new RegExp(`Trần Thị Lan ${suffix}`) });
    await expect(option).toBeVisible();
    await expect(page.getByRole('option')).toHaveCount(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-timeline-mention.png` });
    await text.press('Enter');
    await expect(text).toHaveValue(`Nhà đầu tư cần 12 ha trong KCN Bá Thiện II. @Trần Thị Lan ${suffix} `);
    await text.pressSequentially('chuẩn bị bản đồ quy hoạch.');
    await timeline.getByTestId('timeline-submit').click();

    const newest = timeline.getByTestId('timeline-entry').first();
    await expect(newest).toHaveAttribute('data-kind', 'note');
    await expect(newest.getByTestId('timeline-mention')).toHaveText(`@Trần Thị Lan ${suffix}`);
    await expect(newest).toContainText('chuẩn bị bản đồ quy hoạch.');
    await expect(text).toHaveValue('');
    // Stored as the person's id, so a later reminder can reach them.
    const stored = await api.request.get(`/api/timeline?subjectType=organization&subjectId=${investor.id}&kind=note`);
    const [note] = ((await stored.json()) as { items: { mentions: { id: string }[] }[] }).items;
    expect(note.mentions.map((m) => m.id)).toEqual([colleague.id]);

    // A call logged with its duration, outcome and who took part.
    await timeline.getByTestId('timeline-kind').getByText('Cuộc gọi').click();
    await text.fill('Hỏi giá thuê đất và thời gian bàn giao.');
    await timeline.getByRole('textbox', { name: 'Thời lượng (phút)' }).fill('15');
    await timeline.getByRole('textbox', { name: 'Kết quả' }).fill('Hẹn khảo sát thực địa');
    await timeline.getByLabel('Người tham gia').fill('Ông Tanaka');
    await timeline.getByLabel('Người tham gia').press('Enter');
    await timeline.getByTestId('timeline-submit').click();
    await expect(timeline.getByTestId('timeline-entry').first()).toContainText('Cuộc gọi · 15 phút');
    await expect(timeline.getByTestId('timeline-entry').first()).toContainText('Hẹn khảo sát thực địa');
    await expect(timeline.getByTestId('timeline-entry').first()).toContainText('Ông Tanaka');

    // A task about this investor, due an hour ago: it is overdue at once.
    const taskTitle = `Gửi hồ sơ KCN Bá Thiện II ${suffix}`;
    await page.getByTestId('add-task').click();
    const form = page.getByTestId('task-form');
    await expect(form).toContainText(investorName);
    await form.getByRole('button', { name: 'Thêm việc' }).click();
    await expect(form).toContainText('Hãy nhập việc cần làm.');
    await form.getByRole('textbox', { name: 'Việc cần làm' }).fill(taskTitle);
    await form.getByLabel(/^Hạn/).fill(localInput(Date.now() - 3600_000));
    await form.getByRole('button', { name: 'Thêm việc' }).click();
    await expect(page.getByTestId('notifications')).toContainText(`Đã thêm việc: ${taskTitle}`);
    await expect(page.getByTestId('record-tasks')).toContainText(taskTitle);
    await expect(timeline.getByTestId('timeline-entry').first()).toContainText(`Giao việc: ${taskTitle}`);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-investor-timeline.png`, fullPage: true });

    // The inbox: the navigation counts the overdue task; the task links back to the investor.
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByTestId('tasks-overdue-badge')).toBeVisible();
    await nav.getByRole('link', { name: /Công việc/ }).click();
    await expect(page.getByRole('heading', { name: 'Công việc', level: 1 })).toBeVisible();
    await page.getByTestId('tasks-tab-overdue').click();
    const item = page.getByTestId('task-item').filter({ hasText: taskTitle });
    await expect(item).toBeVisible();
    await expect(item.getByTestId('task-subject')).toHaveText(`Nhà đầu tư: ${investorName}`);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-tasks-inbox.png`, fullPage: true });

    // Ticking it done moves it to "Done" and tells the investor's timeline.
    // click, not check: the done task leaves the Overdue tab at once, so there is no box left to verify.
    await item.getByRole('checkbox', { name: `Đánh dấu xong: ${taskTitle}` }).click();
    await expect(page.getByTestId('notifications')).toContainText(`Đã xong: ${taskTitle}`);
    await expect(page.getByTestId('task-item').filter({ hasText: taskTitle })).toHaveCount(0);
    await page.getByTestId('tasks-tab-done').click();
    await expect(page.getByTestId('task-item').filter({ hasText: taskTitle })).toHaveAttribute('data-done', 'true');
    await expect(page).toHaveURL(/\/tasks\?tab=done$/);
    await page.getByTestId('task-item').filter({ hasText: taskTitle }).getByTestId('task-subject').click();
    await expect(page.getByTestId('investor-name')).toHaveText(investorName);
    await expect(page.getByTestId('timeline').getByTestId('timeline-entry').first()).toContainText(
      `Hoàn thành việc: ${taskTitle}`,
    );

    // On a phone the panels stack and stay usable.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('tasks-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-investor-timeline-phone.png` });

    await api.dispose();
    expect(errors).toEqual([]);
  });
});
