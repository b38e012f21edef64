import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type MessageNewPayload,
  type PresencePayload,
  type ReactionsPayload,
  THREAD_SERVER_EVENTS,
  type ThreadActivityPayload,
  type ThreadPersonPayload,
  type ThreadRevokedPayload,
  type TypingPayload,
  type UnreadPayload,
} from '@commons/shared';
import { type ClusterSocket, RealtimeService, userRoom } from '../platform/realtime/realtime.service';
import { type MessageView, toPayload } from './message-view';

export const threadRoom = (threadId: string) => `thread:${threadId}`;

/** What a thread's socket carries about its member (set when it joins a thread). */
export interface ThreadSocketData {
  viewer?: { userId: string; sessionId: string };
  name?: string;
}

// Presence is recomputed from every process's sockets after joins and leaves settle; a burst
// of joins (a meeting starting) costs one round through the adapter, not one per join.
const PRESENCE_SETTLE_MS = 100;
const PRESENCE_RETRIES = 3;
// Followers not in the thread hear of new activity at most this often, for their unread badge.
const ACTIVITY_SETTLE_MS = 1000;

/**
 * Sends a thread's live events to the sockets in it, on every process (through the adapter):
 * stored messages after they commit, presence and typing as volatile events, unread counts to a
 * member's own sockets.
 */
@Injectable()
export class ThreadLiveService implements OnModuleDestroy {
  private readonly presenceTimers = new Map<string, NodeJS.Timeout>();
  private readonly activityTimers = new Map<string, NodeJS.Timeout>();
  private readonly activity = new Map<string, ThreadActivityPayload>();
  private followersOf: ((threadId: string) => Promise<string[]>) | null = null;
  // Set when the app shuts down: sockets disconnecting then must not start work that needs Redis.
  private closed = false;
  private readonly logger = new Logger(ThreadLiveService.name);

  constructor(private readonly realtime: RealtimeService) {}

  /** How to find who follows a thread and may still read it (the service provides it). */
  useFollowers(lookup: (threadId: string) => Promise<string[]>) {
    this.followersOf = lookup;
  }

  messageCreated(view: MessageView, prevSeq: string, networkId: string, exceptSocketId?: string) {
    const payload: MessageNewPayload = { ...toPayload(view), prevSeq };
    this.realtime.emit(threadRoom(view.threadId), THREAD_SERVER_EVENTS.messageNew, payload, { exceptSocketId });
    this.scheduleActivity(view.threadId, networkId, view.seq);
  }

  messageUpdated(view: MessageView, exceptSocketId?: string) {
    this.realtime.emit(threadRoom(view.threadId), THREAD_SERVER_EVENTS.messageUpdated, toPayload(view), {
      exceptSocketId,
    });
  }

  reactionsChanged(payload: ReactionsPayload, exceptSocketId?: string) {
    this.realtime.emit(threadRoom(payload.threadId), THREAD_SERVER_EVENTS.reactions, payload, { exceptSocketId });
  }

  typing(payload: TypingPayload, exceptSocketId: string) {
    this.realtime.emit(threadRoom(payload.threadId), THREAD_SERVER_EVENTS.typing, payload, {
      exceptSocketId,
      volatile: true,
    });
  }

  /** A member's unread count of a thread, to her other sockets. */
  unreadChanged(userId: string, payload: UnreadPayload, exceptSocketId?: string) {
    this.realtime.emit(userRoom(userId), THREAD_SERVER_EVENTS.unread, payload, { exceptSocketId });
  }

  /** Any event to a thread's room, on every node. */
  toThread(threadId: string, event: string, payload: unknown): void {
    this.realtime.emit(threadRoom(threadId), event, payload);
  }

  /** The sockets in a thread's room (on every process, or this one), with their members. */
  async socketsOf(threadId: string, localOnly: boolean): Promise<{ userId: string; socket: ClusterSocket }[]> {
    const room = threadRoom(threadId);
    const sockets = localOnly ? await this.realtime.localSocketsIn(room) : await this.realtime.socketsIn(room);
    return sockets.flatMap((socket) => {
      const viewer = (socket.data as ThreadSocketData).viewer;
      return viewer ? [{ userId: viewer.userId, socket }] : [];
    });
  }

  /** Threads with a room on this process. */
  localThreadIds(): string[] {
    return this.realtime.localRooms(threadRoom('')).map((room) => room.slice(threadRoom('').length));
  }

  /** Takes `sockets` out of a thread's room and tells them they may no longer read it. */
  revoke(threadId: string, sockets: ClusterSocket[]) {
    if (sockets.length === 0) return;
    const payload: ThreadRevokedPayload = { threadId };
    for (const socket of sockets) {
      socket.leave(threadRoom(threadId));
      socket.emit(THREAD_SERVER_EVENTS.revoked, payload);
    }
    this.schedulePresence(threadId);
  }

  /** Who is in the thread now, across all processes: each member once, by name. */
  async presence(threadId: string): Promise<ThreadPersonPayload[]> {
    const sockets = await this.realtime.socketsIn(threadRoom(threadId));
    const members = new Map<string, ThreadPersonPayload>();
    for (const socket of sockets) {
      const data = socket.data as ThreadSocketData;
      if (data.viewer && !members.has(data.viewer.userId))
        members.set(data.viewer.userId, { userId: data.viewer.userId, name: data.name ?? '' });
    }
    return [...members.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Sends the thread's presence to everyone in it once joins and leaves have settled. */
  schedulePresence(threadId: string, attempt = 0) {
    if (this.closed || this.presenceTimers.has(threadId)) return;
    const timer = setTimeout(
      () => {
        this.presenceTimers.delete(threadId);
        this.presence(threadId).then(
          (members) => {
            const payload: PresencePayload = { threadId, members };
            this.realtime.emit(threadRoom(threadId), THREAD_SERVER_EVENTS.presence, payload, { volatile: true });
          },
          // A process that died keeps being asked until the adapter forgets it: try again shortly.
          (error: Error) => {
            this.logger.warn(`presence of thread ${threadId}: ${error.message}`);
            if (attempt < PRESENCE_RETRIES) this.schedulePresence(threadId, attempt + 1);
          },
        );
      },
      PRESENCE_SETTLE_MS * (attempt === 0 ? 1 : 10),
    );
    timer.unref();
    this.presenceTimers.set(threadId, timer);
  }

  private scheduleActivity(threadId: string, networkId: string, seq: string) {
    if (this.closed) return;
    this.activity.set(threadId, { threadId, networkId, lastMessageSeq: seq });
    if (this.activityTimers.has(threadId)) return;
    const timer = setTimeout(() => {
      this.activityTimers.delete(threadId);
      const payload = this.activity.get(threadId);
      this.activity.delete(threadId);
      if (!payload || !this.followersOf) return;
      this.followersOf(threadId).then(
        (userIds) => this.realtime.emit(userIds.map(userRoom), THREAD_SERVER_EVENTS.activity, payload),
        (error: Error) => this.logger.warn(`activity of thread ${threadId}: ${error.message}`),
      );
    }, ACTIVITY_SETTLE_MS);
    timer.unref();
    this.activityTimers.set(threadId, timer);
  }

  onModuleDestroy() {
    this.closed = true;
    for (const timer of [...this.presenceTimers.values(), ...this.activityTimers.values()]) clearTimeout(timer);
  }
}
