import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { sharedSourceAliases } from './build/shared-source';

// Unit and component tests of the web app (jsdom). The browser tier is vitest.e2e.config.ts.
export default defineProject({
  plugins: [react()],
  resolve: {
    alias: sharedSourceAliases,
  },
  test: {
    name: 'client',
    root: import.meta.dirname,
    include: ['src/**/*.spec.tsx', 'src/**/*.spec.ts'],
    environment: 'jsdom',
    setupFiles: ['src/test-support/setup.ts'],
    // Component tests type into whole forms; on a 2-core machine running other suites, 5 s is not always enough.
    testTimeout: 15_000,
  },
});
