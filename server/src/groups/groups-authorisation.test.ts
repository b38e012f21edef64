import { type Role, ROLES } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, authorisationCases, type Outcome, outcomeOf } from '../test-support/authorisation-table';
import type { TestClient } from '../test-support/graphql-client';
import {
  ADD_TO_SHELF,
  addGroupMember,
  ARCHIVE_GROUP,
  EDIT_GROUP,
  GET_GROUP,
  groupInput,
  INVITE_TO_GROUP,
  JOIN_GROUP,
  LEAVE_GROUP,
  LIST_GROUPS,
  newGroup,
  REMOVE_FROM_SHELF,
  REMOVE_MEMBER,
  RESPOND_TO_GROUP,
  SET_MEMBER_ROLE,
  START_GROUP,
  type TestGroup,
} from '../test-support/groups';
import { newResource } from '../test-support/resources';
import { TestApp, type TestMember } from '../test-support/test-app';

/**
 * Who may do what with working groups. Every role has a member at site A. The groups acted on
 * are started by another patient partner (the owner) unless a column says "her own"; "as a
 * member" columns first make the actor a member of that group. Cells as in
 * test-support/authorisation-table.ts.
 */
function cases<C extends string>(columns: C[], table: Record<Actor, string>): [Actor, C, Outcome][] {
  return authorisationCases(columns, table).map(([actor, , outcome, column]): [Actor, C, Outcome] => [
    actor,
    column,
    outcome,
  ]);
}

