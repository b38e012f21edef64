import { type Role, ROLES } from '@commons/shared';
import { type Actor, authorisationCases, type Outcome, outcomeOf } from '../test-support/authorisation-table';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type TestClient } from '../test-support/graphql-client';
import { TEST_PASSWORD, TestApp, type TestMember } from '../test-support/test-app';

/**
 * Who may do what in a network. Every role has a member at site A; the site lead's "own site"
 * is A and "another site" is B. Cells as in test-support/authorisation-table.ts.
 */
const cases = authorisationCases;

const INVITE = `mutation($networkId: ID!, $input: InvitationInput!) { inviteMember(networkId: $networkId, input: $input) { invitation { id role siteId } } }`;
const REVOKE_INVITATION = `mutation($id: ID!) { revokeInvitation(invitationId: $id) { id status viewerCanRevoke } }`;
const INVITATIONS = `query($networkId: ID!) { invitations(networkId: $networkId, first: 100) { totalCount nodes { id siteId status viewerCanRevoke } } }`;
const MEMBER_CAN = `query($networkId: ID!, $userId: ID!) { member(networkId: $networkId, userId: $userId) { viewerCanChangeRole viewerCanDeactivate } }`;
const CHANGE_ROLE = `mutation($networkId: ID!, $userId: ID!, $role: Role!, $siteId: ID) {
  changeMemberRole(networkId: $networkId, userId: $userId, role: $role, siteId: $siteId) { userId role site { id } }
}`;
const DEACTIVATE = `mutation($networkId: ID!, $userId: ID!) { deactivateMember(networkId: $networkId, userId: $userId) { userId active } }`;
const REACTIVATE = `mutation($networkId: ID!, $userId: ID!) { reactivateMember(networkId: $networkId, userId: $userId) { userId active } }`;
const SET_MY_SITE = `mutation($networkId: ID!, $siteId: ID) { setMySite(networkId: $networkId, siteId: $siteId) { site { id } } }`;
const REQUEST_SITE = `mutation($networkId: ID!, $siteId: ID!) { requestSite(networkId: $networkId, siteId: $siteId) { id status } }`;
const CANCEL_SITE_REQUEST = `mutation($networkId: ID!) { cancelSiteRequest(networkId: $networkId) { id status } }`;
const CONFIRM_SITE_REQUEST = `mutation($id: ID!) { confirmSiteRequest(requestId: $id) { id status } }`;
const DECLINE_SITE_REQUEST = `mutation($id: ID!, $reason: String) { declineSiteRequest(requestId: $id, reason: $reason) { id status reason } }`;
const SITE_REQUESTS = `query($networkId: ID!) { siteRequests(networkId: $networkId, first: 100) { totalCount nodes { id siteId } } }`;

type SiteColumn = 'own site' | 'another site';
type TargetColumn = 'a member of her own site' | 'a member of another site' | 'herself';

