import {
  idSchema,
  isRole,
  normaliseTag,
  RESOURCE_KINDS,
  type ResourceKind,
  type Role,
  SEARCH_SORTS,
  SEARCH_TYPES,
  type SearchSort,
  type SearchType,
  tagSchema,
} from '@commons/shared';
import type { SearchFilterInput } from '../gql/graphql';

/** A commons search as it appears in the address bar, so it can be shared and bookmarked. */
export interface CommonsSearch {
  /** What the member typed, as typed. */
  q: string;
  /** What to search; empty means everything. */
  types: SearchType[];
  kinds: ResourceKind[];
  tags: string[];
  audiences: Role[];
  sites: string[];
  authors: string[];
  /** Created on or after this day (YYYY-MM-DD), or ''. */
  from: string;
  /** Created on or before this day (YYYY-MM-DD), or ''. */
  to: string;
  sort: SearchSort;
}

/** The filters that take several values, each repeated in the address (`kind=TOOL&kind=GUIDE`). */
export type ListFilter = 'types' | 'kinds' | 'tags' | 'audiences' | 'sites' | 'authors';

/** Results come as one types this many characters; fewer show the browse view. */
export const MIN_QUERY_LENGTH = 2;

const PARAM: Record<keyof CommonsSearch, string> = {
  q: 'q',
  types: 'type',
  kinds: 'kind',
  tags: 'tag',
  audiences: 'audience',
  sites: 'site',
  authors: 'author',
  from: 'from',
  to: 'to',
  sort: 'sort',
};

const LIST_FILTERS: readonly ListFilter[] = ['types', 'kinds', 'tags', 'audiences', 'sites', 'authors'];

export const EMPTY_SEARCH: CommonsSearch = {
  q: '',
  types: [],
  kinds: [],
  tags: [],
  audiences: [],
  sites: [],
  authors: [],
  from: '',
  to: '',
  sort: 'RELEVANCE',
};

const isOneOf =
  <T extends string>(list: readonly T[]) =>
  (value: string): value is T =>
    (list as readonly string[]).includes(value);

/** True for a real calendar day written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const unique = <T>(values: T[]) => [...new Set(values)];
const validTag = (tag: string) => tagSchema.safeParse(tag).success;
const validId = (id: string) => idSchema.safeParse(id).success;

/**
 * Reads a commons search from search parameters. Values the server would refuse (an unknown
 * kind, a malformed id or day) are left out, so an edited or old link still opens a search.
 */
export function readCommonsSearch(params: URLSearchParams): CommonsSearch {
  const all = (key: keyof CommonsSearch) => params.getAll(PARAM[key]);
  const sort = params.get(PARAM.sort) ?? '';
  const from = params.get(PARAM.from) ?? '';
  const to = params.get(PARAM.to) ?? '';
  return {
    q: params.get(PARAM.q) ?? '',
    types: unique(all('types').filter(isOneOf(SEARCH_TYPES))),
    kinds: unique(all('kinds').filter(isOneOf(RESOURCE_KINDS))),
    tags: unique(all('tags').map(normaliseTag).filter(validTag)).slice(0, 20),
    audiences: unique(all('audiences').filter(isRole)),
    sites: unique(all('sites').filter(validId)).slice(0, 50),
    authors: unique(all('authors').filter(validId)).slice(0, 50),
    from: isDay(from) ? from : '',
    to: isDay(to) ? to : '',
    sort: isOneOf(SEARCH_SORTS)(sort) ? sort : 'RELEVANCE',
  };
}

/**
 * Writes `changes` into a copy of `params`: lists as repeated parameters, and nothing for an
 * empty value or the default sort, so the address stays short. Other parameters are kept.
 */
export function writeCommonsSearch(params: URLSearchParams, changes: Partial<CommonsSearch>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes) as [keyof CommonsSearch, CommonsSearch[keyof CommonsSearch]][]) {
    const name = PARAM[key];
    if (Array.isArray(value)) {
      next.delete(name);
      for (const item of value) next.append(name, item);
    } else if (value && !(key === 'sort' && value === 'RELEVANCE')) next.set(name, value);
    else next.delete(name);
  }
  return next;
}

