import { defineProject } from 'vitest/config';

// End-to-end tests in headless Chromium against the real built server and client.
// Build first: `cd /work/main && npx turbo run build`.
export default defineProject({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
