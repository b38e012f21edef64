import {
  type Ack,
  HANDSHAKE_REFUSALS,
  type HandshakeRefusal,
  LIVE_NODE_KEY_PARAM,
  SERVER_EVENTS,
  type ServerEventName,
  type ServerEventPayloads,
} from '@commons/shared';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

/**
 * The tab's one live connection to the server (socket.io, same origin, authenticated by the
 * session cookie at the handshake). The app opens it for a signed-in member through
 * `RealtimeProvider`; features use it through the hooks there, or directly:
 *
 * - `on(event, handler)` listens to a server event (names and payloads in
 *   `shared/src/realtime/events.ts`; a capability adds its events there). Returns the unsubscribe.
 * - `request(event, payload)` sends a client event and resolves with the server's `Ack`
 *   (`{ ok: true, data }` or `{ ok: false, error }`; TIMEOUT when no answer comes in time). Sent
 *   while offline, it waits for the connection. Declare each event and its ack data in
 *   `ClientRequests` (module augmentation, see below).
 * - `send(event, payload, { volatile })` sends without waiting; volatile events (typing, presence)
 *   are dropped rather than queued while offline.
 * - `onConnect(handler)` runs on every connection, with `reconnected` after a drop and `recovered`
 *   when socket.io restored the missed events and rooms. After a reconnection that was not
 *   recovered, rejoin rooms and catch up from the last id seen (the server's store is the truth).
 *
 * It reconnects by itself after network drops and server restarts. A refusal at the handshake
 * (UNAUTHENTICATED, FORBIDDEN) is reported to `onRefused` and retried with a growing delay. After
 * `session:ended` for a signed-out, revoked or expired session it stays closed.
 */
export type RealtimeStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'refused' | 'ended' | 'closed';

/**
 * Client → server events: each name with its payload and the data its acknowledgement carries.
 * Empty until a capability adds its own, e.g. the threads client:
 *
 *     declare module '../realtime/realtime-connection' {
 *       interface ClientRequests {
 *         'thread:send': { payload: SendMessagePayload; result: { id: string } };
 *       }
 *     }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- empty on purpose: each capability adds its requests by declaration merging (above)
export interface ClientRequests {}

export type ClientRequestName = keyof ClientRequests;
type PayloadOf<E extends ClientRequestName> = ClientRequests[E] extends { payload: infer P } ? P : never;
type ResultOf<E extends ClientRequestName> = ClientRequests[E] extends { result: infer R } ? R : unknown;

export interface ConnectInfo {
  /** True after a drop (not on the first connection). */
  reconnected: boolean;
  /** True when socket.io restored the session: events missed meanwhile were delivered and rooms kept. */
  recovered: boolean;
}

export interface RealtimeOptions {
  /** The server's origin; the page's own when omitted (the app always uses its own). */
  url?: string;
  /** socket.io options to override (tests shorten the reconnection delays, pass a cookie in Node). */
  socket?: Partial<ManagerOptions & SocketOptions>;
}

/** Codes the server's handshake refuses a socket with (TOO_MANY_CONNECTIONS: the member has too many tabs open). */
export type RefusalCode = HandshakeRefusal | 'OTHER';

/** 128 random bits in hex (getRandomValues, unlike randomUUID, also works on plain-http origins). */
function newNodeKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const DEFAULT_TIMEOUT_MS = 10_000;
const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;

export class RealtimeConnection {
  readonly socket: Socket;
  private status: RealtimeStatus = 'idle';
  private everConnected = false;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly statusListeners = new Set<() => void>();
  private readonly connectListeners = new Set<(info: ConnectInfo) => void>();
  private readonly refusedListeners = new Set<(code: RefusalCode) => void>();
  private readonly retryBaseMs: number;

