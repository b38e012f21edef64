import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { type LiveSession, SessionService } from '../auth/session.service';
import { RealtimeService } from './realtime.service';

// A timer cannot wait longer than about 24 days; a later end is looked at again after this.
const LONGEST_WAIT_MS = 6 * 3_600_000;

interface Watched {
  sessionId: string;
  /** The session's absolute end (ms since the epoch). */
  expiresAt: number;
  /** Its lastSeenAt as last read from or written to the database. */
  lastSeenAt: number;
  /** This process's open sockets of the session. */
  sockets: Set<string>;
  timer: NodeJS.Timeout | null;
  /** A database check under way, shared by the events that need one meanwhile. */
  checking: Promise<boolean> | null;
}

/**
 * Holds open sockets to their session's idle timeout and absolute lifetime, as HTTP requests are.
 *
 * Each process keeps, per session with sockets here, when the session ends unless used again
 * (its `expiresAt`, and `lastSeenAt` + SESSION_IDLE_MINUTES). Every incoming event is checked
 * against that in memory; an event counts as activity, like a request: when `lastSeenAt` is older
 * than the touch interval, or the cached end has passed, one conditional UPDATE records the
 * activity and answers whether the session still holds (it may have been used over HTTP or on
 * another process meanwhile). A timer at the cached end reads the session again when no event
 * came: merely holding a socket open is not activity. A session found ended is ended on every
 * process through the adapter (`session:ended` with reason `expired`, then disconnection); its
 * events are dropped unanswered.
 */
@Injectable()
export class SessionWatch implements OnModuleDestroy {
  private readonly watched = new Map<string, Watched>();

  constructor(
    private readonly sessions: SessionService,
    private readonly realtime: RealtimeService,
  ) {}

  /** Follows `socket`, opened with `session`, until it closes; call at the end of its handshake. */
  follow(socket: Socket, session: LiveSession): void {
    const { sessionId } = session.viewer;
    let entry = this.watched.get(sessionId);
    if (!entry) {
      entry = {
        sessionId,
        expiresAt: session.expiresAt,
        lastSeenAt: session.lastSeenAt,
        sockets: new Set(),
        timer: null,
        checking: null,
      };
      this.watched.set(sessionId, entry);
    } else {
      entry.expiresAt = session.expiresAt;
      entry.lastSeenAt = Math.max(entry.lastSeenAt, session.lastSeenAt);
    }
    entry.sockets.add(socket.id);
    const unfollow = () => this.unfollow(sessionId, socket.id);
    socket.once('disconnect', unfollow);
    socket.conn.once('close', unfollow);
    socket.use((_packet, next) => {
      const watched = this.watched.get(sessionId);
      if (!watched) return; // ended: the socket is being closed
      const now = Date.now();
      if (now < this.endOf(watched) && now - watched.lastSeenAt < this.sessions.touchIntervalMs) return next();
      void this.check(watched, true).then((live) => live && next());
    });
    this.schedule(entry);
    if (socket.conn.readyState !== 'open') unfollow();
  }

  onModuleDestroy() {
    for (const entry of this.watched.values()) if (entry.timer) clearTimeout(entry.timer);
    this.watched.clear();
  }

  private endOf(entry: Watched): number {
    return Math.min(entry.expiresAt, entry.lastSeenAt + this.sessions.idleMs);
  }

  private unfollow(sessionId: string, socketId: string) {
    const entry = this.watched.get(sessionId);
    if (!entry) return;
    entry.sockets.delete(socketId);
    if (entry.sockets.size > 0) return;
    if (entry.timer) clearTimeout(entry.timer);
    this.watched.delete(sessionId);
  }

  private schedule(entry: Watched) {
    if (entry.timer) clearTimeout(entry.timer);
    const wait = Math.min(Math.max(this.endOf(entry) - Date.now(), 0), LONGEST_WAIT_MS);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (this.watched.get(entry.sessionId) !== entry) return;
      if (Date.now() < this.endOf(entry)) this.schedule(entry);
      else void this.check(entry, false);
    }, wait);
    entry.timer.unref();
  }

  /**
   * Reads the session afresh (with `touch`, recording activity now); ends it everywhere when it has
   * ended. Resolves whether it still holds; false also when the database could not say (the event
   * then goes unanswered, the socket stays).
   */
  private check(entry: Watched, touch: boolean): Promise<boolean> {
    entry.checking ??= this.sessions
      .lifetime(entry.sessionId, touch)
      .then(
        (times) => {
          if (this.watched.get(entry.sessionId) !== entry) return false;
          if (!times) {
            this.end(entry);
            return false;
          }
          entry.expiresAt = times.expiresAt;
          entry.lastSeenAt = Math.max(entry.lastSeenAt, times.lastSeenAt);
          this.schedule(entry);
          return true;
        },
        () => {
          // The database did not answer: look again shortly rather than end a session that may hold.
          if (this.watched.get(entry.sessionId) === entry && !entry.timer)
            entry.timer = setTimeout(() => this.schedule(entry), 5_000).unref();
          return false;
        },
      )
      .finally(() => (entry.checking = null));
    return entry.checking;
  }

  private end(entry: Watched) {
    if (entry.timer) clearTimeout(entry.timer);
    this.watched.delete(entry.sessionId);
    this.realtime.endSession(entry.sessionId, 'expired');
  }
}
