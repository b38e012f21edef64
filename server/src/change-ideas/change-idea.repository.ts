import { Injectable } from '@nestjs/common';
import type { ChangeIdeaStatus, Prisma, Role } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';
import type { Page } from '../platform/graphql/pagination';
import { CO_DESIGNER_SELECT, type CoDesignerRow, IDEA_SELECT, type IdeaRow } from './change-idea.select';

const DRIVER_SELECT = {
  id: true,
  networkId: true,
  parentId: true,
  kind: true,
  title: true,
  description: true,
  position: true,
} as const;

export interface IdeaText {
  title: string;
  problem: string;
  idea: string;
  nextDecisionOn: Date | null;
}

export interface IdeaFilter {
  networkId: string;
  statuses: ChangeIdeaStatus[] | null;
  driverId: string | null;
}

export interface ActiveMember {
  userId: string;
  role: Role;
  siteId: string | null;
}

/** Change ideas, their drivers, co-designers and endorsements (decisions: DecisionRepository). */
@Injectable()
export class ChangeIdeaRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (db: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { timeout: 30_000 });
  }

  find(id: string, db: Db = this.prisma) {
    return db.changeIdea.findUnique({ where: { id }, select: IDEA_SELECT });
  }

  findMany(ids: string[]) {
    return this.prisma.changeIdea.findMany({ where: { id: { in: ids } }, select: IDEA_SELECT });
  }

  /** Holds the idea's row until the transaction ends, so writes that depend on its status queue up. */
  async lock(db: Prisma.TransactionClient, id: string): Promise<void> {
    await db.$queryRaw`SELECT 1 FROM "ChangeIdea" WHERE "id" = ${id}::uuid FOR UPDATE`;
  }

  async list(filter: IdeaFilter, page: Page): Promise<{ rows: IdeaRow[]; totalCount: number }> {
    const where: Prisma.ChangeIdeaWhereInput = { networkId: filter.networkId };
    if (filter.statuses) where.status = { in: filter.statuses };
    if (filter.driverId) where.drivers = { some: { driverId: filter.driverId } };
    const [rows, totalCount] = await Promise.all([
      this.prisma.changeIdea.findMany({
        where,
        select: IDEA_SELECT,
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
        take: page.take,
        skip: page.skip,
      }),
      this.prisma.changeIdea.count({ where }),
    ]);
    return { rows, totalCount };
  }

  /** Creates an idea; its proposer becomes its first (active) co-designer. */
  async create(
    db: Db,
    data: IdeaText & { networkId: string; proposerId: string; proposerRole: Role; driverIds: string[]; at: Date },
  ): Promise<IdeaRow> {
    const { driverIds, proposerRole, at, ...idea } = data;
    return db.changeIdea.create({
      data: {
        ...idea,
        createdAt: at,
        updatedAt: at,
        statusChangedAt: at,
        drivers: { create: driverIds.map((driverId) => ({ driverId })) },
        coDesigners: {
          create: { userId: data.proposerId, role: proposerRole, status: 'ACTIVE', invitedAt: at, joinedAt: at },
        },
      },
      select: IDEA_SELECT,
    });
  }

  /** Saves new text and drivers when the idea is still at `expectedVersion`; null when it is not. */
  async update(
    db: Db,
    id: string,
    expectedVersion: number,
    text: IdeaText,
    driverIds: string[],
    at: Date,
  ): Promise<IdeaRow | null> {
    const { count } = await db.changeIdea.updateMany({
      where: { id, version: expectedVersion },
      data: { ...text, version: { increment: 1 }, updatedAt: at },
    });
    if (count === 0) return null;
    await db.changeIdeaDriver.deleteMany({ where: { ideaId: id, driverId: { notIn: driverIds } } });
    await db.changeIdeaDriver.createMany({
      data: driverIds.map((driverId) => ({ ideaId: id, driverId })),
      skipDuplicates: true,
    });
    return this.find(id, db);
  }

  /** Ids among `ids` that are drivers of `networkId`. */
  async driverIdsIn(networkId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.prisma.driver.findMany({ where: { networkId, id: { in: ids } }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  }

  async driversOf(ideaIds: string[]) {
    const rows = await this.prisma.changeIdeaDriver.findMany({
      where: { ideaId: { in: ideaIds } },
      select: { ideaId: true, driver: { select: DRIVER_SELECT } },
      orderBy: [{ driver: { position: 'asc' } }, { driver: { createdAt: 'asc' } }],
    });
    return rows.map((row) => ({ ideaId: row.ideaId, driver: row.driver }));
  }

  /** The ideas linked to each of `driverIds`, most recently changed first. */
  async ideasOfDrivers(driverIds: string[]) {
    const rows = await this.prisma.changeIdeaDriver.findMany({
      where: { driverId: { in: driverIds } },
      select: { driverId: true, idea: { select: IDEA_SELECT } },
      orderBy: [{ idea: { updatedAt: 'desc' } }, { ideaId: 'asc' }],
    });
    return rows.map((row) => ({ driverId: row.driverId, idea: row.idea }));
  }

  /** The active members among `userIds` in `networkId`, with their role and site. */
  async activeMembers(networkId: string, userIds: string[]): Promise<ActiveMember[]> {
    if (userIds.length === 0) return [];
    return this.prisma.membership.findMany({
      where: { networkId, userId: { in: userIds }, deactivatedAt: null },
      select: { userId: true, role: true, siteId: true },
    });
  }

  coDesigner(ideaId: string, userId: string, db: Db = this.prisma): Promise<CoDesignerRow | null> {
    return db.changeIdeaCoDesigner.findUnique({
      where: { ideaId_userId: { ideaId, userId } },
      select: CO_DESIGNER_SELECT,
    });
  }

  /** Everyone ever invited to co-design `ideaIds` (declined and left included), in the order they were invited. */
  coDesignersOf(ideaIds: string[], db: Db = this.prisma): Promise<CoDesignerRow[]> {
    return db.changeIdeaCoDesigner.findMany({
      where: { ideaId: { in: ideaIds } },
      select: CO_DESIGNER_SELECT,
      orderBy: [{ invitedAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** Invites `userId` (again, after she declined or left); returns the row. */
  invite(
    db: Db,
    data: { ideaId: string; userId: string; role: Role; invitedById: string; at: Date },
  ): Promise<CoDesignerRow> {
    const invitation = {
      role: data.role,
      status: 'INVITED' as const,
      invitedById: data.invitedById,
      invitedAt: data.at,
      joinedAt: null,
      respondedAt: null,
    };
    return db.changeIdeaCoDesigner.upsert({
      where: { ideaId_userId: { ideaId: data.ideaId, userId: data.userId } },
      create: { ideaId: data.ideaId, userId: data.userId, ...invitation },
      update: invitation,
      select: CO_DESIGNER_SELECT,
    });
  }

  /** Accepts (with her role now), declines or leaves, when the row is still in `fromStatus`. */
  async respond(
    db: Db,
    id: string,
    fromStatus: 'INVITED' | 'ACTIVE',
    change: { status: 'ACTIVE' | 'DECLINED' | 'LEFT'; role: Role; at: Date },
  ): Promise<boolean> {
    const data =
      change.status === 'ACTIVE'
        ? { status: change.status, role: change.role, joinedAt: change.at, respondedAt: change.at }
        : { status: change.status, respondedAt: change.at };
    const { count } = await db.changeIdeaCoDesigner.updateMany({ where: { id, status: fromStatus }, data });
    return count === 1;
  }

  /** Active co-designers' user ids (the proposer included). */
  async activeCoDesignerIds(ideaId: string, db: Db = this.prisma): Promise<string[]> {
    const rows = await db.changeIdeaCoDesigner.findMany({
      where: { ideaId, status: 'ACTIVE' },
      select: { userId: true },
    });
    return rows.map((row) => row.userId);
  }

  async endorse(ideaId: string, userId: string, role: Role): Promise<void> {
    await this.prisma.changeIdeaEndorsement.createMany({ data: [{ ideaId, userId, role }], skipDuplicates: true });
  }

  async withdrawEndorsement(ideaId: string, userId: string): Promise<void> {
    await this.prisma.changeIdeaEndorsement.deleteMany({ where: { ideaId, userId } });
  }

  /** Endorsement counts per idea and role. */
  async endorsementCounts(ideaIds: string[]) {
    const rows = await this.prisma.changeIdeaEndorsement.groupBy({
      by: ['ideaId', 'role'],
      where: { ideaId: { in: ideaIds } },
      _count: { _all: true },
    });
    return rows.map((row) => ({ ideaId: row.ideaId, role: row.role, count: row._count._all }));
  }

  /** The ideas among `ideaIds` that `userId` endorsed. */
  async endorsedBy(userId: string, ideaIds: string[]): Promise<Set<string>> {
    const rows = await this.prisma.changeIdeaEndorsement.findMany({
      where: { userId, ideaId: { in: ideaIds } },
      select: { ideaId: true },
    });
    return new Set(rows.map((row) => row.ideaId));
  }

  async endorserIds(ideaId: string, db: Db = this.prisma): Promise<string[]> {
    const rows = await db.changeIdeaEndorsement.findMany({ where: { ideaId }, select: { userId: true } });
    return rows.map((row) => row.userId);
  }

  async userNames(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
