import { test as setup } from '@playwright/test';
import { ADMIN_STATE, signIn } from './support';

setup('sign in as the bootstrap admin', async ({ page }) => {
  await signIn(page);
  await page.context().storageState({ path: ADMIN_STATE });
});
