import { Logger } from '@nestjs/common';
import type { MultiSearchQuery, SearchResponse } from 'meilisearch' with { 'resolution-mode': 'import' };
import type { Db } from '../platform/database/db';
import type { MeiliDocument, MeiliIndexGateway } from './meili-gateway';
import type { PostgresSearchEngine } from './postgres-search.engine';
import {
  FACET_LIMIT,
  EMPTY_RESULT,
  type FacetCount,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  mergeResults,
  type SearchDocument,
  type SearchEngine,
  type SearchFacets,
  type SearchRef,
  type SearchRequest,
  type SearchResult,
  segmentsOf,
} from './search-engine';
import type { SearchOutboxRepository } from './search-outbox.repository';

type Dimension = keyof SearchFacets;

/** The Meilisearch attribute behind each facet dimension. */
const FACET_ATTRIBUTES: Record<Dimension, keyof MeiliDocument> = {
  kinds: 'kind',
  tags: 'tags',
  audiences: 'audiences',
  sites: 'siteId',
  authors: 'authorId',
};
const LIMITED: Dimension[] = ['tags', 'authors'];
const CROP_WORDS = 24;

/** A value inside a Meilisearch filter expression, quoted and escaped. */
export function filterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Meilisearch behind the SearchEngine interface. Writes never call Meilisearch: `index` and
 * `remove` add a row to the search outbox in the writing transaction, and the outbox worker
 * sends it (retrying until Meilisearch takes it). The PostgreSQL engine is kept current too, and
 * answers while Meilisearch cannot.
 */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  private readonly logger = new Logger('MeilisearchEngine');

  constructor(
    private readonly gateway: MeiliIndexGateway,
    private readonly outbox: SearchOutboxRepository,
    private readonly fallback: PostgresSearchEngine,
  ) {}

  async index(db: Db, document: SearchDocument): Promise<void> {
    await this.fallback.index(db, document);
    await this.outbox.enqueue(db, document, 'UPSERT');
  }

  async remove(db: Db, ref: SearchRef): Promise<void> {
    await this.fallback.remove();
    await this.outbox.enqueue(db, ref, 'DELETE');
  }

  /**
   * Resources from Meilisearch; change ideas and groups (hundreds per network) from PostgreSQL,
   * always current, merged with them (the seam for indexing them here is described on IdeaGroupSearch).
   */
  async search(request: SearchRequest): Promise<SearchResult> {
    const others = request.types.filter((type) => type !== 'RESOURCE');
    if (others.length === 0) return this.searchResources(request);
    const first = { ...request, offset: 0, limit: request.offset + request.limit };
    const [resources, ideasAndGroups] = await Promise.all([
      request.types.includes('RESOURCE') ? this.searchResources(first) : null,
      this.fallback.ideasAndGroups.search(first),
    ]);
    return mergeResults(request, resources ? [resources, ideasAndGroups] : [ideasAndGroups], resources);
  }

  private async searchResources(request: SearchRequest): Promise<SearchResult> {
    if (!request.types.includes('RESOURCE')) return EMPTY_RESULT;
    try {
      return await this.searchMeili(request);
    } catch (error) {
      this.logger.warn(`Meilisearch did not answer (${(error as Error).message}); answering from PostgreSQL`);
      return this.fallback.search(request);
    }
  }

  private async searchMeili(request: SearchRequest): Promise<SearchResult> {
    const { filters } = request;
    const base: (string | string[])[] = [`networkId = ${filterValue(request.networkId)}`, `type = "RESOURCE"`];
    if (!request.hidden.all) {
      base.push(
        request.hidden.authorId
          ? ['hidden = false', `authorId = ${filterValue(request.hidden.authorId)}`]
          : 'hidden = false',
      );
    }
    if (filters.createdFrom) base.push(`createdAt >= ${filters.createdFrom.getTime()}`);
    if (filters.createdTo) base.push(`createdAt <= ${filters.createdTo.getTime()}`);
    const anyOf = (attribute: string, values: string[]) =>
      values.length ? [values.map((value) => `${attribute} = ${filterValue(value)}`)] : [];
    const dimensions: Record<Dimension, string[][]> = {
      kinds: anyOf('kind', filters.kinds),
      tags: anyOf('tags', filters.tags),
      audiences: anyOf('audiences', filters.audiences),
      sites: anyOf('siteId', filters.siteIds),
      authors: anyOf('authorId', filters.authorIds),
    };
    const except = (skip: Dimension | null) => [
      ...base,
      ...(Object.keys(dimensions) as Dimension[]).filter((d) => d !== skip).flatMap((d) => dimensions[d]),
    ];
    const sort =
      request.sort === 'NEWEST' || (request.sort === 'RELEVANCE' && !request.text)
        ? ['createdAt:desc']
        : request.sort === 'MOST_USED'
          ? ['useCount:desc', 'helpfulCount:desc', 'createdAt:desc']
          : undefined;
    const main: Omit<MultiSearchQuery, 'indexUid'> = {
      q: request.text,
      filter: except(null),
      offset: request.offset,
      limit: request.limit,
      sort,
      attributesToRetrieve: ['id', 'createdAt', 'useCount', 'helpfulCount'],
      attributesToHighlight: ['title'],
      attributesToCrop: ['summary', 'bodyText'],
      cropLength: CROP_WORDS,
      cropMarker: '…',
      highlightPreTag: HIGHLIGHT_START,
      highlightPostTag: HIGHLIGHT_END,
      showRankingScore: true,
    };
    const dimensionNames = Object.keys(FACET_ATTRIBUTES) as Dimension[];
    const facetQueries = dimensionNames.map((dimension) => ({
      q: request.text,
      filter: except(dimension),
      limit: 0,
      facets: [FACET_ATTRIBUTES[dimension]],
    }));
    const [answer, ...facetAnswers] = await this.gateway.multiSearch([main, ...facetQueries]);
    const facets = Object.fromEntries(
      dimensionNames.map((dimension, i) => [
        dimension,
        facetCounts(facetAnswers[i], FACET_ATTRIBUTES[dimension], LIMITED.includes(dimension)),
      ]),
    ) as unknown as SearchFacets;
    return {
      totalCount: answer.estimatedTotalHits ?? answer.totalHits ?? answer.hits.length,
      // Without page/hitsPerPage Meilisearch estimates the total; its facet counts are exact.
      exact: answer.totalHits !== undefined,
      facets,
      hits: answer.hits.map((hit) => {
        const formatted = hit._formatted ?? {};
        const body = String(formatted.bodyText ?? '');
        const summary = String(formatted.summary ?? '');
        const snippet = body.includes(HIGHLIGHT_START) || !summary ? body : summary;
        return {
          type: 'RESOURCE' as const,
          id: String(hit.id),
          score: hit._rankingScore ?? 0,
          title: segmentsOf(String(formatted.title ?? '')),
          snippet: segmentsOf(snippet),
          ...(hit.createdAt === undefined
            ? {}
            : {
                sortKey: {
                  createdAt: new Date(Number(hit.createdAt)),
                  useCount: Number(hit.useCount ?? 0),
                  helpfulCount: Number(hit.helpfulCount ?? 0),
                },
              }),
        };
      }),
    };
  }
}

function facetCounts(answer: SearchResponse<MeiliDocument>, attribute: string, limited: boolean): FacetCount[] {
  const distribution = answer.facetDistribution?.[attribute] ?? {};
  const counts = Object.entries(distribution)
    .map(([value, count]) => ({ value, count }))
    .filter((facet) => facet.count > 0)
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return limited ? counts.slice(0, FACET_LIMIT) : counts;
}
