import {
  compareSeq,
  laterSeq,
  type MessageNewPayload,
  type ReactionPayload,
  type Seq,
  type ThreadMessagePayload,
} from '@commons/shared';

/** A message as the panel holds it: the live payload (GraphQL pages are mapped to it). */
export type ThreadMessage = ThreadMessagePayload;

/** Why a send failed, from its acknowledgement (or TIMEOUT when none came). */
export interface SendError {
  code: string;
  retryAfterSeconds?: number;
}

/**
 * A message the member wrote that the server has not acknowledged yet, keyed by the clientId it
 * is sent with: a retry reuses it, so the server stores it once whatever happens.
 */
export interface PendingMessage {
  clientId: string;
  /** The body as sent (mentions as tokens). */
  body: string;
  parentId: string | null;
  /** `waiting`: not sent yet because the connection is down; it goes when it comes back. */
  status: 'sending' | 'waiting' | 'failed';
  error?: SendError;
  createdAt: string;
}

/**
 * What the panel knows of a thread. `lastSeenSeq` is the newest seq up to which it holds every
 * message (it moves only when nothing before can be missing); live messages that arrive while a
 * join or catch-up is in flight are kept in `held` and checked once it answers.
 */
export interface ThreadState {
  /** One per id, by seq. */
  messages: ThreadMessage[];
  lastSeenSeq: Seq | null;
  pending: PendingMessage[];
  syncing: boolean;
  held: MessageNewPayload[];
}

/** The newest seq among `messages` ('0' for none). */
export function newestSeq(messages: readonly { seq: Seq }[]): Seq {
  return messages.reduce<Seq>((newest, m) => (compareSeq(m.seq, newest) > 0 ? m.seq : newest), '0');
}

/**
 * The latest moment anything among `messages` was written, edited or deleted: a join after a
 * drop sends it, so edits and deletions made meanwhile come back too.
 */
export function changesSince(messages: readonly ThreadMessage[]): string | null {
  let latest: string | null = null;
  for (const m of messages) {
    for (const at of [m.createdAt, m.editedAt, m.deletedAt]) {
      if (at && (latest === null || Date.parse(at) > Date.parse(latest))) latest = at;
    }
  }
  return latest;
}

/** The state of a thread whose history was just loaded (the newest page: everything up to its newest seq). */
export function loadedState(messages: readonly ThreadMessage[]): ThreadState {
  const merged = mergeMessages([], messages);
  return { messages: merged, lastSeenSeq: newestSeq(merged), pending: [], syncing: false, held: [] };
}

/** A tombstone is final; otherwise the later edit is the newer version (a tie goes to the incoming copy). */
function newer(current: ThreadMessage, incoming: ThreadMessage): ThreadMessage {
  if (current.deleted !== incoming.deleted) return current.deleted ? current : incoming;
  const at = (m: ThreadMessage) => (m.editedAt ? Date.parse(m.editedAt) : 0);
  return at(current) > at(incoming) ? current : incoming;
}

/**
 * `current` and `incoming` merged: one message per id, the newer version of each (an edit or a
 * tombstone is never replaced by an older copy from a slower answer), ordered by seq.
 */
export function mergeMessages(current: readonly ThreadMessage[], incoming: readonly ThreadMessage[]): ThreadMessage[] {
  if (incoming.length === 0) return current as ThreadMessage[];
  const byId = new Map<string, ThreadMessage>();
  for (const m of current) byId.set(m.id, m);
  for (const m of incoming) {
    const held = byId.get(m.id);
    byId.set(m.id, held ? newer(held, m) : m);
  }
  return [...byId.values()].sort((a, b) => compareSeq(a.seq, b.seq));
}

/** Pending messages that `arrived` (by the viewer's clientId) no longer wait: the stored one replaces each. */
function settlePending(
  pending: PendingMessage[],
  arrived: readonly ThreadMessage[],
  viewerId: string,
): PendingMessage[] {
  const stored = new Set(arrived.filter((m) => m.author.userId === viewerId).map((m) => m.clientId));
  return stored.size === 0 ? pending : pending.filter((p) => !stored.has(p.clientId));
}

function withMessages(state: ThreadState, incoming: readonly ThreadMessage[], viewerId: string): ThreadState {
  if (incoming.length === 0) return state;
  return {
    ...state,
    messages: mergeMessages(state.messages, incoming),
    pending: settlePending(state.pending, incoming, viewerId),
  };
}

/**
 * A live `message:new`: shown at once in any case. It moves `lastSeenSeq` when it follows it
 * directly; when it does not (something was missed), the answer says to catch up first. While a
 * join or catch-up is in flight it is held and checked when that answers.
 */
