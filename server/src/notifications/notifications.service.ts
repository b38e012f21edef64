import { Injectable } from '@nestjs/common';
import type { Db } from '../members/user.repository';
import { NotificationRepository, type NotificationRows } from './notification.repository';

export type Notice = Omit<NotificationRows, 'userIds'> & {
  /** Who should hear of it; the actor and repeats are left out. */
  recipients: Iterable<string>;
};

/**
 * Records notifications inside the transaction of the change that causes them, so a member is
 * told of exactly what committed. It only writes rows: the list, the unread badge, preferences
 * per kind, email and the live push build on these rows.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationRepository) {}

  /** Writes `notice` for each recipient but its actor, through `tx`; returns how many were written. */
  async notify(tx: Db, notice: Notice): Promise<number> {
    const { recipients, ...rows } = notice;
    const userIds = [...new Set(recipients)].filter((userId) => userId !== notice.actorId);
    if (userIds.length === 0) return 0;
    return this.notifications.insert(tx, { ...rows, userIds });
  }
}
