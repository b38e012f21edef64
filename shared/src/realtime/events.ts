import type { NotificationKind, NotificationSubjectType } from '../validation/notifications';

/** socket.io event names, shared by server and client. Later capabilities add theirs here. */
export const SERVER_EVENTS = {
  /** The session this socket was opened with has ended (signed out, revoked, deactivated, expired: idle or past its lifetime). */
  sessionEnded: 'session:ended',
  /** A notification for this member was committed; carries her new unread count in its network. */
  notificationNew: 'notification:new',
  /** This member's unread count in a network changed otherwise (she marked notifications read). */
  notificationsUnread: 'notifications:unread',
  /** A change idea moved (a decision was recorded); sent to everyone in the idea's thread, so its open pages refresh. */
  ideaChanged: 'idea:changed',
} as const;

/**
 * Why the server refused a socket at its handshake: the `message` of the client's `connect_error`.
 * TOO_MANY_CONNECTIONS: the member already holds MAX_SOCKETS_PER_MEMBER open sockets.
 */
export const HANDSHAKE_REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN', 'TOO_MANY_CONNECTIONS'] as const;
export type HandshakeRefusal = (typeof HANDSHAKE_REFUSALS)[number];

export type ServerEventName = (typeof SERVER_EVENTS)[keyof typeof SERVER_EVENTS];

/**
 * The socket.io query parameter that carries a random key per live connection. The proxy in front
 * of several app processes (docker/nginx.conf.template) hashes it, so every request of one
 * engine.io session, HTTP long-polling included, reaches the same process.
 */
export const LIVE_NODE_KEY_PARAM = 'node_key';

/** Payloads of server → client events, keyed by event name. */
export interface ServerEventPayloads {
  [SERVER_EVENTS.sessionEnded]: { reason: 'signed-out' | 'revoked' | 'deactivated' | 'expired' };
  [SERVER_EVENTS.notificationNew]: { networkId: string; unreadCount: number; kind: NotificationKind; subjectType: NotificationSubjectType; subjectId: string };
  [SERVER_EVENTS.notificationsUnread]: { networkId: string; unreadCount: number };
  [SERVER_EVENTS.ideaChanged]: { ideaId: string; status: string; version: number };
}

/** Acknowledgement every client → server event receives. */
export type Ack<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; field?: string; retryAfterSeconds?: number } };
