import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/graphql-client';
import { EDIT_RESOURCE, editInput, newResource } from '../test-support/resources';
import { TestApp, type TestMember } from '../test-support/test-app';

const SEARCH = `query($networkId: ID!, $query: String!, $filter: SearchFilterInput, $sort: SearchSort, $first: Int, $after: String, $types: [SearchType!]) {
  search(networkId: $networkId, query: $query, filter: $filter, sort: $sort, first: $first, after: $after, types: $types) {
    totalCount
    exactCounts
    pageInfo { hasNextPage endCursor }
    nodes { type id score title { text match } snippet { text match } resource { id title hidden author { name } site { name } } }
    facets {
      kinds { value count label } tags { value count label } audiences { value count label }
      sites { value count label } authors { value count label }
    }
  }
}`;
const HIDE = `mutation($id: ID!) { hideResource(resourceId: $id, reason: "Under review") { id } }`;

describe('search over GraphQL', () => {
  let app: TestApp;
  let networkId: string;
  let siteA: string;
  let siteB: string;
  let admin: TestMember;
  let clinician: TestMember;
  let patient: TestMember;
  let outsider: TestMember;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    admin = made.admin;
    networkId = made.network.id;
    [siteA, siteB] = made.sites.map((site) => site.id);
    clinician = await app.newMember(admin, networkId, 'CLINICIAN', siteA, 'Cleo Clinician');
    patient = await app.newMember(admin, networkId, 'PATIENT_PARTNER', siteB, 'Pat Partner');
    outsider = (await app.newNetwork(1)).admin;

    ids.een = (
      await newResource(clinician, networkId, {
        kind: 'GUIDE',
        title: 'Exclusive enteral nutrition guide',
        summary: "Eight weeks of formula to bring Crohn's disease into remission.",
        body: 'Week one is the hardest. **Remission** usually follows by week eight.',
        tags: ['nutrition', 'een'],
        audiences: ['FAMILY_MEMBER'],
        siteId: siteA,
      })
    ).id;
    ids.plan = (
      await newResource(patient, networkId, {
        kind: 'TOOL',
        title: 'Flare action plan',
        summary: 'What to do when a flare starts.',
        tags: ['flare', 'self-management'],
        audiences: ['PATIENT_PARTNER', 'FAMILY_MEMBER'],
        siteId: siteB,
      })
    ).id;
    ids.remission = (
      await newResource(admin, networkId, {
        kind: 'CHANGE_PACKAGE',
        title: 'Steroid-free remission change package',
        tags: ['remission'],
      })
    ).id;
    ids.hidden = (
      await newResource(patient, networkId, { kind: 'STORY', title: 'My remission story (draft)', tags: ['remission'] })
    ).id;
    await admin.client.ok(HIDE, { id: ids.hidden });
    await newResource(
      outsider,
      (await app.prisma.membership.findFirstOrThrow({ where: { userId: outsider.userId } })).networkId,
      { title: 'Remission elsewhere' },
    );
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('finds resources as you type, with the resource, highlighted title and snippet', async () => {
    const { search } = await patient.client.ok(SEARCH, { networkId, query: 'enteral nutri' });

    expect(search.totalCount).toBe(1);
    expect(search.exactCounts).toBe(true);
    const [hit] = search.nodes;
    expect(hit).toMatchObject({
      type: 'RESOURCE',
      id: ids.een,
      resource: {
        id: ids.een,
        title: 'Exclusive enteral nutrition guide',
        author: { name: 'Cleo Clinician' },
        site: { name: 'Site A' },
      },
    });
    expect(hit.title).toEqual([
      { text: 'Exclusive ', match: false },
      { text: 'enteral', match: true },
      { text: ' ', match: false },
      { text: 'nutrition', match: true },
      { text: ' guide', match: false },
    ]);
    expect(hit.snippet.map((segment: { text: string }) => segment.text).join('')).toContain('formula');
  });

  it('finds a misspelt word', async () => {
    const { search } = await clinician.client.ok(SEARCH, { networkId, query: 'remision' });

    expect(search.nodes.map((node: { id: string }) => node.id)).toEqual([ids.remission, ids.een]);
  });

  it('finds what an edit added, in the same request that follows the edit', async () => {
    const resource = await newResource(clinician, networkId, { title: 'Growth chart tool' });
    await clinician.client.ok(EDIT_RESOURCE, {
      id: resource.id,
      input: editInput(resource, { title: 'Growth and puberty chart tool' }),
    });

    const { search } = await patient.client.ok(SEARCH, { networkId, query: 'puberty' });

    expect(search.nodes.map((node: { id: string }) => node.id)).toEqual([resource.id]);
  });

  it('counts facets with labels, and filters', async () => {
    const { search } = await patient.client.ok(SEARCH, {
      networkId,
      query: '',
      filter: { audiences: ['FAMILY_MEMBER'] },
      sort: 'NEWEST',
    });

    expect(search.nodes.map((node: { id: string }) => node.id)).toEqual([ids.plan, ids.een]);
    expect(search.facets.audiences).toEqual([
      { value: 'FAMILY_MEMBER', count: 2, label: 'FAMILY_MEMBER' },
      { value: 'PATIENT_PARTNER', count: 1, label: 'PATIENT_PARTNER' },
    ]);
    expect(search.facets.sites).toEqual(
      expect.arrayContaining([
        { value: siteA, count: 1, label: 'Site A' },
        { value: siteB, count: 1, label: 'Site B' },
      ]),
    );
    expect(search.facets.authors).toEqual(
      expect.arrayContaining([
        { value: clinician.userId, count: 1, label: 'Cleo Clinician' },
        { value: patient.userId, count: 1, label: 'Pat Partner' },
      ]),
    );
    const bySite = await patient.client.ok(SEARCH, {
      networkId,
      query: '',
      filter: { siteIds: [siteB], kinds: ['TOOL', 'GUIDE'] },
    });
    expect(bySite.search.nodes.map((node: { id: string }) => node.id)).toEqual([ids.plan]);
  });

  it('pages with cursors', async () => {
    const first = (await patient.client.ok(SEARCH, { networkId, query: '', sort: 'NEWEST', first: 2 })).search;
    const second = (
      await patient.client.ok(SEARCH, {
        networkId,
        query: '',
        sort: 'NEWEST',
        first: 2,
        after: first.pageInfo.endCursor,
      })
    ).search;

    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(new Set([...first.nodes, ...second.nodes].map((node: { id: string }) => node.id)).size).toBe(
      Math.min(4, first.totalCount),
    );
  });

  it('shows a hidden resource to admins and its author only', async () => {
    const found = async (member: TestMember) =>
      (await member.client.ok(SEARCH, { networkId, query: 'draft' })).search.nodes.map(
        (node: { id: string }) => node.id,
      );

    expect(await found(clinician)).toEqual([]);
    expect(await found(patient)).toEqual([ids.hidden]);
    expect(await found(admin)).toEqual([ids.hidden]);
  });

  it('finds nothing of another network, and is NOT_FOUND to a non-member', async () => {
    expect((await patient.client.ok(SEARCH, { networkId, query: 'elsewhere' })).search.totalCount).toBe(0);
    expect(errorOf(await outsider.client.gql(SEARCH, { networkId, query: 'remission' })).code).toBe('NOT_FOUND');
    expect(errorOf(await app.client().gql(SEARCH, { networkId, query: 'remission' })).code).toBe('UNAUTHENTICATED');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a query over 200 characters', { query: 'x'.repeat(201) }, 'query'],
    ['a malformed site id', { filter: { siteIds: ['riverside'] } }, 'filter.siteIds.0'],
    [
      'a date range that ends before it starts',
      { filter: { createdFrom: '2026-05-01T00:00:00Z', createdTo: '2026-04-01T00:00:00Z' } },
      'filter.createdFrom',
    ],
    ['a page of 101', { first: 101 }, 'first'],
  ])('refuses %s with BAD_USER_INPUT on %s', async (_, variables, field) => {
    const result = await patient.client.gql(SEARCH, { networkId, query: 'remission', ...variables });

    expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('treats query syntax as plain words', async () => {
    for (const query of ["remission' & !", 'a | b :* (', '\\', '<script>', '\'); DROP TABLE "Resource"; --']) {
      const result = await patient.client.gql(SEARCH, { networkId, query });
      expect(result.errors, query).toBeUndefined();
    }
    expect(await app.prisma.resource.count()).toBeGreaterThan(0);
  });

  it('searches resources when the types list is empty', async () => {
    const { search } = await patient.client.ok(SEARCH, { networkId, query: 'remission', types: [] });
    expect(search.nodes.length).toBeGreaterThan(0);
  });
});
