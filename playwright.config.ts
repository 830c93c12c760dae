import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium with the built extension (.output/chrome-mv3); two cores, so one at a time.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  outputDir: 'test-results',
  globalSetup: './tests/support/global-setup.ts',
});
