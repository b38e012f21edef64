import { DEFAULT_PAGE_SIZE } from '@commons/shared';

/**
 * What a field costs in the query-cost budget (GRAPHQL_MAX_COST), declared where the field is
 * defined: `@Field({ complexity: FieldCost.renderedHtml(RESOURCE_LIMITS.bodyMax) })`. A field
 * that declares nothing costs 1 plus what its selection costs; a list that declares nothing is
 * counted as 5 items (see query-limits.ts). One unit is roughly 0.2 ms of server work: a whole
 * query within the default 5,000 runs in about a second at worst.
 */
export const FieldCost = {
  /** Markdown rendered and sanitised on each request: about 1 ms per 5 KB, so 1 unit per 200 characters it may hold. */
  renderedHtml: (maxChars: number) => Math.ceil(maxChars / 200),
  /** Text stored as written and only copied into the answer: 1 unit per 2,000 characters it may hold. */
  largeText: (maxChars: number) => Math.ceil(maxChars / 2000),
  /** A line diff between two versions of a resource (every field compared). */
  diff: 200,
  /** Run and SPC charts for a network and each of its sites, with funnel plots, computed from every month reported. */
  charts: 500,
  /** One full-text search over the commons with its facet counts. */
  search: 100,
  /**
   * A list computed in one go with its parent (a chart's points, a diff's lines, search facets):
   * the parent's weight covers computing it; what is left is copying each item once.
   */
  computedList: ({ childComplexity }: { childComplexity: number }) => childComplexity,
  /** The items of a page: the field that returns the page already multiplies by its size. */
  pageItems: ({ childComplexity }: { childComplexity: number }) => childComplexity,
  /**
   * A page of a list: each item costs what its selection costs. `extra` is the fixed work of the
   * query (a search, say); `perItem` multiplies for items that carry more than their selection.
   */
  paged:
    (extra = 0, perItem = 1, pageArg = 'first', defaultSize = DEFAULT_PAGE_SIZE) =>
    ({ args, childComplexity }: { args: Record<string, unknown>; childComplexity: number }) =>
      extra +
      (typeof args[pageArg] === 'number' ? args[pageArg] : defaultSize) * perItem * Math.max(childComplexity, 1),
} as const;
