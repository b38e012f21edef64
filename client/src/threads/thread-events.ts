import {
  type MessageNewPayload,
  type PresencePayload,
  type ReactionsPayload,
  THREAD_SERVER_EVENTS,
  type ThreadActivityPayload,
  type ThreadCatchUpResult,
  type ThreadEventInput,
  type ThreadJoinResult,
  type ThreadMessagePayload,
  type ThreadPersonPayload,
  type ThreadRevokedPayload,
  type TypingPayload,
  type UnreadPayload,
} from '@commons/shared';
import type { RealtimeConnection } from '../realtime/realtime-connection';

/** What `thread:read` answers: the viewer's marker and unread count now. */
export interface ReadStatePayload {
  threadId: string;
  networkId: string;
  unread: number;
  lastReadSeq: string;
}

declare module '../realtime/realtime-connection' {
  interface ClientRequests {
    'thread:join': {
      payload: ThreadEventInput<'thread:join'>;
      result: ThreadJoinResult & { presence: ThreadPersonPayload[] };
    };
    'thread:catch-up': { payload: ThreadEventInput<'thread:catch-up'>; result: ThreadCatchUpResult };
    'thread:leave': { payload: ThreadEventInput<'thread:leave'>; result: { threadId: string } };
    'thread:read': { payload: ThreadEventInput<'thread:read'>; result: ReadStatePayload };
    'message:send': {
      payload: ThreadEventInput<'message:send'>;
      result: { message: ThreadMessagePayload; created: boolean };
    };
    'message:edit': { payload: ThreadEventInput<'message:edit'>; result: { message: ThreadMessagePayload } };
    'message:delete': { payload: ThreadEventInput<'message:delete'>; result: { message: ThreadMessagePayload } };
    'reaction:toggle': {
      payload: ThreadEventInput<'reaction:toggle'>;
      result: ReactionsPayload & { reacted: boolean };
    };
    typing: { payload: ThreadEventInput<'typing'>; result: { sent: boolean } };
  }
}

/** Payloads of the live thread events the server sends, by event name. */
export interface ThreadServerPayloads {
  [THREAD_SERVER_EVENTS.messageNew]: MessageNewPayload;
  [THREAD_SERVER_EVENTS.messageUpdated]: ThreadMessagePayload;
  [THREAD_SERVER_EVENTS.reactions]: ReactionsPayload;
  [THREAD_SERVER_EVENTS.presence]: PresencePayload;
  [THREAD_SERVER_EVENTS.typing]: TypingPayload;
  [THREAD_SERVER_EVENTS.unread]: UnreadPayload;
  [THREAD_SERVER_EVENTS.activity]: ThreadActivityPayload;
  [THREAD_SERVER_EVENTS.revoked]: ThreadRevokedPayload;
}

export type ThreadServerEvent = keyof ThreadServerPayloads;

/**
 * Listens to a live thread event on the tab's connection; returns the unsubscribe. The
 * connection's own `on` knows the platform's events only, so thread events go to its socket.
 */
export function onThreadEvent<E extends ThreadServerEvent>(
  connection: RealtimeConnection,
  event: E,
  handler: (payload: ThreadServerPayloads[E]) => void,
): () => void {
  const listener = (payload: ThreadServerPayloads[E]) => handler(payload);
  // Widened to a plain name: the untyped socket cannot tell a generic event name from its reserved ones.
  const name: string = event;
  connection.socket.on(name, listener);
  return () => {
    connection.socket.off(name, listener);
  };
}
