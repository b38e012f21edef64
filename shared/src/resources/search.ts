import { z } from 'zod';
import { ROLES } from '../roles';
import { idSchema, safeString } from '../validation/common';
import { rule } from '../validation/issues';
import { RESOURCE_KINDS, RESOURCE_LIMITS, tagSchema } from './resources';

/** What one search box finds: resources of the commons, change ideas and working groups. */
export const SEARCH_TYPES = ['RESOURCE', 'CHANGE_IDEA', 'GROUP'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_SORTS = ['RELEVANCE', 'NEWEST', 'MOST_USED'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

const ids = z.array(idSchema).max(50);

/** Search filters: values within one filter are alternatives (OR); filters combine with AND. */
export const searchFilterSchema = z
  .object({
    kinds: z.array(z.enum(RESOURCE_KINDS)).max(RESOURCE_KINDS.length).default([]),
    tags: z.array(tagSchema).max(20).default([]),
    audiences: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
    siteIds: ids.default([]),
    authorIds: ids.default([]),
    createdFrom: z.date().nullable().default(null),
    createdTo: z.date().nullable().default(null),
  })
  .refine((f) => !f.createdFrom || !f.createdTo || f.createdFrom <= f.createdTo, {
    ...rule('not_after', { other: 'createdTo' }),
    path: ['createdFrom'],
  });

export type SearchFilters = z.infer<typeof searchFilterSchema>;

export const searchTextSchema = safeString()
  .max(RESOURCE_LIMITS.searchQueryMax)
  .transform((text) => text.normalize('NFC').trim());

/** Most words of a query that count; the rest are ignored. */
export const MAX_QUERY_TERMS = 8;

/**
 * The words of a search query, lower-cased, in order, at most MAX_QUERY_TERMS: runs of letters
 * and digits, so punctuation and query-language characters never reach a search engine.
 */
export function queryTerms(text: string): string[] {
  return (text.toLocaleLowerCase('en').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_QUERY_TERMS);
}
