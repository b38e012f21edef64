import type { MultiSearchQuery, SearchResponse } from 'meilisearch' with { 'resolution-mode': 'import' };
import { describe, expect, it } from 'vitest';
import type { MeiliDocument, MeiliIndexGateway } from './meili-gateway';
import { filterValue, MeilisearchEngine } from './meilisearch.engine';
import type { PostgresSearchEngine } from './postgres-search.engine';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S, type SearchRequest, type SearchResult } from './search-engine';
import type { SearchOutboxRepository } from './search-outbox.repository';

/**
 * How the Meilisearch engine talks to Meilisearch, checked against a recording gateway (there is
 * no Meilisearch server here; the contract suite runs against a real one when MEILI_HOST is set).
 */
class RecordingGateway implements Partial<MeiliIndexGateway> {
  queries: Omit<MultiSearchQuery, 'indexUid'>[] = [];
  fail = false;

  multiSearch(queries: Omit<MultiSearchQuery, 'indexUid'>[]): Promise<SearchResponse<MeiliDocument>[]> {
    if (this.fail) return Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:7700'));
    this.queries = queries;
    const main = {
      hits: [
        {
          id: 'r1',
          _rankingScore: 0.9,
          _formatted: {
            title: `Flare ${S}action${E} plan`,
            summary: 'What to do',
            bodyText: `When a ${S}flare${E} starts…`,
          },
        },
        {
          id: 'r2',
          _rankingScore: 0.5,
          _formatted: { title: 'School letter', summary: `For ${S}teachers${E}`, bodyText: 'Dear teacher…' },
        },
      ],
      estimatedTotalHits: 2,
      processingTimeMs: 1,
      query: '',
      offset: 0,
      limit: 20,
    };
    const facet = (attribute: string, distribution: Record<string, number>) => ({
      hits: [],
      facetDistribution: { [attribute]: distribution },
      estimatedTotalHits: 2,
      processingTimeMs: 1,
      query: '',
      offset: 0,
      limit: 0,
    });
    return Promise.resolve([
      main,
      facet('kind', { TOOL: 1, TEMPLATE: 1, GUIDE: 0 }),
      facet(
        'tags',
        Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`tag ${String(i).padStart(2, '0')}`, 25 - i])),
      ),
      facet('audiences', { FAMILY_MEMBER: 2 }),
      facet('siteId', { 's-b': 1, 's-a': 1 }),
      facet('authorId', { u1: 2 }),
    ] as unknown as SearchResponse<MeiliDocument>[]);
  }
}

const request = (overrides: Partial<SearchRequest> = {}): SearchRequest => ({
  networkId: 'net-1',
  text: 'flare act',
  types: ['RESOURCE'],
  filters: { kinds: [], tags: [], audiences: [], siteIds: [], authorIds: [], createdFrom: null, createdTo: null },
  sort: 'RELEVANCE',
  hidden: { all: false, authorId: null },
  offset: 20,
  limit: 10,
  ...overrides,
});

const FALLBACK_RESULT: SearchResult = {
  hits: [],
  totalCount: 42,
  exact: true,
  facets: { kinds: [], tags: [], audiences: [], sites: [], authors: [] },
};

function engineWith(gateway: RecordingGateway) {
  const fallback = { search: () => Promise.resolve(FALLBACK_RESULT) } as unknown as PostgresSearchEngine;
  return new MeilisearchEngine(gateway as unknown as MeiliIndexGateway, {} as SearchOutboxRepository, fallback);
}

