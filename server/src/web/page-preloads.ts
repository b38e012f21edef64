import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PAGE_FILE, type PageBranch, pageBranchFor, rankPageBranches } from '@commons/shared';

/** Where the client's build lists the files of each page's chunks (client/build/page-files.ts). */
const PAGE_FILES_FILE = path.join('.vite', 'page-files.json');

/** The pages of the build in `webDir`, as its list names them; none when the build wrote none. */
export function pageBranches(webDir: string): PageBranch[] {
  try {
    const parsed = JSON.parse(readFileSync(path.join(webDir, PAGE_FILES_FILE), 'utf8')) as { branches?: unknown };
    if (!Array.isArray(parsed.branches)) return [];
    return parsed.branches.filter(
      (branch: Partial<PageBranch>): branch is PageBranch =>
        typeof branch?.path === 'string' &&
        typeof branch.index === 'boolean' &&
        Array.isArray(branch.files) &&
        branch.files.every((file) => typeof file === 'string' && PAGE_FILE.test(file)),
    );
  } catch {
    return [];
  }
}

/**
 * The links that make a browser fetch the chunks of the page at `page` while it reads the HTML,
 * side by side with the entry's scripts, instead of once those have run and the router has found
 * the page: one round trip fewer on the way to the page's content. Empty for a page the build does
 * not list (or a build that wrote no list). Both kinds are CORS requests (`crossorigin`), as the
 * app's loader makes them: a browser uses a preload only for a request of the same mode.
 *
 * For a page the server draws, its stylesheets (`styles`: applied at once, as its content must not
 * show unstyled; the app's loader finds them there and does not add them again) and its scripts
 * (`scripts`) go in separate places (web-app.ts).
 */
export function pagePreloads(webDir: string): (page: string, part?: 'styles' | 'scripts') => string {
  const ranked = rankPageBranches(pageBranches(webDir));
  return (page, part) =>
    (pageBranchFor(ranked, page)?.files ?? [])
      .flatMap((file) => {
        const style = file.endsWith('.css');
        if (part === 'styles') return style ? [`<link rel="stylesheet" crossorigin href="${file}">`] : [];
        if (part === 'scripts' && style) return [];
        return [
          style
            ? `<link rel="preload" as="style" crossorigin href="${file}">`
            : `<link rel="modulepreload" crossorigin href="${file}">`,
        ];
      })
      .join('');
}
