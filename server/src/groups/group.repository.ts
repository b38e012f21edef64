import { Injectable } from '@nestjs/common';
import type { GroupMembershipStatus, GroupRole, GroupVisibility, Prisma } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';
import type { Page } from '../platform/graphql/pagination';
import { RESOURCE_SELECT } from '../resources/resource.select';
import { GROUP_SELECT, type GroupRow } from './group.select';

export const GROUP_MEMBERSHIP_SELECT = {
  groupId: true,
  userId: true,
  role: true,
  status: true,
  invitedById: true,
  createdAt: true,
  joinedAt: true,
} as const;

export type GroupMembershipRow = Prisma.GroupMembershipGetPayload<{ select: typeof GROUP_MEMBERSHIP_SELECT }>;

/** A group member with her name and her role in the group's network. */
export type GroupMemberRow = GroupMembershipRow & {
  name: string;
  networkRole: Prisma.MembershipGetPayload<{ select: { role: true } }>['role'] | null;
};

const SHELF_SELECT = { groupId: true, addedById: true, addedAt: true, resource: { select: RESOURCE_SELECT } } as const;
export type ShelfRow = Prisma.GroupResourceGetPayload<{ select: typeof SHELF_SELECT }>;

export interface GroupFilter {
  networkId: string;
  viewerId: string;
  /** Network admins see invite-only groups they are not in. */
  seesAll: boolean;
  /** Only groups the viewer is in or invited to. */
  mine: boolean;
  includeArchived: boolean;
}

export interface GroupText {
  name: string;
  purpose: string;
  visibility: GroupVisibility;
}

