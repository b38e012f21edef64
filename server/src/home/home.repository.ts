import { Injectable } from '@nestjs/common';
import { IDEA_SELECT, type IdeaRow } from '../change-ideas/change-idea.select';
import { CYCLE_SELECT, type CycleRow } from '../change-ideas/pdsa-cycle.select';
import { PrismaService } from '../platform/database/prisma.service';

/** An idea a member takes part in, and how. */
export interface InvolvementRow {
  idea: IdeaRow;
  coDesigning: boolean;
  endorsed: boolean;
}

/** Reads for the home page's cards. */
@Injectable()
export class HomeRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Ideas of the network that `userId` co-designs (proposing included) or endorsed, most recently changed first. */
  async involvedIdeas(userId: string, networkId: string, limit: number): Promise<InvolvementRow[]> {
    const rows = await this.prisma.changeIdea.findMany({
      where: {
        networkId,
        OR: [{ coDesigners: { some: { userId, status: 'ACTIVE' } } }, { endorsements: { some: { userId } } }],
      },
      select: {
        ...IDEA_SELECT,
        coDesigners: { where: { userId, status: 'ACTIVE' }, select: { userId: true } },
        endorsements: { where: { userId }, select: { userId: true } },
      },
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      take: limit,
    });
    return rows.map(({ coDesigners, endorsements, ...idea }) => ({
      idea,
      coDesigning: coDesigners.length > 0,
      endorsed: endorsements.length > 0,
    }));
  }

  /** The PDSA cycles of `ideaIds`, at every site, oldest first. */
  cyclesOf(ideaIds: string[]): Promise<CycleRow[]> {
    if (ideaIds.length === 0) return Promise.resolve([]);
    return this.prisma.pdsaCycle.findMany({
      where: { ideaId: { in: ideaIds } },
      select: CYCLE_SELECT,
      orderBy: [{ startOn: 'asc' }, { number: 'asc' }],
    });
  }

  /**
   * Unread messages per idea thread for `userId`: messages by others, not deleted, after her read
   * marker (all of them without one). Ideas without a thread or without unread messages are absent.
   */
  async unreadMessages(userId: string, ideaIds: string[]): Promise<Map<string, number>> {
    if (ideaIds.length === 0) return new Map();
    const rows = await this.prisma.$queryRaw<{ ideaId: string; unread: number }[]>`
      SELECT t."subjectId" AS "ideaId", count(m.id)::int AS unread
      FROM "Thread" t
      LEFT JOIN "ThreadReadMarker" r ON r."threadId" = t.id AND r."userId" = ${userId}::uuid
      JOIN "Message" m ON m."threadId" = t.id AND m.seq > COALESCE(r."lastReadSeq", 0) AND m."authorId" <> ${userId}::uuid AND m."deletedAt" IS NULL
      WHERE t."subjectType" = 'CHANGE_IDEA' AND t."subjectId" = ANY(${ideaIds}::uuid[]) AND t."lastMessageSeq" > COALESCE(r."lastReadSeq", 0)
      GROUP BY t."subjectId"`;
    return new Map(rows.map((row) => [row.ideaId, row.unread]));
  }

  /** PDSA cycles at `siteId` of the network's ideas in TESTING, with their idea. */
  testingCyclesAtSite(networkId: string, siteId: string) {
    return this.prisma.pdsaCycle.findMany({
      where: { networkId, siteId, idea: { status: 'TESTING' } },
      select: { ...CYCLE_SELECT, idea: { select: IDEA_SELECT } },
      orderBy: [{ startOn: 'desc' }, { number: 'desc' }],
    });
  }
}
