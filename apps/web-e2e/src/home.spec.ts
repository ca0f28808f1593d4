import { expect, test } from '@playwright/test';

// Seed facts (DOMAIN.md): 18 industrial parks over 5,200 ha, 32 industrial clusters over 689 ha.
function parseViHectares(text: string): number {
  return Number(
    text
      .replace(/\s*ha$/, '')
      .replaceAll('.', '')
      .replace(',', '.'),
  );
}

test.describe('home: province land bank', () => {
  test('shows 18 industrial parks and 32 industrial clusters with their areas', async ({ page }) => {
    await page.goto('/');

    const parks = page.getByRole('region', { name: 'Khu công nghiệp' });
    const clusters = page.getByRole('region', { name: 'Cụm công nghiệp' });
    await expect(parks.getByTestId('zone-count-industrial_park')).toHaveText('18');
    await expect(clusters.getByTestId('zone-count-industrial_cluster')).toHaveText('32');

    const parkArea = await parks.getByTestId('total-area-industrial_park').textContent();
    const clusterArea = await clusters.getByTestId('total-area-industrial_cluster').textContent();
    expect(parkArea).toMatch(/^\d{1,3}(\.\d{3})*,\d{2} ha$/);
    expect(parseViHectares(parkArea ?? '')).toBeGreaterThan(5200);
    expect(parseViHectares(clusterArea ?? '')).toBeGreaterThan(689);

    await expect(parks.getByRole('img', { name: /^Khu công nghiệp: đã cho thuê .+ ha/ })).toBeVisible();
    await expect(parks.getByRole('listitem')).toHaveCount(3);
  });
});
