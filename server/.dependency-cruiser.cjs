/**
 * The server's layering, checked by `npm run lint:deps` (part of `npm test`):
 * - no import cycles between files, nor between capability folders (checked by the reporter,
 *   scripts/layering-report.mjs);
 * - platform/ (infrastructure every capability uses) imports no capability;
 * - a capability's repositories and DataLoaders are imported only inside its own folder: another
 *   capability goes through its exported service (or a seam the owner defines, such as
 *   resources/resource-search-index.ts).
 * - shared/ (cruised too) imports neither the server nor the client.
 * Tests and test-support may reach anything; they are not part of the layering (excluded below).
 */

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Server files must not import each other in a cycle (type-only imports included).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-runtime-circular-in-shared',
      comment:
        "shared/'s policy files name each other's types (Actor, Scope); no cycle may run through a value import.",
      severity: 'error',
      from: { path: '^\\.\\./shared/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
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
    {
      name: 'shared-stays-pure',
      comment: 'shared/ is used by both server and client and must not import either.',
      severity: 'error',
      from: { path: '^\\.\\./shared/' },
      to: { path: '^(src/|\\.\\./(server|client)/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^src/generated/|\\.d\\.ts$|\\.(test|spec)\\.ts$|^src/test-support/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
  },
};
