import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (shared/, electron/ store, services and io under Node with real SQLite
 * files), `team` (the team service, server/, over a real PostgreSQL the run starts: issue 17) and
 * `e2e` (the built renderer in headless Chromium, driven through the real bridge).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/team/**', 'node_modules/**'],
          // Property tests: one fixed seed for every run and machine (test/helpers/property.ts).
          setupFiles: ['test/helpers/property-setup.ts'],
          // The heaviest (worker threads, property tests over many saves) take 1.5–3 s alone on these
          // 2-core machines, and over 5 s (vitest's default) when the machine is shared with other work.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'team',
          environment: 'node',
          include: ['test/team/**/*.test.ts'],
          // One PostgreSQL for the run (a cluster of its own, or ZAN_TEST_PG_URL); each test a database of its own.
          globalSetup: ['test/team/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          // The renderer built once; and a PostgreSQL for the two-desktop team test (team.e2e.test.ts).
          globalSetup: ['test/e2e/global-setup.ts', 'test/team/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
