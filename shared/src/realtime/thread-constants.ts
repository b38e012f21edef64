// Event names, limits and codes of live threads, free of zod's runtime: the web app's navigation uses them alone.

/** Live thread events a client sends; each gets an `Ack`. */
export const THREAD_CLIENT_EVENTS = {
  join: 'thread:join',
  catchUp: 'thread:catch-up',
  leave: 'thread:leave',
  read: 'thread:read',
  send: 'message:send',
  edit: 'message:edit',
  delete: 'message:delete',
  react: 'reaction:toggle',
  typing: 'typing',
} as const;

/** Live thread events the server sends. Each one about a message carries its `seq`. */
export const THREAD_SERVER_EVENTS = {
  /** A new message, stored before it was sent: `ThreadMessagePayload` with `prevSeq`. */
  messageNew: 'message:new',
  /** A message was edited or deleted (a tombstone): the whole message as it now is. */
  messageUpdated: 'message:updated',
  /** A message's reactions changed. */
  reactions: 'message:reactions',
  /** Who is in the thread now (all of them, not a change). */
  presence: 'thread:presence',
  typing: 'typing',
  /** A member's unread count of one thread changed (to her sockets only). */
  unread: 'thread:unread',
  /** New messages in a thread the member follows (to her sockets): refresh its unread count. */
  activity: 'thread:activity',
  /** The member may no longer read the thread (removed from its group, the subject hidden): it stopped sending it. */
  revoked: 'thread:revoked',
} as const;

export const THREAD_LIMITS = {
  bodyMax: 10_000,
  clientIdMax: 64,
  /** Most messages one catch-up answer holds; the client asks again from the last one. */
  catchUpMax: 200,
  catchUpDefault: 100,
  pageMax: 100,
  pageDefault: 30,
  repliesPerMessage: 100,
} as const;

/** The reactions members may put on a message (a fixed set, so each has a translated name). */
export const REACTION_EMOJI = ['👍', '❤️', '🎉', '🙏', '💡', '👀'] as const;
export type ReactionEmoji = (typeof REACTION_EMOJI)[number];

/** Error codes a thread event's negative ack may carry. */
export const THREAD_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ThreadErrorCode = (typeof THREAD_ERROR_CODES)[number];
