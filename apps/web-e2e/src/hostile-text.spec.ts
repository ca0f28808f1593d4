import { expect, test, type Page } from '@playwright/test';
import { SCREENSHOT_DIR, adminApi, collectPageErrors } from './support';

const unique = () => `${Date.now().toString(36).slice(-4)}${Math.random().toString(36).slice(2, 5)}`;

/** Markup an attacker would store in a name or a note: each would set window.__pwned if the page ran it. */
const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=1</script>';

/** The page ran nothing it was given: no flag, and none of the markup became an element. */
async function expectInert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('script:not([src])')).toHaveCount(0);
}

test.describe('stored text is shown, never run', () => {
  test('script-injection names and notes read literally on record pages, lists, search and the timeline', async ({
    page,
    playwright,
    baseURL,
  }) => {
    // Four pages and a search, each loaded in full: more than one page's usual time.
    test.slow();
    const errors = collectPageErrors(page);
    const suffix = unique();
    const investorName = `${IMG} Công ty ${suffix}`;
    const contactName = `${SCRIPT} Người liên hệ ${suffix}`;
    const note = `Ghi chú ${suffix}: ${SCRIPT} ${IMG}`;

    const api = await adminApi(playwright, baseURL);
    const investor = await api.send('post', '/api/organizations?confirmDuplicate=true', {
      name: investorName,
      kind: 'domestic',
      country: 'VN',
    });
    const contact = await api.send('post', '/api/contacts?confirmDuplicate=true', {
      fullName: contactName,
      organizationId: investor.id,
    });
    await api.send('post', '/api/timeline', {
      subjectType: 'organization',
      subjectId: investor.id,
      kind: 'note',
      body: note,
    });
    await api.dispose();

    // The investor's page: its name, its contact and the note on its timeline, all as typed.
    await page.goto(`/investors/${investor.id}`);
    await expect(page.getByTestId('investor-name')).toHaveText(investorName);
    await expect(page.getByTestId('investor-contacts')).toContainText(contactName);
    const newest = page.getByTestId('timeline').getByTestId('timeline-entry').filter({ hasText: `Ghi chú ${suffix}` });
    await expect(newest).toContainText(note);
    await expectInert(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-hostile-investor.png`, fullPage: true });

    // The contact's page.
    await page.goto(`/contacts/${contact.id}`);
    await expect(page.getByTestId('contact-name')).toHaveText(contactName);
    await expect(page.getByTestId('contact-details')).toContainText(investorName);
    await expectInert(page);

    // The lists, filtered by search.
    await page.goto('/investors');
    await page.getByTestId('investor-search').fill(suffix);
    await expect(page.getByTestId('investor-row').filter({ hasText: investorName })).toHaveCount(1);
    await expectInert(page);
    await page.goto('/contacts');
    await page.getByTestId('contact-search').fill(suffix);
    await expect(page.getByTestId('contact-row').filter({ hasText: contactName })).toHaveCount(1);
    await expectInert(page);

    // Search across everything, from the header: both records among the results.
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    const box = page.getByRole('combobox', { name: 'Tìm trong toàn bộ dữ liệu' });
    await expect(box).toBeFocused();
    await box.fill(suffix);
    await expect(page.getByRole('group', { name: 'Nhà đầu tư' }).getByRole('option')).toContainText([investorName]);
    await expect(page.getByRole('group', { name: 'Liên hệ' }).getByRole('option')).toContainText([contactName]);
    await expectInert(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/web-hostile-search.png` });

    expect(errors).toEqual([]);
  });
});
