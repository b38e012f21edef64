import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/graphql-client';
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
} from '../test-support/groups';
import { newResource } from '../test-support/resources';
import { recordSql } from '../test-support/sql-counter';
import { TestApp, type TestMember } from '../test-support/test-app';

const HIDE = `mutation($id: ID!, $reason: String!) { hideResource(resourceId: $id, reason: $reason) { id hidden } }`;

describe('working groups', () => {
  let app: TestApp;
  let networkId: string;
  let admin: TestMember;
  let lead: TestMember;
  let clinician: TestMember;
  let patient: TestMember;
  let family: TestMember;
  let researcher: TestMember;
  let outsider: TestMember;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    admin = made.admin;
    networkId = made.network.id;
    const siteA = made.sites[0].id;
    [lead, clinician, patient, family, researcher] = await Promise.all([
      app.newMember(admin, networkId, 'SITE_LEAD', siteA, 'Sofia Lead'),
      app.newMember(admin, networkId, 'CLINICIAN', siteA, 'Clara Clinician'),
      app.newMember(admin, networkId, 'PATIENT_PARTNER', siteA, 'Pia Patient'),
      app.newMember(admin, networkId, 'FAMILY_MEMBER', made.sites[1].id, 'Fredrik Family'),
      app.newMember(admin, networkId, 'RESEARCHER', null, 'Rut Researcher'),
    ]);
    outsider = (await app.newNetwork(1)).admin;
  });

  afterAll(() => app?.stop());

  const groupOf = async (member: TestMember, id: string) => (await member.client.ok(GET_GROUP, { id })).group;

  describe('starting and editing a group', () => {
    it('any member starts a group and becomes its only owner', async () => {
      const group = await newGroup(patient, networkId, {
        name: 'School and IBD',
        purpose: 'Keeping school going through flares.',
      });

      expect(group).toMatchObject({
        name: 'School and IBD',
        visibility: 'OPEN',
        archived: false,
        memberCount: 1,
        createdBy: { userId: patient.userId, name: 'Pia Patient' },
      });
      const seen = await groupOf(patient, group.id);
      expect(seen.members).toEqual([
        {
          userId: patient.userId,
          name: 'Pia Patient',
          networkRole: 'PATIENT_PARTNER',
          role: 'OWNER',
          status: 'ACTIVE',
          since: expect.any(String),
        },
      ]);
      expect(seen.viewerMembership).toEqual({ role: 'OWNER', status: 'ACTIVE', invitedBy: null });
      expect(seen).toMatchObject({
        viewerCanJoin: false,
        viewerCanLeave: true,
        viewerCanInvite: true,
        viewerCanEdit: true,
        viewerCanArchive: true,
        viewerCanRemoveMembers: true,
        viewerCanSetMemberRoles: true,
        viewerCanShelve: true,
        viewerCanUnshelve: true,
      });
    });

    it('refuses a bad name or purpose, naming the field, and writes nothing', async () => {
      const before = await app.prisma.workingGroup.count();
      const short = await patient.client.gql(START_GROUP, { networkId, input: groupInput({ name: ' x ' }) });
      expect(errorOf(short)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
      const long = await patient.client.gql(START_GROUP, {
        networkId,
        input: groupInput({ purpose: 'p'.repeat(2001) }),
      });
      expect(errorOf(long)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.purpose' });
      expect(await app.prisma.workingGroup.count()).toBe(before);
    });

    it('its owners and network admins edit it; its members may not', async () => {
      const group = await newGroup(clinician, networkId);
      await addGroupMember(clinician, group, family);

      const byMember = await family.client.gql(EDIT_GROUP, {
        groupId: group.id,
        input: groupInput({ name: 'Renamed by a member' }),
      });
      expect(errorOf(byMember).code).toBe('FORBIDDEN');
      const byOwner = await clinician.client.ok(EDIT_GROUP, {
        groupId: group.id,
        input: groupInput({ name: 'Diet and nutrition', visibility: 'INVITE_ONLY' }),
      });
      expect(byOwner.editGroup).toMatchObject({ name: 'Diet and nutrition', visibility: 'INVITE_ONLY' });
      const byAdmin = await admin.client.ok(EDIT_GROUP, {
        groupId: group.id,
        input: groupInput({ name: 'Diet, nutrition and EEN' }),
      });
      expect(byAdmin.editGroup.name).toBe('Diet, nutrition and EEN');
    });
  });

  describe('open groups', () => {
    it('any member sees an open group, joins it (once) and leaves it', async () => {
      const group = await newGroup(patient, networkId, { name: 'Peer support evenings' });
      const listed = await researcher.client.ok(LIST_GROUPS, { networkId, first: 100 });
      expect(listed.groups.nodes.map((g: { id: string }) => g.id)).toContain(group.id);
      expect((await groupOf(researcher, group.id)).viewerCanJoin).toBe(true);

      const joined = await researcher.client.ok(JOIN_GROUP, { groupId: group.id });
      expect(joined.joinGroup).toMatchObject({
        memberCount: 2,
        viewerMembership: { role: 'MEMBER', status: 'ACTIVE' },
      });
      expect((await researcher.client.ok(JOIN_GROUP, { groupId: group.id })).joinGroup.memberCount).toBe(2);

      const left = await researcher.client.ok(LEAVE_GROUP, { groupId: group.id });
      expect(left.leaveGroup.memberCount).toBe(1);
      expect(await app.prisma.groupMembership.count({ where: { groupId: group.id, userId: researcher.userId } })).toBe(
        0,
      );
    });

    it('a member of an open group invites others; the invitee is notified and accepts', async () => {
      const group = await newGroup(patient, networkId, { name: 'Fatigue and sport' });
      await patient.client.ok(JOIN_GROUP, { groupId: group.id });
      await addGroupMember(patient, group, family);

      await family.client.ok(INVITE_TO_GROUP, { groupId: group.id, userId: lead.userId });

      const notice = await app.prisma.notification.findFirstOrThrow({
        where: { userId: lead.userId, subjectId: group.id },
      });
      expect(notice).toMatchObject({
        kind: 'GROUP_INVITE',
        subjectType: 'GROUP',
        actorId: family.userId,
        readAt: null,
      });
      expect(notice.payload).toMatchObject({
        groupId: group.id,
        groupName: 'Fatigue and sport',
        actorName: 'Fredrik Family',
      });
      const invited = await groupOf(lead, group.id);
      expect(invited.viewerMembership).toEqual({
        role: 'MEMBER',
        status: 'INVITED',
        invitedBy: { userId: family.userId, name: 'Fredrik Family' },
      });
      expect(invited.viewerCanJoin).toBe(true);
      const accepted = await lead.client.ok(RESPOND_TO_GROUP, { groupId: group.id, accept: true });
      expect(accepted.respondToGroupInvitation).toMatchObject({
        memberCount: 3,
        viewerMembership: { role: 'MEMBER', status: 'ACTIVE' },
      });
    });
  });

  describe('invite-only groups', () => {
    let circle: { id: string; name: string };

    beforeAll(async () => {
      circle = await newGroup(family, networkId, { name: "Parent partners' circle", visibility: 'INVITE_ONLY' });
    });

    it('are NOT_FOUND for members neither in them nor invited, without revealing the name, and are left out of their lists', async () => {
      for (const client of [patient.client, clinician.client, outsider.client]) {
        const result = await client.gql(GET_GROUP, { id: circle.id });
        expect(errorOf(result).code).toBe('NOT_FOUND');
        expect(JSON.stringify(result)).not.toContain('circle');
        expect(errorOf(await client.gql(JOIN_GROUP, { groupId: circle.id })).code).toBe('NOT_FOUND');
      }
      const listed = await patient.client.ok(LIST_GROUPS, { networkId, first: 100 });
      expect(listed.groups.nodes.map((g: { id: string }) => g.id)).not.toContain(circle.id);
      expect(listed.groups.totalCount).toBe(listed.groups.nodes.length);
    });

    it('are seen by network admins, who may not join them uninvited', async () => {
      const listed = await admin.client.ok(LIST_GROUPS, { networkId, first: 100 });
      expect(listed.groups.nodes.map((g: { id: string }) => g.id)).toContain(circle.id);
      expect(await groupOf(admin, circle.id)).toMatchObject({
        viewerCanJoin: false,
        viewerCanEdit: true,
        viewerCanInvite: true,
        viewerCanShelve: false,
        viewerCanUnshelve: true,
      });
      expect(errorOf(await admin.client.gql(JOIN_GROUP, { groupId: circle.id })).code).toBe('FORBIDDEN');
    });

    it('an invitee sees the group and its pending invitation, declines, and no longer sees it', async () => {
      await family.client.ok(INVITE_TO_GROUP, { groupId: circle.id, userId: clinician.userId });
      expect((await groupOf(clinician, circle.id)).viewerMembership.status).toBe('INVITED');
      const mine = await clinician.client.ok(LIST_GROUPS, { networkId, mine: true });
      expect(mine.groups.nodes.find((g: { id: string }) => g.id === circle.id)).toMatchObject({
        viewerMembership: { status: 'INVITED' },
      });

      await clinician.client.ok(RESPOND_TO_GROUP, { groupId: circle.id, accept: false });

      expect(await app.prisma.groupMembership.count({ where: { groupId: circle.id, userId: clinician.userId } })).toBe(
        0,
      );
      expect(errorOf(await clinician.client.gql(GET_GROUP, { id: circle.id })).code).toBe('NOT_FOUND');
      expect(errorOf(await clinician.client.gql(RESPOND_TO_GROUP, { groupId: circle.id, accept: true })).code).toBe(
        'NOT_FOUND',
      );
    });

    it('only its owners (and admins) invite; pending invitations are listed to them and the invitee, not to other members', async () => {
      await addGroupMember(family, circle, patient);
      expect(
        errorOf(await patient.client.gql(INVITE_TO_GROUP, { groupId: circle.id, userId: researcher.userId })).code,
      ).toBe('FORBIDDEN');
      await admin.client.ok(INVITE_TO_GROUP, { groupId: circle.id, userId: researcher.userId });

      const statusesSeenBy = async (member: TestMember) =>
        (await groupOf(member, circle.id)).members.map(
          (m: { userId: string; status: string }) =>
            `${m.userId === researcher.userId ? 'researcher' : 'other'}:${m.status}`,
        );
      expect(await statusesSeenBy(family)).toContain('researcher:INVITED');
      expect(await statusesSeenBy(researcher)).toContain('researcher:INVITED');
      expect(await statusesSeenBy(patient)).not.toContain('researcher:INVITED');
      expect((await groupOf(patient, circle.id)).memberCount).toBe(2);
    });

    it('refuses to invite oneself or someone outside the network, and inviting twice changes nothing', async () => {
      expect(errorOf(await family.client.gql(INVITE_TO_GROUP, { groupId: circle.id, userId: family.userId }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'userId',
      });
      expect(
        errorOf(await family.client.gql(INVITE_TO_GROUP, { groupId: circle.id, userId: outsider.userId })),
      ).toEqual({ code: 'BAD_USER_INPUT', field: 'userId' });
      expect(errorOf(await family.client.gql(INVITE_TO_GROUP, { groupId: circle.id, userId: 'not-an-id' }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'userId',
      });
      await family.client.ok(INVITE_TO_GROUP, { groupId: circle.id, userId: lead.userId });
      await family.client.ok(INVITE_TO_GROUP, { groupId: circle.id, userId: lead.userId });
      expect(
        await app.prisma.notification.count({
          where: { userId: lead.userId, subjectId: circle.id, kind: 'GROUP_INVITE' },
        }),
      ).toBe(1);
    });
  });

  describe('owners and members', () => {
    it('the last owner may not leave until she hands over; then she leaves and the group keeps its new owner', async () => {
      const group = await newGroup(lead, networkId);
      await addGroupMember(lead, group, clinician);

      const refused = await lead.client.gql(LEAVE_GROUP, { groupId: group.id });
      expect(errorOf(refused)).toEqual({ code: 'BAD_USER_INPUT', field: 'groupId' });
      expect(refused.errors![0].message).toContain('last owner');

      const handedOver = await lead.client.ok(SET_MEMBER_ROLE, {
        groupId: group.id,
        userId: clinician.userId,
        role: 'OWNER',
      });
      expect(handedOver.setGroupMemberRole.members.filter((m: { role: string }) => m.role === 'OWNER')).toHaveLength(2);
      await lead.client.ok(LEAVE_GROUP, { groupId: group.id });
      const after = await groupOf(clinician, group.id);
      expect(after.members).toEqual([expect.objectContaining({ userId: clinician.userId, role: 'OWNER' })]);
    });

    it('the last owner may not be demoted or removed, even by an admin', async () => {
      const group = await newGroup(patient, networkId);
      await addGroupMember(patient, group, researcher);
      expect(
        errorOf(
          await patient.client.gql(SET_MEMBER_ROLE, { groupId: group.id, userId: patient.userId, role: 'MEMBER' }),
        ),
      ).toEqual({ code: 'BAD_USER_INPUT', field: 'userId' });
      expect(errorOf(await admin.client.gql(REMOVE_MEMBER, { groupId: group.id, userId: patient.userId }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'userId',
      });
      expect(
        errorOf(await admin.client.gql(SET_MEMBER_ROLE, { groupId: group.id, userId: patient.userId, role: 'MEMBER' })),
      ).toEqual({ code: 'BAD_USER_INPUT', field: 'userId' });
      expect(
        await app.prisma.groupMembership.findUniqueOrThrow({
          where: { groupId_userId: { groupId: group.id, userId: patient.userId } },
        }),
      ).toMatchObject({ role: 'OWNER' });
    });

    it('owners remove members and withdraw invitations; a removed member of an invite-only group no longer sees it', async () => {
      const group = await newGroup(clinician, networkId, { visibility: 'INVITE_ONLY' });
      await addGroupMember(clinician, group, patient);
      await clinician.client.ok(INVITE_TO_GROUP, { groupId: group.id, userId: family.userId });

      expect(
        errorOf(await patient.client.gql(REMOVE_MEMBER, { groupId: group.id, userId: clinician.userId })).code,
      ).toBe('FORBIDDEN');
      expect(
        errorOf(await clinician.client.gql(REMOVE_MEMBER, { groupId: group.id, userId: clinician.userId })),
      ).toEqual({ code: 'BAD_USER_INPUT', field: 'userId' });
      expect(
        errorOf(await clinician.client.gql(REMOVE_MEMBER, { groupId: group.id, userId: researcher.userId })).code,
      ).toBe('NOT_FOUND');

      expect(
        (await clinician.client.ok(REMOVE_MEMBER, { groupId: group.id, userId: patient.userId })).removeGroupMember
          .memberCount,
      ).toBe(1);
      await clinician.client.ok(REMOVE_MEMBER, { groupId: group.id, userId: family.userId });
      expect(errorOf(await patient.client.gql(GET_GROUP, { id: group.id })).code).toBe('NOT_FOUND');
      expect(errorOf(await family.client.gql(GET_GROUP, { id: group.id })).code).toBe('NOT_FOUND');
    });

    it('an invitee must accept before her role can change', async () => {
      const group = await newGroup(lead, networkId);
      await lead.client.ok(INVITE_TO_GROUP, { groupId: group.id, userId: family.userId });
      expect(
        errorOf(await lead.client.gql(SET_MEMBER_ROLE, { groupId: group.id, userId: family.userId, role: 'OWNER' }))
          .code,
      ).toBe('NOT_FOUND');
    });
  });

  describe('archiving', () => {
    it('an archived group is kept, read-only and out of the default list; its last owner may then leave', async () => {
      const group = await newGroup(researcher, networkId, { name: 'Registry data quality' });
      expect(errorOf(await patient.client.gql(ARCHIVE_GROUP, { groupId: group.id })).code).toBe('FORBIDDEN');

      const archived = await researcher.client.ok(ARCHIVE_GROUP, { groupId: group.id });
      expect(archived.archiveGroup).toMatchObject({ archived: true, archivedAt: expect.any(String) });

      const ids = async (includeArchived: boolean) =>
        (await patient.client.ok(LIST_GROUPS, { networkId, includeArchived, first: 100 })).groups.nodes.map(
          (g: { id: string }) => g.id,
        );
      expect(await ids(false)).not.toContain(group.id);
      expect(await ids(true)).toContain(group.id);
      expect(errorOf(await patient.client.gql(JOIN_GROUP, { groupId: group.id }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'groupId',
      });
      expect(errorOf(await researcher.client.gql(EDIT_GROUP, { groupId: group.id, input: groupInput() }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'groupId',
      });
      expect(await groupOf(patient, group.id)).toMatchObject({ viewerCanJoin: false, viewerCanShelve: false });
      expect(await groupOf(researcher, group.id)).toMatchObject({
        viewerCanLeave: true,
        viewerCanEdit: false,
        viewerCanArchive: false,
        viewerCanUnshelve: false,
      });
      await researcher.client.ok(LEAVE_GROUP, { groupId: group.id });
    });
  });

  describe('the shelf', () => {
    it('members shelve resources they may see; non-members may not; shelving twice keeps one', async () => {
      const group = await newGroup(patient, networkId, { name: 'Transition to adult care' });
      const resource = await newResource(clinician, networkId, { title: 'Transition readiness checklist' });

      expect(
        errorOf(await researcher.client.gql(ADD_TO_SHELF, { groupId: group.id, resourceId: resource.id })).code,
      ).toBe('FORBIDDEN');
      await patient.client.ok(ADD_TO_SHELF, { groupId: group.id, resourceId: resource.id });
      await patient.client.ok(ADD_TO_SHELF, { groupId: group.id, resourceId: resource.id });

      const { shelf } = await groupOf(researcher, group.id);
      expect(shelf).toEqual([
        {
          resource: { id: resource.id, title: 'Transition readiness checklist', hidden: false },
          addedAt: expect.any(String),
          addedBy: { userId: patient.userId, name: 'Pia Patient' },
        },
      ]);

      const removed = await patient.client.ok(REMOVE_FROM_SHELF, { groupId: group.id, resourceId: resource.id });
      expect(removed.removeFromGroupShelf.shelf).toEqual([]);
    });

    it("refuses hidden resources (BAD_USER_INPUT to those who see them, NOT_FOUND to others) and other networks' resources", async () => {
      const group = await newGroup(admin, networkId);
      await addGroupMember(admin, group, patient);
      const hidden = await newResource(clinician, networkId, { title: 'A leaflet with a dosing error' });
      await admin.client.ok(HIDE, { id: hidden.id, reason: 'Dosing error on page 2' });
      const foreign = await newResource(
        outsider,
        (await app.prisma.membership.findFirstOrThrow({ where: { userId: outsider.userId } })).networkId,
      );

      expect(errorOf(await admin.client.gql(ADD_TO_SHELF, { groupId: group.id, resourceId: hidden.id }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'resourceId',
      });
      expect(errorOf(await patient.client.gql(ADD_TO_SHELF, { groupId: group.id, resourceId: hidden.id })).code).toBe(
        'NOT_FOUND',
      );
      expect(errorOf(await patient.client.gql(ADD_TO_SHELF, { groupId: group.id, resourceId: foreign.id })).code).toBe(
        'NOT_FOUND',
      );
      expect(await app.prisma.groupResource.count({ where: { groupId: group.id } })).toBe(0);
    });

    it('a resource hidden after it was shelved leaves the shelf for members, but not for admins', async () => {
      const group = await newGroup(family, networkId);
      const resource = await newResource(lead, networkId, { title: 'Flare plan template' });
      await family.client.ok(ADD_TO_SHELF, { groupId: group.id, resourceId: resource.id });
      await admin.client.ok(HIDE, { id: resource.id, reason: 'Out of date' });

      expect((await groupOf(family, group.id)).shelf).toEqual([]);
      expect((await groupOf(admin, group.id)).shelf).toEqual([
        expect.objectContaining({ resource: { id: resource.id, title: 'Flare plan template', hidden: true } }),
      ]);
    });
  });

  describe('listing groups', () => {
    it('pages by name, and costs the same number of SQL statements for 3 groups as for 13 (member counts batched)', async () => {
      const other = await app.newNetwork(1);
      const member = await app.newMember(other.admin, other.network.id, 'PATIENT_PARTNER', other.sites[0].id);
      for (const name of ['Bravo', 'Alpha', 'Charlie']) await newGroup(other.admin, other.network.id, { name });
      await member.client.ok(JOIN_GROUP, {
        groupId: (await other.admin.client.ok(LIST_GROUPS, { networkId: other.network.id })).groups.nodes[0].id,
      });
      const QUERY = `query($networkId: ID!) { groups(networkId: $networkId, first: 100) { nodes { id name memberCount viewerMembership { role } viewerCanJoin createdBy { name } } } }`;
      const statements = async () =>
        (await recordSql(() => member.client.ok(QUERY, { networkId: other.network.id }))).statements.length;

      const page = await member.client.ok(LIST_GROUPS, { networkId: other.network.id, first: 2 });
      expect(page.groups).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      expect(page.groups.nodes.map((g: { name: string; memberCount: number }) => [g.name, g.memberCount])).toEqual([
        ['Alpha', 2],
        ['Bravo', 1],
      ]);
      const next = await member.client.ok(LIST_GROUPS, {
        networkId: other.network.id,
        first: 2,
        after: page.groups.pageInfo.endCursor,
      });
      expect(next.groups.nodes.map((g: { name: string }) => g.name)).toEqual(['Charlie']);

      const few = await statements();
      for (let i = 0; i < 10; i += 1) await newGroup(other.admin, other.network.id, { name: `Group ${i}` });
      expect(await statements()).toBe(few);
    });
  });
});
