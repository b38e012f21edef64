import { graphql } from '../gql';
import type { ThreadMessageFieldsFragment } from '../gql/graphql';
import type { ThreadMessage } from './thread-state';

/** Top-level messages per page of history. */
export const THREAD_PAGE_SIZE = 30;

graphql(`
  fragment ThreadMessageFields on Message {
    id
    threadId
    seq
    parentId
    author {
      userId
      name
    }
    body
    bodyHtml
    clientId
    createdAt
    editedAt
    deletedAt
    deleted
    reactions {
      emoji
      count
      userIds
    }
  }
`);

graphql(`
  fragment ThreadPageFields on MessagePage {
    nodes {
      ...ThreadMessageFields
      replies {
        ...ThreadMessageFields
      }
    }
    hasMore
    beforeCursor
  }
`);

export const ThreadPanelDocument = graphql(`
  query ThreadPanel($subjectType: ThreadSubjectType!, $subjectId: ID!, $last: Int!) {
    thread(subjectType: $subjectType, subjectId: $subjectId) {
      id
      networkId
      lastReadSeq
      unreadCount
      viewerCanPost
      viewerCanModerate
      messages(last: $last) {
        ...ThreadPageFields
      }
    }
  }
`);

export const ThreadEarlierDocument = graphql(`
  query ThreadEarlier($subjectType: ThreadSubjectType!, $subjectId: ID!, $before: String!, $last: Int!) {
    thread(subjectType: $subjectType, subjectId: $subjectId) {
      id
      messages(before: $before, last: $last) {
        ...ThreadPageFields
      }
    }
  }
`);

/**
 * The edit history of one message. There is no query for a single message: the page of one
 * top-level message just before `before` (its seq + 1) holds it, or the parent of a reply.
 */
export const MessageHistoryDocument = graphql(`
  query MessageHistory($subjectType: ThreadSubjectType!, $subjectId: ID!, $before: String!) {
    thread(subjectType: $subjectType, subjectId: $subjectId) {
      id
      messages(before: $before, last: 1) {
        nodes {
          id
          revisions {
            id
            body
            editedAt
          }
          replies {
            id
            revisions {
              id
              body
              editedAt
            }
          }
        }
      }
    }
  }
`);

export const ThreadMemberDocument = graphql(`
  query ThreadMember($networkId: ID!, $userId: ID!) {
    member(networkId: $networkId, userId: $userId) {
      id
      userId
      name
      role
    }
  }
`);

export const MentionCandidatesDocument = graphql(`
  query MentionCandidates($networkId: ID!, $search: String!) {
    members(networkId: $networkId, filter: { search: $search }, first: 6) {
      nodes {
        id
        userId
        name
        role
        site {
          id
          name
        }
      }
    }
  }
`);

export const UnreadThreadsCountDocument = graphql(`
  query UnreadThreadsCount($networkId: ID!) {
    unreadThreads(networkId: $networkId) {
      totalUnread
      threads {
        unread
        thread {
          id
          subjectType
        }
      }
    }
  }
`);

type PageNode = ThreadMessageFieldsFragment & { replies: ThreadMessageFieldsFragment[] };

/** A GraphQL message as the panel holds it. */
export function toThreadMessage(node: ThreadMessageFieldsFragment): ThreadMessage {
  return {
    id: node.id,
    threadId: node.threadId,
    seq: node.seq,
    parentId: node.parentId,
    author: { userId: node.author.userId, name: node.author.name },
    body: node.body,
    bodyHtml: node.bodyHtml,
    clientId: node.clientId,
    createdAt: node.createdAt,
    editedAt: node.editedAt,
    deletedAt: node.deletedAt,
    deleted: node.deleted,
    reactions: node.reactions.map((r) => ({ emoji: r.emoji, count: r.count, userIds: r.userIds })),
  };
}

/** A page of top-level messages and their replies, flat. */
export function flattenPage(nodes: readonly PageNode[]): ThreadMessage[] {
  return nodes.flatMap((node) => [toThreadMessage(node), ...node.replies.map(toThreadMessage)]);
}
