import { createRequire } from 'node:module';
import path from 'node:path';
import { defineProject } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineProject({
  resolve: {
    alias: [
      { find: '@commons/shared', replacement: path.resolve(import.meta.dirname, '../shared/src/index.ts') },
      // Nest requires graphql's CommonJS build; tests must use that same instance, not the ESM one.
      { find: /^graphql$/, replacement: require.resolve('graphql') },
    ],
  },
  test: {
    name: 'server',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['src/test-support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more parallel Nest apps than this only queue on the CPU.
    maxWorkers: 2,
  },
});
