import { Injectable } from '@nestjs/common';
import type { NotificationKind, NotificationSubjectType, Prisma } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';
import type { Page } from '../platform/graphql/pagination';

export interface NotificationRows {
  networkId: string;
  kind: NotificationKind;
  subjectType: NotificationSubjectType;
  subjectId: string;
  actorId: string | null;
  payload: Prisma.InputJsonObject;
  userIds: string[];
}

export const NOTIFICATION_SELECT = {
  id: true,
  userId: true,
  networkId: true,
  kind: true,
  subjectType: true,
  subjectId: true,
  actorId: true,
  payload: true,
  createdAt: true,
  readAt: true,
} as const;

export type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof NOTIFICATION_SELECT }>;

const PREFERENCE_SELECT = { kind: true, inApp: true, email: true, emailFrequency: true } as const;
export type PreferenceRow = Prisma.NotificationPreferenceGetPayload<{ select: typeof PREFERENCE_SELECT }>;

/** Notifications and members' preferences per kind. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Writes one notification per user, through `db` (the caller's transaction). */
  async insert(db: Db, rows: NotificationRows): Promise<number> {
    const { userIds, ...common } = rows;
    const result = await db.notification.createMany({ data: userIds.map((userId) => ({ ...common, userId })) });
    return result.count;
  }

  /** Those of `userIds` who turned in-app notifications of `kind` off (one query for them all). */
  async mutedIn(db: Db, kind: NotificationKind, userIds: string[]): Promise<Set<string>> {
    const rows = await db.notificationPreference.findMany({
      where: { kind, inApp: false, userId: { in: userIds } },
      select: { userId: true },
    });
    return new Set(rows.map((row) => row.userId));
  }

  /** How many unread notifications each of `userIds` has in the network (zero counts included). */
  async unreadCounts(networkId: string, userIds: string[]): Promise<Map<string, number>> {
    const rows = await this.prisma.notification.groupBy({
      by: ['userId'],
      where: { networkId, userId: { in: userIds }, readAt: null },
      _count: { _all: true },
    });
    const counts = new Map(userIds.map((userId) => [userId, 0]));
    for (const row of rows) counts.set(row.userId, row._count._all);
    return counts;
  }

  async unreadCount(userId: string, networkId: string): Promise<number> {
    return this.prisma.notification.count({ where: { userId, networkId, readAt: null } });
  }

  /** A member's notifications in a network, newest first. */
  async list(
    filter: { userId: string; networkId: string; unreadOnly: boolean },
    page: Page,
  ): Promise<{ rows: NotificationRow[]; totalCount: number }> {
    const where: Prisma.NotificationWhereInput = {
      userId: filter.userId,
      networkId: filter.networkId,
      ...(filter.unreadOnly ? { readAt: null } : {}),
    };
    const [rows, totalCount] = await Promise.all([
      this.prisma.notification.findMany({
        where,
        select: NOTIFICATION_SELECT,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: page.take,
        skip: page.skip,
      }),
      this.prisma.notification.count({ where }),
    ]);
    return { rows, totalCount };
  }

  find(id: string) {
    return this.prisma.notification.findUnique({ where: { id }, select: NOTIFICATION_SELECT });
  }

  /** Marks one notification read (keeping the first time it was read) and returns it. */
  async markRead(id: string, at: Date): Promise<NotificationRow> {
    await this.prisma.notification.updateMany({ where: { id, readAt: null }, data: { readAt: at } });
    return this.prisma.notification.findUniqueOrThrow({ where: { id }, select: NOTIFICATION_SELECT });
  }

  /** Marks every unread notification of a member in a network read; returns how many. */
  async markAllRead(userId: string, networkId: string, at: Date): Promise<number> {
    return (
      await this.prisma.notification.updateMany({ where: { userId, networkId, readAt: null }, data: { readAt: at } })
    ).count;
  }

  preferences(userId: string): Promise<PreferenceRow[]> {
    return this.prisma.notificationPreference.findMany({ where: { userId }, select: PREFERENCE_SELECT });
  }

  setPreference(userId: string, preference: PreferenceRow, at: Date): Promise<PreferenceRow> {
    const { kind, inApp, emailFrequency } = preference;
    const email = emailFrequency !== 'OFF';
    return this.prisma.notificationPreference.upsert({
      where: { userId_kind: { userId, kind } },
      create: { userId, kind, inApp, email, emailFrequency, updatedAt: at },
      update: { inApp, email, emailFrequency, updatedAt: at },
      select: PREFERENCE_SELECT,
    });
  }

  userNames(ids: string[]): Promise<{ id: string; name: string }[]> {
    return this.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  }
}
