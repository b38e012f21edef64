/**
 * A page of the app as the build lists it (client/build/page-files.ts): the route's full path
 * (`/n/:slug/commons/:resourceId`), whether it is an index route, and the files its chunks need.
 */
export interface PageBranch {
  path: string;
  index: boolean;
  files: string[];
}

/**
 * A file a page branch may name: a script or stylesheet the build wrote into its assets folder.
 * The server puts nothing else into a page's links, and the build fails on a file name outside it.
 */
export const PAGE_FILE = /^\/assets\/[\w.-]+\.(js|css)$/;

const isParam = (segment: string) => segment.startsWith(':');

/**
 * How specific a route path is, ranked as the app's router (React Router) ranks them, so that
 * `commons/new` wins over `commons/:resourceId` for the address `commons/new`.
 */
function specificity({ path, index }: PageBranch): number {
  const segments = path.split('/');
  let score = segments.length + (index ? 2 : 0);
  if (segments.includes('*')) score -= 2;
  for (const segment of segments) {
    if (segment === '*') continue;
    score += isParam(segment) ? 3 : segment === '' ? 1 : 10;
  }
  return score;
}

function matches(path: string, pathname: string): boolean {
  const wanted = path.split('/').filter(Boolean);
  const given = pathname.split('/').filter(Boolean);
  if (wanted.at(-1) === '*') return given.length >= wanted.length - 1 && wanted.slice(0, -1).every(fits);
  return given.length === wanted.length && wanted.every(fits);

  function fits(segment: string, at: number) {
    return isParam(segment) ? true : segment.toLowerCase() === given[at]?.toLowerCase();
  }
}

/** The branches, most specific first: the first that matches an address is the page it opens. */
export function rankPageBranches(branches: PageBranch[]): PageBranch[] {
  return branches
    .map((branch, order) => ({ branch, order, score: specificity(branch) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ branch }) => branch);
}

/** The page that `pathname` opens among `ranked` (rankPageBranches), or null when none does. */
export function pageBranchFor(ranked: PageBranch[], pathname: string): PageBranch | null {
  return ranked.find((branch) => matches(branch.path, pathname)) ?? null;
}

/**
 * The values `pathname` gives the parameters of the route `path` (`:resourceId`), decoded as the
 * router decodes them; null when `pathname` is not that route or a value does not decode.
 */
export function pageParams(path: string, pathname: string): Record<string, string> | null {
  if (!matches(path, pathname)) return null;
  const given = pathname.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  try {
    path
      .split('/')
      .filter(Boolean)
      .forEach((segment, at) => {
        if (isParam(segment)) params[segment.slice(1)] = decodeURIComponent(given[at]);
      });
  } catch {
    return null;
  }
  return params;
}
