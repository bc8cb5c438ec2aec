import { defineConfig } from 'vitest/config';

// Unit and integration tests. Integration tests share one migrated, seeded database per worker
// (see tests/support/global-setup.ts); isolate:false keeps that database open across test files.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'common/src/**/*.test.ts', 'client/src/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    isolate: false,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
