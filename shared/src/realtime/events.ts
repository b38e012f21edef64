import type { OptionDots, PositionCounts, ProposalKind } from '../codesign/proposals';
import type { ApiErrorCode, ErrorReason } from '../errors';
import type { FieldIssue } from '../validation/issues';
import type { NotificationKind, NotificationSubjectType } from '../validation/notifications';

/** socket.io event names, shared by server and client. Later capabilities add theirs here. */
export const SERVER_EVENTS = {
  /** The session this socket was opened with has ended (signed out, revoked, deactivated, expired: idle or past its lifetime). */
  sessionEnded: 'session:ended',
  /** A notification for this member was committed; carries her new unread count in its network. */
  notificationNew: 'notification:new',
  /** This member's unread count in a network changed otherwise (she marked notifications read). */
  notificationsUnread: 'notifications:unread',
  /**
   * A change idea moved, or a decision on it was proposed, confirmed, declined or withdrawn; sent
   * to everyone in the idea's thread, so its open pages refresh.
   */
  ideaChanged: 'idea:changed',
  /**
   * A decision this member is named in was proposed, answered, withdrawn or took effect: sent to
   * the participants' own sockets, so their home card of decisions waiting for them stays current.
   */
  decisionChanged: 'decision:changed',
  /** A proposal in a thread was opened, a position on it changed, or it closed: its tally now. Sent to everyone in the thread. */
  proposalChanged: 'proposal:changed',
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
  [SERVER_EVENTS.notificationNew]: {
    networkId: string;
    unreadCount: number;
    kind: NotificationKind;
    subjectType: NotificationSubjectType;
    subjectId: string;
  };
  [SERVER_EVENTS.notificationsUnread]: { networkId: string; unreadCount: number };
  [SERVER_EVENTS.ideaChanged]: { ideaId: string; status: string; version: number };
  [SERVER_EVENTS.decisionChanged]: { networkId: string; ideaId: string; decisionId: string; status: string };
  [SERVER_EVENTS.proposalChanged]: ProposalChangedPayload;
}

/**
 * Why an event was refused: the same code (and reason, and field issues) a GraphQL error carries
 * in its `extensions`. `message` is English for API users; a client translates the code.
 */
export interface AckError {
  code: ApiErrorCode;
  message: string;
  field?: string;
  issues?: FieldIssue[];
  reason?: ErrorReason;
  retryAfterSeconds?: number;
}

/** Acknowledgement every client → server event receives. */
export type Ack<T = unknown> = { ok: true; data: T } | { ok: false; error: AckError };

/**
 * A proposal's tally as the thread hears it. `revision` grows with every change, so a client
 * keeps the highest it saw (events from two processes may arrive out of order). Counts only:
 * who took which position is read over GraphQL.
 */
export interface ProposalChangedPayload {
  proposalId: string;
  threadId: string;
  kind: ProposalKind;
  revision: number;
  open: boolean;
  /** Members who took a position (CONSENT) or spread dots (DOT_VOTE). */
  voters: number;
  /** CONSENT: positions by voice group; null for a DOT_VOTE. */
  positions: PositionCounts[] | null;
  /** DOT_VOTE: dots per option and voice group; null for CONSENT. */
  dots: OptionDots[] | null;
}
