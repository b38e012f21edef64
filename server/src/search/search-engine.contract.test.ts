import { randomUUID } from 'node:crypto';
import type { SearchFilters } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceKind, Role } from '../generated/prisma/client';
import { markdownText } from '../platform/markdown/markdown';
import { TestApp } from '../test-support/test-app';
import { MeiliGateway } from './meili-gateway';
import { MeilisearchEngine } from './meilisearch.engine';
import { PostgresSearchEngine } from './postgres-search.engine';
import type { SearchEngine, SearchRequest, SearchResult } from './search-engine';
import { toSearchDocument } from './search-document';
import { SearchDocumentRepository } from './search-documents.repository';
import { SearchOutboxRepository } from './search-outbox.repository';
import { SearchOutboxWorker } from './search-outbox.worker';

/**
 * The contract every SearchEngine keeps, run against PostgreSQL always. Meilisearch runs it too
 * when MEILI_HOST points at a server; there is none on the build machine (no package provides
 * one), so without MEILI_HOST those cases are skipped rather than faked.
 */
const MEILI_HOST = process.env.MEILI_HOST;

interface EngineUnderTest {
  engine: SearchEngine;
  /** Makes what was indexed searchable (Meilisearch: sends the outbox). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

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

describe('SearchEngine contract', () => {
  let app: TestApp;
  let networkId: string;
  let otherNetworkId: string;
  let siteA: string;
  let siteB: string;
  let authorA: string;
  let authorB: string;
  const ids: Record<string, string> = {};
  const now = Date.now();

  const engines: [string, () => Promise<EngineUnderTest>][] = [
    [
      'postgres',
      () =>
        Promise.resolve({
          engine: app.server.app.get(PostgresSearchEngine),
          settle: () => Promise.resolve(),
          close: () => Promise.resolve(),
        }),
    ],
  ];
  if (MEILI_HOST) {
    engines.push([
      'meilisearch',
      async () => {
        const gateway = new MeiliGateway(
          MEILI_HOST,
          process.env.MEILI_KEY ?? null,
          `contract_${randomUUID().replace(/-/g, '')}`,
        );
        const outbox = app.server.app.get(SearchOutboxRepository);
        const engine = new MeilisearchEngine(gateway, outbox, app.server.app.get(PostgresSearchEngine));
        const worker = new SearchOutboxWorker(gateway, outbox, app.server.app.get(SearchDocumentRepository));
        for (const row of await app.prisma.resource.findMany()) await engine.index(app.prisma, toSearchDocument(row));
        return {
          engine,
          settle: async () => void (await worker.drain()),
          close: async () => {
            const { Meilisearch } = await import('meilisearch');
            await new Meilisearch({ host: MEILI_HOST, apiKey: process.env.MEILI_KEY }).deleteIndexIfExists(
              gateway.indexUid,
            );
          },
        };
      },
    ]);
  }

  async function put(
    key: string,
    data: {
      title: string;
      summary?: string;
      body?: string;
      tags?: string[];
      kind?: ResourceKind;
      audiences?: Role[];
      siteId?: string | null;
      authorId?: string;
      daysAgo?: number;
      useCount?: number;
      hidden?: boolean;
      network?: string;
    },
  ) {
    const body = data.body ?? '';
    const row = await app.prisma.resource.create({
      data: {
        networkId: data.network ?? networkId,
        kind: data.kind ?? 'TOOL',
        title: data.title,
        summary: data.summary ?? '',
        body,
        bodyText: markdownText(body),
        tags: data.tags ?? [],
        audiences: data.audiences ?? [],
        siteId: data.siteId ?? null,
        authorId: data.authorId ?? authorA,
        createdAt: new Date(now - (data.daysAgo ?? 0) * DAY),
        useCount: data.useCount ?? 0,
        ...(data.hidden ? { hiddenAt: new Date(), hiddenById: authorA, hiddenReason: 'test' } : {}),
      },
    });
    await app.server.app.get(PostgresSearchEngine).index(app.prisma, toSearchDocument(row));
    ids[key] = row.id;
    return row;
  }

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    networkId = made.network.id;
    [siteA, siteB] = made.sites.map((site) => site.id);
    authorA = made.admin.userId;
    authorB = (await app.newMember(made.admin, networkId, 'CLINICIAN', siteB)).userId;
    otherNetworkId = (await app.newNetwork(1)).network.id;

    await put('remission', {
      title: 'Steroid-free remission change package',
      tags: ['remission', 'qi'],
      kind: 'CHANGE_PACKAGE',
      siteId: siteA,
      daysAgo: 30,
      useCount: 5,
      audiences: ['SITE_LEAD'],
    });
    await put('body-only', {
      title: 'Clinic huddle notes',
      body: 'We talked about **remission** rates and the huddle.',
      kind: 'GUIDE',
      siteId: siteB,
      authorId: authorB,
      daysAgo: 10,
      useCount: 1,
    });
    await put('school', {
      title: 'School letter template',
      summary: 'For teachers of pupils with IBD',
      tags: ['school'],
      kind: 'TEMPLATE',
      audiences: ['FAMILY_MEMBER', 'PATIENT_PARTNER'],
      siteId: siteA,
      daysAgo: 60,
      useCount: 3,
    });
    await put('transition', {
      title: 'Transition readiness checklist',
      tags: ['transition', 'school'],
      kind: 'TOOL',
      audiences: ['PATIENT_PARTNER'],
      siteId: siteB,
      authorId: authorB,
      daysAgo: 5,
      useCount: 8,
    });
    await put('hidden', {
      title: 'Hidden remission advice',
      kind: 'GUIDE',
      hidden: true,
      authorId: authorB,
      daysAgo: 1,
    });
    await put('elsewhere', { title: 'Remission guide of another network', network: otherNetworkId });
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe.each(engines)('%s', (_, make) => {
    let subject: EngineUnderTest;
    const request = (text: string, overrides: Partial<SearchRequest> = {}): SearchRequest => ({
      networkId,
      text,
      types: ['RESOURCE'],
      filters: NO_FILTERS,
      sort: 'RELEVANCE',
      hidden: { all: false, authorId: null },
      offset: 0,
      limit: 20,
      ...overrides,
    });
    const search = async (text: string, overrides: Partial<SearchRequest> = {}) =>
      subject.engine.search(request(text, overrides));
    const keysOf = (result: SearchResult) =>
      result.hits.map((hit) => Object.entries(ids).find(([, id]) => id === hit.id)?.[0] ?? hit.id);

    beforeAll(async () => {
      subject = await make();
      await subject.settle();
    });
    afterAll(async () => {
      await subject?.close();
    });

    it("finds what was indexed in the network, title matches before body matches, never another network's", async () => {
      const result = await search('remission');

      expect(keysOf(result)).toEqual(['remission', 'body-only']);
      expect(result.totalCount).toBe(2);
    });

    it('matches the last word as a prefix while it is typed', async () => {
      expect(keysOf(await search('transit'))).toEqual(['transition']);
      expect(keysOf(await search('school lett'))).toEqual(['school']);
    });

    it('tolerates a typo', async () => {
      expect(keysOf(await search('remision'))[0]).toBe('remission');
      expect(keysOf(await search('transitoin'))).toContain('transition');
    });

    it('marks the matching words in the title and gives a snippet', async () => {
      const [hit] = (await search('readiness')).hits;

      expect(hit.title).toEqual([
        { text: 'Transition ', match: false },
        { text: 'readiness', match: true },
        { text: ' checklist', match: false },
      ]);
      const [bodyHit] = (await search('huddle')).hits;
      expect(bodyHit.snippet.some((segment) => segment.match && /huddle/i.test(segment.text))).toBe(true);
    });

    it("filters by kind, tag, audience, site, author and date, and counts facets without each one's own filter", async () => {
      const byKind = await search('', { filters: { ...NO_FILTERS, kinds: ['TEMPLATE', 'TOOL'] }, sort: 'NEWEST' });
      expect(keysOf(byKind)).toEqual(['transition', 'school']);
      expect(byKind.facets.kinds).toEqual([
        { value: 'CHANGE_PACKAGE', count: 1 },
        { value: 'GUIDE', count: 1 },
        { value: 'TEMPLATE', count: 1 },
        { value: 'TOOL', count: 1 },
      ]);
      // An engine may name the values it knows (a site's name); the counts are the contract.
      expect(byKind.facets.sites.map(({ value, count }) => ({ value, count }))).toEqual(
        [
          { value: siteA, count: 1 },
          { value: siteB, count: 1 },
        ].sort((a, b) => (a.value < b.value ? -1 : 1)),
      );

      expect(keysOf(await search('', { filters: { ...NO_FILTERS, tags: ['school'] }, sort: 'NEWEST' }))).toEqual([
        'transition',
        'school',
      ]);
      expect(keysOf(await search('', { filters: { ...NO_FILTERS, audiences: ['FAMILY_MEMBER'] } }))).toEqual([
        'school',
      ]);
      expect(keysOf(await search('', { filters: { ...NO_FILTERS, siteIds: [siteB] }, sort: 'NEWEST' }))).toEqual([
        'transition',
        'body-only',
      ]);
      expect(keysOf(await search('', { filters: { ...NO_FILTERS, authorIds: [authorB] }, sort: 'NEWEST' }))).toEqual([
        'transition',
        'body-only',
      ]);
      const recent = await search('', {
        filters: { ...NO_FILTERS, createdFrom: new Date(now - 12 * DAY), createdTo: new Date(now - 3 * DAY) },
        sort: 'NEWEST',
      });
      expect(keysOf(recent)).toEqual(['transition', 'body-only']);

      const tagFacets = (await search('', { filters: { ...NO_FILTERS, tags: ['transition'] } })).facets.tags;
      expect(tagFacets).toEqual([
        { value: 'school', count: 2 },
        { value: 'qi', count: 1 },
        { value: 'remission', count: 1 },
        { value: 'transition', count: 1 },
      ]);
    });

    it('sorts by newest and by most used', async () => {
      expect(keysOf(await search('', { sort: 'NEWEST' }))).toEqual(['transition', 'body-only', 'remission', 'school']);
      expect(keysOf(await search('', { sort: 'MOST_USED' })).slice(0, 3)).toEqual([
        'transition',
        'remission',
        'school',
      ]);
    });

    it("shows hidden documents only to those allowed: everyone's to admins, her own to an author", async () => {
      expect(keysOf(await search('hidden'))).toEqual([]);
      expect(keysOf(await search('hidden', { hidden: { all: true, authorId: null } }))).toEqual(['hidden']);
      expect(keysOf(await search('hidden', { hidden: { all: false, authorId: authorB } }))).toEqual(['hidden']);
      expect(keysOf(await search('hidden', { hidden: { all: false, authorId: authorA } }))).toEqual([]);
    });

    it('pages through results', async () => {
      const first = await search('', { sort: 'NEWEST', limit: 2 });
      const second = await search('', { sort: 'NEWEST', limit: 2, offset: 2 });

      expect(first.totalCount).toBe(4);
      expect([...keysOf(first), ...keysOf(second)]).toEqual(['transition', 'body-only', 'remission', 'school']);
    });

    it('finds nothing for types it does not hold yet', async () => {
      expect((await search('remission', { types: [] })).hits).toEqual([]);
    });

    // These two write their own documents and take them away again, so every engine starts alike.
    async function indexed(key: string, title: string) {
      const row = await put(key, { title, kind: 'GUIDE', daysAgo: 2 });
      await subject.engine.index(app.prisma, toSearchDocument(row));
      await subject.settle();
      return row.id;
    }
    async function removed(id: string) {
      await app.prisma.$transaction(async (tx) => {
        await tx.resource.delete({ where: { id } });
        await subject.engine.remove(tx, { type: 'RESOURCE', id, networkId });
      });
      await subject.settle();
    }

    it('follows an update indexed in the writing transaction', async () => {
      const id = await indexed('gait', 'Gait assessment leaflet');
      expect(keysOf(await search('gait'))).toEqual(['gait']);

      await app.prisma.$transaction(async (tx) => {
        const row = await tx.resource.update({ where: { id }, data: { title: 'Posture assessment leaflet' } });
        await subject.engine.index(tx, toSearchDocument(row));
      });
      await subject.settle();

      expect(keysOf(await search('posture'))).toEqual(['gait']);
      expect(keysOf(await search('gait'))).toEqual([]);
      await removed(id);
    });

    it('forgets a document removed in the writing transaction', async () => {
      const id = await indexed('withdrawn', 'Calprotectin leaflet to be withdrawn');
      expect(keysOf(await search('calprotectin'))).toEqual(['withdrawn']);

      await removed(id);

      expect(keysOf(await search('calprotectin'))).toEqual([]);
    });
  });
});
