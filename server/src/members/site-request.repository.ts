import { Injectable } from '@nestjs/common';
import type { Prisma, Role, SiteRequestStatus } from '../generated/prisma/client';
import { PrismaService } from '../platform/database/prisma.service';
import type { Page } from '../platform/graphql/pagination';
import type { Db } from '../platform/database/db';

export const SITE_REQUEST_SELECT = {
  id: true,
  networkId: true,
  siteId: true,
  userId: true,
  status: true,
  requestedAt: true,
  answeredAt: true,
  reason: true,
  site: { select: { id: true, name: true } },
  user: { select: { id: true, name: true } },
  answeredBy: { select: { id: true, name: true } },
} as const;

export type SiteRequestRow = Prisma.SiteRequestGetPayload<{ select: typeof SITE_REQUEST_SELECT }>;

@Injectable()
export class SiteRequestRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (db: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { timeout: 30_000 });
  }

  find(id: string, db: Db = this.prisma) {
    return db.siteRequest.findUnique({ where: { id }, select: SITE_REQUEST_SELECT });
  }

  /** The member's newest request in the network (whatever its status), or null. */
  latestOf(userId: string, networkId: string) {
    return this.prisma.siteRequest.findFirst({
      where: { userId, networkId },
      orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
      select: SITE_REQUEST_SELECT,
    });
  }

  /** Pending requests of active members, oldest first; to one site, or to any when `siteId` is null. */
  async pending(
    networkId: string,
    siteId: string | null,
    page: Page,
  ): Promise<{ rows: SiteRequestRow[]; totalCount: number }> {
    const where: Prisma.SiteRequestWhereInput = {
      networkId,
      status: 'PENDING',
      ...(siteId ? { siteId } : {}),
      user: { memberships: { some: { networkId, deactivatedAt: null } } },
    };
    const [rows, totalCount] = await Promise.all([
      this.prisma.siteRequest.findMany({
        where,
        orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
        skip: page.skip,
        take: page.take,
        select: SITE_REQUEST_SELECT,
      }),
      this.prisma.siteRequest.count({ where }),
    ]);
    return { rows, totalCount };
  }

  /** The roles the members `userIds` hold in the network. */
  async rolesOf(networkId: string, userIds: string[]): Promise<Map<string, Role>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.prisma.membership.findMany({
      where: { networkId, userId: { in: userIds } },
      select: { userId: true, role: true },
    });
    return new Map(rows.map((row) => [row.userId, row.role]));
  }

  /**
   * Locks the member's membership row until the transaction ends, so her requests and their
   * answers queue up one after another; returns it, or null when she is no active member.
   */
  async lockMembership(db: Prisma.TransactionClient, userId: string, networkId: string) {
    const [row] = await db.$queryRaw<{ id: string; role: Role; siteId: string | null; deactivatedAt: Date | null }[]>`
      SELECT id, role::text AS role, "siteId", "deactivatedAt" FROM "Membership"
      WHERE "userId" = ${userId}::uuid AND "networkId" = ${networkId}::uuid FOR UPDATE`;
    return row && !row.deactivatedAt ? row : null;
  }

  /** The member's pending request in the network, if one waits. */
  findPending(db: Db, userId: string, networkId: string) {
    return db.siteRequest.findFirst({ where: { userId, networkId, status: 'PENDING' }, select: SITE_REQUEST_SELECT });
  }

  /** Closes a pending request as `status` (the member withdrew it, or an admin settled her site); null when it no longer waited. */
  async close(
    db: Prisma.TransactionClient,
    id: string,
    close: { status: SiteRequestStatus; answeredById: string; at: Date; reason?: string },
  ) {
    const { count } = await db.siteRequest.updateMany({
      where: { id, status: 'PENDING' },
      data: {
        status: close.status,
        answeredById: close.answeredById,
        answeredAt: close.at,
        reason: close.reason ?? '',
      },
    });
    return count === 1 ? db.siteRequest.findUniqueOrThrow({ where: { id }, select: SITE_REQUEST_SELECT }) : null;
  }

  create(db: Prisma.TransactionClient, data: { networkId: string; siteId: string; userId: string; at: Date }) {
    return db.siteRequest.create({
      data: { networkId: data.networkId, siteId: data.siteId, userId: data.userId, requestedAt: data.at },
      select: SITE_REQUEST_SELECT,
    });
  }

  /** The member's site becomes the confirmed one. */
  async setConfirmedSite(db: Prisma.TransactionClient, membershipId: string, siteId: string) {
    await db.membership.update({ where: { id: membershipId }, data: { siteId }, select: { id: true } });
  }

  /** Who hears of a request to join `siteId`: its active site leads, or the network's active admins when it has none. */
  async answerersOf(db: Prisma.TransactionClient, networkId: string, siteId: string): Promise<string[]> {
    const leads = await db.membership.findMany({
      where: { networkId, siteId, role: 'SITE_LEAD', deactivatedAt: null },
      select: { userId: true },
    });
    if (leads.length > 0) return leads.map((lead) => lead.userId);
    const admins = await db.membership.findMany({
      where: { networkId, role: 'NETWORK_ADMIN', deactivatedAt: null },
      select: { userId: true },
    });
    return admins.map((admin) => admin.userId);
  }
}
