import type { TestMember } from './test-app';

export const GROUP_FIELDS =
  'id networkId name purpose visibility archived archivedAt memberCount createdBy { userId name }';

export const START_GROUP = `mutation($networkId: ID!, $input: GroupInput!) { startGroup(networkId: $networkId, input: $input) { ${GROUP_FIELDS} } }`;
export const EDIT_GROUP = `mutation($groupId: ID!, $input: GroupInput!) { editGroup(groupId: $groupId, input: $input) { ${GROUP_FIELDS} } }`;
export const ARCHIVE_GROUP = `mutation($groupId: ID!) { archiveGroup(groupId: $groupId) { id archived archivedAt } }`;
export const JOIN_GROUP = `mutation($groupId: ID!) { joinGroup(groupId: $groupId) { id memberCount viewerMembership { role status } } }`;
export const LEAVE_GROUP = `mutation($groupId: ID!) { leaveGroup(groupId: $groupId) { id memberCount } }`;
export const INVITE_TO_GROUP = `mutation($groupId: ID!, $userId: ID!) { inviteToGroup(groupId: $groupId, userId: $userId) { id memberCount } }`;
export const RESPOND_TO_GROUP = `mutation($groupId: ID!, $accept: Boolean!) {
  respondToGroupInvitation(groupId: $groupId, accept: $accept) { id memberCount viewerMembership { role status } }
}`;
export const REMOVE_MEMBER = `mutation($groupId: ID!, $userId: ID!) { removeGroupMember(groupId: $groupId, userId: $userId) { id memberCount } }`;
export const SET_MEMBER_ROLE = `mutation($groupId: ID!, $userId: ID!, $role: GroupRole!) {
  setGroupMemberRole(groupId: $groupId, userId: $userId, role: $role) { id members { userId role status } }
}`;
export const ADD_TO_SHELF = `mutation($groupId: ID!, $resourceId: ID!) { addToGroupShelf(groupId: $groupId, resourceId: $resourceId) { id shelf { resource { id title } } } }`;
export const REMOVE_FROM_SHELF = `mutation($groupId: ID!, $resourceId: ID!) { removeFromGroupShelf(groupId: $groupId, resourceId: $resourceId) { id shelf { resource { id } } } }`;
export const GET_GROUP = `query($id: ID!) {
  group(id: $id) {
    ${GROUP_FIELDS}
    members { userId name networkRole role status since }
    viewerMembership { role status invitedBy { userId name } }
    viewerCanJoin viewerCanLeave viewerCanInvite viewerCanEdit viewerCanArchive viewerCanRemoveMembers viewerCanSetMemberRoles viewerCanShelve viewerCanUnshelve
    shelf { resource { id title hidden } addedAt addedBy { userId name } }
  }
}`;
export const LIST_GROUPS = `query($networkId: ID!, $mine: Boolean, $includeArchived: Boolean, $first: Int, $after: String) {
  groups(networkId: $networkId, mine: $mine, includeArchived: $includeArchived, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id name visibility memberCount viewerMembership { role status } }
  }
}`;

export interface TestGroup {
  id: string;
  networkId: string;
  name: string;
  visibility: 'OPEN' | 'INVITE_ONLY';
  [field: string]: unknown;
}

let groupCounter = 0;

/** The input of `startGroup`, with plausible defaults. */
export function groupInput(overrides: Record<string, unknown> = {}) {
  const n = ++groupCounter;
  return {
    name: `Transition to adult care ${n}`,
    purpose: 'Make moving to the adult clinic less of a cliff edge.',
    visibility: 'OPEN',
    ...overrides,
  };
}

/** A group started by `owner` through the real mutation. */
export async function newGroup(
  owner: TestMember,
  networkId: string,
  overrides: Record<string, unknown> = {},
): Promise<TestGroup> {
  return (await owner.client.ok(START_GROUP, { networkId, input: groupInput(overrides) })).startGroup;
}

/** Invites `invitee` as `inviter` and accepts as `invitee`. */
export async function addGroupMember(inviter: TestMember, group: { id: string }, invitee: TestMember): Promise<void> {
  await inviter.client.ok(INVITE_TO_GROUP, { groupId: group.id, userId: invitee.userId });
  await invitee.client.ok(RESPOND_TO_GROUP, { groupId: group.id, accept: true });
}
