import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the server's schema: every operation is written with the generated
// `graphql()` function next to the component that uses it.
const config: CodegenConfig = {
  schema: '../server/schema.graphql',
  // Component tests may stub operations of a schema of their own.
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/**/*.spec.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumType: 'string-literal',
        scalars: { DateTime: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
