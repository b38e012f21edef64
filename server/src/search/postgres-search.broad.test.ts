import type { SearchFilters } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceKind } from '../generated/prisma/client';
import { markdownText } from '../platform/markdown/markdown';
import { TestApp } from '../test-support/test-app';
import { PostgresSearchEngine } from './postgres-search.engine';
import { estimatedMatches, type TermRow } from './tsquery';
import type { SearchRequest, SearchResult } from './search-engine';
import { toSearchDocument } from './search-document';

const NO_FILTERS: SearchFilters = {
  kinds: [],
  tags: [],
  audiences: [],
  siteIds: [],
  authorIds: [],
  createdFrom: null,
  createdTo: null,
};
const DAY = 86_400_000;
const KINDS: ResourceKind[] = ['TOOL', 'GUIDE', 'TEMPLATE', 'STORY'];

/**
 * The PostgreSQL engine on a broad query: with its limits turned down, a small commons behaves
 * as a large one does with the defaults (a query matching more than `exactLimit` resources is
 * answered from the best matches found walking the resources). Each answer is held against the
 * same engine with the defaults, which answers these exactly.
 */
describe('PostgreSQL search on broad queries', () => {
  let app: TestApp;
  let networkId: string;
  let broad: PostgresSearchEngine;
  let exact: PostgresSearchEngine;
  const ids: Record<string, string> = {};
  const now = Date.now();

  const request = (text: string, overrides: Partial<SearchRequest> = {}): SearchRequest => ({
    networkId,
    text,
    types: ['RESOURCE'],
    filters: NO_FILTERS,
    sort: 'RELEVANCE',
    hidden: { all: false, authorId: null },
    offset: 0,
    limit: 5,
    ...overrides,
  });
  const both = async (text: string, overrides: Partial<SearchRequest> = {}): Promise<[SearchResult, SearchResult]> => [
    await broad.search(request(text, overrides)),
    await exact.search(request(text, overrides)),
  ];
  const idsOf = (result: SearchResult) => result.hits.map((hit) => hit.id);
  const countsOf = (facets: { value: string; count: number }[]) =>
    new Map(facets.map((facet) => [facet.value, facet.count]));

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    networkId = made.network.id;
    const engine = app.server.app.get(PostgresSearchEngine);
    async function put(
      key: string,
      data: {
        title: string;
        body: string;
        tags: string[];
        kind: ResourceKind;
        daysAgo: number;
        useCount: number;
        siteId?: string;
      },
    ) {
      const row = await app.prisma.resource.create({
        data: {
          networkId,
          kind: data.kind,
          title: data.title,
          body: data.body,
          bodyText: markdownText(data.body),
          tags: data.tags,
          siteId: data.siteId ?? null,
          authorId: made.admin.userId,
          createdAt: new Date(now - data.daysAgo * DAY),
          useCount: data.useCount,
        },
      });
      await engine.index(app.prisma, toSearchDocument(row));
      ids[key] = row.id;
    }
    // Sixty resources that mention remission in their bodies, recent and used ones first...
    for (let i = 0; i < 60; i += 1) {
      await put(`body-${i}`, {
        title: `Clinic huddle notes ${i}`,
        body: `We talked about remission rates at huddle ${i}.`,
        tags: ['huddle'],
        kind: KINDS[i % KINDS.length],
        daysAgo: i,
        useCount: 60 - i,
        siteId: made.sites[i % 2].id,
      });
    }
    // ...and an old, unused one with remission in its title, far down the order they are walked in.
    await put('titled', {
      title: 'Remission tracker',
      body: 'Track how long each remission lasts.',
      tags: ['remission'],
      kind: 'TOOL',
      daysAgo: 900,
      useCount: 0,
    });
    broad = new PostgresSearchEngine(app.prisma, { exactLimit: 5, sample: 20, titleSample: 5, window: 30 });
    exact = new PostgresSearchEngine(app.prisma);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers a narrow query exactly, as with the defaults', async () => {
    const [walked, counted] = await both('tracker');

    expect(walked).toEqual(counted);
    expect(walked.exact).toBe(true);
  });

  it('counts the matches it looked at, as lower bounds, when a query is broad', async () => {
    const [walked, counted] = await both('remission');

    expect(counted.exact).toBe(true);
    expect(counted.totalCount).toBe(61);
    expect(walked.exact).toBe(false);
    expect(walked.totalCount).toBeGreaterThanOrEqual(20);
    expect(walked.totalCount).toBeLessThan(61);
    const exactKinds = countsOf(counted.facets.kinds);
    for (const facet of walked.facets.kinds) expect(facet.count).toBeLessThanOrEqual(exactKinds.get(facet.value) ?? 0);
    expect(walked.facets.kinds.map((facet) => facet.value).sort()).toEqual([...KINDS].sort());
  });

  it('still ranks a title match first, found through the title index beyond the rows walked', async () => {
    const [walked, counted] = await both('remission');

    expect(idsOf(counted)[0]).toBe(ids.titled);
    expect(idsOf(walked)[0]).toBe(ids.titled);
    expect(walked.hits[0].title).toEqual([
      { text: 'Remission', match: true },
      { text: ' tracker', match: false },
    ]);
  });

  it('finds the same first pages in the newest and most-used orders, which it walks itself', async () => {
    for (const sort of ['NEWEST', 'MOST_USED'] as const) {
      const [walked, counted] = await both('remission', { sort, limit: 8 });

      expect(idsOf(walked)).toEqual(idsOf(counted));
      expect(walked.exact).toBe(false);
    }
  });

  it('pages through the best matches without repeating or skipping one', async () => {
    const first = await broad.search(request('remission', { limit: 5 }));
    const second = await broad.search(request('remission', { limit: 5, offset: 5 }));
    const both = await broad.search(request('remission', { limit: 10 }));

    expect([...idsOf(first), ...idsOf(second)]).toEqual(idsOf(both));
    expect(new Set(idsOf(both)).size).toBe(10);
  });

  it('keeps the prefix and typo semantics on the broad path', async () => {
    expect(idsOf(await broad.search(request('remiss')))).toEqual(idsOf(await exact.search(request('remiss'))));
    const [walked] = await both('remision');
    expect(idsOf(walked)[0]).toBe(ids.titled);
    expect(walked.exact).toBe(false);
  });

  it('applies filters to the page and leaves each facet its own filter out', async () => {
    const [walked] = await both('remission', { filters: { ...NO_FILTERS, kinds: ['GUIDE'] } });

    expect(walked.hits).toHaveLength(5);
    const kinds = await app.prisma.resource.findMany({ where: { id: { in: idsOf(walked) } }, select: { kind: true } });
    expect(new Set(kinds.map((row) => row.kind))).toEqual(new Set(['GUIDE']));
    expect(walked.facets.kinds.length).toBeGreaterThan(1);
  });

  it('answers exactly after all when the rows walked hold too few matches for the page', async () => {
    const [walked, counted] = await both('remission tracker');

    expect(idsOf(walked)).toEqual([ids.titled]);
    expect(walked).toEqual(counted);
  });

  it('counts a document for each word in the vocabulary, and words sharing a stem together', async () => {
    const rows = await app.prisma.searchWord.findMany({
      where: { networkId, word: { in: ['remission', 'huddle', 'lasts'] } },
    });

    expect(Object.fromEntries(rows.map((row) => [row.word, row.documents]))).toEqual({
      remission: 61,
      huddle: 60,
      lasts: 1,
    });
    expect(rows.find((row) => row.word === 'lasts')?.stem).toBe('last');
  });
});

describe('estimatedMatches', () => {
  const row = (documents: number | null): TermRow => ({
    idx: 1,
    term: 'x',
    known: true,
    similar: [],
    documents,
    completions: null,
    resources: 5000,
  });

  it('is the rarest word when every word must match, the sum when any may', () => {
    expect(estimatedMatches([row(900), row(40), row(null)], 'all')).toBe(40);
    expect(estimatedMatches([row(900), row(40)], 'any')).toBe(940);
  });

  it('cannot tell from words the vocabulary does not count', () => {
    expect(estimatedMatches([row(null)], 'all')).toBe(Number.POSITIVE_INFINITY);
    expect(estimatedMatches([row(10), row(null)], 'any')).toBe(Number.POSITIVE_INFINITY);
  });
});
