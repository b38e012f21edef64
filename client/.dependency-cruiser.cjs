/**
 * The client's module rules, checked by `npm run lint:deps` (run first by `npm test`): no file
 * imports another in a cycle, type-only imports included (a shared type goes in a module of its
 * own). Generated GraphQL code, tests and test support are left out; shared/ is resolved but
 * checked by the server's lint:deps.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Client files must not import each other in a cycle (type-only imports included).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '^\\.\\./shared/'] },
    exclude: { path: '(^src/gql/|\\.d\\.ts$|\\.(spec|e2e)\\.tsx?$|^src/test-support/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
  },
};
