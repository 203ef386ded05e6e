import { defineConfig } from 'vitest/config';

/** `npm run screenshots`: PNGs of each main view into screenshots/ (ignored by git), to look at. */
export default defineConfig({
  test: {
    include: ['test/e2e/screenshots.shots.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
