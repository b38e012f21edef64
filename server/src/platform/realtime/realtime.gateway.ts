import { Inject } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { parse as parseCookie } from 'cookie';
import type { HandshakeRefusal } from '@commons/shared';
import type { Server, Socket } from 'socket.io';
import { SessionService } from '../auth/session.service';
import { SESSION_COOKIE } from '../auth/session-token';
import type { Viewer } from '../auth/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { clientAddress, clientProtocol, proxyTrust, type RequestOrigin } from '../http/proxy-trust';
import { RealtimeService, sessionRoom, userRoom } from './realtime.service';
import { SessionWatch } from './session-watch';
import { SocketQuota } from './socket-quota';

export interface SocketData {
  viewer: Viewer;
  /** The client's IP address, read through trusted proxies by the same rule as HTTP requests (TRUST_PROXY). */
  clientAddress: string;
}

/**
 * The live connection. A socket is authenticated at the handshake, from the same session cookie
 * as GraphQL, after the same origin check, and takes one of its member's places (SocketQuota);
 * from then on every event it sends is held to the session's expiry (SessionWatch), and
 * capabilities authorise each event they handle.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(
    private readonly sessions: SessionService,
    private readonly realtime: RealtimeService,
    private readonly quota: SocketQuota,
    private readonly watch: SessionWatch,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(server: Server) {
    this.realtime.attach(server);
    // socket.handshake.address is the proxy's address behind nginx: read it as Express reads req.ip.
    const trust = proxyTrust(this.config.trustProxy);
    // The handshake check catches its own errors and hands them to next().
    const admit = async (socket: Socket, next: (error?: Error) => void) => {
      try {
        const { headers, address, secure } = socket.handshake;
        const request: RequestOrigin = { headers, remoteAddress: address, encrypted: secure };
        const origin = headers.origin;
        const expected = this.config.publicUrl ?? `${clientProtocol(request, trust)}://${headers.host}`;
        if (origin && origin !== expected) return next(refusal('FORBIDDEN'));
        const token = parseCookie(headers.cookie ?? '')[SESSION_COOKIE];
        const session = await this.sessions.resolveLive(token);
        if (!session) return next(refusal('UNAUTHENTICATED'));
        const { viewer } = session;
        if (!(await this.quota.take(viewer.userId, socket.id)))
          return next(refusal('TOO_MANY_CONNECTIONS', { max: this.config.maxSocketsPerMember }));
        this.giveBackPlaceOnClose(socket);
        this.watch.follow(socket, session);
        Object.assign(socket.data as SocketData, { viewer, clientAddress: clientAddress(request, trust) });
        next();
      } catch (error) {
        next(error as Error);
      }
    };
    server.use((socket, next) => void admit(socket, next));
  }

  /** The place goes back when the connection closes, also when it closed while the handshake was under way. */
  private giveBackPlaceOnClose(socket: Socket) {
    const release = () => this.quota.release(socket.id);
    socket.conn.once('close', release);
    socket.once('disconnect', release);
    if (socket.conn.readyState !== 'open') release();
  }

  async handleConnection(socket: Socket) {
    const { viewer } = socket.data as SocketData;
    if (!viewer) return socket.disconnect(true);
    await socket.join([userRoom(viewer.userId), sessionRoom(viewer.sessionId)]);
  }
}

/** A refused handshake: the client's `connect_error` has the code as its message, and `data` for details. */
function refusal(code: HandshakeRefusal, data?: Record<string, unknown>): Error {
  return Object.assign(new Error(code), data ? { data: { code, ...data } } : {});
}
