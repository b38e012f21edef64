import { graphql } from '../gql';

graphql(`
  fragment GroupSummaryFields on WorkingGroup {
    id
    networkId
    name
    purpose
    visibility
    archived
    memberCount
    viewerMembership {
      role
      status
    }
  }
`);

graphql(`
  fragment GroupPageFields on WorkingGroup {
    ...GroupSummaryFields
    createdAt
    archivedAt
    createdBy {
      userId
      name
    }
    viewerMembership {
      role
      status
      invitedBy {
        userId
        name
      }
    }
    viewerCanArchive
    viewerCanEdit
    viewerCanInvite
    viewerCanJoin
    viewerCanLeave
    viewerCanRemoveMembers
    viewerCanSetMemberRoles
    viewerCanShelve
    viewerCanUnshelve
    members {
      userId
      name
      networkRole
      role
      status
      since
    }
    shelf {
      addedAt
      addedBy {
        userId
        name
      }
      resource {
        id
        title
        kind
        summary
      }
    }
  }
`);

export const GroupsDocument = graphql(`
  query Groups($networkId: ID!, $mine: Boolean!, $includeArchived: Boolean!, $first: Int!, $after: String) {
    groups(networkId: $networkId, mine: $mine, includeArchived: $includeArchived, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...GroupSummaryFields
      }
    }
  }
`);

export const GroupDocument = graphql(`
  query Group($id: ID!) {
    group(id: $id) {
      ...GroupPageFields
    }
  }
`);

export const StartGroupDocument = graphql(`
  mutation StartGroup($networkId: ID!, $input: GroupInput!) {
    startGroup(networkId: $networkId, input: $input) {
      id
    }
  }
`);

export const EditGroupDocument = graphql(`
  mutation EditGroup($groupId: ID!, $input: GroupInput!) {
    editGroup(groupId: $groupId, input: $input) {
      id
    }
  }
`);

export const ArchiveGroupDocument = graphql(`
  mutation ArchiveGroup($groupId: ID!) {
    archiveGroup(groupId: $groupId) {
      id
    }
  }
`);

export const JoinGroupDocument = graphql(`
  mutation JoinGroup($groupId: ID!) {
    joinGroup(groupId: $groupId) {
      id
    }
  }
`);

export const LeaveGroupDocument = graphql(`
  mutation LeaveGroup($groupId: ID!) {
    leaveGroup(groupId: $groupId) {
      id
    }
  }
`);

export const RespondToGroupInvitationDocument = graphql(`
  mutation RespondToGroupInvitation($groupId: ID!, $accept: Boolean!) {
    respondToGroupInvitation(groupId: $groupId, accept: $accept) {
      id
    }
  }
`);

export const InviteToGroupDocument = graphql(`
  mutation InviteToGroup($groupId: ID!, $userId: ID!) {
    inviteToGroup(groupId: $groupId, userId: $userId) {
      id
    }
  }
`);

export const RemoveGroupMemberDocument = graphql(`
  mutation RemoveGroupMember($groupId: ID!, $userId: ID!) {
    removeGroupMember(groupId: $groupId, userId: $userId) {
      id
    }
  }
`);

export const SetGroupMemberRoleDocument = graphql(`
  mutation SetGroupMemberRole($groupId: ID!, $userId: ID!, $role: GroupRole!) {
    setGroupMemberRole(groupId: $groupId, userId: $userId, role: $role) {
      id
    }
  }
`);

export const AddToGroupShelfDocument = graphql(`
  mutation AddToGroupShelf($groupId: ID!, $resourceId: ID!) {
    addToGroupShelf(groupId: $groupId, resourceId: $resourceId) {
      id
    }
  }
`);

export const RemoveFromGroupShelfDocument = graphql(`
  mutation RemoveFromGroupShelf($groupId: ID!, $resourceId: ID!) {
    removeFromGroupShelf(groupId: $groupId, resourceId: $resourceId) {
      id
    }
  }
`);

/**
 * Mutations answer with the group's id only: urql's document cache then asks again for every
 * query showing a group. An empty list names no types, so lists say they show groups.
 */
export const GROUP_CONTEXT = { additionalTypenames: ['WorkingGroup'] };

/** Groups per page of the list. */
export const GROUPS_PAGE_SIZE = 20;
