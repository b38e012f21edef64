import type { ResourceKind, Role, SearchFilters, SearchSort, SearchType } from '@commons/shared';
import type { Db } from '../platform/database/db';
import type { IdeaRow } from '../change-ideas/change-idea.select';
import type { GroupRow } from '../groups/group.select';
import type { ResourceRow } from '../resources/resource.select';

/** The search engine of the app: PostgreSQL full-text search, or Meilisearch when MEILI_HOST is set. */
export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');

/** What a search engine knows of one resource. */
export interface SearchDocument {
  type: SearchType;
  id: string;
  networkId: string;
  kind: ResourceKind;
  title: string;
  summary: string;
  bodyText: string;
  tags: string[];
  audiences: Role[];
  siteId: string | null;
  authorId: string;
  createdAt: Date;
  hidden: boolean;
  useCount: number;
  helpfulCount: number;
}

/** A piece of text, and whether it matched the query (to be highlighted). */
export interface TextSegment {
  text: string;
  match: boolean;
}

export interface SearchRequest {
  networkId: string;
  /** What the member typed; may be empty (then every document that passes the filters). */
  text: string;
  types: SearchType[];
  filters: SearchFilters;
  sort: SearchSort;
  /** Hidden documents: every one (admins), those of one author (her own), or none. */
  hidden: { all: boolean; authorId: string | null };
  /**
   * Which working groups may be found: open ones always; invite-only ones only when `all`
   * (network admins) or listed (the viewer is a member or invitee). None when left out.
   */
  groups?: GroupAccess;
  offset: number;
  limit: number;
}

export interface GroupAccess {
  all: boolean;
  inviteOnlyIds: string[];
}

export interface FacetCount {
  value: string;
  count: number;
  /** What to show for the value (a site's or an author's name), when the engine knows it. */
  label?: string | null;
}

/**
 * Counts per value of each filter. A dimension's counts apply every other filter but not its
 * own, so a member sees what choosing another value would give.
 */
export interface SearchFacets {
  kinds: FacetCount[];
  tags: FacetCount[];
  audiences: FacetCount[];
  sites: FacetCount[];
  authors: FacetCount[];
}

/**
 * A resource as an engine that reads the rows themselves (PostgreSQL) found it, in the same
 * snapshot as the search, with its author's name and its site: the caller then need not read
 * them again.
 */
export type SearchHitRow = Omit<ResourceRow, 'bodyText'> & {
  authorName: string;
  site: { id: string; networkId: string; slug: string; name: string; city: string } | null;
};

export interface SearchHit {
  type: SearchType;
  id: string;
  /** Engine-specific relevance; only its order within one answer means anything. */
  score: number;
  title: TextSegment[];
  snippet: TextSegment[];
  /** A RESOURCE hit's row, when the engine read it in the search. */
  row?: SearchHitRow;
  /** A CHANGE_IDEA hit's row. */
  idea?: IdeaRow;
  /** A GROUP hit's row. */
  group?: GroupRow;
  /** What a merge of several types' hits orders by, when the engine did not hand over the row. */
  sortKey?: SortKey;
}

export interface SortKey {
  createdAt: Date;
  useCount: number;
  helpfulCount: number;
}

export interface SearchResult {
  hits: SearchHit[];
  totalCount: number;
  facets: SearchFacets;
  /**
   * Whether totalCount and the facet counts count every match. When false they count only the
   * matches the engine looked at (a broad query): lower bounds, to be shown as such ("200+").
   */
  exact: boolean;
}

/** Which document a change concerned. */
export interface SearchRef {
  type: SearchType;
  id: string;
  networkId: string;
}

/**
 * A search engine. `index` and `remove` are called inside the transaction that wrote the change,
 * so the index (or the outbox that feeds it) commits or rolls back with the change itself.
 */
export interface SearchEngine {
  readonly name: 'postgres' | 'meilisearch';
  index(db: Db, document: SearchDocument): Promise<void>;
  remove(db: Db, ref: SearchRef): Promise<void>;
  search(request: SearchRequest): Promise<SearchResult>;
}