describe('authorisation of working groups', () => {
  let app: TestApp;
  let networkId: string;
  let outsider: TestMember;
  let signedOut: TestClient;
  const members = {} as Record<Role, TestMember>;
  /** Starts the groups acted on. */
  let owner: TestMember;
  /** A member of the groups acted on, for removals and role changes. */
  let bystander: TestMember;
  let resourceId: string;

  const clientOf = (actor: Actor): TestClient =>
    actor === 'SIGNED_OUT' ? signedOut : actor === 'NON_MEMBER' ? outsider.client : members[actor].client;
  const isMember = (actor: Actor): actor is Role => actor !== 'SIGNED_OUT' && actor !== 'NON_MEMBER';
  const userIdOf = (actor: Actor) => (isMember(actor) ? members[actor].userId : outsider.userId);
  const membershipCount = (groupId: string, actor: Actor) =>
    app.prisma.groupMembership.count({ where: { groupId, userId: userIdOf(actor), status: 'ACTIVE' } });

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    networkId = made.network.id;
    const siteA = made.sites[0].id;
    members.NETWORK_ADMIN = made.admin;
    const others = ROLES.filter((role) => role !== 'NETWORK_ADMIN');
    const made2 = await Promise.all(others.map((role) => app.newMember(made.admin, networkId, role, siteA)));
    others.forEach((role, i) => (members[role] = made2[i]));
    [owner, bystander] = await Promise.all([
      app.newMember(made.admin, networkId, 'PATIENT_PARTNER', siteA, 'Group Owner'),
      app.newMember(made.admin, networkId, 'FAMILY_MEMBER', siteA, 'Group Bystander'),
    ]);
    outsider = (await app.newNetwork(1)).admin;
    signedOut = app.client();
    resourceId = (await newResource(owner, networkId, { title: 'Shelved resource' })).id;
  });

  afterAll(() => app?.stop());

  /** A group of the owner's, with the bystander in it and the actor too when `withActor`. */
  async function ownersGroup(
    actor: Actor,
    options: { inviteOnly?: boolean; withActor?: boolean } = {},
  ): Promise<TestGroup> {
    const group = await newGroup(owner, networkId, { visibility: options.inviteOnly ? 'INVITE_ONLY' : 'OPEN' });
    await addGroupMember(owner, group, bystander);
    if (options.withActor && isMember(actor)) await addGroupMember(owner, group, members[actor]);
    return group;
  }

  /**
   * What the group's viewer field told her beforehand must match what the mutation then does:
   * true where it succeeds, false where it is forbidden (not found or signed out: nothing to ask).
   */
  async function expectViewerCan(actor: Actor, groupId: string, field: string, outcome: Outcome) {
    if (outcome !== 'ok' && outcome !== 'FORBIDDEN') return;
    const data = await clientOf(actor).ok<{ group: Record<string, boolean> }>(
      `query($id: ID!) { group(id: $id) { ${field} } }`,
      { id: groupId },
    );
    expect(data.group[field]).toBe(outcome === 'ok');
  }

  describe('reading', () => {
    //                         groups | an open group | an invite-only group she is not in | an invite-only group she is in
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       ok  ok  NF  ok',
      FAMILY_MEMBER: '         ok  ok  NF  ok',
      CLINICIAN: '             ok  ok  NF  ok',
      RESEARCHER: '            ok  ok  NF  ok',
      SITE_LEAD: '             ok  ok  NF  ok',
      NETWORK_ADMIN: '         ok  ok  ok  ok',
      NON_MEMBER: '            NF  NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA  UA',
    };
    it.each(cases(['groups', 'open', 'invite-only outside', 'invite-only inside'], table))(
      '%s reading %s: %s',
      async (actor, column, outcome) => {
        const client = clientOf(actor);
        if (column === 'groups') {
          const result = await client.gql(LIST_GROUPS, { networkId });
          expect(outcomeOf(result)).toBe(outcome);
          if (outcome !== 'ok') expect(result.data).toBeNull();
          return;
        }
        const group = await ownersGroup(actor, {
          inviteOnly: column !== 'open',
          withActor: column === 'invite-only inside',
        });
        const result = await client.gql(GET_GROUP, { id: group.id });
        expect(outcomeOf(result)).toBe(outcome);
        if (outcome !== 'ok') expect(result.data).toBeNull();
      },
    );
  });

  describe('starting, editing and archiving', () => {
    //                         start | edit her own | edit someone else's | archive her own | archive someone else's
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       ok  ok  F   ok  F',
      FAMILY_MEMBER: '         ok  ok  F   ok  F',
      CLINICIAN: '             ok  ok  F   ok  F',
      RESEARCHER: '            ok  ok  F   ok  F',
      SITE_LEAD: '             ok  ok  F   ok  F',
      NETWORK_ADMIN: '         ok  ok  ok  ok  ok',
      NON_MEMBER: '            NF  NF  NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA  UA  UA',
    };
    it.each(cases(['start', 'edit own', 'edit other', 'archive own', 'archive other'], table))(
      '%s: %s: %s',
      async (actor, column, outcome) => {
        const client = clientOf(actor);
        if (column === 'start') {
          const name = `Started by ${actor}`;
          expect(outcomeOf(await client.gql(START_GROUP, { networkId, input: groupInput({ name }) }))).toBe(outcome);
          expect(await app.prisma.workingGroup.count({ where: { name } })).toBe(outcome === 'ok' ? 1 : 0);
          return;
        }
        const group =
          column.endsWith('own') && isMember(actor)
            ? await newGroup(members[actor], networkId)
            : await ownersGroup(actor);
        if (column.startsWith('edit')) {
          await expectViewerCan(actor, group.id, 'viewerCanEdit', outcome);
          const name = `Edited by ${actor} ${column}`;
          expect(outcomeOf(await client.gql(EDIT_GROUP, { groupId: group.id, input: groupInput({ name }) }))).toBe(
            outcome,
          );
          expect((await app.prisma.workingGroup.findUniqueOrThrow({ where: { id: group.id } })).name === name).toBe(
            outcome === 'ok',
          );
          return;
        }
        await expectViewerCan(actor, group.id, 'viewerCanArchive', outcome);
        expect(outcomeOf(await client.gql(ARCHIVE_GROUP, { groupId: group.id }))).toBe(outcome);
        expect((await app.prisma.workingGroup.findUniqueOrThrow({ where: { id: group.id } })).archivedAt !== null).toBe(
          outcome === 'ok',
        );
      },
    );
  });

  describe('joining, leaving and invitations', () => {
    //                         join an open group | join an invite-only group uninvited | leave, as a member | answer her invitation
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       ok  NF  ok  ok',
      FAMILY_MEMBER: '         ok  NF  ok  ok',
      CLINICIAN: '             ok  NF  ok  ok',
      RESEARCHER: '            ok  NF  ok  ok',
      SITE_LEAD: '             ok  NF  ok  ok',
      NETWORK_ADMIN: '         ok  F   ok  ok',
      NON_MEMBER: '            NF  NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA  UA',
    };
    it.each(cases(['join open', 'join invite-only', 'leave', 'respond'], table))(
      '%s: %s: %s',
      async (actor, column, outcome) => {
        const client = clientOf(actor);
        if (column.startsWith('join')) {
          const group = await ownersGroup(actor, { inviteOnly: column === 'join invite-only' });
          await expectViewerCan(actor, group.id, 'viewerCanJoin', outcome);
          expect(outcomeOf(await client.gql(JOIN_GROUP, { groupId: group.id }))).toBe(outcome);
          expect(await membershipCount(group.id, actor)).toBe(outcome === 'ok' ? 1 : 0);
          return;
        }
        if (column === 'leave') {
          const group = await ownersGroup(actor, { withActor: true });
          await expectViewerCan(actor, group.id, 'viewerCanLeave', outcome);
          expect(outcomeOf(await client.gql(LEAVE_GROUP, { groupId: group.id }))).toBe(outcome);
          expect(await membershipCount(group.id, actor)).toBe(0);
          return;
        }
        const group = await ownersGroup(actor, { inviteOnly: true });
        if (isMember(actor))
          await owner.client.ok(INVITE_TO_GROUP, { groupId: group.id, userId: members[actor].userId });
        await expectViewerCan(actor, group.id, 'viewerCanJoin', outcome);
        expect(outcomeOf(await client.gql(RESPOND_TO_GROUP, { groupId: group.id, accept: true }))).toBe(outcome);
        expect(await membershipCount(group.id, actor)).toBe(outcome === 'ok' ? 1 : 0);
      },
    );
  });

  describe('running a group', () => {
    //                         invite to an open group, as a member | invite to an invite-only group, as a member | remove a member | change a member's role
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       ok  F   F   F',
      FAMILY_MEMBER: '         ok  F   F   F',
      CLINICIAN: '             ok  F   F   F',
      RESEARCHER: '            ok  F   F   F',
      SITE_LEAD: '             ok  F   F   F',
      NETWORK_ADMIN: '         ok  ok  ok  ok',
      NON_MEMBER: '            NF  NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA  UA',
    };
    it.each(cases(['invite open', 'invite invite-only', 'remove', 'set role'], table))(
      '%s: %s: %s',
      async (actor, column, outcome) => {
        const client = clientOf(actor);
        if (column.startsWith('invite')) {
          const group = await ownersGroup(actor, { inviteOnly: column === 'invite invite-only', withActor: true });
          const invitee = actor === 'PATIENT_PARTNER' ? members.FAMILY_MEMBER : members.PATIENT_PARTNER;
          await expectViewerCan(actor, group.id, 'viewerCanInvite', outcome);
          expect(outcomeOf(await client.gql(INVITE_TO_GROUP, { groupId: group.id, userId: invitee.userId }))).toBe(
            outcome,
          );
          expect(
            await app.prisma.groupMembership.count({
              where: { groupId: group.id, userId: invitee.userId, status: 'INVITED' },
            }),
          ).toBe(outcome === 'ok' ? 1 : 0);
          return;
        }
        const group = await ownersGroup(actor);
        if (column === 'remove') {
          await expectViewerCan(actor, group.id, 'viewerCanRemoveMembers', outcome);
          expect(outcomeOf(await client.gql(REMOVE_MEMBER, { groupId: group.id, userId: bystander.userId }))).toBe(
            outcome,
          );
          expect(
            await app.prisma.groupMembership.count({ where: { groupId: group.id, userId: bystander.userId } }),
          ).toBe(outcome === 'ok' ? 0 : 1);
          return;
        }
        await expectViewerCan(actor, group.id, 'viewerCanSetMemberRoles', outcome);
        expect(
          outcomeOf(await client.gql(SET_MEMBER_ROLE, { groupId: group.id, userId: bystander.userId, role: 'OWNER' })),
        ).toBe(outcome);
        const row = await app.prisma.groupMembership.findUniqueOrThrow({
          where: { groupId_userId: { groupId: group.id, userId: bystander.userId } },
        });
        expect(row.role).toBe(outcome === 'ok' ? 'OWNER' : 'MEMBER');
      },
    );
  });

  describe('the shelf', () => {
    //                         add, as a member | add, not a member | remove, as a member | remove, not a member
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       ok  F   ok  F',
      FAMILY_MEMBER: '         ok  F   ok  F',
      CLINICIAN: '             ok  F   ok  F',
      RESEARCHER: '            ok  F   ok  F',
      SITE_LEAD: '             ok  F   ok  F',
      NETWORK_ADMIN: '         ok  F   ok  ok',
      NON_MEMBER: '            NF  NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA  UA',
    };
    it.each(cases(['add member', 'add outsider', 'remove member', 'remove outsider'], table))(
      '%s: %s: %s',
      async (actor, column, outcome) => {
        const client = clientOf(actor);
        const group = await ownersGroup(actor, { withActor: column.endsWith('member') });
        const shelved = () => app.prisma.groupResource.count({ where: { groupId: group.id } });
        if (column.startsWith('add')) {
          await expectViewerCan(actor, group.id, 'viewerCanShelve', outcome);
          expect(outcomeOf(await client.gql(ADD_TO_SHELF, { groupId: group.id, resourceId }))).toBe(outcome);
          expect(await shelved()).toBe(outcome === 'ok' ? 1 : 0);
          return;
        }
        await owner.client.ok(ADD_TO_SHELF, { groupId: group.id, resourceId });
        await expectViewerCan(actor, group.id, 'viewerCanUnshelve', outcome);
        expect(outcomeOf(await client.gql(REMOVE_FROM_SHELF, { groupId: group.id, resourceId }))).toBe(outcome);
        expect(await shelved()).toBe(outcome === 'ok' ? 0 : 1);
      },
    );
  });
});
