import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import type { Db } from '../database/db';
import { PrismaService } from '../database/prisma.service';

const SESSION_SELECT = {
  id: true,
  userId: true,
  createdAt: true,
  lastSeenAt: true,
  expiresAt: true,
  revokedAt: true,
  userAgent: true,
  ipAddress: true,
} as const;

export type SessionRow = Prisma.SessionGetPayload<{ select: typeof SESSION_SELECT }>;

@Injectable()
export class SessionRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: { tokenHash: string; userId: string; expiresAt: Date; userAgent: string; ipAddress: string }) {
    return this.prisma.session.create({ data, select: SESSION_SELECT });
  }

  /** Every request resolves its session here, so it is a prepared read rather than a Prisma query. */
  async findByTokenHash(tokenHash: string): Promise<SessionRow | null> {
    const [row] = await this.prisma.read<SessionRow>(
      `SELECT id, "userId", "createdAt" AT TIME ZONE 'UTC' AS "createdAt", "lastSeenAt" AT TIME ZONE 'UTC' AS "lastSeenAt",
         "expiresAt" AT TIME ZONE 'UTC' AS "expiresAt", "revokedAt" AT TIME ZONE 'UTC' AS "revokedAt", "userAgent", "ipAddress"
       FROM "Session" WHERE "tokenHash" = $1`,
      [tokenHash],
    );
    return row ?? null;
  }

  /** When a session ends by itself, or null when it is revoked or unknown: what open sockets check. */
  async lifetime(id: string): Promise<{ expiresAt: Date; lastSeenAt: Date } | null> {
    const [row] = await this.prisma.read<{ expiresAt: Date; lastSeenAt: Date }>(
      `SELECT "expiresAt" AT TIME ZONE 'UTC' AS "expiresAt", "lastSeenAt" AT TIME ZONE 'UTC' AS "lastSeenAt"
       FROM "Session" WHERE id = $1::uuid AND "revokedAt" IS NULL`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Records activity at `at` on a session that is still live then (not revoked, not past its end,
   * used since `idleSince`); returns its lifetime, or null when it had ended.
   */
  async touchIfLive(id: string, at: Date, idleSince: Date): Promise<{ expiresAt: Date; lastSeenAt: Date } | null> {
    const [row] = await this.prisma.read<{ expiresAt: Date; lastSeenAt: Date }>(
      `UPDATE "Session" SET "lastSeenAt" = GREATEST("lastSeenAt", $2::timestamptz AT TIME ZONE 'UTC')
       WHERE id = $1::uuid AND "revokedAt" IS NULL AND "expiresAt" > $2::timestamptz AT TIME ZONE 'UTC' AND "lastSeenAt" > $3::timestamptz AT TIME ZONE 'UTC'
       RETURNING "expiresAt" AT TIME ZONE 'UTC' AS "expiresAt", "lastSeenAt" AT TIME ZONE 'UTC' AS "lastSeenAt"`,
      [id, at, idleSince],
    );
    return row ?? null;
  }

  touch(id: string, at: Date) {
    return this.prisma.session.update({ where: { id }, data: { lastSeenAt: at }, select: { id: true } });
  }

  listActive(userId: string, now: Date) {
    return this.prisma.session.findMany({
      where: { userId, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { lastSeenAt: 'desc' },
      select: SESSION_SELECT,
      take: 100,
    });
  }

  /** Revokes the session if it belongs to `userId`; returns how many were revoked (0 or 1). */
  async revokeOwned(id: string, userId: string, at: Date) {
    const { count } = await this.prisma.session.updateMany({
      where: { id, userId, revokedAt: null },
      data: { revokedAt: at },
    });
    return count;
  }

  /** Revokes every live session of `userId` but `exceptId`; returns the ids revoked. */
  async revokeAllOf(userId: string, exceptId: string | null, at: Date, db: Db = this.prisma): Promise<string[]> {
    const live = await db.session.findMany({
      where: { userId, revokedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
      select: { id: true },
    });
    if (live.length === 0) return [];
    await db.session.updateMany({
      where: { id: { in: live.map((row) => row.id) }, revokedAt: null },
      data: { revokedAt: at },
    });
    return live.map((row) => row.id);
  }
}
