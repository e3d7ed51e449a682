import { defineConfig } from 'vitest/config';

// Unit tests only: Playwright specs under tests/e2e are run by `playwright test`.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Property tests run hundreds of cases; a shared CI machine must not turn slow into failed.
    testTimeout: 30_000,
  },
});
