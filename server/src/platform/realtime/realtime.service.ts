import { Injectable } from '@nestjs/common';
import { SERVER_EVENTS, type ServerEventName, type ServerEventPayloads } from '@commons/shared';
import type { Server } from 'socket.io';

export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** A socket as any process sees it: its id, rooms and data. */
export type ClusterSocket = Awaited<ReturnType<Server['fetchSockets']>>[number];

export interface EmitOptions {
  /** Leave out this socket (the sender, which has its acknowledgement). */
  exceptSocketId?: string;
  /** May be dropped when a socket is not ready (presence, typing): never for stored data. */
  volatile?: boolean;
}

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

  /** Sends `event` to every socket in `rooms`, on every process. */
  emit(rooms: string | string[], event: string, payload: unknown, options: EmitOptions = {}): void {
    if (!this.server || rooms.length === 0) return;
    let target = this.server.to(rooms);
    if (options.exceptSocketId) target = target.except(options.exceptSocketId);
    if (options.volatile) target = target.volatile;
    target.emit(event, payload);
  }

  /** The sockets in `room` on every process (each process answers through the adapter). */
  async socketsIn(room: string, timeoutMs = 2000): Promise<ClusterSocket[]> {
    if (!this.server) return [];
    return this.server.in(room).timeout(timeoutMs).fetchSockets();
  }

  /** The sockets in `room` on this process only. */
  async localSocketsIn(room: string): Promise<ClusterSocket[]> {
    if (!this.server) return [];
    return this.server.in(room).local.fetchSockets();
  }

  /** Rooms with sockets on this process whose names start with `prefix`. */
  localRooms(prefix: string): string[] {
    if (!this.server) return [];
    return [...this.server.of('/').adapter.rooms.keys()].filter((room) => room.startsWith(prefix));
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
