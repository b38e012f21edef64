import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESOURCES } from '../demo/demo-resources';
import { DEMO_PASSWORD, DEMO_SITES } from '../demo/demo-people';
import type { TestClient } from '../test-support/graphql-client';
import { TestApp } from '../test-support/test-app';

const SEARCH = `query($networkId: ID!, $query: String!, $filter: SearchFilterInput, $sort: SearchSort, $first: Int) {
  search(networkId: $networkId, query: $query, filter: $filter, sort: $sort, first: $first) { totalCount nodes { id title { text match } } }
}`;

interface RelevanceCase {
  /** What the query tests. */
  why: string;
  query: string;
  filter?: { kinds?: string[]; audiences?: string[]; tags?: string[]; sites?: string[] };
  sort?: 'RELEVANCE' | 'NEWEST' | 'MOST_USED';
  /** The demo resource that must come first. */
  first?: string;
  /** Demo resources that must all be among the first `within` results. */
  among?: string[];
  within?: number;
}

/**
 * The relevance set: realistic queries members of the demo network type, and what must come
 * back on top. Exact words, paraphrases in other words of the same text, typos, prefixes typed
 * as you go, and filters.
 */
const CASES: RelevanceCase[] = [
  // Exact words
  {
    why: 'exact title words',
    query: 'flare action plan',
    first: 'flare-plan',
    among: ['flare-plan-stbrigid'],
    within: 2,
  },
  {
    why: 'fewer words find the teen version too',
    query: 'flare plan',
    among: ['flare-plan', 'flare-plan-stbrigid', 'flare-plan-teen'],
    within: 3,
  },
  { why: 'an acronym in the tags', query: 'EEN', among: ['een-guide', 'een-story', 'een-school'], within: 4 },
  { why: 'a medical term', query: 'exclusive enteral nutrition', first: 'een-guide' },
  { why: 'a drug name and a lab word', query: 'infliximab trough levels', first: 'tdm-tool' },
  { why: 'title words in another order', query: 'checklist transition readiness', first: 'transition-checklist' },
  { why: 'a dataset by its name', query: 'data dictionary', first: 'registry-dictionary' },
  { why: 'a word only in one title', query: 'sibling', first: 'sibling-support' },
  {
    why: 'two title words',
    query: 'school letter',
    first: 'school-letter',
    among: ['school-letter-secondary', 'school-letter-sv'],
    within: 4,
  },
  // Paraphrase within reason (the words are in the resource, not in its title)
  { why: 'how a patient says it', query: 'feeling tired all the time', first: 'fatigue-guide' },
  { why: "a parent's question", query: "how to explain Crohn's to a teacher", among: ['school-letter'], within: 3 },
  { why: 'a story by its situation', query: 'going back to school after hospital', first: 'back-to-school-story' },
  { why: "a clinician's wording", query: 'vaccines before starting biologics', first: 'vaccination-checklist' },
  { why: 'a QI term in the body', query: 'control limits special cause', first: 'spc-guide' },
  { why: 'a plain-language need', query: 'iron deficiency anaemia', first: 'iron-pathway' },
  // Typos
  { why: 'a letter missing', query: 'remision', among: ['remission-package'], within: 3 },
  { why: 'a letter missing in a long word', query: 'calprotectn home test', first: 'calprotectin-home' },
  { why: 'two letters swapped', query: 'colonsocopy', first: 'colonoscopy-prep' },
  { why: 'a misspelt drug', query: 'adalimumab injektions', among: ['injection-guide-kids'], within: 2 },
  { why: 'a doubled letter missing', query: 'sibling suport', first: 'sibling-support' },
  // Prefixes, as you type
  { why: 'the start of a word', query: 'transi', among: ['transition-checklist', 'transition-package'], within: 5 },
  { why: 'a full word and the start of the next', query: 'bowel pre', first: 'colonoscopy-prep' },
  { why: 'the start of a medical word', query: 'calpro', first: 'calprotectin-home' },
  { why: 'the start of an acronym-free word', query: 'enterog', first: 'mri-prep' },
  // Filters
  { why: 'a kind filter', query: 'registry', filter: { kinds: ['DATASET_DESCRIPTION'] }, first: 'registry-dictionary' },
  {
    why: "an audience filter picks the families' guide",
    query: 'injections',
    filter: { audiences: ['FAMILY_MEMBER'] },
    first: 'injection-guide-kids',
  },
  {
    why: 'a site filter picks the local adaptation',
    query: 'flare action plan',
    filter: { sites: ['st-brigid'] },
    first: 'flare-plan-stbrigid',
  },
  { why: 'a tag filter', query: 'checklist', filter: { tags: ['transition'] }, first: 'transition-checklist' },
  {
    why: 'most used change package, nothing typed',
    query: '',
    filter: { kinds: ['CHANGE_PACKAGE'] },
    sort: 'MOST_USED',
    first: 'remission-package',
  },
  {
    why: 'newest story, nothing typed',
    query: '',
    filter: { kinds: ['STORY'] },
    sort: 'NEWEST',
    first: 'parent-diary-story',
  },
];

