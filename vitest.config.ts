import { defineConfig } from 'vitest/config';

// One runner for every tier; the tier is told apart by file name:
//   *.spec.ts(x)  pure unit tests (shared/, pure helpers, client components)
//   *.test.ts     server integration tests against real PostgreSQL over HTTP
//   *.e2e.ts      end-to-end in headless Chromium against the built app
export default defineConfig({
  test: {
    projects: [
      './shared/vitest.config.ts',
      './server/vitest.config.ts',
      './client/vitest.config.ts',
      './client/vitest.e2e.config.ts',
    ],
  },
});
