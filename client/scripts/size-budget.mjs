// Prints each page's JavaScript as a browser fetches it on a first visit (the entry, the page's own
// chunk and every chunk they import statically, gzip -9 and brotli) and fails when a page is over
// its budget. Reads the Vite manifest of the last build (`vite build` writes dist/.vite/manifest.json).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const CLIENT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(CLIENT, 'dist');
const KB = 1000;
/**
 * Budgets in gzip bytes: 100 KB for sign-in (the first page a newcomer opens), 250 KB for any
 * other page. Sign-in meets its budget by being an entry of its own (sign-in.html): React, the
 * texts and its form, without the app's router, GraphQL client or shell.
 */
const BUDGETS = { 'sign-in': 100 * KB };
const DEFAULT_BUDGET = 250 * KB;

const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8'));
const sizes = new Map();
function compressed(file) {
  if (!sizes.has(file)) {
    const bytes = readFileSync(path.join(DIST, file));
    sizes.set(file, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizes.get(file);
}

/** The JS files a manifest key needs before it runs: its own and every static import, transitively. */
function closure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  if (chunk.file.endsWith('.js')) files.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, files);
  return files;
}

/** The raw, gzip and brotli bytes of `files` together, and how many there are. */
function measure(files) {
  const total = { raw: 0, gzip: 0, brotli: 0, files: files.size };
  for (const file of files) {
    const size = compressed(file);
    total.raw += size.raw;
    total.gzip += size.gzip;
    total.brotli += size.brotli;
  }
  return total;
}

function pagesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return pagesUnder(full);
    return /[\\/]pages[\\/][^\\/]+-page\.tsx$/.test(full)
      ? [path.relative(CLIENT, full).split(path.sep).join('/')]
      : [];
  });
}

/** Pages outside the signed-in layout; every other page also loads the signed-in layout and the live connection. */
const PUBLIC_PAGES = new Set(['invitation', 'setup']);
/** What a page loads besides its own module, whichever chunk holds it (the entry, when bundled in). */
const LAYOUT = 'src/app/components/layouts.tsx';
const APP_LAYOUT = 'src/app/components/app-layout.tsx';
const SIGNED_IN_EXTRAS = [APP_LAYOUT, 'src/realtime/realtime-connection.ts'];

/** The app's entry, and the pages that are entries of their own (their HTML file's manifest key). */
const APP_ENTRY = 'index.html';
const OWN_ENTRIES = { 'sign-in': 'sign-in.html' };
const rows = pagesUnder(path.join(CLIENT, 'src'))
  .sort()
  .map((page) => {
    const name = path.basename(page, '.tsx').replace(/-page$/, '');
    if (OWN_ENTRIES[name])
      return { name, ...measure(closure(OWN_ENTRIES[name])), budget: BUDGETS[name] ?? DEFAULT_BUDGET };
    const files = closure(APP_ENTRY);
    // A module bundled into the entry has no key of its own: the entry is what it needs.
    for (const module of [page, ...(PUBLIC_PAGES.has(name) ? [LAYOUT] : SIGNED_IN_EXTRAS)]) closure(module, files);
    return { name, ...measure(files), budget: BUDGETS[name] ?? DEFAULT_BUDGET };
  });

const allJs = Object.values(manifest)
  .map((chunk) => chunk.file)
  .filter((file, index, list) => file.endsWith('.js') && list.indexOf(file) === index);
const all = allJs.reduce(
  (sum, file) => ({ raw: sum.raw + compressed(file).raw, gzip: sum.gzip + compressed(file).gzip }),
  { raw: 0, gzip: 0 },
);

const kb = (bytes) => (bytes / KB).toFixed(1).padStart(7);
console.log(`page                  files     raw KB   gzip KB  brotli KB  budget (gzip KB)`);
for (const row of rows) {
  const flag = row.gzip > row.budget ? '  OVER' : '';
  console.log(
    `${row.name.padEnd(22)}${String(row.files).padStart(5)}  ${kb(row.raw)}   ${kb(row.gzip)}    ${kb(row.brotli)}   ${kb(row.budget)}${flag}`,
  );
}
console.log(`all JS: ${allJs.length} files, ${kb(all.raw).trim()} KB raw, ${kb(all.gzip).trim()} KB gzip`);
// Not JavaScript, but fetched by every first visit: the texts of one language.
for (const file of new Set(
  Object.values(manifest)
    .flatMap((chunk) => chunk.assets ?? [])
    .filter((asset) => asset.endsWith('.json')),
)) {
  console.log(
    `texts ${path.basename(file)}: ${kb(compressed(file).gzip).trim()} KB gzip, ${kb(compressed(file).brotli).trim()} KB brotli`,
  );
}
const over = rows.filter((row) => row.gzip > row.budget);
if (over.length > 0) {
  console.error(`Over budget: ${over.map((row) => row.name).join(', ')}`);
  process.exitCode = 1;
}
