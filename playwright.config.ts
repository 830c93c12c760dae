import { defineConfig } from '@playwright/test';

// Let tests see the extension service worker's own network requests (the privacy test records them all).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

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
