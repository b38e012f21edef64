import {
  compareSeq,
  laterSeq,
  type ReactionEmoji,
  type Seq,
  THREAD_LIMITS,
  THREAD_SERVER_EVENTS,
  type ThreadPersonPayload,
} from '@commons/shared';
import type { RealtimeConnection } from '../realtime/realtime-connection';
import { onThreadEvent } from './thread-events';
import {
  acknowledge,
  addPending,
  applyReactions,
  applySync,
  applyUpdate,
  beginSync,
  changesSince,
  discardPending,
  loadedState,
  mergeMessages,
  newestSeq,
  type PendingMessage,
  pendingToResend,
  receiveLive,
  type SendError,
  setPendingStatus,
  syncFailed,
  type ThreadMessage,
  type ThreadState,
} from './thread-state';
import { TYPING_SHOWN_MS, TypingNotifier } from './typing';

/** What the panel shows, replaced as a whole on every change. */
export interface ThreadSnapshot {
  messages: ThreadMessage[];
  pending: PendingMessage[];
  /** Who is in the thread now (the viewer included). */
  presence: ThreadPersonPayload[];
  /** Others typing now, by name. */
  typing: { userId: string; name: string }[];
  /** Messages of others after the viewer's read marker. */
  unread: number;
  lastReadSeq: Seq;
  /** A join or catch-up is in flight. */
  syncing: boolean;
  /** The server stopped sending this thread: the viewer may no longer read it. */
  revoked: boolean;
  /** The first join answered: the thread is live. */
  live: boolean;
}

/** A message of someone else that arrived: announced to screen readers. */
export interface Arrival {
  /** Live one by one, or several at once after a catch-up. */
  messages: ThreadMessage[];
  caughtUp: boolean;
}

export interface ThreadControllerOptions {
  connection: RealtimeConnection;
  threadId: string;
  viewerId: string;
  /** The history loaded over GraphQL: the newest page (with replies). */
  messages: readonly ThreadMessage[];
  lastReadSeq: Seq;
  unread: number;
  onArrival?: (arrival: Arrival) => void;
  /** Makes clientIds (tests pass their own). */
  newClientId?: () => string;
}

/** 32 random hex characters: unique per member in practice, and valid as a clientId. */
export function randomClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const GONE_CODES = new Set(['FORBIDDEN', 'NOT_FOUND']);
const CONNECTION_CODES = new Set(['TIMEOUT']);

/**
 * One thread, live: holds its messages and keeps them complete over the tab's connection. It joins
 * with the last seq it holds on every connection (the first, and after any drop), asks for more
 * while the answer says more follow, drops duplicates by id, and catches up when a live message
 * does not follow the last one it holds. Messages the member writes show at once, keyed by their
 * clientId, and are replaced by the stored ones when acknowledged; a failed one is sent again with
 * the same clientId, so it is stored once.
 */
export class ThreadController {
  private state: ThreadState;
  private presence: ThreadPersonPayload[] = [];
  private readonly typingNames = new Map<string, string>();
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private unread: number;
  private lastReadSeq: Seq;
  private readSent: Seq;
  private revoked = false;
  private live = false;
  private stopped = false;
  /** Counts connections, so an answer to a join from before a drop is ignored. */
  private generation = 0;
  private snapshot: ThreadSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribers: (() => void)[] = [];
  private readonly notifier: TypingNotifier;
  private readonly newClientId: () => string;

  constructor(private readonly options: ThreadControllerOptions) {
    this.state = loadedState(options.messages);
    this.lastReadSeq = options.lastReadSeq;
    this.readSent = options.lastReadSeq;
    this.unread = options.unread;
    this.newClientId = options.newClientId ?? randomClientId;
    this.notifier = new TypingNotifier((typing) => {
      if (this.options.connection.socket.connected)
        this.options.connection.send('typing', { threadId: this.options.threadId, typing }, { volatile: true });
    });
    this.snapshot = this.makeSnapshot();
  }