/** The query sent to the server: the typed text once it is long enough, otherwise nothing. */
export function effectiveQuery(q: string): string {
  const trimmed = q.trim();
  return trimmed.length >= MIN_QUERY_LENGTH ? trimmed : '';
}

/** How many filters are chosen (each value counts, a date range counts per end). */
export function filterCount(search: CommonsSearch): number {
  return (
    LIST_FILTERS.filter((key) => key !== 'types').reduce((sum, key) => sum + search[key].length, 0) +
    (search.from ? 1 : 0) +
    (search.to ? 1 : 0)
  );
}

/** True when nothing is typed and no filter is chosen: the page shows the browse view. */
export function isBrowsing(search: CommonsSearch): boolean {
  return effectiveQuery(search.q) === '' && filterCount(search) === 0;
}

/** The start of a local day (YYYY-MM-DD) as an ISO instant. */
export function startOfDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 0, 0, 0, 0).toISOString();
}

/** The last millisecond of a local day (YYYY-MM-DD) as an ISO instant. */
export function endOfDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 23, 59, 59, 999).toISOString();
}

/** The API filter of a search; null when nothing is filtered. */
export function toSearchFilter(search: CommonsSearch): SearchFilterInput | null {
  if (filterCount(search) === 0) return null;
  // A range typed the wrong way round is read the right way round.
  const [from, to] =
    search.from && search.to && search.from > search.to ? [search.to, search.from] : [search.from, search.to];
  return {
    kinds: search.kinds.length ? search.kinds : null,
    tags: search.tags.length ? search.tags : null,
    audiences: search.audiences.length ? search.audiences : null,
    siteIds: search.sites.length ? search.sites : null,
    authorIds: search.authors.length ? search.authors : null,
    createdFrom: from ? startOfDay(from) : null,
    createdTo: to ? endOfDay(to) : null,
  };
}

/** Whether resources are searched (Everything, or Resources chosen): only they have facets. */
export function searchesResources(search: Pick<CommonsSearch, 'types'>): boolean {
  return search.types.length === 0 || search.types.includes('RESOURCE');
}

/**
 * What a search covers: the types chosen; with Everything, every type once words are typed, and
 * the resources of the commons while browsing (ideas and groups have lists of their own).
 */
export function effectiveTypes(search: Pick<CommonsSearch, 'types' | 'q'>): SearchType[] {
  if (search.types.length) return search.types;
  return effectiveQuery(search.q) ? [...SEARCH_TYPES] : ['RESOURCE'];
}

/** Whether only resources are searched, so counts can say "resources". */
export function onlyResources(search: Pick<CommonsSearch, 'types' | 'q'>): boolean {
  const types = effectiveTypes(search);
  return types.length === 1 && types[0] === 'RESOURCE';
}

/** A count as shown: a lower bound (a broad query over a large network) gets a "+". */
export function shownCount(count: number, exact: boolean): string {
  return exact ? String(count) : `${count}+`;
}

/** The variables of the search query (without paging). */
export function toSearchVariables(search: CommonsSearch, networkId: string) {
  const query = effectiveQuery(search.q);
  return {
    networkId,
    query,
    filter: toSearchFilter(search),
    // Without words there is nothing to rank by: relevance means newest then, as on the server.
    sort: !query && search.sort === 'RELEVANCE' ? ('NEWEST' as const) : search.sort,
    types: effectiveTypes(search),
  };
}

/** A copy of `search` with `value` added to or removed from the list filter `key`. */
export function toggleValue<K extends ListFilter>(
  search: CommonsSearch,
  key: K,
  value: CommonsSearch[K][number],
): CommonsSearch[K] {
  const list = search[key] as string[];
  return (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]) as CommonsSearch[K];
}
