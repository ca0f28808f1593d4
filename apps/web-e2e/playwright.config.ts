import { resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { ADMIN_STATE } from './src/paths';

const repoRoot = resolve(__dirname, '../..');
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const desktopChromium = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1440, height: 900 },
  launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
};

// The app is started by tools/test-browser.mjs (API + built web on one port); no webServer here.
export default defineConfig({
  testDir: './src',
  outputDir: resolve(repoRoot, 'test-results/playwright'),
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: process.env.IRM_BROWSER_BASE_URL ?? 'http://127.0.0.1:3199',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    // Signs in once; the other tests start from that session (see ADMIN_STATE).
    { name: 'setup', testMatch: /.*\.setup\.ts/, use: desktopChromium },
    {
      name: 'chromium',
      dependencies: ['setup'],
      use: { ...desktopChromium, storageState: ADMIN_STATE },
    },
  ],
});
