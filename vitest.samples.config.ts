import { defineConfig } from 'vitest/config';

// Code samples from the content, run against real local services (redis-server, PostgreSQL).
export default defineConfig({
  test: {
    include: ['tests/samples/**/*.test.ts'],
    environment: 'node',
    // One process and no parallel files: the samples share one Redis and 2 CPU cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
