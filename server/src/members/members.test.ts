import type { Role } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type TestClient } from '../test-support/graphql-client';
import { TestApp, type TestMember } from '../test-support/test-app';

const MEMBERS = `query Members($networkId: ID!, $filter: DirectoryFilter, $first: Int! = 25, $after: String) {
  members(networkId: $networkId, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id userId name email role active interests sharedInterests site { id } }
  }
}`;
const MEMBER = `query($networkId: ID!, $userId: ID!) { member(networkId: $networkId, userId: $userId) { userId name email active } }`;
const INTERESTS = `query($networkId: ID!) { interests(networkId: $networkId) { interest count } }`;
const UPDATE_PROFILE = `mutation($input: ProfileInput!) { updateProfile(input: $input) { name pronouns bio interests locale } }`;
const SET_MY_SITE = `mutation($networkId: ID!, $siteId: ID) { setMySite(networkId: $networkId, siteId: $siteId) { userId site { id } } }`;

interface MemberNode {
  userId: string;
  name: string;
  email: string | null;
  role: Role;
  active: boolean;
  interests: string[];
  sharedInterests: string[];
  site: { id: string } | null;
}

describe('members', () => {
  let app: TestApp;
  let networkId: string;
  let siteIds: string[];
  let admin: TestMember;
  let otherNetworkSiteId: string;
  // The directory of one network: everyone's name, role, site and interests.
  let alice: TestMember; // PATIENT_PARTNER, site A
  let bob: TestMember; // CLINICIAN, site A
  let cara: TestMember; // SITE_LEAD, site B
  let dan: TestMember; // RESEARCHER, no site
  let eve: TestMember; // FAMILY_MEMBER, site B, no interests
  let fay: TestMember; // PATIENT_PARTNER, site C, deactivated

  async function person(role: Role, siteIndex: number | null, name: string, interests: string[]) {
    const member = await app.newMember(admin, networkId, role, siteIndex === null ? null : siteIds[siteIndex], name);
    if (interests.length) await member.client.ok(UPDATE_PROFILE, { input: { name, interests } });
    return member;
  }

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(3);
    networkId = made.network.id;
    siteIds = made.sites.map((site) => site.id);
    admin = made.admin;
    otherNetworkSiteId = (await app.newNetwork(1)).sites[0].id;
    [alice, bob, cara, dan, eve, fay] = await Promise.all([
      person('PATIENT_PARTNER', 0, 'Alice Andersson', ['nutrition', 'transition']),
      person('CLINICIAN', 0, 'Bob Berg', ['nutrition']),
      person('SITE_LEAD', 1, 'Cara Carlsson', ['qi methods']),
      person('RESEARCHER', null, 'Dan Dahl', ['transition', 'registries']),
      person('FAMILY_MEMBER', 1, 'Eve Ek', []),
      person('PATIENT_PARTNER', 2, 'Fay Falk', ['nutrition', 'registries']),
    ]);
    await admin.client.ok(
      `mutation($networkId: ID!, $userId: ID!) { deactivateMember(networkId: $networkId, userId: $userId) { active } }`,
      {
        networkId,
        userId: fay.userId,
      },
    );
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function directory(client: TestClient, variables: Record<string, unknown> = {}) {
    return (
      await client.ok<{
        members: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          nodes: MemberNode[];
        };
      }>(MEMBERS, { networkId, ...variables })
    ).members;
  }
  const names = (nodes: MemberNode[]) => nodes.map((node) => node.name);

  describe('the directory', () => {
    it('lists the active members by name', async () => {
      const { nodes, totalCount } = await directory(alice.client);

      expect(names(nodes)).toEqual([admin.name, 'Alice Andersson', 'Bob Berg', 'Cara Carlsson', 'Dan Dahl', 'Eve Ek']);
      expect(totalCount).toBe(6);
      expect(nodes.find((node) => node.name === 'Cara Carlsson')).toMatchObject({
        role: 'SITE_LEAD',
        active: true,
        site: { id: siteIds[1] },
      });
    });

    it.each<[string, () => Record<string, unknown>, string[]]>([
      ['role', () => ({ role: 'CLINICIAN' }), ['Bob Berg']],
      ['site', () => ({ siteId: siteIds[1] }), ['Cara Carlsson', 'Eve Ek']],
      [
        'interest, normalised like a stored interest',
        () => ({ interest: '  Nutrition ' }),
        ['Alice Andersson', 'Bob Berg'],
      ],
      ['part of a name, in any case', () => ({ search: 'CARL' }), ['Cara Carlsson']],
      ['role and site together', () => ({ role: 'PATIENT_PARTNER', siteId: siteIds[0] }), ['Alice Andersson']],
    ])('filters by %s', async (_, filter, expected) => {
      const { nodes, totalCount } = await directory(eve.client, { filter: filter() });

      expect(names(nodes)).toEqual(expected);
      expect(totalCount).toBe(expected.length);
    });

    it('likeMe lists the other members who share an interest with the viewer, with what they share', async () => {
      const { nodes, totalCount } = await directory(alice.client, { filter: { likeMe: true } });

      expect(nodes.map((node) => [node.name, node.sharedInterests])).toEqual([
        ['Bob Berg', ['nutrition']],
        ['Dan Dahl', ['transition']],
      ]);
      expect(totalCount).toBe(2);
    });

    it('likeMe lists no one for a viewer without interests', async () => {
      const { nodes, totalCount } = await directory(eve.client, { filter: { likeMe: true } });

      expect(nodes).toEqual([]);
      expect(totalCount).toBe(0);
    });

    it.each([
      ['filter.siteId', { siteId: 'site-b' }],
      ['filter.interest', { interest: 'x' }],
      ['filter.search', { search: 's'.repeat(101) }],
    ])('refuses a bad %s with BAD_USER_INPUT naming it', async (field, filter) => {
      expect(errorOf(await alice.client.gql(MEMBERS, { networkId, filter }))).toEqual({
        code: 'BAD_USER_INPUT',
        field,
      });
    });
  });

  describe('directory pages', () => {
    it('pages through every member once with first/after, hasNextPage and a steady totalCount', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      const pages: { hasNextPage: boolean; totalCount: number; size: number }[] = [];
      do {
        const page = await directory(bob.client, { first: 4, after });
        seen.push(...names(page.nodes));
        pages.push({ hasNextPage: page.pageInfo.hasNextPage, totalCount: page.totalCount, size: page.nodes.length });
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);

      expect(pages).toEqual([
        { hasNextPage: true, totalCount: 6, size: 4 },
        { hasNextPage: false, totalCount: 6, size: 2 },
      ]);
      expect(seen).toEqual(names((await directory(bob.client, { first: 100 })).nodes));
    });

    it.each([
      ['first', { first: 0 }],
      ['first', { first: 101 }],
      ['first', { first: -1 }],
      ['after', { after: 'not a cursor!' }],
      ['after', { after: 'LTE' }], // base64url of "-1"
    ])('refuses a bad %s (%j) with BAD_USER_INPUT naming it', async (field, variables) => {
      expect(errorOf(await bob.client.gql(MEMBERS, { networkId, ...variables }))).toEqual({
        code: 'BAD_USER_INPUT',
        field,
      });
    });
  });

  describe('email addresses', () => {
    it('are shown to network admins, for everyone', async () => {
      const { nodes } = await directory(admin.client);

      expect(nodes.every((node) => node.email?.endsWith('@example.org'))).toBe(true);
      expect(nodes.find((node) => node.userId === bob.userId)!.email).toBe(bob.email);
    });

    it.each(['PATIENT_PARTNER', 'CLINICIAN', 'SITE_LEAD', 'RESEARCHER', 'FAMILY_MEMBER'])(
      'are hidden from a %s, except her own',
      async (role) => {
        const viewer = [alice, bob, cara, dan, eve].find((member) => member.role === role)!;

        const { nodes } = await directory(viewer.client);

        expect(nodes.filter((node) => node.email !== null).map((node) => [node.userId, node.email])).toEqual([
          [viewer.userId, viewer.email],
        ]);
      },
    );

    it('follow the same rule for a single member', async () => {
      const byPeer = await alice.client.ok(MEMBER, { networkId, userId: bob.userId });
      const bySelf = await bob.client.ok(MEMBER, { networkId, userId: bob.userId });
      const byAdmin = await admin.client.ok(MEMBER, { networkId, userId: bob.userId });

      expect([byPeer.member.email, bySelf.member.email, byAdmin.member.email]).toEqual([null, bob.email, bob.email]);
    });
  });

  describe('deactivated members', () => {
    it('are hidden from the directory, a single-member lookup and the interest counts', async () => {
      expect(names((await directory(alice.client, { filter: { search: 'Fay' } })).nodes)).toEqual([]);
      expect(errorOf(await alice.client.gql(MEMBER, { networkId, userId: fay.userId })).code).toBe('NOT_FOUND');
      const { interests } = await alice.client.ok(INTERESTS, { networkId });
      expect(interests).toEqual([
        { interest: 'nutrition', count: 2 },
        { interest: 'transition', count: 2 },
        { interest: 'qi methods', count: 1 },
        { interest: 'registries', count: 1 },
      ]);
    });

    it('are listed, marked inactive, when an admin asks for includeDeactivated', async () => {
      const { nodes, totalCount } = await directory(admin.client, { filter: { includeDeactivated: true } });

      expect(totalCount).toBe(7);
      expect(nodes.find((node) => node.userId === fay.userId)).toMatchObject({ name: 'Fay Falk', active: false });
      expect((await admin.client.ok(MEMBER, { networkId, userId: fay.userId })).member.active).toBe(false);
    });

    it.each(['PATIENT_PARTNER', 'CLINICIAN', 'SITE_LEAD', 'RESEARCHER', 'FAMILY_MEMBER'])(
      'are refused to a %s asking for includeDeactivated, with FORBIDDEN',
      async (role) => {
        const viewer = [alice, bob, cara, dan, eve].find((member) => member.role === role)!;

        const result = await viewer.client.gql(MEMBERS, { networkId, filter: { includeDeactivated: true } });

        expect(errorOf(result).code).toBe('FORBIDDEN');
        expect(result.data).toBeNull();
      },
    );
  });

  describe('updateProfile', () => {
    it('saves the profile with interests trimmed, lower-cased and without duplicates', async () => {
      const member = await app.newMember(admin, networkId, 'FAMILY_MEMBER', siteIds[0]);

      const { updateProfile } = await member.client.ok(UPDATE_PROFILE, {
        input: {
          name: '  Gia Gustafsson ',
          pronouns: 'she/her',
          bio: ' Parent of a teenager. ',
          interests: [' Nutrition ', 'nutrition', 'QI Methods', 'NUTRITION'],
          locale: 'sv',
        },
      });

      expect(updateProfile).toEqual({
        name: 'Gia Gustafsson',
        pronouns: 'she/her',
        bio: 'Parent of a teenager.',
        interests: ['nutrition', 'qi methods'],
        locale: 'sv',
      });
      expect((await member.client.ok(`{ me { name interests locale } }`)).me).toEqual({
        name: 'Gia Gustafsson',
        interests: ['nutrition', 'qi methods'],
        locale: 'sv',
      });
    });

    it.each<[string, string, Record<string, unknown>]>([
      ['an empty name', 'input.name', { name: '  ' }],
      ['a bio over 2000 characters', 'input.bio', { bio: 'b'.repeat(2001) }],
      [
        'more than 20 interests',
        'input.interests',
        { interests: Array.from({ length: 21 }, (_, i) => `interest ${i}`) },
      ],
      ['a one-letter interest', 'input.interests.1', { interests: ['nutrition', 'x'] }],
      ['an unsupported locale', 'input.locale', { locale: 'fr' }],
    ])('refuses %s with BAD_USER_INPUT on %s and changes nothing', async (_, field, override) => {
      const before = await app.prisma.user.findUniqueOrThrow({
        where: { id: dan.userId },
        select: { name: true, bio: true, interests: true, locale: true },
      });

      const result = await dan.client.gql(UPDATE_PROFILE, {
        input: { name: 'Dan Dahl', bio: 'Changed', interests: ['changed'], locale: 'en', ...override },
      });

      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(
        await app.prisma.user.findUniqueOrThrow({
          where: { id: dan.userId },
          select: { name: true, bio: true, interests: true, locale: true },
        }),
      ).toEqual(before);
    });

    it('accepts exactly 20 interests and a 2000-character bio', async () => {
      const member = await app.newMember(admin, networkId, 'RESEARCHER', null);
      const interests = Array.from({ length: 20 }, (_, i) => `interest ${i}`);

      const { updateProfile } = await member.client.ok(UPDATE_PROFILE, {
        input: { name: 'Hal Holm', bio: 'b'.repeat(2000), interests },
      });

      expect(updateProfile.interests).toEqual(interests);
      expect(updateProfile.bio).toHaveLength(2000);
    });
  });

  describe('setMySite', () => {
    const siteOf = async (userId: string) =>
      (await app.prisma.membership.findFirstOrThrow({ where: { userId, networkId } })).siteId;

    it('lets a NETWORK_ADMIN choose her own site, and go back to where she was', async () => {
      const before = await siteOf(admin.userId);

      const chosen = await admin.client.ok(SET_MY_SITE, { networkId, siteId: siteIds[2] });
      expect(chosen.setMySite).toEqual({ userId: admin.userId, site: { id: siteIds[2] } });
      expect(await siteOf(admin.userId)).toBe(siteIds[2]);

      const back = await admin.client.ok(SET_MY_SITE, { networkId, siteId: before });
      expect(back.setMySite.site).toEqual(before === null ? null : { id: before });
      expect(await siteOf(admin.userId)).toBe(before);
    });

    // Choosing a site would open its own numbers and thread: these roles ask to join one instead
    // (requestSite, see site-requests.test.ts); leaving their site needs nobody.
    it.each<[Role, () => TestMember]>([
      ['PATIENT_PARTNER', () => alice],
      ['FAMILY_MEMBER', () => eve],
      ['RESEARCHER', () => dan],
    ])('refuses a %s choosing a site herself (FORBIDDEN), and lets her leave hers', async (_, viewerOf) => {
      const viewer = viewerOf();
      const before = await siteOf(viewer.userId);

      expect(errorOf(await viewer.client.gql(SET_MY_SITE, { networkId, siteId: siteIds[2] })).code).toBe('FORBIDDEN');
      expect(await siteOf(viewer.userId)).toBe(before);

      const left = await viewer.client.ok(SET_MY_SITE, { networkId, siteId: null });
      expect(left.setMySite).toEqual({ userId: viewer.userId, site: null });
      expect(await siteOf(viewer.userId)).toBeNull();
      await app.prisma.membership.update({
        where: { userId_networkId: { userId: viewer.userId, networkId } },
        data: { siteId: before },
      });
    });

    it.each<['CLINICIAN' | 'SITE_LEAD']>([['CLINICIAN'], ['SITE_LEAD']])(
      'refuses a %s (an admin sets care-team sites) with FORBIDDEN',
      async (role) => {
        const viewer = role === 'CLINICIAN' ? bob : cara;
        const before = await siteOf(viewer.userId);

        const result = await viewer.client.gql(SET_MY_SITE, { networkId, siteId: siteIds[2] });

        expect(errorOf(result).code).toBe('FORBIDDEN');
        expect(await siteOf(viewer.userId)).toBe(before);
      },
    );

    it('refuses a site of another network with BAD_USER_INPUT on siteId', async () => {
      const before = await siteOf(admin.userId);

      const result = await admin.client.gql(SET_MY_SITE, { networkId, siteId: otherNetworkSiteId });

      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'siteId' });
      expect(await siteOf(admin.userId)).toBe(before);
    });
  });

  describe('arguments that must be ids', () => {
    const NOT_AN_ID = 'not-a-uuid';
    const valid = () => ({ networkId, userId: dan.userId, siteId: siteIds[0] });

    it.each<[string, string, string, (ids: ReturnType<typeof valid>) => Record<string, unknown>]>([
      [
        'members',
        'networkId',
        `query($networkId: ID!) { members(networkId: $networkId) { totalCount } }`,
        () => ({ networkId: NOT_AN_ID }),
      ],
      ['member', 'networkId', MEMBER, (ids) => ({ ...ids, networkId: NOT_AN_ID })],
      ['member', 'userId', MEMBER, (ids) => ({ ...ids, userId: NOT_AN_ID })],
      ['interests', 'networkId', INTERESTS, () => ({ networkId: NOT_AN_ID })],
      [
        'invitations',
        'networkId',
        `query($networkId: ID!) { invitations(networkId: $networkId) { totalCount } }`,
        () => ({ networkId: NOT_AN_ID }),
      ],
      ['setMySite', 'siteId', SET_MY_SITE, (ids) => ({ networkId: ids.networkId, siteId: NOT_AN_ID })],
      ['setMySite', 'networkId', SET_MY_SITE, (ids) => ({ networkId: NOT_AN_ID, siteId: ids.siteId })],
      [
        'changeMemberRole',
        'userId',
        `mutation($networkId: ID!, $userId: ID!, $siteId: ID) { changeMemberRole(networkId: $networkId, userId: $userId, role: CLINICIAN, siteId: $siteId) { id } }`,
        (ids) => ({ ...ids, userId: NOT_AN_ID }),
      ],
      [
        'changeMemberRole',
        'siteId',
        `mutation($networkId: ID!, $userId: ID!, $siteId: ID) { changeMemberRole(networkId: $networkId, userId: $userId, role: CLINICIAN, siteId: $siteId) { id } }`,
        (ids) => ({ ...ids, siteId: NOT_AN_ID }),
      ],
      [
        'deactivateMember',
        'userId',
        `mutation($networkId: ID!, $userId: ID!) { deactivateMember(networkId: $networkId, userId: $userId) { id } }`,
        (ids) => ({ ...ids, userId: NOT_AN_ID }),
      ],
      [
        'reactivateMember',
        'userId',
        `mutation($networkId: ID!, $userId: ID!) { reactivateMember(networkId: $networkId, userId: $userId) { id } }`,
        (ids) => ({ ...ids, userId: NOT_AN_ID }),
      ],
      [
        'inviteMember',
        'input.siteId',
        `mutation($networkId: ID!, $siteId: ID) { inviteMember(networkId: $networkId, input: { email: "x@example.org", role: CLINICIAN, siteId: $siteId }) { link } }`,
        (ids) => ({ networkId: ids.networkId, siteId: NOT_AN_ID }),
      ],
      [
        'inviteMember',
        'networkId',
        `mutation($networkId: ID!, $siteId: ID) { inviteMember(networkId: $networkId, input: { email: "x@example.org", role: CLINICIAN, siteId: $siteId }) { link } }`,
        (ids) => ({ networkId: NOT_AN_ID, siteId: ids.siteId }),
      ],
      [
        'revokeInvitation',
        'invitationId',
        `mutation($id: ID!) { revokeInvitation(invitationId: $id) { id } }`,
        () => ({ id: NOT_AN_ID }),
      ],
    ])('%s refuses a malformed %s with BAD_USER_INPUT naming it', async (_, field, document, variables) => {
      const result = await admin.client.gql(document, variables(valid()));

      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field });
    });
  });
});
