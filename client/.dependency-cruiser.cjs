/**
 * The client's module rules, checked by `npm run lint:deps` (run first by `npm test`): no file
 * imports another in a cycle, type-only imports included (a shared type goes in a module of its
 * own); the sign-in entry reaches none of the app's heavier libraries. Generated GraphQL code, tests and test support are left out; shared/ is resolved but
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
    {
      name: 'sign-in-stays-light',
      comment:
        'The sign-in page is an entry of its own so that it loads little (100 KB budget): nothing it imports, however indirectly, may bring the router, the GraphQL client or the live connection.',
      severity: 'error',
      from: { path: '^src/sign-in\\.tsx$' },
      to: { path: 'node_modules/(react-router|urql|@urql|wonka|socket\\.io-client)/', reachable: true },
    },
    {
      name: 'sign-in-imports-shared-modules',
      comment:
        'The sign-in entry imports shared code module by module (@commons/shared/<module>): the package itself re-exports all of it, which the build would put in a chunk the sign-in page loads.',
      severity: 'error',
      from: { path: '^src/sign-in\\.tsx$' },
      to: { path: '^\\.\\./shared/src/index\\.ts$', reachable: true },
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