  constructor(options: RealtimeOptions = {}) {
    const socketOptions: Partial<ManagerOptions & SocketOptions> = {
      path: '/socket.io',
      autoConnect: false,
      withCredentials: true,
      // WebSocket first; long-polling when a proxy on the way strips WebSocket upgrades.
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      // Behind several app processes, the proxy sends every request carrying this key to the same
      // one: long-polling needs that (docker/nginx.conf.template). socket.io repeats the query on
      // every polling request and on the WebSocket URL.
      query: { [LIVE_NODE_KEY_PARAM]: newNodeKey() },
      forceNew: true,
      reconnectionDelay: RETRY_BASE_MS,
      reconnectionDelayMax: 10_000,
      ...options.socket,
    };
    this.retryBaseMs = socketOptions.reconnectionDelay ?? RETRY_BASE_MS;
    this.socket = options.url ? io(options.url, socketOptions) : io(socketOptions);

    this.socket.on('connect', () => {
      const info = { reconnected: this.everConnected, recovered: this.socket.recovered };
      this.everConnected = true;
      this.retries = 0;
      this.setStatus('connected');
      for (const listener of [...this.connectListeners]) listener(info);
    });
    this.socket.on('disconnect', (reason) => {
      if (this.status === 'closed' || this.status === 'ended') return;
      this.setStatus('reconnecting');
      // The server closed this socket on purpose (for instance a membership ended): socket.io will
      // not come back by itself, so try again; the handshake decides whether the session still holds.
      if (reason === 'io server disconnect') this.retryLater();
    });
    this.socket.on('connect_error', (error) => {
      if (this.status === 'closed' || this.status === 'ended') return;
      if (this.socket.active) {
        this.setStatus('reconnecting');
        return;
      }
      const code: RefusalCode = (HANDSHAKE_REFUSALS as readonly string[]).includes(error.message)
        ? (error.message as HandshakeRefusal)
        : 'OTHER';
      this.setStatus('refused');
      for (const listener of [...this.refusedListeners]) listener(code);
      this.retryLater();
    });
    this.socket.on(SERVER_EVENTS.sessionEnded, ({ reason }: ServerEventPayloads['session:ended']) => {
      if (reason !== 'deactivated') this.end('ended');
    });
  }

  /** Opens the connection (again, after `close`). */
  connect(): void {
    if (this.status === 'connected' || this.status === 'connecting') return;
    this.clearRetry();
    this.setStatus('connecting');
    this.socket.connect();
  }

  /** Closes it for good: no reconnection. */
  close(): void {
    this.end('closed');
  }

  getStatus(): RealtimeStatus {
    return this.status;
  }

  /** Calls `listener` whenever the status changes; returns the unsubscribe. */
  subscribeStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Listens to a server event; returns the unsubscribe. */
  on<E extends ServerEventName>(event: E, handler: (payload: ServerEventPayloads[E]) => void): () => void {
    const listener = (payload: ServerEventPayloads[E]) => handler(payload);
    // Widened to a plain name: the untyped socket cannot tell a generic event name from its reserved ones.
    const name: string = event;
    this.socket.on(name, listener);
    return () => {
      this.socket.off(name, listener);
    };
  }

  /** Runs `handler` on every connection (see ConnectInfo); returns the unsubscribe. */
  onConnect(handler: (info: ConnectInfo) => void): () => void {
    this.connectListeners.add(handler);
    return () => this.connectListeners.delete(handler);
  }

  /** Runs `handler` when the server refuses the handshake; returns the unsubscribe. */
  onRefused(handler: (code: RefusalCode) => void): () => void {
    this.refusedListeners.add(handler);
    return () => this.refusedListeners.delete(handler);
  }

  /** Sends a client event and waits for its acknowledgement (queued while offline). */
  async request<E extends ClientRequestName>(
    event: E,
    payload: PayloadOf<E>,
    options: { timeoutMs?: number } = {},
  ): Promise<Ack<ResultOf<E>>> {
    try {
      return (await this.socket.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<
        ResultOf<E>
      >;
    } catch {
      return { ok: false, error: { code: 'TIMEOUT', message: 'The server did not answer in time.' } };
    }
  }

  /** Sends a client event without waiting; `volatile` ones are dropped while offline. */
  send<E extends ClientRequestName>(event: E, payload: PayloadOf<E>, options: { volatile?: boolean } = {}): void {
    (options.volatile ? this.socket.volatile : this.socket).emit(event, payload);
  }

  private end(status: 'ended' | 'closed') {
    this.clearRetry();
    this.setStatus(status);
    this.socket.disconnect();
  }

  private retryLater() {
    this.clearRetry();
    const delay = Math.min(RETRY_MAX_MS, this.retryBaseMs * 2 ** this.retries);
    this.retries += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.status === 'refused' || this.status === 'reconnecting') this.socket.connect();
    }, delay);
  }

  private clearRetry() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setStatus(status: RealtimeStatus) {
    if (this.status === status) return;
    this.status = status;
    for (const listener of [...this.statusListeners]) listener();
  }
}
