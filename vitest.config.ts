import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = {
  '~': fileURLToPath(new URL('./src', import.meta.url)),
  '@components': fileURLToPath(new URL('./components', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['test/{core,notebook,components,markdown}/**/*.test.{ts,tsx}', 'test/site/source-excerpt.test.ts', 'test/site/chapter-schema.test.ts'] },
      },
      {
        resolve: { alias },
        test: { name: 'site', include: ['test/site/**/*.test.ts'], exclude: ['test/site/source-excerpt.test.ts', 'test/site/chapter-schema.test.ts'], testTimeout: 60_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Two files at a time, each with its own browser: page loads wait on the network and the renderer.
          maxWorkers: 2,
          // Pages hydrate lazily: give polled assertions time on a slow machine.
          expect: { poll: { timeout: 15_000 } },
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
