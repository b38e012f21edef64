import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDIT, newIdea } from '../test-support/change-ideas';
import { errorOf } from '../test-support/graphql-client';
import { EDIT_GROUP, INVITE_TO_GROUP, newGroup } from '../test-support/groups';
import { newResource } from '../test-support/resources';
import { recordSql } from '../test-support/sql-counter';
import { TestApp, type TestMember } from '../test-support/test-app';

const SEARCH = `query($networkId: ID!, $query: String!, $types: [SearchType!], $filter: SearchFilterInput, $sort: SearchSort, $first: Int, $after: String) {
  search(networkId: $networkId, query: $query, types: $types, filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    exactCounts
    pageInfo { hasNextPage endCursor }
    nodes {
      type id score title { text match } snippet { text match }
      resource { id title }
      changeIdea { id title status proposer { name } }
      group { id name visibility memberCount }
    }
    facets { kinds { value count } tags { value count } authors { value count } }
  }
}`;

const ALL = ['RESOURCE', 'CHANGE_IDEA', 'GROUP'];

interface Hit {
  type: string;
  id: string;
  score: number;
  title: { text: string; match: boolean }[];
  snippet: { text: string; match: boolean }[];
  resource: { id: string; title: string } | null;
  changeIdea: { id: string; title: string; status: string; proposer: { name: string } } | null;
  group: { id: string; name: string; visibility: string; memberCount: number } | null;
}

