import { defineConfig } from 'vitest/config';

// The real-Firefox suite (tests/firefox): one headless Firefox for the whole session file, its tests in order.
// Run it with `npm run test:firefox` (it needs the Firefox build: `npm run build:firefox`).
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
