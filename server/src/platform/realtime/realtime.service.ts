import { Injectable } from '@nestjs/common';
import { SERVER_EVENTS, type ServerEventName, type ServerEventPayloads } from '@commons/shared';
import type { Server } from 'socket.io';

export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** Sends live events to members' sockets on every app process (through the adapter). */
@Injectable()
export class RealtimeService {
  private server: Server | null = null;

  attach(server: Server) {
    this.server = server;
  }

  /** Sends `event` to every socket of each of `userIds` (their `user:<id>` rooms), on every app process. */
  toUsers<E extends ServerEventName>(userIds: readonly string[], event: E, payload: ServerEventPayloads[E]) {
    if (!this.server || userIds.length === 0) return;
    this.server.to(userIds.map(userRoom)).emit(event, payload);
  }

  /** Tells the sockets of a session that it ended, then disconnects them. */
  endSession(sessionId: string, reason: ServerEventPayloads['session:ended']['reason']) {
    this.end(sessionRoom(sessionId), reason);
  }

  /** Ends every socket of a user (all their sessions). */
  endUser(userId: string, reason: ServerEventPayloads['session:ended']['reason']) {
    this.end(userRoom(userId), reason);
  }

  private end(room: string, reason: ServerEventPayloads['session:ended']['reason']) {
    if (!this.server) return;
    this.server.to(room).emit(SERVER_EVENTS.sessionEnded, { reason });
    this.server.in(room).disconnectSockets(true);
  }
}