describe('search over change ideas and working groups', () => {
  let app: TestApp;
  let networkId: string;
  let admin: TestMember;
  let owner: TestMember;
  let invitee: TestMember;
  let stranger: TestMember;
  const ids: Record<string, string> = {};

  const search = async (member: TestMember, query: string, variables: Record<string, unknown> = {}) =>
    (await member.client.ok(SEARCH, { networkId, query, ...variables })).search as {
      totalCount: number;
      exactCounts: boolean;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Hit[];
      facets: {
        kinds: { value: string; count: number }[];
        tags: { value: string; count: number }[];
        authors: { value: string; count: number }[];
      };
    };
  const idsOf = (nodes: Hit[]) => nodes.map((node) => node.id);

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(1);
    admin = made.admin;
    networkId = made.network.id;
    owner = await app.newMember(admin, networkId, 'CLINICIAN', made.sites[0].id, 'Olga Owner');
    invitee = await app.newMember(admin, networkId, 'PATIENT_PARTNER', null, 'Ivy Invitee');
    stranger = await app.newMember(admin, networkId, 'FAMILY_MEMBER', null, 'Sam Stranger');

    ids.idea = (
      await newIdea(owner, networkId, {
        title: 'Text reminders before lab visits',
        problem: 'Families miss **calprotectin** tests because the letter arrives late.',
        idea: 'Send a text message two days before each lab visit, with the address of the lab.',
      })
    ).id;
    ids.otherIdea = (
      await newIdea(owner, networkId, {
        title: 'Transition clinic for teenagers',
        problem: 'Teenagers feel lost when they move to the adult clinic.',
        idea: 'A joint clinic with the adult team in the last year.',
      })
    ).id;
    ids.openGroup = (
      await newGroup(owner, networkId, {
        name: 'Parents of toddlers',
        purpose: 'Share how families manage feeding and nappies during a flare.',
      })
    ).id;
    ids.secretGroup = (
      await newGroup(owner, networkId, {
        name: 'Colonoscopy preparation taskforce',
        purpose: 'Redesign bowel preparation so children can sleep the night before.',
        visibility: 'INVITE_ONLY',
      })
    ).id;
    await owner.client.ok(INVITE_TO_GROUP, { groupId: ids.secretGroup, userId: invitee.userId });
    ids.resource = (
      await newResource(owner, networkId, {
        kind: 'GUIDE',
        title: 'Bowel preparation guide for children',
        summary: 'Making colonoscopy preparation bearable.',
        tags: ['colonoscopy'],
      })
    ).id;
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('still finds resources only by default', async () => {
    const result = await search(stranger, 'lab visits');
    expect(result.totalCount).toBe(0);
    const preparation = await search(stranger, 'preparation');
    expect(idsOf(preparation.nodes)).toEqual([ids.resource]);
    expect(preparation.nodes[0].type).toBe('RESOURCE');
  });

  it('finds a change idea by a word of its problem, with its idea, highlights and snippet', async () => {
    const result = await search(stranger, 'calprotectin', { types: ['CHANGE_IDEA'] });
    expect(result.totalCount).toBe(1);
    expect(result.exactCounts).toBe(true);
    const [hit] = result.nodes;
    expect(hit).toMatchObject({ type: 'CHANGE_IDEA', id: ids.idea, resource: null, group: null });
    expect(hit.changeIdea).toEqual({
      id: ids.idea,
      title: 'Text reminders before lab visits',
      status: 'PROPOSED',
      proposer: { name: 'Olga Owner' },
    });
    expect(hit.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toContain('calprotectin');
    expect(hit.snippet.map((s) => s.text).join('')).not.toContain('**');
    expect(result.facets.kinds).toEqual([]);
  });

  it('finds a change idea by a misspelt word and by a prefix as typed', async () => {
    expect(idsOf((await search(stranger, 'calprotecin', { types: ['CHANGE_IDEA'] })).nodes)).toEqual([ids.idea]);
    expect(idsOf((await search(stranger, 'teenag', { types: ['CHANGE_IDEA'] })).nodes)).toEqual([ids.otherIdea]);
    const titled = (await search(stranger, 'reminders', { types: ['CHANGE_IDEA'] })).nodes[0];
    expect(titled.title.filter((s) => s.match).map((s) => s.text)).toEqual(['reminders']);
  });

  it('ranks a title match above a match in the idea text', async () => {
    // "lab" is in the first idea's title; "adult" only in the second's problem and idea.
    await owner.client.ok(EDIT, {
      ideaId: ids.otherIdea,
      input: {
        expectedVersion: 1,
        title: 'Transition clinic for teenagers',
        problem: 'Teenagers feel lost.',
        idea: 'Visit the lab with the adult team.',
        driverIds: [],
        nextDecisionOn: null,
      },
    });
    const result = await search(stranger, 'lab', { types: ['CHANGE_IDEA'] });
    expect(idsOf(result.nodes)).toEqual([ids.idea, ids.otherIdea]);
    expect(result.nodes[0].score).toBeGreaterThan(result.nodes[1].score);
  });

  it('finds an open group by its purpose, and sees its edits at once', async () => {
    const result = await search(stranger, 'nappies', { types: ['GROUP'] });
    expect(result.totalCount).toBe(1);
    expect(result.nodes[0]).toMatchObject({
      type: 'GROUP',
      id: ids.openGroup,
      group: { name: 'Parents of toddlers', visibility: 'OPEN', memberCount: 1 },
    });
    await owner.client.ok(EDIT_GROUP, {
      groupId: ids.openGroup,
      input: { name: 'Parents of toddlers', purpose: 'Share how families manage weaning.', visibility: 'OPEN' },
    });
    expect((await search(stranger, 'nappies', { types: ['GROUP'] })).totalCount).toBe(0);
    expect(idsOf((await search(stranger, 'weaning', { types: ['GROUP'] })).nodes)).toEqual([ids.openGroup]);
  });

  it('finds an invite-only group for its owner, its invitee and admins, and never for anyone else', async () => {
    for (const member of [owner, invitee, admin]) {
      const result = await search(member, 'colonoscopy', { types: ALL });
      expect(new Set(idsOf(result.nodes))).toEqual(new Set([ids.secretGroup, ids.resource]));
      expect(result.totalCount).toBe(2);
    }
    for (const query of ['colonoscopy', 'taskforce', 'taskforse', 'bowel preparation', '']) {
      const result = await search(stranger, query, { types: ['GROUP'] });
      expect(idsOf(result.nodes)).not.toContain(ids.secretGroup);
      expect(result.nodes.every((node) => node.group?.visibility === 'OPEN')).toBe(true);
      const everything = await search(stranger, query, { types: ALL });
      expect(idsOf(everything.nodes)).not.toContain(ids.secretGroup);
      expect(everything.totalCount).toBe(everything.nodes.length);
    }
    const stranger_ = await search(stranger, 'colonoscopy', { types: ALL });
    expect(idsOf(stranger_.nodes)).toEqual([ids.resource]);
    expect(stranger_.totalCount).toBe(1);
    expect(stranger_.facets.kinds).toEqual([{ value: 'GUIDE', count: 1 }]);
    expect(stranger_.facets.tags).toEqual([{ value: 'colonoscopy', count: 1 }]);
    // Nothing of the group's words leaks through typo correction either.
    expect((await search(stranger, 'taskforse', { types: ALL })).totalCount).toBe(0);
    expect((await search(stranger, 'taskforce', { types: ['GROUP'] })).totalCount).toBe(0);
    expect((await search(invitee, 'taskforse', { types: ['GROUP'] })).nodes.map((n) => n.id)).toEqual([
      ids.secretGroup,
    ]);
  });

  it('selects types, merges them by score, and keeps facets for resources alone', async () => {
    const everything = await search(owner, 'preparation', { types: ALL });
    expect(everything.nodes.map((node) => node.type).sort()).toEqual(['GROUP', 'RESOURCE']);
    expect(everything.totalCount).toBe(2);
    const scores = everything.nodes.map((node) => node.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(everything.facets.kinds).toEqual([{ value: 'GUIDE', count: 1 }]);
    expect(idsOf((await search(owner, 'preparation', { types: ['GROUP'] })).nodes)).toEqual([ids.secretGroup]);
    expect(idsOf((await search(owner, 'preparation', { types: ['RESOURCE'] })).nodes)).toEqual([ids.resource]);
    // Resource filters find resources only.
    const filtered = await search(owner, 'preparation', { types: ALL, filter: { kinds: ['GUIDE'] } });
    expect(idsOf(filtered.nodes)).toEqual([ids.resource]);
  });

  it('lists every type newest first when nothing is typed, and pages through the merge', async () => {
    const first = await search(owner, '', { types: ALL, first: 3 });
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search(owner, '', { types: ALL, first: 3, after: first.pageInfo.endCursor });
    const all = [...first.nodes, ...second.nodes];
    expect(new Set(idsOf(all))).toEqual(new Set(Object.values(ids)));
    expect(second.pageInfo.hasNextPage).toBe(false);
    // Newest first: the resource was written last, the first idea first.
    expect(all[0].id).toBe(ids.resource);
    expect(all[all.length - 1].id).toBe(ids.idea);
  });

  it('reads ideas and groups with the search itself, not once per hit', async () => {
    const many = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        newIdea(owner, networkId, {
          title: `Feeding chart ${i}`,
          problem: 'Feeding is hard to track.',
          idea: 'A chart.',
        }),
      ),
    );
    const { result, statements } = await recordSql(() =>
      search(owner, 'feeding', { types: ['CHANGE_IDEA', 'GROUP'], first: 10 }),
    );
    expect(result.nodes.length).toBeGreaterThanOrEqual(many.length);
    const ideaReads = statements.filter((sql) => /FROM "public"\."ChangeIdea"/.test(sql));
    expect(ideaReads).toHaveLength(0);
    // The proposer names come through one loader call, whatever the number of hits.
    expect(statements.filter((sql) => /FROM "public"\."User"/.test(sql)).length).toBeLessThanOrEqual(2);
  });

  it('refuses members of other networks', async () => {
    const outsider = (await app.newNetwork(1)).admin;
    expect(errorOf(await outsider.client.gql(SEARCH, { networkId, query: 'lab', types: ALL })).code).toBe('NOT_FOUND');
  });
});
