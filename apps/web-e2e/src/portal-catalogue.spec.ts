import { expect, test } from '@playwright/test';
import { SIGNED_OUT, collectPageErrors } from './support';

test.use({ storageState: SIGNED_OUT, locale: 'en-US', timezoneId: 'Asia/Ho_Chi_Minh' });

interface Zone {
  name: string;
  type: string;
  district: string;
  sectors: string[];
  availableHa: number;
}

test.describe('investor portal: catalogue filters', () => {
  test('filters by type, district, sector and available land, in a shareable address, with an empty state', async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    const zones = ((await (await page.request.get('/api/public/zones')).json()) as { items: Zone[] }).items;
    // A district with a cluster that has some land for mechanical engineering: the filters must find it.
    const target = zones.find(
      (zone) =>
        zone.type === 'industrial_cluster' && zone.sectors.includes('mechanical_engineering') && zone.availableHa >= 1,
    )!;
    const expected = zones.filter(
      (zone) =>
        zone.type === 'industrial_cluster' &&
        zone.district === target.district &&
        zone.sectors.includes('mechanical_engineering') &&
        zone.availableHa >= 1,
    );

    await page.goto('/invest?lang=en');
    const cards = page.getByTestId('zone-card');
    await expect(cards).toHaveCount(zones.length);
    await page.getByRole('combobox', { name: 'Type' }).selectOption('industrial_cluster');
    await page.getByRole('combobox', { name: 'District' }).selectOption(target.district);
    await page.getByRole('combobox', { name: 'Sector' }).selectOption('mechanical_engineering');
    await page.getByRole('spinbutton', { name: 'Available from (ha)' }).fill('1');
    await expect(cards).toHaveCount(expected.length);
    for (const zone of expected) await expect(page.getByRole('heading', { name: zone.name, exact: true })).toBeVisible();
    await expect(page.getByTestId('catalogue-count')).toContainText(
      `${expected.length} ${expected.length === 1 ? 'zone matches' : 'zones match'}`,
    );

    // The address carries the view (and the language): opened elsewhere, it shows the same zones and choices.
    const shared = new URL(page.url());
    expect(Object.fromEntries(shared.searchParams)).toEqual({
      lang: 'en',
      type: 'industrial_cluster',
      district: target.district,
      sector: 'mechanical_engineering',
      minAvailableHa: '1',
    });
    const other = await page.context().newPage();
    await other.goto(`${shared.pathname}${shared.search}`);
    await expect(other.getByTestId('zone-card')).toHaveCount(expected.length);
    await expect(other.getByRole('combobox', { name: 'District' })).toHaveValue(target.district);
    await expect(other.getByRole('combobox', { name: 'Sector' })).toHaveValue('mechanical_engineering');
    await expect(other.getByRole('spinbutton', { name: 'Available from (ha)' })).toHaveValue('1');
    // A link typed without accents finds the district all the same.
    const plain = target.district
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    await other.goto(`/invest?lang=en&district=${encodeURIComponent(plain)}&type=industrial_cluster`);
    await expect(other.getByRole('combobox', { name: 'District' })).toHaveValue(target.district);
    await expect(other.getByTestId('zone-card').first()).toContainText(target.district);
    await other.close();

    // More land than any zone has: the empty state says so and offers a way on.
    await page.getByRole('spinbutton', { name: 'Available from (ha)' }).fill('100000');
    await expect(cards).toHaveCount(0);
    const empty = page.getByTestId('catalogue-empty');
    await expect(empty).toContainText('No park or cluster matches these filters.');
    await expect(empty.getByRole('link', { name: 'Enquire about land' })).toBeVisible();
    await empty.getByRole('button', { name: 'Clear filters' }).click();
    await expect(cards).toHaveCount(zones.length);
    expect(new URL(page.url()).search).toBe('?lang=en');
    expect(errors).toEqual([]);
  });
});

test.describe('investor portal: the agency', () => {
  test('the header and footer name the agency from its settings; languages without its name read English', async ({
    page,
  }) => {
    const agency = (await (await page.request.get('/api/public/agency')).json()) as {
      name: { vi: string; en: string };
      address: string;
    };
    await page.goto('/invest?lang=vi');
    await expect(page.getByRole('banner').getByTestId('agency-name')).toHaveText(agency.name.vi);
    const footer = page.getByRole('contentinfo');
    await expect(footer.getByTestId('agency-contact')).toContainText(agency.name.vi);
    await expect(footer.getByTestId('agency-contact')).toContainText(agency.address);

    await page.getByTestId('language').selectOption('ko');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByTestId('agency-name')).toHaveText(agency.name.en);
    await expect(footer.getByTestId('agency-contact')).toContainText(agency.name.en);
  });
});
