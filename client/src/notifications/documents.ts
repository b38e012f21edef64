import { graphql } from '../gql';

export const UnreadNotificationCountDocument = graphql(`
  query UnreadNotificationCount($networkId: ID!) {
    unreadNotificationCount(networkId: $networkId)
  }
`);

graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    subjectType
    subjectId
    title
    detail
    actorName
    link
    fromStatus
    toStatus
    pdsaStage
    pdsaEvent
    read
    createdAt
  }
`);

export const NotificationsDocument = graphql(`
  query Notifications($networkId: ID!, $first: Int!, $after: String, $unreadOnly: Boolean!) {
    notifications(networkId: $networkId, first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      unreadCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...NotificationFields
      }
    }
  }
`);

export const MarkNotificationReadDocument = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      read
      readAt
    }
  }
`);

export const MarkAllNotificationsReadDocument = graphql(`
  mutation MarkAllNotificationsRead($networkId: ID!) {
    markAllNotificationsRead(networkId: $networkId)
  }
`);

export const NotificationPreferencesDocument = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      kind
      inApp
      email
      emailFrequency
    }
  }
`);

export const SetNotificationPreferenceDocument = graphql(`
  mutation SetNotificationPreference(
    $kind: NotificationKind!
    $inApp: Boolean!
    $email: Boolean!
    $emailFrequency: EmailFrequency
  ) {
    setNotificationPreference(kind: $kind, inApp: $inApp, email: $email, emailFrequency: $emailFrequency) {
      kind
      inApp
      email
      emailFrequency
    }
  }
`);

/** A list with no rows names no types; any change to a notification may still fill it. */
export const NOTIFICATION_CONTEXT = { additionalTypenames: ['Notification'] };

/** Notifications per page. */
export const NOTIFICATIONS_PAGE_SIZE = 20;