  get threadId(): string {
    return this.options.threadId;
  }

  /** Starts listening and joins (now when connected, otherwise when the connection opens). */
  start(): void {
    const { connection, threadId } = this.options;
    const mine =
      <T extends { threadId: string }>(handler: (payload: T) => void) =>
      (payload: T) => {
        if (payload.threadId === threadId && !this.stopped) handler(payload);
      };
    this.unsubscribers.push(
      onThreadEvent(
        connection,
        THREAD_SERVER_EVENTS.messageNew,
        mine((message) => this.onMessageNew(message)),
      ),
      onThreadEvent(
        connection,
        THREAD_SERVER_EVENTS.messageUpdated,
        mine((message) => this.update(applyUpdate(this.state, message))),
      ),
      onThreadEvent(
        connection,
        THREAD_SERVER_EVENTS.reactions,
        mine((p) => this.update(applyReactions(this.state, p.messageId, p.reactions))),
      ),
      onThreadEvent(
        connection,
        THREAD_SERVER_EVENTS.presence,
        mine((p) => this.setPresence(p.members)),
      ),
      onThreadEvent(
        connection,
        THREAD_SERVER_EVENTS.typing,
        mine((p) => this.onTyping(p.userId, p.name, p.typing)),
      ),
      onThreadEvent(
        connection,
        THREAD_SERVER_EVENTS.unread,
        mine((p) => this.onReadState(p.lastReadSeq, p.unread)),
      ),
      onThreadEvent(
        connection,
        THREAD_SERVER_EVENTS.revoked,
        mine(() => this.onRevoked()),
      ),
      connection.onConnect(() => void this.join()),
      connection.subscribeStatus(() => {
        if (connection.getStatus() !== 'connected') this.onDisconnected();
      }),
    );
    if (connection.socket.connected) void this.join();
  }

