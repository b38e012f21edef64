import { Inject } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { parse as parseCookie } from 'cookie';
import type { Server, Socket } from 'socket.io';
import { SessionService } from '../../auth/session.service';
import { SESSION_COOKIE } from '../../auth/session-token';
import type { Viewer } from '../auth/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { clientAddress, clientProtocol, proxyTrust, type RequestOrigin } from '../http/proxy-trust';
import { RealtimeService, sessionRoom, userRoom } from './realtime.service';

export interface SocketData {
  viewer: Viewer;
  /** The client's IP address, read through trusted proxies by the same rule as HTTP requests (TRUST_PROXY). */
  clientAddress: string;
}

/**
 * The live connection. A socket is authenticated once, at the handshake, from the same session
 * cookie as GraphQL, after the same origin check; capabilities authorise each event they handle.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(
    private readonly sessions: SessionService,
    private readonly realtime: RealtimeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(server: Server) {
    this.realtime.attach(server);
    // socket.handshake.address is the proxy's address behind nginx: read it as Express reads req.ip.
    const trust = proxyTrust(this.config.trustProxy);
    server.use(async (socket, next) => {
      try {
        const { headers, address, secure } = socket.handshake;
        const request: RequestOrigin = { headers, remoteAddress: address, encrypted: secure };
        const origin = headers.origin;
        const expected = this.config.publicUrl ?? `${clientProtocol(request, trust)}://${headers.host}`;
        if (origin && origin !== expected) return next(new Error('FORBIDDEN'));
        const token = parseCookie(headers.cookie ?? '')[SESSION_COOKIE];
        const viewer = await this.sessions.resolve(token);
        if (!viewer) return next(new Error('UNAUTHENTICATED'));
        Object.assign(socket.data as SocketData, { viewer, clientAddress: clientAddress(request, trust) });
        next();
      } catch (error) {
        next(error as Error);
      }
    });
  }

  async handleConnection(socket: Socket) {
    const { viewer } = socket.data as SocketData;
    if (!viewer) return socket.disconnect(true);
    await socket.join([userRoom(viewer.userId), sessionRoom(viewer.sessionId)]);
  }
}
