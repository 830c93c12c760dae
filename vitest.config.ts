import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    // Component tests wait on an asynchronous store: on a busy 2-core machine give them room before calling it failed.
    testTimeout: 30_000,
  },
});
