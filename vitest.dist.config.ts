import { defineConfig } from 'vitest/config';

// Checks over the built site in dist/ (run after `astro build`): links, HTML validity, RSS, headers, JS bytes.
export default defineConfig({
  test: {
    include: ['tests/dist/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