export function receiveLive(
  state: ThreadState,
  incoming: MessageNewPayload,
  viewerId: string,
): { state: ThreadState; catchUp: boolean } {
  const { prevSeq: _prevSeq, ...message } = incoming;
  const shown = withMessages(state, [message], viewerId);
  const seen = state.lastSeenSeq ?? '0';
  if (compareSeq(incoming.seq, seen) <= 0) return { state: shown, catchUp: false };
  if (state.syncing) return { state: { ...shown, held: [...state.held, incoming] }, catchUp: false };
  if (compareSeq(incoming.prevSeq, seen) === 0)
    return { state: { ...shown, lastSeenSeq: incoming.seq }, catchUp: false };
  return { state: { ...shown, syncing: true, held: [incoming] }, catchUp: true };
}

/** A join or catch-up is on its way. */
export function beginSync(state: ThreadState): ThreadState {
  return { ...state, syncing: true };
}

/** The join or catch-up did not answer (the connection dropped): the next connection joins again. */
export function syncFailed(state: ThreadState): ThreadState {
  return { ...state, syncing: false };
}

/**
 * A join or catch-up answered with the messages after `lastSeenSeq` (oldest first) and those
 * edited or deleted meanwhile. `next` says whether to ask again: more follow, or a message held
 * meanwhile still does not connect (asked from the new `lastSeenSeq`).
 */
export function applySync(
  state: ThreadState,
  answer: { messages: readonly ThreadMessage[]; changed?: readonly ThreadMessage[]; hasMore: boolean },
  viewerId: string,
): { state: ThreadState; next: 'catch-up' | 'done' } {
  let next = withMessages(state, [...answer.messages, ...(answer.changed ?? [])], viewerId);
  const last = answer.messages.at(-1)?.seq ?? null;
  next = { ...next, lastSeenSeq: laterSeq(state.lastSeenSeq, last) };
  if (answer.hasMore) return { state: next, next: 'catch-up' };

  let seen = next.lastSeenSeq ?? '0';
  const waiting = [...next.held].sort((a, b) => compareSeq(a.seq, b.seq)).filter((m) => compareSeq(m.seq, seen) > 0);
  while (waiting.length > 0 && compareSeq(waiting[0].prevSeq, seen) === 0) seen = waiting.shift()!.seq;
  if (waiting.length > 0) return { state: { ...next, lastSeenSeq: seen, held: waiting }, next: 'catch-up' };
  return { state: { ...next, lastSeenSeq: seen, held: [], syncing: false }, next: 'done' };
}

/** An edited or deleted message (or any newer copy of one): replaces what is shown, never adds a new one. */
export function applyUpdate(state: ThreadState, message: ThreadMessage): ThreadState {
  if (!state.messages.some((m) => m.id === message.id)) return state;
  return { ...state, messages: mergeMessages(state.messages, [message]) };
}

/** A message's reactions as they are now. */
export function applyReactions(state: ThreadState, messageId: string, reactions: ReactionPayload[]): ThreadState {
  return {
    ...state,
    messages: state.messages.map((m) => (m.id === messageId && !m.deleted ? { ...m, reactions } : m)),
  };
}

/** A message the member just wrote, shown at once while it is sent (or waiting for the connection). */
export function addPending(state: ThreadState, pending: PendingMessage): ThreadState {
  return { ...state, pending: [...state.pending.filter((p) => p.clientId !== pending.clientId), pending] };
}

/** Sets how a pending message is doing (sending again, waiting, or failed with why). */
export function setPendingStatus(
  state: ThreadState,
  clientId: string,
  status: PendingMessage['status'],
  error?: SendError,
): ThreadState {
  return { ...state, pending: state.pending.map((p) => (p.clientId === clientId ? { ...p, status, error } : p)) };
}

/** The member gave up on a message that was not sent. */
export function discardPending(state: ThreadState, clientId: string): ThreadState {
  return { ...state, pending: state.pending.filter((p) => p.clientId !== clientId) };
}

/**
 * The server stored a pending message: the stored one takes its place. It does not move
 * `lastSeenSeq`: others may have written just before it, which the live events or the next
 * catch-up bring.
 */
export function acknowledge(state: ThreadState, message: ThreadMessage, viewerId: string): ThreadState {
  return withMessages(state, [message], viewerId);
}

/** Pending messages to send (again) once the connection is back: those written offline or cut off by the drop. */
export function pendingToResend(state: ThreadState): PendingMessage[] {
  return state.pending.filter((p) => p.status === 'waiting');
}

/** The first message of others after the member's read marker (where "New messages" goes), or null. */
export function firstUnreadId(messages: readonly ThreadMessage[], lastReadSeq: Seq, viewerId: string): string | null {
  return (
    messages.find((m) => m.author.userId !== viewerId && !m.deleted && compareSeq(m.seq, lastReadSeq) > 0)?.id ?? null
  );
}