describe('authorisation in a network', () => {
  let app: TestApp;
  let networkId: string;
  let networkSlug: string;
  let siteA: string;
  let siteB: string;
  let admin: TestMember;
  let outsider: TestMember;
  const members = {} as Record<Role, TestMember>;
  let signedOut: TestClient;

  const clientOf = (actor: Actor): TestClient =>
    actor === 'SIGNED_OUT' ? signedOut : actor === 'NON_MEMBER' ? outsider.client : members[actor].client;
  const userIdOf = (actor: Actor): string =>
    actor === 'SIGNED_OUT' ? admin.userId : actor === 'NON_MEMBER' ? outsider.userId : members[actor].userId;
  const siteIdOf = (column: SiteColumn | TargetColumn) =>
    column === 'own site' || column === 'a member of her own site' ? siteA : siteB;

  const membership = (userId: string) =>
    app.prisma.membership.findUniqueOrThrow({
      where: { userId_networkId: { userId, networkId } },
      select: { role: true, siteId: true, deactivatedAt: true },
    });
  const newTarget = (column: TargetColumn) => app.newMember(admin, networkId, 'RESEARCHER', siteIdOf(column));
  const signedIn = async (member: TestMember) => (await member.client.ok(`{ me { id } }`)).me?.id === member.userId;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    ({ admin } = made);
    networkId = made.network.id;
    networkSlug = made.network.slug;
    [siteA, siteB] = made.sites.map((site) => site.id);
    members.NETWORK_ADMIN = admin;
    const others = ROLES.filter((role) => role !== 'NETWORK_ADMIN');
    const made2 = await Promise.all(others.map((role) => app.newMember(admin, networkId, role, siteA)));
    others.forEach((role, i) => (members[role] = made2[i]));
    outsider = (await app.newNetwork(1)).admin;
    signedOut = app.client();
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('inviteMember', () => {
    const columns = (['own site', 'another site'] as const).flatMap((site) => ROLES.map((role) => ({ site, role })));
    //                          to her own site (A)                   | to another site (B)
    //                          PP  FM  CL  RE  SL  NA                | PP  FM  CL  RE  SL  NA
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '        F   F   F   F   F   F                 | F   F   F   F   F   F',
      FAMILY_MEMBER: '          F   F   F   F   F   F                 | F   F   F   F   F   F',
      CLINICIAN: '              F   F   F   F   F   F                 | F   F   F   F   F   F',
      RESEARCHER: '             F   F   F   F   F   F                 | F   F   F   F   F   F',
      SITE_LEAD: '              ok  ok  ok  F   F   F                 | F   F   F   F   F   F',
      NETWORK_ADMIN: '          ok  ok  ok  ok  ok  ok                | ok  ok  ok  ok  ok  ok',
      NON_MEMBER: '             NF  NF  NF  NF  NF  NF                | NF  NF  NF  NF  NF  NF',
      SIGNED_OUT: '             UA  UA  UA  UA  UA  UA                | UA  UA  UA  UA  UA  UA',
    };

    it.each(
      cases(
        columns,
        table,
        ({ site, role }) => `a ${role} to ${site === 'own site' ? 'her own site' : 'another site'}`,
      ),
    )('%s inviting %s: %s', async (actor, _, outcome, column) => {
      const email = app.newEmail('invitee');
      const siteId = siteIdOf(column.site);

      const result = await clientOf(actor).gql(INVITE, { networkId, input: { email, role: column.role, siteId } });

      expect(outcomeOf(result)).toBe(outcome);
      const stored = await app.prisma.invitation.findMany({
        where: { email },
        select: { role: true, siteId: true, invitedById: true },
      });
      expect(stored).toEqual(outcome === 'ok' ? [{ role: column.role, siteId, invitedById: userIdOf(actor) }] : []);
    });

    it('a site lead may not invite without a site either (FORBIDDEN), nor may an admin invite a care-team role without one (BAD_USER_INPUT)', async () => {
      const email = app.newEmail('invitee');

      expect(
        outcomeOf(
          await members.SITE_LEAD.client.gql(INVITE, {
            networkId,
            input: { email, role: 'PATIENT_PARTNER', siteId: null },
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        errorOf(await admin.client.gql(INVITE, { networkId, input: { email, role: 'CLINICIAN', siteId: null } })),
      ).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.siteId',
      });
      expect(await app.prisma.invitation.count({ where: { email } })).toBe(0);
    });
  });

  describe('revokeInvitation', () => {
    //                      invitation to her own site (A) | to another site (B)
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '    F  | F',
      FAMILY_MEMBER: '      F  | F',
      CLINICIAN: '          F  | F',
      RESEARCHER: '         F  | F',
      SITE_LEAD: '          ok | F',
      NETWORK_ADMIN: '      ok | ok',
      NON_MEMBER: '         NF | NF',
      SIGNED_OUT: '         UA | UA',
    };

    it.each(
      cases<SiteColumn>(['own site', 'another site'], table, (site) =>
        site === 'own site' ? 'her own site' : 'another site',
      ),
    )('%s revoking an invitation to %s: %s', async (actor, _, outcome, column) => {
      const invitation = await app.newInvitation(admin, networkId, {
        role: 'PATIENT_PARTNER',
        siteId: siteIdOf(column),
      });

      const result = await clientOf(actor).gql(REVOKE_INVITATION, { id: invitation.id });

      expect(outcomeOf(result)).toBe(outcome);
      const { revokedAt } = await app.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
      if (outcome === 'ok')
        expect(result.data.revokeInvitation).toMatchObject({ status: 'REVOKED', viewerCanRevoke: false });
      expect(revokedAt === null).toBe(outcome !== 'ok');
    });
  });

  describe('invitations (the list)', () => {
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: 'F',
      FAMILY_MEMBER: 'F',
      CLINICIAN: 'F',
      RESEARCHER: 'F',
      SITE_LEAD: 'ok',
      NETWORK_ADMIN: 'ok',
      NON_MEMBER: 'NF',
      SIGNED_OUT: 'UA',
    };

    beforeAll(async () => {
      await app.newInvitation(admin, networkId, { role: 'CLINICIAN', siteId: siteA });
      await app.newInvitation(admin, networkId, { role: 'CLINICIAN', siteId: siteB });
      await app.newInvitation(admin, networkId, { role: 'RESEARCHER', siteId: null });
    });

    it.each(cases(['the network'], table))('%s listing the invitations of %s: %s', async (actor, _, outcome) => {
      const result = await clientOf(actor).gql(INVITATIONS, { networkId });

      expect(outcomeOf(result)).toBe(outcome);
      if (outcome !== 'ok') return expect(result.data).toBeNull();
      // An admin sees every invitation of the network; a site lead those to her own site.
      const visible = actor === 'NETWORK_ADMIN' ? { networkId } : { networkId, siteId: siteA };
      const expected = await app.prisma.invitation.findMany({ where: visible, select: { id: true } });
      const { nodes, totalCount } = result.data.invitations;
      expect(totalCount).toBe(expected.length);
      expect(new Set(nodes.map((node: { id: string }) => node.id))).toEqual(new Set(expected.map((row) => row.id)));
      // Every invitation she sees she may withdraw while it is pending.
      for (const node of nodes as { status: string; viewerCanRevoke: boolean }[])
        expect(node.viewerCanRevoke).toBe(node.status === 'PENDING');
      expect(nodes.some((node: { viewerCanRevoke: boolean }) => node.viewerCanRevoke)).toBe(true);
      if (actor === 'SITE_LEAD') expect(nodes.every((node: { siteId: string }) => node.siteId === siteA)).toBe(true);
      else expect(nodes.some((node: { siteId: string | null }) => node.siteId !== siteA)).toBe(true);
    });
  });

  describe('member management', () => {
    const targets = {} as Record<
      'changeRole' | 'deactivate' | 'reactivate',
      Record<Exclude<TargetColumn, 'herself'>, TestMember>
    >;
    const targetColumns: TargetColumn[] = ['a member of her own site', 'a member of another site', 'herself'];
    //                      a member of her own site (A) | of another site (B) | herself
    const adminOnly: Record<Actor, string> = {
      PATIENT_PARTNER: '    F  | F  | F',
      FAMILY_MEMBER: '      F  | F  | F',
      CLINICIAN: '          F  | F  | F',
      RESEARCHER: '         F  | F  | F',
      SITE_LEAD: '          F  | F  | F',
      NETWORK_ADMIN: '      ok | ok | F',
      NON_MEMBER: '         NF | NF | NF',
      SIGNED_OUT: '         UA | UA | UA',
    };

    beforeAll(async () => {
      const actions = ['changeRole', 'deactivate', 'reactivate'] as const;
      const made = await Promise.all(
        actions.flatMap(() => [newTarget('a member of her own site'), newTarget('a member of another site')]),
      );
      actions.forEach(
        (action, i) =>
          (targets[action] = { 'a member of her own site': made[2 * i], 'a member of another site': made[2 * i + 1] }),
      );
      for (const target of Object.values(targets.reactivate))
        await admin.client.ok(DEACTIVATE, { networkId, userId: target.userId });
    });

    /** The member a case acts on: herself, a shared target for refusals, or a fresh one for the allowed cases. */
    async function targetFor(action: keyof typeof targets, actor: Actor, column: TargetColumn, outcome: Outcome) {
      if (column === 'herself') return { userId: userIdOf(actor), member: null };
      const member = outcome === 'ok' ? await newTarget(column) : targets[action][column];
      if (outcome === 'ok' && action === 'reactivate')
        await admin.client.ok(DEACTIVATE, { networkId, userId: member.userId });
      return { userId: member.userId, member };
    }

    /** What the member's viewer field told her beforehand must match the outcome: true where it succeeds, false where it is forbidden. */
    async function expectViewerCan(
      actor: Actor,
      userId: string,
      field: 'viewerCanChangeRole' | 'viewerCanDeactivate',
      outcome: Outcome,
    ) {
      if (outcome !== 'ok' && outcome !== 'FORBIDDEN') return;
      const { member } = await clientOf(actor).ok<{ member: Record<typeof field, boolean> }>(MEMBER_CAN, {
        networkId,
        userId,
      });
      expect(member[field]).toBe(outcome === 'ok');
    }

    const currentMembership = async (userId: string) =>
      app.prisma.membership.findUnique({
        where: { userId_networkId: { userId, networkId } },
        select: { role: true, siteId: true, deactivatedAt: true },
      });

    it.each(cases(targetColumns, adminOnly))(
      'changeMemberRole: %s changing %s: %s',
      async (actor, _, outcome, column) => {
        const { userId } = await targetFor('changeRole', actor, column, outcome);
        const before = await currentMembership(userId);
        await expectViewerCan(actor, userId, 'viewerCanChangeRole', outcome);

        const result = await clientOf(actor).gql(CHANGE_ROLE, { networkId, userId, role: 'CLINICIAN', siteId: siteB });

        expect(outcomeOf(result)).toBe(outcome);
        if (outcome === 'ok') {
          expect(result.data.changeMemberRole).toEqual({ userId, role: 'CLINICIAN', site: { id: siteB } });
          expect(await membership(userId)).toMatchObject({ role: 'CLINICIAN', siteId: siteB });
        } else {
          expect(await currentMembership(userId)).toEqual(before);
        }
      },
    );

    it.each(cases(targetColumns, adminOnly))(
      'deactivateMember: %s deactivating %s: %s',
      async (actor, _, outcome, column) => {
        const { userId, member } = await targetFor('deactivate', actor, column, outcome);
        const before = await currentMembership(userId);
        await expectViewerCan(actor, userId, 'viewerCanDeactivate', outcome);

        const result = await clientOf(actor).gql(DEACTIVATE, { networkId, userId });

        expect(outcomeOf(result)).toBe(outcome);
        if (outcome === 'ok') {
          expect(result.data.deactivateMember).toEqual({ userId, active: false });
          expect((await membership(userId)).deactivatedAt).not.toBeNull();
          expect(await signedIn(member!)).toBe(false);
        } else {
          expect(await currentMembership(userId)).toEqual(before);
          if (member) expect(await signedIn(member)).toBe(true);
        }
      },
    );

    it.each(cases(targetColumns, adminOnly))(
      'reactivateMember: %s reactivating %s: %s',
      async (actor, _, outcome, column) => {
        const { userId } = await targetFor('reactivate', actor, column, outcome);
        const before = await currentMembership(userId);

        const result = await clientOf(actor).gql(REACTIVATE, { networkId, userId });

        expect(outcomeOf(result)).toBe(outcome);
        if (outcome === 'ok') {
          expect(result.data.reactivateMember).toEqual({ userId, active: true });
          expect((await membership(userId)).deactivatedAt).toBeNull();
        } else {
          expect(await currentMembership(userId)).toEqual(before);
        }
      },
    );

    it('a reactivated member can sign in and use the network again', async () => {
      const member = await newTarget('a member of her own site');
      await admin.client.ok(DEACTIVATE, { networkId, userId: member.userId });
      await admin.client.ok(REACTIVATE, { networkId, userId: member.userId });

      const client = app.client();
      await client.signIn(member.email, TEST_PASSWORD);

      expect(
        outcomeOf(await client.gql(`query($slug: String!) { network(slug: $slug) { id } }`, { slug: networkSlug })),
      ).toBe('ok');
    });
  });

  describe('setMySite', () => {
    //                      to another site | leaving her site (no site)
    // Patients, families and researchers ask to join a site instead (requestSite, below).
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '    F  | ok',
      FAMILY_MEMBER: '      F  | ok',
      CLINICIAN: '          F  | F',
      RESEARCHER: '         F  | ok',
      SITE_LEAD: '          F  | F',
      NETWORK_ADMIN: '      ok | ok',
      NON_MEMBER: '         NF | NF',
      SIGNED_OUT: '         UA | UA',
    };

    it.each(cases(['another site', 'no site'], table))(
      '%s moving herself to %s: %s',
      async (actor, _, outcome, column) => {
        const userId = userIdOf(actor);
        const siteOf = () =>
          app.prisma.membership.findUnique({
            where: { userId_networkId: { userId, networkId } },
            select: { siteId: true },
          });
        const before = await siteOf();
        const siteId = column === 'another site' ? siteB : null;

        const result = await clientOf(actor).gql(SET_MY_SITE, { networkId, siteId });

        expect(outcomeOf(result)).toBe(outcome);
        const after = await siteOf();
        if (outcome !== 'ok') return expect(after).toEqual(before);
        expect(after).toEqual({ siteId });
        // Back to site A, so the other tables keep their meaning.
        await app.prisma.membership.update({
          where: { userId_networkId: { userId, networkId } },
          data: { siteId: before!.siteId },
        });
      },
    );
  });

  describe('requestSite', () => {
    //                      asking to join another site
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '    ok',
      FAMILY_MEMBER: '      ok',
      CLINICIAN: '          F',
      RESEARCHER: '         ok',
      SITE_LEAD: '          F',
      NETWORK_ADMIN: '      F',
      NON_MEMBER: '         NF',
      SIGNED_OUT: '         UA',
    };

    it.each(cases(['another site'], table))('%s asking to join %s: %s', async (actor, _, outcome) => {
      const userId = userIdOf(actor);
      const before = await app.prisma.membership.findUnique({
        where: { userId_networkId: { userId, networkId } },
        select: { siteId: true },
      });

      const result = await clientOf(actor).gql(REQUEST_SITE, { networkId, siteId: siteB });

      expect(outcomeOf(result)).toBe(outcome);
      // Whatever the answer, her site stays as it was: a request changes nothing until confirmed.
      expect(
        await app.prisma.membership.findUnique({
          where: { userId_networkId: { userId, networkId } },
          select: { siteId: true },
        }),
      ).toEqual(before);
      const waiting = await app.prisma.siteRequest.findMany({
        where: { userId, networkId, status: 'PENDING' },
        select: { siteId: true },
      });
      expect(waiting).toEqual(outcome === 'ok' ? [{ siteId: siteB }] : []);
      if (outcome === 'ok') await clientOf(actor).ok(CANCEL_SITE_REQUEST, { networkId });
    });
  });

  describe('answering requests to join a site', () => {
    //                      a request to her own site (A) | to another site (B)
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '    F  | F',
      FAMILY_MEMBER: '      F  | F',
      CLINICIAN: '          F  | F',
      RESEARCHER: '         F  | F',
      SITE_LEAD: '          ok | F',
      NETWORK_ADMIN: '      ok | ok',
      NON_MEMBER: '         NF | NF',
      SIGNED_OUT: '         UA | UA',
    };
    const shared = {} as Record<SiteColumn, { userId: string; requestId: string }>;

    beforeAll(async () => {
      for (const column of ['own site', 'another site'] as const)
        shared[column] = await app.newPendingMember(admin, networkId, 'PATIENT_PARTNER', siteIdOf(column));
    });

    /** The request a case answers: a fresh one when it may succeed, a shared one that every refusal must leave waiting otherwise. */
    const requestFor = async (column: SiteColumn, outcome: Outcome) =>
      outcome === 'ok' ? app.newPendingMember(admin, networkId, 'FAMILY_MEMBER', siteIdOf(column)) : shared[column];
    const stateOf = async (request: { userId: string; requestId: string }) => ({
      site: (
        await app.prisma.membership.findUniqueOrThrow({
          where: { userId_networkId: { userId: request.userId, networkId } },
        })
      ).siteId,
      request: await app.prisma.siteRequest.findUniqueOrThrow({
        where: { id: request.requestId },
        select: { status: true, answeredById: true, reason: true },
      }),
    });
    const columns: SiteColumn[] = ['own site', 'another site'];

    it.each(cases(columns, table))(
      'confirmSiteRequest: %s confirming a request to %s: %s',
      async (actor, _, outcome, column) => {
        const request = await requestFor(column, outcome);

        const result = await clientOf(actor).gql(CONFIRM_SITE_REQUEST, { id: request.requestId });

        expect(outcomeOf(result)).toBe(outcome);
        expect(await stateOf(request)).toEqual(
          outcome === 'ok'
            ? { site: siteIdOf(column), request: { status: 'CONFIRMED', answeredById: userIdOf(actor), reason: '' } }
            : { site: null, request: { status: 'PENDING', answeredById: null, reason: '' } },
        );
      },
    );

    it.each(cases(columns, table))(
      'declineSiteRequest: %s declining a request to %s: %s',
      async (actor, _, outcome, column) => {
        const request = await requestFor(column, outcome);

        const result = await clientOf(actor).gql(DECLINE_SITE_REQUEST, {
          id: request.requestId,
          reason: 'Not one of our families.',
        });

        expect(outcomeOf(result)).toBe(outcome);
        expect(await stateOf(request)).toEqual({
          site: null,
          request:
            outcome === 'ok'
              ? { status: 'DECLINED', answeredById: userIdOf(actor), reason: 'Not one of our families.' }
              : { status: 'PENDING', answeredById: null, reason: '' },
        });
      },
    );

    //                      the requests waiting for an answer
    const listTable: Record<Actor, string> = {
      PATIENT_PARTNER: '    F',
      FAMILY_MEMBER: '      F',
      CLINICIAN: '          F',
      RESEARCHER: '         F',
      SITE_LEAD: '          ok',
      NETWORK_ADMIN: '      ok',
      NON_MEMBER: '         NF',
      SIGNED_OUT: '         UA',
    };

    it.each(cases(['the network'], listTable))(
      'siteRequests: %s listing the requests of %s: %s',
      async (actor, _, outcome) => {
        const result = await clientOf(actor).gql(SITE_REQUESTS, { networkId });

        expect(outcomeOf(result)).toBe(outcome);
        if (outcome !== 'ok') return expect(result.data).toBeNull();
        // A site lead sees the requests to her own site; an admin those to every site.
        const expected = await app.prisma.siteRequest.findMany({
          where: { networkId, status: 'PENDING', ...(actor === 'SITE_LEAD' ? { siteId: siteA } : {}) },
          select: { id: true },
        });
        expect(new Set(result.data.siteRequests.nodes.map((node: { id: string }) => node.id))).toEqual(
          new Set(expected.map((row) => row.id)),
        );
        expect(result.data.siteRequests.nodes.some((node: { siteId: string }) => node.siteId === siteB)).toBe(
          actor === 'NETWORK_ADMIN',
        );
      },
    );
  });

  describe('reading a network', () => {
    const reads: { name: string; document: string; variables: () => Record<string, unknown> }[] = [
      {
        name: 'network(slug) with its sites',
        document: `query($slug: String!) { network(slug: $slug) { id sites { id memberCount } } }`,
        variables: () => ({ slug: networkSlug }),
      },
      {
        name: 'members',
        document: `query($networkId: ID!) { members(networkId: $networkId) { totalCount nodes { userId } } }`,
        variables: () => ({ networkId }),
      },
      {
        name: 'member',
        document: `query($networkId: ID!, $userId: ID!) { member(networkId: $networkId, userId: $userId) { userId } }`,
        variables: () => ({ networkId, userId: admin.userId }),
      },
      {
        name: 'interests',
        document: `query($networkId: ID!) { interests(networkId: $networkId) { interest count } }`,
        variables: () => ({ networkId }),
      },
    ];
    //                      network(slug) | members | member | interests
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '    ok | ok | ok | ok',
      FAMILY_MEMBER: '      ok | ok | ok | ok',
      CLINICIAN: '          ok | ok | ok | ok',
      RESEARCHER: '         ok | ok | ok | ok',
      SITE_LEAD: '          ok | ok | ok | ok',
      NETWORK_ADMIN: '      ok | ok | ok | ok',
      NON_MEMBER: '         NF | NF | NF | NF',
      SIGNED_OUT: '         UA | UA | UA | UA',
    };

    it.each(cases(reads, table, (read) => read.name))('%s reading %s: %s', async (actor, _, outcome, column) => {
      const result = await clientOf(actor).gql(column.document, column.variables());

      expect(outcomeOf(result)).toBe(outcome);
      if (outcome === 'ok') expect(Object.values(result.data)[0]).toBeTruthy();
      else expect(result.data).toBeNull();
    });

    it('a deactivated member who signs in again gets NOT_FOUND for every read', async () => {
      const member = await newTarget('a member of her own site');
      await admin.client.ok(DEACTIVATE, { networkId, userId: member.userId });
      const client = app.client();
      expect((await client.signIn(member.email, TEST_PASSWORD)).errors).toBeUndefined();

      const outcomes = await Promise.all(
        reads.map(async (read) => outcomeOf(await client.gql(read.document, read.variables()))),
      );

      expect(outcomes).toEqual(reads.map(() => 'NOT_FOUND'));
    });

    it('a non-member gets the same NOT_FOUND for a network that exists as for one that does not', async () => {
      const existing = await outsider.client.gql(reads[0].document, { slug: networkSlug });
      const missing = await outsider.client.gql(reads[0].document, { slug: 'no-such-network' });

      expect(existing.errors?.[0]).toEqual(missing.errors?.[0]);
    });
  });
});
