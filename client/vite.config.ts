import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown, type UserConfig } from 'vite';
import { inlineEntryStylesheets, precompress, sourceMapsAside } from './build/build-artifacts';
import { inlineGraphqlDocuments } from './build/inline-graphql';
import { pageFiles } from './build/page-files';
import { SHARED_SOURCE, sharedSourceAliases } from './build/shared-source';

const server = 'http://localhost:3000';
const APP_ENTRY = path.resolve(import.meta.dirname, 'src/main.tsx');
const SIGN_IN_ENTRY = path.resolve(import.meta.dirname, 'src/sign-in.tsx');
const OWN_SOURCE_FOLDERS = [path.resolve(import.meta.dirname, 'src'), SHARED_SOURCE].map((folder) => folder + path.sep);
/** The web app's own modules and the shared ones it builds from source. */
const isOwnSource = (id: string) => /\.tsx?$/.test(id) && OWN_SOURCE_FOLDERS.some((folder) => id.startsWith(folder));

/** A chunk's name without the pages Rolldown appends to a group it splits by page (`pages-shared~home-page~…`). */
const groupName = (name: string) => name.split('~')[0];

/** The modules `entry` imports statically, however indirectly, itself included. */
function staticImports(entry: string, context: Rolldown.ChunkingContext): Set<string> {
  const found = new Set<string>();
  const pending = [entry];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (found.has(id)) continue;
    found.add(id);
    pending.push(...(context.getModuleInfo(id)?.importedIds ?? []));
  }
  return found;
}

/**
 * The sign-in page is an entry of its own (sign-in.html): the development server answers
 * `/sign-in` with it, as the Commons server does in production (server/src/web/web-app.ts).
 */
function signInPage(): Plugin {
  return {
    name: 'commons:sign-in-page',
    configureServer(devServer) {
      devServer.middlewares.use((req, _res, next) => {
        if (req.url === '/sign-in' || req.url?.startsWith('/sign-in?'))
          req.url = req.url.replace('/sign-in', '/sign-in.html');
        next();
      });
    },
  };
}

/**
 * The app as the server draws its pages (`vite build --ssr`, src/entry-server.tsx): one module for
 * Node with every library inside it, so the server needs none of the web app's packages.
 */
const serverDrawing: UserConfig = {
  plugins: [react()],
  resolve: { alias: sharedSourceAliases },
  ssr: { noExternal: true },
  build: {
    ssr: path.resolve(import.meta.dirname, 'src/entry-server.tsx'),
    outDir: 'dist-server',
    emptyOutDir: true,
    sourcemap: false,
    copyPublicDir: false,
  },
};

export default defineConfig(({ isSsrBuild }) => (isSsrBuild ? serverDrawing : browserApp));

const browserApp: UserConfig = {
  // Source maps go aside before the served folder is compressed.
  plugins: [
    signInPage(),
    inlineGraphqlDocuments(path.resolve(import.meta.dirname, 'src')),
    react(),
    inlineEntryStylesheets(),
    pageFiles(path.resolve(import.meta.dirname, 'src/app/app-routes.tsx')),
    sourceMapsAside('dist-sourcemaps'),
    precompress(),
  ],
  resolve: {
    alias: sharedSourceAliases,
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
    // No polyfill file for every browser to fetch: one without <link rel="modulepreload"> (Safari before
    // 17, Firefox before 115) still loads each module, only without the head start.
    modulePreload: { polyfill: false },
    // The size budget (scripts/size-budget.mjs) walks the chunks each page needs.
    manifest: true,
    rolldownOptions: {
      // The app, and the sign-in page (the first page a newcomer opens) with none of the app's router, GraphQL client or pages.
      input: {
        app: path.resolve(import.meta.dirname, 'index.html'),
        'sign-in': path.resolve(import.meta.dirname, 'sign-in.html'),
      },
      output: {
        // A group split by the pages that share it is named after all of them: its files keep the group's name only.
        chunkFileNames: (chunk) => `assets/${groupName(chunk.name)}-[hash].js`,
        assetFileNames: (asset) => `assets/${groupName(path.parse(asset.names[0] ?? 'asset').name)}-[hash][extname]`,
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
            // React and the texts are what both entries need; the router and the GraphQL client only the app.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|use-sync-external-store)[\\/]/,
              priority: 3,
            },
            {
              name: 'i18n',
              test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
              priority: 3,
            },
            {
              name: 'router',
              test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/,
              priority: 3,
            },
            {
              name: 'graphql',
              test: /node_modules[\\/](urql|@urql[\\/]core|wonka|@0no-co[\\/]graphql\.web)[\\/]/,
              priority: 3,
            },
            // The code both entries run at start (the texts' setup, form parts, error codes), so that
            // neither entry loads the other's code.
            {
              name: (id, context) => (staticImports(SIGN_IN_ENTRY, context).has(id) ? 'start-shared' : null),
              minShareCount: 2,
              priority: 2,
            },
            // The app's own start-up code in one chunk, and the modules pages share in a few, by the
            // pages sharing them (the smallest merged with their nearest), rather than dozens of small
            // files: over HTTP/1.1 on a slow network, every file a page waits for costs it time.
            {
              name: (id, context) =>
                isOwnSource(id) && id !== APP_ENTRY && !staticImports(SIGN_IN_ENTRY, context).has(id)
                  ? 'app-start'
                  : null,
              tags: ['$initial'],
              priority: 1,
            },
            {
              name: 'pages-shared',
              test: isOwnSource,
              minShareCount: 2,
              entriesAware: true,
              entriesAwareMergeThreshold: 4000,
            },
          ],
        },
      },
    },
  },
};
