import { defineConfig } from 'vitest/config';

/**
 * Three tiers (docs/ARCHITECTURE.md):
 *  - unit: pure code in core/ (no database);
 *  - integration: every route through app.inject on a real database — PGlite by default,
 *    PostgreSQL when TEST_DB_DRIVER=postgres and TEST_DATABASE_URL are set (scripts/test.mjs runs both);
 *  - e2e: journeys in Chromium against a started server.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['core/**/*.test.ts', 'web/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['server/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
