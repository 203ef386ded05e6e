import { defineConfig } from 'vitest/config';

/** `npm run screenshots`: PNGs of each main view into screenshots/ (ignored by git), to look at. */
export default defineConfig({
  test: {
    include: ['test/e2e/screenshots.shots.ts', 'test/e2e/screenshots-team.shots.ts'],
    // The renderer built once; the team shots' PostgreSQL (skipped with a message where there is none).
    globalSetup: ['test/e2e/global-setup.ts', 'test/team/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
