import { Injectable } from '@nestjs/common';
import type { NotificationKind, NotificationSubjectType, Prisma } from '../generated/prisma/client';
import type { Db } from '../members/user.repository';

export interface NotificationRows {
  networkId: string;
  kind: NotificationKind;
  subjectType: NotificationSubjectType;
  subjectId: string;
  actorId: string | null;
  payload: Prisma.InputJsonObject;
  userIds: string[];
}

@Injectable()
export class NotificationRepository {
  /** Writes one notification per user, through `db` (the caller's transaction). */
  async insert(db: Db, rows: NotificationRows): Promise<number> {
    const { userIds, ...common } = rows;
    const result = await db.notification.createMany({ data: userIds.map((userId) => ({ ...common, userId })) });
    return result.count;
  }
}