export const NO_FACETS: SearchFacets = { kinds: [], tags: [], audiences: [], sites: [], authors: [] };

export const EMPTY_RESULT: SearchResult = { hits: [], totalCount: 0, exact: true, facets: NO_FACETS };

/** The resource filters (and facets) change ideas and groups have no values for. */
export function filtersResources(filters: SearchFilters): boolean {
  return [filters.kinds, filters.tags, filters.audiences, filters.siteIds, filters.authorIds].some(
    (values) => values.length > 0,
  );
}

function sortKeyOf(hit: SearchHit): SortKey {
  const row = hit.row ?? hit.idea ?? hit.group;
  if (row)
    return { createdAt: row.createdAt, useCount: hit.row?.useCount ?? 0, helpfulCount: hit.row?.helpfulCount ?? 0 };
  return hit.sortKey ?? { createdAt: new Date(0), useCount: 0, helpfulCount: 0 };
}

/**
 * Several answers (one per kind of document), each asked for its first `offset + limit` hits,
 * as one: hits merged by score (RELEVANCE with words typed), by date (NEWEST, or nothing typed),
 * or by use (MOST_USED; ideas and groups count as unused); counts added up; facets from
 * `facetsFrom` (resources' alone).
 */
export function mergeResults(
  request: Pick<SearchRequest, 'sort' | 'text' | 'offset' | 'limit'>,
  results: SearchResult[],
  facetsFrom: SearchResult | null,
): SearchResult {
  const relevance = request.sort === 'RELEVANCE' && request.text.trim() !== '';
  const keyed = results.flatMap((result) => result.hits).map((hit) => ({ hit, key: sortKeyOf(hit) }));
  const newer = (a: SortKey, b: SortKey) => b.createdAt.getTime() - a.createdAt.getTime();
  keyed.sort(
    (a, b) =>
      (relevance ? b.hit.score - a.hit.score : 0) ||
      (request.sort === 'MOST_USED' ? b.key.useCount - a.key.useCount || b.key.helpfulCount - a.key.helpfulCount : 0) ||
      newer(a.key, b.key) ||
      (a.hit.id < b.hit.id ? -1 : a.hit.id > b.hit.id ? 1 : 0),
  );
  return {
    hits: keyed.slice(request.offset, request.offset + request.limit).map(({ hit }) => hit),
    totalCount: results.reduce((sum, result) => sum + result.totalCount, 0),
    exact: results.every((result) => result.exact),
    facets: facetsFrom?.facets ?? NO_FACETS,
  };
}

/** Facet values shown per dimension (tags and authors can be many). */
export const FACET_LIMIT = 20;

/** Marks around highlighted words, from the private-use area so they never clash with text. */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

/** Splits text marked with HIGHLIGHT_START/END into segments; stray marks are dropped. */
export function segmentsOf(marked: string): TextSegment[] {
  const segments: TextSegment[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  let rest = marked;
  while (rest) {
    const start = rest.indexOf(HIGHLIGHT_START);
    if (start < 0) {
      push(rest.replaceAll(HIGHLIGHT_END, ''), false);
      break;
    }
    push(rest.slice(0, start).replaceAll(HIGHLIGHT_END, ''), false);
    const after = rest.slice(start + 1);
    const end = after.indexOf(HIGHLIGHT_END);
    const inner = end < 0 ? after : after.slice(0, end);
    push(inner.replaceAll(HIGHLIGHT_START, ''), true);
    rest = end < 0 ? '' : after.slice(end + 1);
  }
  return segments;
}

/** Words worth remembering for typo correction: 3-40 letters or digits, lower-case, unique. */
export function vocabularyOf(...texts: string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLocaleLowerCase('en').match(/[\p{L}\p{N}]+/gu) ?? []) {
      if (word.length >= 3 && word.length <= 40) words.add(word);
    }
  }
  return [...words];
}