  /** Stops listening and leaves the thread's room. */
  stop(): void {
    if (this.stopped) return;
    this.notifier.stop();
    this.stopped = true;
    for (const off of this.unsubscribers.splice(0)) off();
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    this.typingTimers.clear();
    if (this.options.connection.socket.connected)
      this.options.connection.send('thread:leave', { threadId: this.options.threadId });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ThreadSnapshot => this.snapshot;

  /** Older messages loaded over GraphQL ("Load earlier messages"): they never move the catch-up point. */
  addHistory(messages: readonly ThreadMessage[]): void {
    this.update({ ...this.state, messages: mergeMessages(this.state.messages, messages) });
  }

  /** Sends a new message (a reply when `parentId` is given); it shows at once as sending. */
  send(body: string, parentId: string | null = null): string {
    const clientId = this.newClientId();
    this.update(
      addPending(this.state, { clientId, body, parentId, status: 'sending', createdAt: new Date().toISOString() }),
    );
    this.notifier.stop();
    void this.dispatch(clientId);
    return clientId;
  }

  /** Sends a failed message again, with the same clientId. */
  retry(clientId: string): void {
    if (!this.state.pending.some((p) => p.clientId === clientId)) return;
    void this.dispatch(clientId);
  }

  discard(clientId: string): void {
    this.update(discardPending(this.state, clientId));
  }

  /** Replaces the body of the viewer's message; resolves with why it failed, or null. */
  async edit(messageId: string, body: string): Promise<SendError | null> {
    const ack = await this.options.connection.request('message:edit', { messageId, body });
    if (!ack.ok) return errorOf(ack.error);
    this.update(applyUpdate(this.state, ack.data.message));
    return null;
  }

  /** Deletes a message (it stays as a tombstone); resolves with why it failed, or null. */
  async remove(messageId: string): Promise<SendError | null> {
    const ack = await this.options.connection.request('message:delete', { messageId });
    if (!ack.ok) return errorOf(ack.error);
    this.update(applyUpdate(this.state, ack.data.message));
    return null;
  }

  /** Puts the viewer's reaction on a message or takes it off; resolves with why it failed, or null. */
  async react(messageId: string, emoji: ReactionEmoji): Promise<SendError | null> {
    const ack = await this.options.connection.request('reaction:toggle', { messageId, emoji });
    if (!ack.ok) return errorOf(ack.error);
    this.update(applyReactions(this.state, ack.data.messageId, ack.data.reactions));
    return null;
  }

  /** A key press in a message box. */
  typingInput(): void {
    this.notifier.input();
  }

  /** The member left the message box or sent. */
  typingStop(): void {
    this.notifier.stop();
  }

  /** The member has seen everything shown: move her read marker to the newest message. */
  markSeen(): void {
    const newest = newestSeq(this.state.messages);
    if (compareSeq(newest, this.readSent) <= 0 || !this.options.connection.socket.connected) return;
    this.readSent = newest;
    void this.options.connection
      .request('thread:read', { threadId: this.options.threadId, seq: newest })
      .then((ack) => {
        if (ack.ok) this.onReadState(ack.data.lastReadSeq, ack.data.unread);
        // Not stored (the connection dropped): try again when next seen.
        else if (compareSeq(this.readSent, newest) === 0) this.readSent = this.lastReadSeq;
      });
  }

  private async dispatch(clientId: string): Promise<void> {
    const pending = this.state.pending.find((p) => p.clientId === clientId);
    if (!pending) return;
    const { connection, threadId } = this.options;
    if (!connection.socket.connected) {
      this.update(setPendingStatus(this.state, clientId, 'waiting'));
      return;
    }
    this.update(setPendingStatus(this.state, clientId, 'sending'));
    const ack = await connection.request('message:send', {
      threadId,
      clientId,
      body: pending.body,
      parentId: pending.parentId,
    });
    if (this.stopped || !this.state.pending.some((p) => p.clientId === clientId)) return;
    if (ack.ok) {
      this.update(acknowledge(this.state, ack.data.message, this.options.viewerId));
      return;
    }
    // Cut off by a drop: it goes again, with the same clientId, once the connection is back.
    if (CONNECTION_CODES.has(ack.error.code) && !connection.socket.connected)
      this.update(setPendingStatus(this.state, clientId, 'waiting'));
    else this.update(setPendingStatus(this.state, clientId, 'failed', errorOf(ack.error)));
  }

  private async join(): Promise<void> {
    if (this.stopped || this.revoked) return;
    const generation = ++this.generation;
    const { connection, threadId } = this.options;
    const since = changesSince(this.state.messages);
    this.update(beginSync(this.state));
    const ack = await connection.request('thread:join', {
      threadId,
      lastSeenSeq: this.state.lastSeenSeq ?? '0',
      ...(since ? { changesSince: since } : {}),
    });
    if (this.stopped || generation !== this.generation) return;
    if (!ack.ok) {
      if (GONE_CODES.has(ack.error.code)) this.onRevoked();
      else this.update(syncFailed(this.state));
      return;
    }
    this.live = true;
    this.presence = ack.data.presence;
    this.onReadState(ack.data.lastReadSeq, this.unread, false);
    const before = new Set(this.state.messages.map((m) => m.id));
    const { state, next } = applySync(this.state, ack.data, this.options.viewerId);
    this.update(state);
    this.announceCaughtUp(ack.data.messages.filter((m) => !before.has(m.id)));
    if (next === 'catch-up') await this.catchUp(generation);
    if (this.stopped || generation !== this.generation) return;
    for (const pending of pendingToResend(this.state)) void this.dispatch(pending.clientId);
  }

  private async catchUp(generation: number): Promise<void> {
    const { connection, threadId } = this.options;
    for (;;) {
      const afterSeq = this.state.lastSeenSeq ?? '0';
      const ack = await connection.request('thread:catch-up', { threadId, afterSeq, limit: THREAD_LIMITS.catchUpMax });
      if (this.stopped || generation !== this.generation) return;
      if (!ack.ok) {
        if (GONE_CODES.has(ack.error.code)) this.onRevoked();
        else this.update(syncFailed(this.state));
        return;
      }
      const before = new Set(this.state.messages.map((m) => m.id));
      const { state, next } = applySync(this.state, ack.data, this.options.viewerId);
      this.update(state);
      this.announceCaughtUp(ack.data.messages.filter((m) => !before.has(m.id)));
      if (next === 'done') return;
    }
  }

  private onMessageNew(message: Parameters<typeof receiveLive>[1]): void {
    const known = this.state.messages.some((m) => m.id === message.id);
    const { state, catchUp } = receiveLive(this.state, message, this.options.viewerId);
    this.clearTyping(message.author.userId, false);
    if (!known && message.author.userId !== this.options.viewerId && compareSeq(message.seq, this.lastReadSeq) > 0)
      this.unread += 1;
    this.state = state;
    this.emit();
    if (!known && message.author.userId !== this.options.viewerId)
      this.options.onArrival?.({ messages: [message], caughtUp: false });
    if (catchUp) void this.catchUp(this.generation);
  }

  private announceCaughtUp(messages: readonly ThreadMessage[]): void {
    const others = messages.filter((m) => m.author.userId !== this.options.viewerId && !m.deleted);
    if (others.length > 0) this.options.onArrival?.({ messages: others, caughtUp: true });
  }

  private onDisconnected(): void {
    // Answers to the join in flight, if any, are no longer awaited; the next connection joins again.
    this.generation += 1;
    if (this.state.syncing) this.update(syncFailed(this.state));
  }

  private onReadState(lastReadSeq: Seq, unread: number, notify = true): void {
    this.lastReadSeq = laterSeq(this.lastReadSeq, lastReadSeq) ?? lastReadSeq;
    this.readSent = laterSeq(this.readSent, this.lastReadSeq) ?? this.lastReadSeq;
    this.unread = unread;
    if (notify) this.emit();
  }

  private onRevoked(): void {
    this.revoked = true;
    this.presence = [];
    this.emit();
  }

  private setPresence(members: ThreadPersonPayload[]): void {
    this.presence = members;
    this.emit();
  }

  private onTyping(userId: string, name: string, typing: boolean): void {
    if (userId === this.options.viewerId) return;
    if (!typing) {
      this.clearTyping(userId);
      return;
    }
    const timer = this.typingTimers.get(userId);
    if (timer) clearTimeout(timer);
    this.typingTimers.set(
      userId,
      setTimeout(() => this.clearTyping(userId), TYPING_SHOWN_MS),
    );
    if (this.typingNames.get(userId) !== name) {
      this.typingNames.set(userId, name);
      this.emit();
    }
  }

  private clearTyping(userId: string, notify = true): void {
    const timer = this.typingTimers.get(userId);
    if (timer) clearTimeout(timer);
    this.typingTimers.delete(userId);
    if (this.typingNames.delete(userId) && notify) this.emit();
  }

  private update(state: ThreadState): void {
    if (state === this.state) return;
    this.state = state;
    this.emit();
  }

  private emit(): void {
    if (this.stopped) return;
    this.snapshot = this.makeSnapshot();
    for (const listener of [...this.listeners]) listener();
  }

  private makeSnapshot(): ThreadSnapshot {
    return {
      messages: this.state.messages,
      pending: this.state.pending,
      presence: this.presence,
      typing: [...this.typingNames].map(([userId, name]) => ({ userId, name })),
      unread: this.unread,
      lastReadSeq: this.lastReadSeq,
      syncing: this.state.syncing,
      revoked: this.revoked,
      live: this.live,
    };
  }
}

function errorOf(error: { code: string; retryAfterSeconds?: number }): SendError {
  return { code: error.code, ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}) };
}
