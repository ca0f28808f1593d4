import { expect, test, type Page } from '@playwright/test';
import { unique } from './portal-support';
import { SCREENSHOT_DIR, SIGNED_OUT, adminApi, collectPageErrors } from './support';

// axe is injected as an inline script, which the portal's Content-Security-Policy rightly forbids to pages.
test.use({ storageState: SIGNED_OUT, locale: 'en-US', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });

const AXE = require.resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's findings of impact serious or critical on the page as it is now, one line per rule and element. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.impact} ${violation.id} (${violation.help}) at ${node.target.join(' ')}`,
      ),
    );
}

/** Addresses of every public page, arranged once: an event still to come and a tracking link. */
let pages: Record<string, string>;

test.beforeAll(async ({ playwright, baseURL }) => {
  const api = await adminApi(playwright, baseURL);
  const event = await api.send('post', '/api/events', {
    name: `Hội nghị xúc tiến đầu tư Hàn Quốc ${unique()}`,
    kind: 'conference',
    startsOn: '2099-06-10',
    endsOn: '2099-06-11',
    place: 'Seoul',
    country: 'KR',
    organizer: 'Trung tâm Xúc tiến Đầu tư',
    description: 'Giới thiệu quỹ đất và chính sách ưu đãi cho doanh nghiệp Hàn Quốc.',
  });
  const zones = (await (await api.request.get('/api/public/zones?type=industrial_cluster')).json()) as {
    items: { id: string }[];
  };
  const submitted = await api.request.post('/api/public/land-enquiries', {
    data: {
      fullName: 'Nguyễn Văn Kiểm',
      email: `a11y-${unique()}@nhadautu.example`,
      companyName: `Công ty TNHH Kiểm định ${unique()}`,
      language: 'vi',
      requestedAreaHa: 3,
      zoneId: zones.items[0]!.id,
      message: 'Xin thông tin về quỹ đất.',
    },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  const { trackingUrl } = (await submitted.json()) as { trackingUrl: string };
  await api.dispose();
  pages = {
    catalogue: '/invest',
    zone: `/invest/zones/${zones.items[0]!.id}`,
    'land-enquiry form': '/invest/land-enquiry',
    'loan form': '/invest/loan-application',
    events: '/invest/events',
    'event registration form': `/invest/events/${event.id}`,
    tracking: new URL(trackingUrl).pathname,
  };
});

const VIEWPORTS = { desktop: { width: 1440, height: 900 }, mobile: { width: 390, height: 844 } };

for (const language of ['vi', 'ja'] as const) {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    test(`every public page passes axe (serious, critical) and fits the screen, in ${language} on ${device}`, async ({
      page,
    }) => {
      test.slow();
      const errors = collectPageErrors(page);
      await page.setViewportSize(viewport);
      const found: Record<string, string[]> = {};
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${path}?lang=${language}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        // The agency's name has arrived in the header: the page is whole.
        await expect(page.getByTestId('agency-contact')).toBeVisible();
        const violations = await seriousViolations(page);
        if (violations.length) found[name] = violations;
        // On a phone nothing may push the page sideways.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) found[`${name}: wider than the screen`] = [`${overflow} px`];

        // A form as it looks when the investor gets it wrong: messages, invalid fields, the alert.
        const form = page.locator('form[data-testid$="-form"]');
        if (await form.count()) {
          await form.getByRole('button', { name: /./ }).last().click();
          await expect(page.getByTestId('form-alert')).not.toBeEmpty();
          const withErrors = await seriousViolations(page);
          if (withErrors.length) found[`${name} with errors`] = withErrors;
        }
      }
      await page.screenshot({ path: `${SCREENSHOT_DIR}/portal-a11y-${language}-${device}.png` });
      expect(found).toEqual({});
      expect(errors).toEqual([]);
    });
  }
}

test('an investor fills and sends the land-enquiry form with the keyboard alone', async ({ page }) => {
  const errors = collectPageErrors(page);
  const company = `Keyboard Precision ${unique()}`;
  await page.goto('/invest/land-enquiry?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Land enquiry');

  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  /** Tabs forward until the field has the focus; fails when it cannot be reached by Tab. */
  const tabTo = async (id: string) => {
    for (let presses = 0; presses < 40; presses++) {
      if ((await focusedId()) === id) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`${id} cannot be reached with Tab (focus is on #${await focusedId()})`);
  };

  // The first Tab finds the skip link; it takes the keyboard past the navigation.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  await tabTo('field-zoneId');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#field-zoneId')).not.toHaveValue('');
  await tabTo('field-requestedAreaHa');
  await page.keyboard.type('1.5');
  await tabTo('field-sector');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#field-sector')).not.toHaveValue('');
  await tabTo('field-fullName');
  await page.keyboard.type('Kim Su-bin');
  await tabTo('field-email');
  await page.keyboard.type(`keyboard-${unique()}@example.kr`);
  await tabTo('field-companyName');
  await page.keyboard.type(company);
  await tabTo('field-message');
  await page.keyboard.type('Sent without a mouse.');
  // The honeypot is never on the way: from the message, the next stop is the button.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send land enquiry' })).toBeFocused();
  await page.keyboard.press('Enter');

  // The confirmation takes the focus, and its tracking link is the next stop.
  await expect(page.getByRole('heading', { name: 'We have received your request' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('tracking-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-label')).toHaveText('Received');
  await expect(page.locator('main')).toContainText(company);
  expect(errors).toEqual([]);
});
