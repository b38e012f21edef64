/** socket.io event names, shared by server and client. Later capabilities add theirs here. */
export const SERVER_EVENTS = {
  /** The session this socket was opened with has ended (signed out, revoked, deactivated). */
  sessionEnded: 'session:ended',
} as const;

export type ServerEventName = (typeof SERVER_EVENTS)[keyof typeof SERVER_EVENTS];

/** Payloads of server → client events, keyed by event name. */
export interface ServerEventPayloads {
  [SERVER_EVENTS.sessionEnded]: { reason: 'signed-out' | 'revoked' | 'deactivated' };
}

/** Acknowledgement every client → server event receives. */
export type Ack<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; field?: string; retryAfterSeconds?: number } };
