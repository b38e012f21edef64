import { Injectable } from '@nestjs/common';
import { Prisma, type Role } from '../generated/prisma/client';
import { PrismaService } from '../platform/database/prisma.service';
import type { Page } from '../platform/graphql/pagination';
import type { Db } from '../platform/database/db';

export const MEMBER_SELECT = {
  id: true,
  role: true,
  siteId: true,
  joinedAt: true,
  deactivatedAt: true,
  user: { select: { id: true, email: true, name: true, pronouns: true, bio: true, interests: true } },
} as const;

export type MemberRow = Prisma.MembershipGetPayload<{ select: typeof MEMBER_SELECT }>;

export interface DirectoryQuery {
  networkId: string;
  role?: Role | null;
  siteId?: string | null;
  interest?: string | null;
  anyInterests?: string[] | null;
  search?: string | null;
  /** Leave this user out (a viewer is not among the people like her). */
  excludeUserId?: string | null;
  includeDeactivated: boolean;
}

@Injectable()
export class MemberRepository {
  constructor(private readonly prisma: PrismaService) {}

  async directory(query: DirectoryQuery, page: Page): Promise<{ rows: MemberRow[]; totalCount: number }> {
    const userFilter: Prisma.UserWhereInput = {};
    if (query.interest) userFilter.interests = { has: query.interest };
    else if (query.anyInterests) userFilter.interests = { hasSome: query.anyInterests };
    if (query.search) userFilter.name = { contains: query.search, mode: 'insensitive' };
    const where: Prisma.MembershipWhereInput = {
      networkId: query.networkId,
      ...(query.includeDeactivated ? {} : { deactivatedAt: null }),
      ...(query.role ? { role: query.role } : {}),
      ...(query.siteId ? { siteId: query.siteId } : {}),
      ...(query.excludeUserId ? { userId: { not: query.excludeUserId } } : {}),
      ...(Object.keys(userFilter).length ? { user: userFilter } : {}),
    };
    const [rows, totalCount] = await Promise.all([
      this.prisma.membership.findMany({
        where,
        orderBy: [{ user: { name: 'asc' } }, { id: 'asc' }],
        skip: page.skip,
        take: page.take,
        select: MEMBER_SELECT,
      }),
      this.prisma.membership.count({ where }),
    ]);
    return { rows, totalCount };
  }

  find(networkId: string, userId: string, db: Db = this.prisma) {
    return db.membership.findUnique({ where: { userId_networkId: { userId, networkId } }, select: MEMBER_SELECT });
  }

  /** The most common interests among active members, with how many share each. */
  interestCounts(networkId: string, limit: number) {
    return this.prisma.$queryRaw<{ interest: string; count: number }[]>`
      SELECT interest, count(*)::int AS count
      FROM "Membership" m JOIN "User" u ON u.id = m."userId", unnest(u.interests) AS interest
      WHERE m."networkId" = ${networkId}::uuid AND m."deactivatedAt" IS NULL
      GROUP BY interest ORDER BY count DESC, interest ASC LIMIT ${limit}`;
  }

  /** Creates the membership; null when the user already has one here (also from a transaction that committed meanwhile). */
  async create(data: { userId: string; networkId: string; role: Role; siteId: string | null }, db: Db = this.prisma) {
    try {
      return await db.membership.create({ data, select: MEMBER_SELECT });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }

  update(id: string, data: { role?: Role; siteId?: string | null; deactivatedAt?: Date | null }, db: Db = this.prisma) {
    return db.membership.update({ where: { id }, data, select: MEMBER_SELECT });
  }

  /**
   * Deactivates a membership and ends all of the user's sessions in one transaction, so a
   * deactivated member cannot keep acting through a session that was already open.
   */
  async deactivate(id: string, userId: string, at: Date) {
    const [member] = await this.prisma.$transaction([
      this.prisma.membership.update({ where: { id }, data: { deactivatedAt: at }, select: MEMBER_SELECT }),
      this.prisma.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } }),
    ]);
    return member;
  }
}
