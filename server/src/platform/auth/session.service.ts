import { Inject, Injectable } from '@nestjs/common';
import type { Db } from '../database/db';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { afterCommit } from '../database/after-commit';
import { RealtimeService } from '../realtime/realtime.service';
import type { Viewer } from './viewer';
import { notFound, requireId } from '../graphql/app-error';
import { hashToken, newSessionToken } from './session-token';
import { SessionRepository } from './session.repository';

// Writing lastSeenAt on every request would turn reads into writes; a minute's precision is enough
// (a quarter of the idle timeout when that is shorter, so an active session is never seen as idle).
const TOUCH_INTERVAL_MS = 60_000;

/** A session as open sockets follow it: who it is, and when it ends unless used again (ms since the epoch). */
export interface LiveSession {
  viewer: Viewer;
  expiresAt: number;
  lastSeenAt: number;
}

export interface SessionMeta {
  userAgent: string;
  ipAddress: string;
}

/** Server-side sessions: idle timeout and absolute lifetime, listed and revocable by their owner. */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly realtime: RealtimeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** How stale lastSeenAt may get before a request writes it again. */
  get touchIntervalMs(): number {
    return Math.min(TOUCH_INTERVAL_MS, this.config.sessionIdleMs / 4);
  }

  async start(userId: string, meta: SessionMeta): Promise<{ token: string; viewer: Viewer; expiresAt: Date }> {
    const { token, tokenHash } = newSessionToken();
    const expiresAt = new Date(Date.now() + this.config.sessionMaxMs);
    const session = await this.sessions.create({
      tokenHash,
      userId,
      expiresAt,
      userAgent: meta.userAgent.slice(0, 300),
      ipAddress: meta.ipAddress.slice(0, 64),
    });
    return { token, viewer: { userId, sessionId: session.id }, expiresAt };
  }

  /** The viewer a session token stands for, or null when it is unknown, revoked, idle or expired. */
  async resolve(token: string | undefined): Promise<Viewer | null> {
    return (await this.resolveLive(token))?.viewer ?? null;
  }

  /** Like `resolve`, with the times the session ends at unless used again. */
  async resolveLive(token: string | undefined): Promise<LiveSession | null> {
    if (!token) return null;
    const session = await this.sessions.findByTokenHash(hashToken(token));
    if (!session || session.revokedAt) return null;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now) return null;
    let lastSeenAt = session.lastSeenAt.getTime();
    if (lastSeenAt + this.config.sessionIdleMs <= now) return null;
    if (now - lastSeenAt > this.touchIntervalMs) {
      await this.sessions.touch(session.id, new Date(now));
      lastSeenAt = now;
    }
    return {
      viewer: { userId: session.userId, sessionId: session.id },
      expiresAt: session.expiresAt.getTime(),
      lastSeenAt,
    };
  }

  /**
   * When the session `sessionId` ends unless used again, read afresh (it may have been used
   * elsewhere); with `touch`, activity now is recorded first. Null when it has ended.
   */
  async lifetime(sessionId: string, touch: boolean): Promise<{ expiresAt: number; lastSeenAt: number } | null> {
    const now = Date.now();
    const row = touch
      ? await this.sessions.touchIfLive(sessionId, new Date(now), new Date(now - this.config.sessionIdleMs))
      : await this.sessions.lifetime(sessionId);
    if (!row) return null;
    const times = { expiresAt: row.expiresAt.getTime(), lastSeenAt: row.lastSeenAt.getTime() };
    return times.expiresAt > now && times.lastSeenAt + this.config.sessionIdleMs > now ? times : null;
  }

  get idleMs(): number {
    return this.config.sessionIdleMs;
  }

  /** Active sessions of `viewer`, newest activity first, marking the one in use. */
  async list(viewer: Viewer) {
    const now = new Date();
    const idleCutoff = now.getTime() - this.config.sessionIdleMs;
    const sessions = await this.sessions.listActive(viewer.userId, now);
    return sessions
      .filter((session) => session.lastSeenAt.getTime() > idleCutoff)
      .map((session) => ({ ...session, current: session.id === viewer.sessionId }));
  }

  async revoke(viewer: Viewer, sessionId: string): Promise<void> {
    const revoked = await this.sessions.revokeOwned(requireId(sessionId, 'sessionId'), viewer.userId, new Date());
    if (revoked === 0) throw notFound('Session');
    this.realtime.endSession(sessionId, sessionId === viewer.sessionId ? 'signed-out' : 'revoked');
  }

  /**
   * Ends every session of `userId` but `exceptSessionId` (null: all of them), through `db` when
   * in a transaction; their open live connections are closed once it commits.
   */
  async endAll(userId: string, exceptSessionId: string | null, db?: Db): Promise<number> {
    const ended = await this.sessions.revokeAllOf(userId, exceptSessionId, new Date(), db);
    const close = () => ended.forEach((sessionId) => this.realtime.endSession(sessionId, 'revoked'));
    if (db) afterCommit(db, close);
    else close();
    return ended.length;
  }
}
