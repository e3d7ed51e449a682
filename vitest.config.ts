import { defineConfig } from 'vitest/config';

// Unit tests only: Playwright specs under tests/e2e are run by `playwright test`.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
