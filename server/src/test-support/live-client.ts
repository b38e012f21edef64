import { randomUUID } from 'node:crypto';
import type { Ack, MessageNewPayload, ThreadJoinResult, ThreadMessagePayload } from '@commons/shared';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

/** socket.io options a test may change (transports, query, reconnection, extra headers...). */
export type LiveClientOptions = Partial<ManagerOptions & SocketOptions>;

export type JoinAck = Ack<ThreadJoinResult & { presence: { userId: string; name: string }[] }>;
export type SendAck = Ack<{ message: ThreadMessagePayload; created: boolean }>;

/**
 * A member's live connection as a browser opens it: the session cookie at the handshake, the
 * websocket transport. Records every event it receives, so tests can wait for one or count them.
 */
export class LiveClient {
  readonly socket: Socket;
  readonly received: { event: string; payload: any }[] = [];
  private waiters: { event: string; match: (payload: any) => boolean; resolve: (payload: any) => void }[] = [];

  constructor(url: string, cookie: string | null, options: LiveClientOptions = {}) {
    this.socket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      ...options,
      extraHeaders: { ...(cookie ? { cookie } : {}), ...options.extraHeaders },
    });
    this.socket.onAny((event: string, payload: unknown) => {
      this.received.push({ event, payload });
      this.waiters = this.waiters.filter((waiter) => {
        if (waiter.event !== event || !waiter.match(payload)) return true;
        waiter.resolve(payload);
        return false;
      });
    });
  }

  static async open(url: string, cookie: string | null, options: LiveClientOptions = {}): Promise<LiveClient> {
    const client = new LiveClient(url, cookie, options);
    await client.connected();
    return client;
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** Emits `event` and resolves with its acknowledgement. */
  request<T = any>(event: string, payload?: unknown): Promise<Ack<T>> {
    return this.socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack<T>>;
  }

  /** Like `request`, but the ack must be positive; returns its data. */
  async ok<T = any>(event: string, payload?: unknown): Promise<T> {
    const ack = await this.request<T>(event, payload);
    if (!ack.ok) throw new Error(`${event} refused: ${JSON.stringify(ack.error)}`);
    return ack.data;
  }

  join(threadId: string, lastSeenSeq?: string | null) {
    return this.request(`thread:join`, { threadId, lastSeenSeq }) as Promise<JoinAck>;
  }

  send(threadId: string, body: string, extra: { clientId?: string; parentId?: string } = {}) {
    return this.request(`message:send`, {
      threadId,
      clientId: extra.clientId ?? newClientId(),
      body,
      parentId: extra.parentId,
    }) as Promise<SendAck>;
  }

  /** Resolves with the next `event` (already received ones included) whose payload matches. */
  next<T = any>(event: string, match: (payload: T) => boolean = () => true): Promise<T> {
    const seen = this.received.find((r) => r.event === event && match(r.payload));
    if (seen) return Promise.resolve(seen.payload);
    return new Promise((resolve) => this.waiters.push({ event, match, resolve }));
  }

  /** Every `message:new` received for a thread, in arrival order. */
  newMessages(threadId: string): MessageNewPayload[] {
    return this.received
      .filter((r) => r.event === 'message:new' && r.payload.threadId === threadId)
      .map((r) => r.payload);
  }

  close() {
    this.socket.close();
  }
}

export const newClientId = () => `c-${randomUUID()}`;