/** Working groups, their members and invitations, and their shelves. */
@Injectable()
export class GroupRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (db: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { timeout: 30_000 });
  }

  find(id: string, db: Db = this.prisma): Promise<GroupRow | null> {
    return db.workingGroup.findUnique({ where: { id }, select: GROUP_SELECT });
  }

  /** Holds the group's row until the transaction ends, so membership changes that count owners queue up. */
  async lock(db: Prisma.TransactionClient, id: string): Promise<void> {
    await db.$queryRaw`SELECT 1 FROM "WorkingGroup" WHERE "id" = ${id}::uuid FOR UPDATE`;
  }

  /** Groups of a network the viewer may see, by name. */
  async list(filter: GroupFilter, page: Page): Promise<{ rows: GroupRow[]; totalCount: number }> {
    const where: Prisma.WorkingGroupWhereInput = { networkId: filter.networkId };
    if (!filter.includeArchived) where.archivedAt = null;
    if (filter.mine) where.memberships = { some: { userId: filter.viewerId } };
    else if (!filter.seesAll)
      where.OR = [{ visibility: 'OPEN' }, { memberships: { some: { userId: filter.viewerId } } }];
    const [rows, totalCount] = await Promise.all([
      this.prisma.workingGroup.findMany({
        where,
        select: GROUP_SELECT,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take: page.take,
        skip: page.skip,
      }),
      this.prisma.workingGroup.count({ where }),
    ]);
    return { rows, totalCount };
  }

  /** The invite-only groups of a network `userId` is a member of or invited to. */
  async inviteOnlyGroupIdsOf(networkId: string, userId: string): Promise<string[]> {
    const rows = await this.prisma.groupMembership.findMany({
      where: { userId, group: { networkId, visibility: 'INVITE_ONLY' } },
      select: { groupId: true },
    });
    return rows.map((row) => row.groupId);
  }

  create(db: Db, data: GroupText & { networkId: string; ownerId: string; at: Date }): Promise<GroupRow> {
    const { ownerId, at, ...group } = data;
    return db.workingGroup.create({
      data: {
        ...group,
        createdById: ownerId,
        createdAt: at,
        updatedAt: at,
        memberships: { create: { userId: ownerId, role: 'OWNER', status: 'ACTIVE', createdAt: at, joinedAt: at } },
      },
      select: GROUP_SELECT,
    });
  }

  update(
    id: string,
    data: Partial<GroupText> & { archivedAt?: Date; at: Date },
    db: Db = this.prisma,
  ): Promise<GroupRow> {
    const { at, ...changes } = data;
    return db.workingGroup.update({ where: { id }, data: { ...changes, updatedAt: at }, select: GROUP_SELECT });
  }

  membership(groupId: string, userId: string, db: Db = this.prisma): Promise<GroupMembershipRow | null> {
    return db.groupMembership.findUnique({
      where: { groupId_userId: { groupId, userId } },
      select: GROUP_MEMBERSHIP_SELECT,
    });
  }

  /** The memberships (and invitations) of `userId` among `groupIds`. */
  membershipsOf(userId: string, groupIds: string[]): Promise<GroupMembershipRow[]> {
    return this.prisma.groupMembership.findMany({
      where: { userId, groupId: { in: groupIds } },
      select: GROUP_MEMBERSHIP_SELECT,
    });
  }

  /** Active members per group. */
  async memberCounts(groupIds: string[]): Promise<Map<string, number>> {
    const rows = await this.prisma.groupMembership.groupBy({
      by: ['groupId'],
      where: { groupId: { in: groupIds }, status: 'ACTIVE' },
      _count: { _all: true },
    });
    return new Map(rows.map((row) => [row.groupId, row._count._all]));
  }

  /** Members and invitees of `groupIds`, owners first, then by name; with each one's role in the group's network. */
  async membersOf(groupIds: string[]): Promise<GroupMemberRow[]> {
    const rows = await this.prisma.groupMembership.findMany({
      where: { groupId: { in: groupIds } },
      select: {
        ...GROUP_MEMBERSHIP_SELECT,
        group: { select: { networkId: true } },
        user: { select: { name: true, memberships: { select: { networkId: true, role: true } } } },
      },
      orderBy: [{ role: 'asc' }, { user: { name: 'asc' } }, { userId: 'asc' }],
    });
    return rows.map(({ group, user, ...membership }) => ({
      ...membership,
      name: user.name,
      networkRole: user.memberships.find((m) => m.networkId === group.networkId)?.role ?? null,
    }));
  }

  /** Active owners of the group, read in `db` (after `lock`, so the count holds until commit). */
  async ownerIds(db: Db, groupId: string): Promise<string[]> {
    const rows = await db.groupMembership.findMany({
      where: { groupId, role: 'OWNER', status: 'ACTIVE' },
      select: { userId: true },
    });
    return rows.map((row) => row.userId);
  }

  /** Adds an active member, or returns null when she already has a row (a member or an invitee). */
  async addMember(db: Db, data: { groupId: string; userId: string; at: Date }): Promise<boolean> {
    const { count } = await db.groupMembership.createMany({
      data: [
        {
          groupId: data.groupId,
          userId: data.userId,
          role: 'MEMBER',
          status: 'ACTIVE',
          createdAt: data.at,
          joinedAt: data.at,
        },
      ],
      skipDuplicates: true,
    });
    return count === 1;
  }

  /** Invites `userId`; false when she already has a row. */
  async invite(db: Db, data: { groupId: string; userId: string; invitedById: string; at: Date }): Promise<boolean> {
    const { count } = await db.groupMembership.createMany({
      data: [
        {
          groupId: data.groupId,
          userId: data.userId,
          role: 'MEMBER',
          status: 'INVITED',
          invitedById: data.invitedById,
          createdAt: data.at,
        },
      ],
      skipDuplicates: true,
    });
    return count === 1;
  }

  /** Turns an invitation into a membership; false when it is no longer an invitation. */
  async accept(db: Db, groupId: string, userId: string, at: Date): Promise<boolean> {
    const { count } = await db.groupMembership.updateMany({
      where: { groupId, userId, status: 'INVITED' },
      data: { status: 'ACTIVE', joinedAt: at },
    });
    return count === 1;
  }

  /** Deletes a membership or invitation in `status`; false when there was none. */
  async remove(db: Db, groupId: string, userId: string, status?: GroupMembershipStatus): Promise<boolean> {
    const { count } = await db.groupMembership.deleteMany({
      where: { groupId, userId, ...(status ? { status } : {}) },
    });
    return count === 1;
  }

  async setRole(db: Db, groupId: string, userId: string, role: GroupRole): Promise<boolean> {
    const { count } = await db.groupMembership.updateMany({
      where: { groupId, userId, status: 'ACTIVE' },
      data: { role },
    });
    return count === 1;
  }

  /** The active members among `userIds` of `networkId`. */
  async activeNetworkMembers(networkId: string, userIds: string[]): Promise<Set<string>> {
    const rows = await this.prisma.membership.findMany({
      where: { networkId, userId: { in: userIds }, deactivatedAt: null },
      select: { userId: true },
    });
    return new Set(rows.map((row) => row.userId));
  }

  /** The shelves of `groupIds`, most recently added first. */
  shelvesOf(groupIds: string[]): Promise<ShelfRow[]> {
    return this.prisma.groupResource.findMany({
      where: { groupId: { in: groupIds } },
      select: SHELF_SELECT,
      orderBy: [{ addedAt: 'desc' }, { resourceId: 'asc' }],
    });
  }

  async shelve(groupId: string, resourceId: string, addedById: string, at: Date): Promise<void> {
    await this.prisma.groupResource.createMany({
      data: [{ groupId, resourceId, addedById, addedAt: at }],
      skipDuplicates: true,
    });
  }

  async unshelve(groupId: string, resourceId: string): Promise<void> {
    await this.prisma.groupResource.deleteMany({ where: { groupId, resourceId } });
  }

  async userNames(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
