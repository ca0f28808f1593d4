import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { SCREENSHOT_DIR, SIGNED_OUT, adminApi, collectPageErrors, createUser, signIn } from './support';

/** The smallest valid PNG: the portal types uploads from their bytes, so it must really be one. */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

interface PortalEnquiry {
  token: string;
  company: string;
  email: string;
}

/** An investor sends a land enquiry through the public form, then writes and uploads through its tracking link. */
async function investorSendsEnquiry(request: APIRequestContext): Promise<PortalEnquiry> {
  const id = unique();
  const company = `Công ty TNHH Cổng Thử ${id}`;
  const email = `investor-${id}@example.test`;
  const submitted = await request.post('/api/public/land-enquiries', {
    data: {
      fullName: 'Yamada Taro',
      email,
      language: 'vi',
      companyName: company,
      requestedAreaHa: 12.5,
      sector: 'electronics',
      message: 'Chúng tôi cần khoảng 12,5 ha để xây nhà máy linh kiện điện tử.',
    },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  const { trackingUrl } = (await submitted.json()) as { trackingUrl: string };
  const token = new URL(trackingUrl).pathname.split('/').pop() ?? '';

  const message = await request.post(`/api/public/track/${token}/messages`, {
    data: { body: 'Xin gửi bản vẽ mặt bằng dự kiến.' },
  });
  expect(message.status(), await message.text()).toBe(201);
  const upload = await request.post(`/api/public/track/${token}/documents`, {
    multipart: { file: { name: 'ban-ve-mat-bang.png', mimeType: 'image/png', buffer: PNG_1X1 } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  return { token, company, email };
}

async function findEnquiry(request: APIRequestContext, company: string): Promise<{ id: string; ownerId: string }> {
  const response = await request.get('/api/land-enquiries', { params: { q: company } });
  expect(response.status(), await response.text()).toBe(200);
  const { items } = (await response.json()) as { items: { id: string; title: string; ownerId: string }[] };
  expect(items).toHaveLength(1);
  return items[0];
}

function threadEntries(page: Page): Locator {
  return page.getByTestId('portal-thread').getByTestId('portal-thread-entry');
}

test.describe('investor portal, staff side', () => {
  test('the item page shows the portal thread and documents, and a reply reaches the investor', async ({
    page,
    playwright,
    baseURL,
  }) => {
    test.slow();
    const errors = collectPageErrors(page);
    const api = await adminApi(playwright, baseURL);
    const investor = await playwright.request.newContext({ baseURL });
    try {
      const enquiry = await investorSendsEnquiry(investor);
      const { id: itemId } = await findEnquiry(api.request, enquiry.company);

      await page.goto(`/land-enquiries/${itemId}`);
      const panel = page.getByRole('region', { name: 'Cổng nhà đầu tư' });
      await expect(panel).toBeVisible({ timeout: 20_000 });
      await expect(panel).toHaveAttribute('data-testid', 'portal-panel');

      // The conversation reads oldest first: the form, the investor's message, the upload.
      await expect(threadEntries(page)).toHaveCount(3);
      await expect(threadEntries(page).nth(0)).toHaveAttribute('data-event', 'submitted');
      await expect(threadEntries(page).nth(0)).toContainText('Chúng tôi cần khoảng 12,5 ha');
      await expect(threadEntries(page).nth(1)).toHaveAttribute('data-event', 'message');
      await expect(threadEntries(page).nth(1).getByTestId('portal-entry-body')).toHaveAttribute(
        'data-from',
        'investor',
      );
      await expect(threadEntries(page).nth(1)).toContainText('Nhà đầu tư viết');
      await expect(threadEntries(page).nth(1)).toContainText('Xin gửi bản vẽ mặt bằng dự kiến.');
      await expect(threadEntries(page).nth(2)).toHaveAttribute('data-event', 'document');

      // The documents list, and a download link that serves the file as an attachment.
      const document = panel.getByTestId('portal-documents').getByTestId('portal-document');
      await expect(document).toHaveCount(1);
      await expect(document).toContainText('ban-ve-mat-bang.png');
      await expect(document).toContainText('PNG');
      const href = await document.getByTestId('portal-document-link').getAttribute('href');
      expect(href).toMatch(/^\/api\/portal-documents\/[0-9a-f-]{36}\/download$/);
      const file = await api.request.get(href ?? '');
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toContain('image/png');
      expect(file.headers()['content-disposition']).toContain('attachment');
      expect(Buffer.from(await file.body()).equals(PNG_1X1)).toBe(true);

      // The reply box says where the words go; an empty reply is refused on the spot.
      const reply = panel.getByTestId('portal-reply');
      await expect(reply.getByTestId('portal-reply-hint')).toContainText('gửi tới nhà đầu tư qua email');
      await expect(reply.getByTestId('portal-reply-hint')).toContainText('trang theo dõi hồ sơ');
      await expect(reply.getByTestId('portal-reply-hint')).toContainText('nhà đầu tư không bao giờ thấy ghi chú');
      await reply.getByTestId('portal-reply-send').click();
      await expect(reply.getByText('Hãy nhập nội dung phản hồi.')).toBeVisible();

      const text = 'Cảm ơn quý công ty. Chúng tôi sẽ gửi phương án quỹ đất trong tuần này.';
      await reply.getByRole('textbox', { name: 'Phản hồi nhà đầu tư' }).fill(text);
      await reply.getByTestId('portal-reply-send').click();
      await expect(page.getByTestId('notifications')).toContainText('Đã gửi phản hồi.');
      await expect(reply.getByRole('textbox', { name: 'Phản hồi nhà đầu tư' })).toHaveValue('');

      // Ours, on the agency's side of the thread and on the item's timeline.
      await expect(threadEntries(page)).toHaveCount(4);
      const ours = threadEntries(page).nth(3);
      await expect(ours).toHaveAttribute('data-from', 'agency');
      await expect(ours).toContainText('Phản hồi nhà đầu tư');
      await expect(ours).toContainText('Đã gửi cho nhà đầu tư qua email');
      await expect(ours).toContainText(text);
      const timeline = page.getByTestId('timeline');
      const onTimeline = timeline.locator('[data-testid="timeline-entry"][data-kind="portal_message"]');
      await expect(onTimeline.filter({ hasText: text })).toHaveCount(1);
      await expect(onTimeline.filter({ hasText: text }).getByTestId('portal-entry-body')).toHaveAttribute(
        'data-from',
        'agency',
      );
      await expect(onTimeline.filter({ hasText: 'Xin gửi bản vẽ' })).toContainText('Nhà đầu tư (qua cổng thông tin)');
      await expect(onTimeline.filter({ hasText: 'ban-ve-mat-bang.png' })).toHaveCount(1);

      // The email to the investor is in the item's mail log, and the reply shows on their tracking page.
      const mails = await api.request.get('/api/emails', {
        params: { subjectType: 'land_enquiry', subjectId: itemId },
      });
      expect(mails.status(), await mails.text()).toBe(200);
      const { items: log } = (await mails.json()) as {
        items: { templateKey: string; recipientEmail: string; subject: string }[];
      };
      expect(
        log.filter(
          (mail) =>
            mail.templateKey === 'investor_notification' &&
            mail.recipientEmail === enquiry.email &&
            mail.subject.startsWith('Phản hồi về'),
        ),
      ).toHaveLength(1);
      const tracking = await investor.get(`/api/public/track/${enquiry.token}`);
      expect(tracking.status()).toBe(200);
      const { messages } = (await tracking.json()) as { messages: { from: string; body: string }[] };
      expect(messages.at(-1)).toEqual(expect.objectContaining({ from: 'agency', body: text }));

      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: `${SCREENSHOT_DIR}/web-portal-thread.png` });
      await page.screenshot({ path: `${SCREENSHOT_DIR}/web-portal-item.png`, fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await investor.dispose();
      await api.dispose();
    }
  });

  test('an item entered by staff has no portal panel', async ({ page, playwright, baseURL }) => {
    const api = await adminApi(playwright, baseURL);
    try {
      const id = unique();
      const organization = await api.send('post', '/api/organizations?confirmDuplicate=true', {
        name: `Công ty TNHH Nhập Tay ${id}`,
        kind: 'domestic',
        country: 'VN',
        sectors: ['25'],
      });
      const created = await api.send('post', '/api/land-enquiries', {
        title: `Thuê đất nhập tay ${id}`,
        organizationId: organization.id,
        requestedAreaHa: 3,
      });
      await page.goto(`/land-enquiries/${created.id}`);
      await expect(page.getByTestId('timeline')).toBeVisible();
      await expect(page.getByTestId('timeline-entries')).toBeVisible();
      await expect(page.getByTestId('portal-panel')).toHaveCount(0);
    } finally {
      await api.dispose();
    }
  });
});

test.describe('investor portal settings', () => {
  // Managers of their own: the shared admin's session and language stay untouched.
  test.use({ storageState: SIGNED_OUT });

  test('a manager words a stage for investors, and empties it to restore the default', async ({
    page,
    playwright,
    baseURL,
  }) => {
    const errors = collectPageErrors(page);
    const api = await adminApi(playwright, baseURL);
    const manager = await createUser(api, { role: 'manager', name: 'Lê Nhãn Công Khai' });
    await signIn(page, manager);
    try {
      // The loan pipeline: the pipeline settings spec changes the event-contact and prospect ones meanwhile.
      await page.goto('/settings/pipelines?pipeline=loan_application');
      const panel = page.locator('[data-testid="pipeline-stages"][data-pipeline-kind="loan_application"]');
      const row = panel.locator('[data-testid="stage-row"][data-stage-key="completeness_check"]');
      await expect(row.getByTestId('stage-public-label')).toHaveText('Nhà đầu tư thấy: Đang xem xét');
      await expect(panel.locator('[data-stage-key="submitted"]').getByTestId('stage-public-label')).toHaveText(
        'Nhà đầu tư thấy: Đã tiếp nhận',
      );

      await row.getByRole('button', { name: 'Sửa “Kiểm tra tính đầy đủ”' }).click();
      const edit = panel.getByTestId('stage-edit-form');
      const labels = edit.getByTestId('stage-public-labels');
      await expect(labels).toContainText('Nhà đầu tư thấy trên trang theo dõi');
      const vi = labels.getByRole('textbox', { name: 'Tên công khai tiếng Việt' });
      const en = labels.getByRole('textbox', { name: 'Tên công khai tiếng Anh' });
      // The default shows as the placeholder of the empty boxes.
      await expect(vi).toHaveValue('');
      await expect(vi).toHaveAttribute('placeholder', 'Đang xem xét');
      await expect(en).toHaveAttribute('placeholder', 'In review');
      await vi.fill('Đang kiểm tra hồ sơ của bạn');
      await en.fill('Checking your documents');
      await edit.screenshot({ path: `${SCREENSHOT_DIR}/web-stage-public-labels.png` });
      await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await expect(edit).toBeHidden();
      await expect(row.getByTestId('stage-public-label')).toHaveText('Nhà đầu tư thấy: Đang kiểm tra hồ sơ của bạn');

      const stage = async () => {
        const pipelines = (await (await api.request.get('/api/pipelines')).json()) as {
          kind: string;
          stages: { key: string; publicLabelVi: string | null; publicLabelEn: string | null }[];
        }[];
        const loans = pipelines.find((pipeline) => pipeline.kind === 'loan_application');
        const found = loans?.stages.find((candidate) => candidate.key === 'completeness_check');
        return { vi: found?.publicLabelVi, en: found?.publicLabelEn };
      };
      expect(await stage()).toEqual({ vi: 'Đang kiểm tra hồ sơ của bạn', en: 'Checking your documents' });
      await page.screenshot({ path: `${SCREENSHOT_DIR}/web-pipeline-public-labels.png`, fullPage: true });

      // Emptied: back to the default wording.
      await row.getByRole('button', { name: 'Sửa “Kiểm tra tính đầy đủ”' }).click();
      await expect(vi).toHaveValue('Đang kiểm tra hồ sơ của bạn');
      await vi.fill('');
      await en.fill('');
      await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await expect(edit).toBeHidden();
      await expect(row.getByTestId('stage-public-label')).toHaveText('Nhà đầu tư thấy: Đang xem xét');
      expect(await stage()).toEqual({ vi: null, en: null });
      expect(errors).toEqual([]);
    } finally {
      await api.dispose();
    }
  });

  test('a manager chooses who takes portal submissions; a change made elsewhere meanwhile is explained', async ({
    page,
    playwright,
    baseURL,
  }) => {
    test.slow();
    const errors = collectPageErrors(page);
    const api = await adminApi(playwright, baseURL);
    const tag = unique().slice(-4);
    const manager = await createUser(api, { role: 'manager', name: `Lê Quản Lý ${tag}` });
    const turns = await createUser(api, { role: 'staff', name: `Phạm Luân Phiên ${tag}` });
    const electronics = await createUser(api, { role: 'staff', name: `Đỗ Điện Tử ${tag}` });
    const investor = await playwright.request.newContext({ baseURL });
    await signIn(page, manager);
    try {
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link', { name: 'Phân công hồ sơ từ cổng' }).click();
      await expect(page).toHaveURL(/\/settings\/portal-assignment$/);
      await expect(page.getByRole('heading', { name: 'Phân công hồ sơ từ cổng thông tin', level: 1 })).toBeVisible();
      const form = page.getByTestId('portal-assignment');
      await expect(form.getByRole('radio', { name: 'Lần lượt' })).toBeChecked();

      // By sector: one colleague takes turns, another owns electronics.
      await form.getByRole('radio', { name: 'Theo ngành' }).check();
      const staff = form.getByRole('combobox', { name: 'Người nhận lần lượt' });
      await staff.click();
      await staff.fill(`Luân Phiên ${tag}`);
      await page.getByRole('option', { name: turns.name }).click();
      await page.keyboard.press('Escape');
      const owners = form.getByTestId('sector-owners');
      const electronicsOwner = owners.getByRole('combobox', { name: 'Điện tử' });
      await electronicsOwner.click();
      await electronicsOwner.fill(`Điện Tử ${tag}`);
      await page.getByRole('option', { name: electronics.name }).click();
      await form.screenshot({ path: `${SCREENSHOT_DIR}/web-portal-assignment.png` });
      await form.getByTestId('portal-assignment-save').click();
      await expect(page.getByTestId('notifications')).toContainText('Đã lưu cách phân công.');

      const read = async () =>
        (await (await api.request.get('/api/settings/portal-assignment')).json()) as {
          mode: string;
          staffIds: string[];
          sectorOwners: Record<string, string>;
          version: number;
        };
      const saved = await read();
      expect(saved).toEqual(
        expect.objectContaining({
          mode: 'by_sector',
          staffIds: [turns.id],
          sectorOwners: { electronics: electronics.id },
        }),
      );

      // The rule applies: an electronics enquiry goes to its sector's owner.
      const company = `Công ty Điện Tử Phân Công ${unique()}`;
      const submitted = await investor.post('/api/public/land-enquiries', {
        data: {
          fullName: 'Kim Min-jun',
          email: `assign-${unique()}@example.test`,
          language: 'en',
          companyName: company,
          requestedAreaHa: 4,
          sector: 'electronics',
        },
      });
      expect(submitted.status(), await submitted.text()).toBe(201);
      expect((await findEnquiry(api.request, company)).ownerId).toBe(electronics.id);

      // After a reload the page shows what was saved.
      await page.reload();
      await expect(form.getByRole('radio', { name: 'Theo ngành' })).toBeChecked();
      await expect(owners.getByRole('combobox', { name: 'Điện tử' })).toHaveValue(electronics.name);
      await expect(form.getByTestId('portal-staff')).toContainText(turns.name);

      // Another manager changes the rule meanwhile: saving here is refused and the current rule is shown.
      await api.send('put', '/api/settings/portal-assignment', {
        mode: 'round_robin',
        staffIds: [turns.id, electronics.id],
        sectorOwners: {},
        version: saved.version,
      });
      await form.getByRole('radio', { name: 'Lần lượt' }).check();
      await form.getByTestId('portal-assignment-save').click();
      const stale = page.getByTestId('portal-assignment-stale');
      await expect(stale).toContainText('Người khác vừa thay đổi cách phân công');
      await expect(form.getByTestId('portal-staff')).toContainText(electronics.name);
      await expect(form.getByRole('radio', { name: 'Lần lượt' })).toBeChecked();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/web-portal-assignment-stale.png`, fullPage: true });

      // Saved again on the current version: the notice goes.
      await form.getByTestId('portal-assignment-save').click();
      await expect(page.getByTestId('notifications')).toContainText('Đã lưu cách phân công.');
      await expect(stale).toBeHidden();
      expect((await read()).version).toBe(saved.version + 2);
      expect(errors).toEqual([]);
    } finally {
      // Back to no rule, so that other specs' submissions go to the longest-serving manager as before.
      const current = (await (await api.request.get('/api/settings/portal-assignment')).json()) as { version: number };
      await api.send('put', '/api/settings/portal-assignment', {
        mode: 'round_robin',
        staffIds: [],
        sectorOwners: {},
        version: current.version,
      });
      await investor.dispose();
      await api.dispose();
    }
  });

  test('staff have no entry and no access to the assignment', async ({ page, playwright, baseURL }) => {
    const api = await adminApi(playwright, baseURL);
    const officer = await createUser(api, { role: 'staff' });
    await api.dispose();
    await signIn(page, officer);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Tổng quan' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Phân công hồ sơ từ cổng' })).toHaveCount(0);
    await page.goto('/settings/portal-assignment');
    await expect(page.getByTestId('forbidden')).toBeVisible();
    await expect(page.getByTestId('portal-assignment')).toHaveCount(0);
  });
});
