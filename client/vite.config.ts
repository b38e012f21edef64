import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress, sourceMapsAside } from './build/build-artifacts';
import { inlineGraphqlDocuments } from './build/inline-graphql';

const server = 'http://localhost:3000';

export default defineConfig({
  // Source maps go aside before the served folder is compressed.
  plugins: [
    inlineGraphqlDocuments(path.resolve(import.meta.dirname, 'src')),
    react(),
    sourceMapsAside('dist-sourcemaps'),
    precompress(),
  ],
  resolve: {
    alias: { '@commons/shared': path.resolve(import.meta.dirname, '../shared/src/index.ts') },
  },
  server: {
    proxy: {
      '/graphql': server,
      '/socket.io': { target: server, ws: true },
      '/healthz': server,
      '/readyz': server,
      '/files': server,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: 'hidden',
    // The size budget (scripts/size-budget.mjs) walks the chunks each page needs.
    manifest: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases. Other
        // libraries go with the pages that use them (no catch-all vendor chunk loaded at start).
        codeSplitting: {
          groups: [
            // The chart library (visx, its d3 parts and the helpers its axis labels use) is only needed on
            // chart pages, which load it on demand. React is captured first, so the charts chunk is not
            // needed at start-up.
            {
              name: 'charts',
              test: /node_modules[\\/](@visx[\\/][a-z-]+|d3-[a-z-]+|internmap|classnames|reduce-css-calc|reduce-function-call|math-expression-evaluator|balanced-match)[\\/]/,
              priority: 2,
            },
            // The Markdown parser is only needed by the resource form's preview, which loads it on demand.
            {
              name: 'markdown',
              test: /node_modules[\\/](markdown-it|linkify-it|mdurl|uc\.micro|punycode\.js|entities)[\\/]/,
              priority: 2,
            },
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser|use-sync-external-store)[\\/]/,
              priority: 3,
            },
          ],
        },
      },
    },
  },
});
