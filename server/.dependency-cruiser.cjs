/**
 * The server's layering, checked by `npm run lint:deps` (part of `npm test`):
 * - no import cycles between files, nor between capability folders (checked by the reporter,
 *   scripts/layering-report.mjs);
 * - platform/ (infrastructure every capability uses) imports no capability;
 * - a capability's repositories and DataLoaders are imported only inside its own folder: another
 *   capability goes through its exported service (or a seam the owner defines, such as
 *   resources/resource-search-index.ts).
 * Tests and test-support may reach anything; they are not part of the layering (excluded below).
 */

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Files must not import each other in a cycle (type-only imports included).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-imports-no-capability',
      comment: 'platform/ is infrastructure for every capability and must not depend on one.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/', pathNot: '^src/(platform|generated)/' },
    },
    {
      name: 'repository-stays-in-its-capability',
      comment: "Another capability's repository or loaders are reached through that capability's service.",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '\\.(repository|loaders)\\.ts$', pathNot: ['^src/$1/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^src/generated/|\\.d\\.ts$|\\.test\\.ts$|^src/test-support/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
  },
};