describe('search relevance over the demo commons', () => {
  let app: TestApp;
  let client: TestClient;
  let networkId: string;
  const idOf = new Map<string, string>();
  const keyOf = new Map<string, string>();
  const siteIdOf = new Map<string, string>();

  beforeAll(async () => {
    app = await TestApp.start({ SEED_DEMO: 'true' });
    const network = await app.prisma.network.findFirstOrThrow({ select: { id: true } });
    networkId = network.id;
    const rows = await app.prisma.resource.findMany({ where: { networkId }, select: { id: true, title: true } });
    for (const demo of DEMO_RESOURCES) {
      const row = rows.find((r) => r.title === demo.title)!;
      idOf.set(demo.key, row.id);
      keyOf.set(row.id, demo.key);
    }
    for (const site of await app.prisma.site.findMany({ where: { networkId } })) siteIdOf.set(site.slug, site.id);
    client = app.client();
    await client.signIn('patient@demo.commons.test', DEMO_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('seeds a commons of at least 60 resources across every kind, with adaptations, uses and helpful marks', async () => {
    const kinds = await app.prisma.resource.groupBy({ by: ['kind'], where: { networkId }, _count: { _all: true } });
    expect(DEMO_RESOURCES.length).toBeGreaterThanOrEqual(60);
    expect(await app.prisma.resource.count({ where: { networkId } })).toBe(DEMO_RESOURCES.length);
    expect(kinds).toHaveLength(6);
    expect(
      await app.prisma.resource.count({ where: { networkId, adaptedFromId: { not: null } } }),
    ).toBeGreaterThanOrEqual(10);
    expect(
      new Set((await app.prisma.resourceUse.findMany({ select: { siteId: true } })).map((u) => u.siteId)).size,
    ).toBe(DEMO_SITES.length);
    expect(await app.prisma.resourceHelpful.count()).toBeGreaterThan(200);
  });

  it.each(CASES.map((c) => [c.why, c] as const))('%s', async (_, c) => {
    const filter = c.filter
      ? {
          kinds: c.filter.kinds,
          audiences: c.filter.audiences,
          tags: c.filter.tags,
          siteIds: c.filter.sites?.map((slug) => siteIdOf.get(slug)),
        }
      : null;

    const { search } = await client.ok(SEARCH, {
      networkId,
      query: c.query,
      filter,
      sort: c.sort ?? 'RELEVANCE',
      first: 10,
    });

    const keys = search.nodes.map((node: { id: string }) => keyOf.get(node.id));
    const described = `"${c.query}" gave ${JSON.stringify(keys.slice(0, 6))}`;
    if (c.first) expect(keys[0], described).toBe(c.first);
    for (const key of c.among ?? []) expect(keys.slice(0, c.within ?? 3), described).toContain(key);
  });

  it('keeps the relevance set at 20 queries or more', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });
});
