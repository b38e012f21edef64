import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { RealtimeOptions } from './realtime-connection';

export const TEST_COOKIE = 'commons_session=test-token';

/**
 * A real socket.io server for component tests, shaped like the app's gateway: a handshake that
 * accepts the session cookie while the session is valid (UNAUTHENTICATED otherwise) and puts each
 * socket in its member's `user:<id>` room. It can be stopped and started again on the same port,
 * like a server restart.
 */
export class TestSocketServer {
  io!: Server;
  private http!: HttpServer;
  port = 0;
  /** Whether the handshake accepts the test cookie. */
  sessionValid = true;
  /** Successful handshakes so far. */
  connections = 0;
  /** The URL of every HTTP request socket.io received (the handshake, each long-polling request, the WebSocket upgrade). */
  readonly requests: string[] = [];

  constructor(private readonly userId: string) {}

  static async start(userId: string): Promise<TestSocketServer> {
    const server = new TestSocketServer(userId);
    await server.listen();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Options for a client of this server: the test cookie, and short reconnection delays. */
  clientOptions(): RealtimeOptions {
    return {
      url: this.url,
      socket: {
        transports: ['websocket'],
        extraHeaders: { cookie: TEST_COOKIE },
        reconnectionDelay: 20,
        reconnectionDelayMax: 50,
        randomizationFactor: 0,
      },
    };
  }

  /** Sockets connected now. */
  connectedCount(): number {
    return this.io.sockets.sockets.size;
  }

  /** Sends a server event to the member's sockets, as the app's RealtimeService does. */
  toUser(event: string, payload: unknown): void {
    this.io.to(`user:${this.userId}`).emit(event, payload);
  }

  /** Ends the member's sockets as the app does when a session ends. */
  endSession(reason: string): void {
    this.toUser('session:ended', { reason });
    this.io.in(`user:${this.userId}`).disconnectSockets(true);
  }

  /** Stops the server (clients see the connection drop), then starts it again on the same port. */
  async restart(): Promise<void> {
    await this.stop();
    await this.startAgain();
  }

  /** Starts a stopped server again on its port. */
  async startAgain(): Promise<void> {
    await this.listen(this.port);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      void this.io.close(() => resolve());
    });
  }

  private async listen(port = 0): Promise<void> {
    this.http = createServer();
    this.io = new Server(this.http, { path: '/socket.io', serveClient: false });
    // After socket.io attached, which takes over the request listeners that exist before it.
    this.http.prependListener('request', (request) => this.requests.push(request.url ?? ''));
    this.http.prependListener('upgrade', (request) => this.requests.push(request.url ?? ''));
    this.io.use((socket, next) => {
      const token = /(?:^|;\s*)commons_session=([^;]*)/.exec(socket.handshake.headers.cookie ?? '')?.[1];
      if (!this.sessionValid || token !== 'test-token') return next(new Error('UNAUTHENTICATED'));
      next();
    });
    this.io.on('connection', (socket) => {
      this.connections += 1;
      void socket.join(`user:${this.userId}`);
    });
    await new Promise<void>((resolve) => this.http.listen(port, '127.0.0.1', resolve));
    this.port = (this.http.address() as AddressInfo).port;
  }
}
