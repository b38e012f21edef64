import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this, compressing saves too little to be worth a second file. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy next to every text file of
 * the build, so the server sends them without compressing on each request.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'commons:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await filesUnder(outDir)).filter(
        (file) => COMPRESSIBLE.test(file) && !file.includes(`${path.sep}.vite${path.sep}`),
      );
      await Promise.all(
        files.map(async (file) => {
          const bytes = await readFile(file);
          if (bytes.length < MIN_BYTES) return;
          const [br, gz] = await Promise.all([
            brotli(bytes, {
              params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
            }),
            gzipAsync(bytes, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

/**
 * Moves the source maps out of the served folder into `mapsDir` (same layout), a build artifact
 * for debugging a production stack trace. With `sourcemap: 'hidden'` the scripts do not point at them.
 */
export function sourceMapsAside(mapsDir: string): Plugin {
  let outDir = 'dist';
  let target = mapsDir;
  return {
    name: 'commons:source-maps-aside',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      target = path.resolve(config.root, mapsDir);
    },
    async buildStart() {
      await rm(target, { recursive: true, force: true });
    },
    async closeBundle() {
      const maps = (await filesUnder(outDir)).filter((file) => file.endsWith('.map'));
      await Promise.all(
        maps.map(async (file) => {
          const destination = path.join(target, path.relative(outDir, file));
          await mkdir(path.dirname(destination), { recursive: true });
          await rename(file, destination);
        }),
      );
    },
  };
}

/**
 * Puts each HTML page's own stylesheets inside it (`<style>`). A stylesheet linked in the head holds
 * back the first paint until it has arrived, and on a slow network it arrives together with the
 * page's scripts, which share the same connection: inside the HTML, the banner paints as soon as the
 * HTML is there. The link stays, disabled (a browser neither fetches nor applies it), so that Vite's
 * loader, which looks for a stylesheet link before adding one, does not fetch it again when a lazy
 * page lists it among its styles.
 */
export function inlineEntryStylesheets(): Plugin {
  return {
    name: 'commons:inline-entry-stylesheets',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        return html.replace(
          /<link rel="stylesheet"([^>]*) href="\/([^"]+\.css)">/g,
          (tag, attributes: string, fileName: string) => {
            const asset = bundle[fileName];
            if (asset?.type !== 'asset') return tag;
            const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
            return `<style>${css.replaceAll('</style', '<\\/style')}</style><link rel="stylesheet"${attributes} href="/${fileName}" disabled>`;
          },
        );
      },
    },
  };
}