describe('MeilisearchEngine', () => {
  it('asks for the page with filters, highlights and crops, plus one facet query per dimension without its own filter', async () => {
    const gateway = new RecordingGateway();
    await engineWith(gateway).search(
      request({
        filters: {
          kinds: ['TOOL', 'TEMPLATE'],
          tags: ['school "letters"'],
          audiences: [],
          siteIds: ['s-a'],
          authorIds: [],
          createdFrom: new Date('2026-01-01T00:00:00Z'),
          createdTo: null,
        },
        hidden: { all: false, authorId: 'me' },
      }),
    );

    const [main, kinds, tags] = gateway.queries;
    const base = [
      'networkId = "net-1"',
      'type = "RESOURCE"',
      ['hidden = false', 'authorId = "me"'],
      `createdAt >= ${Date.parse('2026-01-01T00:00:00Z')}`,
    ];
    expect(main).toMatchObject({
      q: 'flare act',
      offset: 20,
      limit: 10,
      sort: undefined,
      attributesToHighlight: ['title'],
      attributesToCrop: ['summary', 'bodyText'],
      highlightPreTag: S,
      highlightPostTag: E,
      filter: [...base, ['kind = "TOOL"', 'kind = "TEMPLATE"'], ['tags = "school \\"letters\\""'], ['siteId = "s-a"']],
    });
    expect(kinds).toMatchObject({
      limit: 0,
      facets: ['kind'],
      filter: [...base, ['tags = "school \\"letters\\""'], ['siteId = "s-a"']],
    });
    expect(tags).toMatchObject({
      facets: ['tags'],
      filter: [...base, ['kind = "TOOL"', 'kind = "TEMPLATE"'], ['siteId = "s-a"']],
    });
    expect(gateway.queries).toHaveLength(6);
  });

  it.each<[SearchRequest['sort'], string, string[] | undefined]>([
    ['RELEVANCE', 'flare', undefined],
    ['RELEVANCE', '', ['createdAt:desc']],
    ['NEWEST', 'flare', ['createdAt:desc']],
    ['MOST_USED', 'flare', ['useCount:desc', 'helpfulCount:desc', 'createdAt:desc']],
  ])('sorts %s for %j as %j', async (sort, text, expected) => {
    const gateway = new RecordingGateway();
    await engineWith(gateway).search(request({ sort, text }));
    expect(gateway.queries[0].sort).toEqual(expected);
  });

  it('sees every hidden document for admins, and none otherwise', async () => {
    const gateway = new RecordingGateway();
    await engineWith(gateway).search(request({ hidden: { all: true, authorId: null } }));
    expect(gateway.queries[0].filter).toEqual(['networkId = "net-1"', 'type = "RESOURCE"']);
    await engineWith(gateway).search(request());
    expect(gateway.queries[0].filter).toEqual(['networkId = "net-1"', 'type = "RESOURCE"', 'hidden = false']);
  });

  it("turns Meilisearch's answer into hits with highlighted segments and sorted, capped facets", async () => {
    const result = await engineWith(new RecordingGateway()).search(request());

    expect(result.totalCount).toBe(2);
    expect(result.hits).toEqual([
      {
        type: 'RESOURCE',
        id: 'r1',
        score: 0.9,
        title: [
          { text: 'Flare ', match: false },
          { text: 'action', match: true },
          { text: ' plan', match: false },
        ],
        snippet: [
          { text: 'When a ', match: false },
          { text: 'flare', match: true },
          { text: ' starts…', match: false },
        ],
      },
      {
        type: 'RESOURCE',
        id: 'r2',
        score: 0.5,
        title: [{ text: 'School letter', match: false }],
        snippet: [
          { text: 'For ', match: false },
          { text: 'teachers', match: true },
        ],
      },
    ]);
    expect(result.facets.kinds).toEqual([
      { value: 'TEMPLATE', count: 1 },
      { value: 'TOOL', count: 1 },
    ]);
    expect(result.facets.tags).toHaveLength(20);
    expect(result.facets.tags[0]).toEqual({ value: 'tag 00', count: 25 });
    expect(result.facets.sites).toEqual([
      { value: 's-a', count: 1 },
      { value: 's-b', count: 1 },
    ]);
  });

  it('answers from PostgreSQL while Meilisearch is unreachable', async () => {
    const gateway = new RecordingGateway();
    gateway.fail = true;
    expect(await engineWith(gateway).search(request())).toBe(FALLBACK_RESULT);
  });

  it('quotes filter values so they cannot change the filter', () => {
    expect(filterValue('a" OR networkId = "other')).toBe('"a\\" OR networkId = \\"other"');
    expect(filterValue('back\\slash')).toBe('"back\\\\slash"');
  });
});
