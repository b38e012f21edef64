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
 */
export function pagePreloads(webDir: string): (page: string, how?: { drawn: boolean }) => string {
  const ranked = rankPageBranches(pageBranches(webDir));
  return (page, how = { drawn: false }) =>
    (pageBranchFor(ranked, page)?.files ?? [])
      .map((file) =>
        file.endsWith('.css') ? styleLink(file, how.drawn) : `<link rel="modulepreload" crossorigin href="${file}">`,
      )
      .join('');
}

/**
 * A page's stylesheet: applied at once when the server draws the page (its content must not show
 * unstyled; the app's loader finds it there and does not add it again), fetched ahead otherwise.
 */
const styleLink = (file: string, drawn: boolean) =>
  drawn
    ? `<link rel="stylesheet" crossorigin href="${file}">`
    : `<link rel="preload" as="style" crossorigin href="${file}">`;
