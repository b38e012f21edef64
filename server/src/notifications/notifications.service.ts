import { Injectable } from '@nestjs/common';
import {
  can,
  DEFAULT_NOTIFICATION_PREFERENCE,
  NOTIFICATION_KINDS,
  notificationPreferenceSchema,
  notificationView,
  resolveEmailFrequency,
  SERVER_EVENTS,
} from '@commons/shared';
import type { Db } from '../platform/database/db';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { afterCommit } from '../platform/database/after-commit';
import { notFound, parseInput, requireId } from '../platform/graphql/app-error';
import { pageInfo, toPage } from '../platform/graphql/pagination';
import { RealtimeService } from '../platform/realtime/realtime.service';
import type { NotificationsArgs, SetNotificationPreferenceArgs } from './dto/notifications.args';
import type { Notification, NotificationConnection, NotificationPreference } from './models/notification.model';
import { NotificationRepository, type NotificationRow, type NotificationRows } from './notification.repository';

export type Notice = Omit<NotificationRows, 'userIds'> & {
  /** Who should hear of it; the actor and repeats are left out. */
  recipients: Iterable<string>;
};

const CHANGE_IDEA_STATUSES = new Set(['PROPOSED', 'CO_DESIGN', 'TESTING', 'ADOPTED', 'ADAPTED', 'ABANDONED']);
const PDSA_STAGES = new Set(['PLAN', 'DO', 'STUDY', 'ACT']);
/** Kinds about a decision moving an idea: their notices say from which status to which. */
const DECISION_KINDS = new Set(['IDEA_DECISION', 'DECISION_AWAITING_CONFIRMATION', 'DECISION_DECLINED']);

function payloadString<T extends string>(payload: unknown, key: string, allowed?: Set<string>): T | null {
  const value = payload && typeof payload === 'object' ? (payload as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'string' || (allowed && !allowed.has(value))) return null;
  return value as T;
}

export function toNotification(row: NotificationRow): Notification {
  const view = notificationView(row);
  return {
    id: row.id,
    networkId: row.networkId,
    kind: row.kind,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    actorId: row.actorId,
    title: view.title,
    detail: view.detail,
    link: view.link,
    fromStatus: DECISION_KINDS.has(row.kind) ? payloadString(row.payload, 'fromStatus', CHANGE_IDEA_STATUSES) : null,
    toStatus: DECISION_KINDS.has(row.kind) ? payloadString(row.payload, 'toStatus', CHANGE_IDEA_STATUSES) : null,
    pdsaStage: row.kind === 'PDSA_AT_SITE' ? payloadString(row.payload, 'stage', PDSA_STAGES) : null,
    pdsaEvent: row.kind === 'PDSA_AT_SITE' ? payloadString(row.payload, 'event') : null,
    createdAt: row.createdAt,
    readAt: row.readAt,
    read: row.readAt !== null,
    payloadActorName: view.actorName,
  };
}

/**
 * Notifications: written inside the transaction of the change that causes them, so a member is
 * told of exactly what committed, and pushed live to her sockets only once it has committed.
 * A member who turned a kind off in the app gets no row of that kind. Email follows the rows:
 * the mail capability emails those of kinds a member wants by email, right away or in a digest
 * (see NotificationMailService), never one she has read.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly access: AccessService,
    private readonly realtime: RealtimeService,
  ) {}

  /**
   * Writes `notice` through `tx` for each recipient but its actor and those who turned its kind
   * off, and pushes `notification:new` to them after `tx` commits (never if it rolls back).
   * Returns how many were written.
   */
  async notify(tx: Db, notice: Notice): Promise<number> {
    const { recipients, ...rows } = notice;
    const candidates = [...new Set(recipients)].filter((userId) => userId !== notice.actorId);
    if (candidates.length === 0) return 0;
    const muted = await this.notifications.mutedIn(tx, notice.kind, candidates);
    const userIds = candidates.filter((userId) => !muted.has(userId));
    if (userIds.length === 0) return 0;
    const written = await this.notifications.insert(tx, { ...rows, userIds });
    afterCommit(tx, () => this.pushNew(rows, userIds));
    return written;
  }

  async list(viewer: Viewer, args: NotificationsArgs): Promise<NotificationConnection> {
    await this.access.require(viewer, args.networkId, 'notification.list');
    const page = toPage(args);
    const [{ rows, totalCount }, unreadCount] = await Promise.all([
      this.notifications.list({ userId: viewer.userId, networkId: args.networkId, unreadOnly: args.unreadOnly }, page),
      this.notifications.unreadCount(viewer.userId, args.networkId),
    ]);
    return {
      nodes: rows.map(toNotification),
      totalCount,
      unreadCount,
      pageInfo: pageInfo(page, rows.length, totalCount),
    };
  }

  async unreadCount(viewer: Viewer, networkId: string): Promise<number> {
    await this.access.require(viewer, networkId, 'notification.list');
    return this.notifications.unreadCount(viewer.userId, networkId);
  }

  /** Marks one of the viewer's notifications read; anyone else's is NOT_FOUND. */
  async markRead(viewer: Viewer, id: string): Promise<Notification> {
    const row = await this.notifications.find(requireId(id, 'id'));
    if (!row) throw notFound('Notification');
    const actor = await this.access.actorIn(viewer, row.networkId);
    if (!can(actor, 'notification.markRead', { targetUserId: row.userId })) throw notFound('Notification');
    const marked = row.readAt ? row : await this.notifications.markRead(row.id, new Date());
    if (!row.readAt) await this.pushUnread(viewer.userId, row.networkId);
    return toNotification(marked);
  }

  /** Marks every unread notification of the viewer in the network read; returns how many. */
  async markAllRead(viewer: Viewer, networkId: string): Promise<number> {
    await this.access.require(viewer, networkId, 'notification.markRead', { targetUserId: viewer.userId });
    const marked = await this.notifications.markAllRead(viewer.userId, networkId, new Date());
    if (marked > 0) await this.pushUnread(viewer.userId, networkId);
    return marked;
  }

  /** The viewer's choice for every kind, defaults included. Preferences are hers, across her networks. */
  async preferences(viewer: Viewer): Promise<NotificationPreference[]> {
    const stored = new Map((await this.notifications.preferences(viewer.userId)).map((row) => [row.kind, row]));
    return NOTIFICATION_KINDS.map((kind) => stored.get(kind) ?? { kind, ...DEFAULT_NOTIFICATION_PREFERENCE });
  }

  async setPreference(viewer: Viewer, args: SetNotificationPreferenceArgs): Promise<NotificationPreference> {
    const data = parseInput(
      notificationPreferenceSchema,
      { kind: args.kind, inApp: args.inApp, email: args.email, emailFrequency: args.emailFrequency ?? null },
      '',
    );
    const current =
      (await this.notifications.preferences(viewer.userId)).find((row) => row.kind === data.kind)?.emailFrequency ??
      'OFF';
    const emailFrequency = resolveEmailFrequency(data, current);
    return this.notifications.setPreference(
      viewer.userId,
      { kind: data.kind, inApp: data.inApp, email: emailFrequency !== 'OFF', emailFrequency },
      new Date(),
    );
  }

  /** Tells each recipient's sockets of the new notification, with her unread count (one emit per distinct count). */
  private async pushNew(notice: Omit<NotificationRows, 'userIds'>, userIds: string[]): Promise<void> {
    const counts = await this.notifications.unreadCounts(notice.networkId, userIds);
    const byCount = new Map<number, string[]>();
    for (const [userId, count] of counts) byCount.set(count, [...(byCount.get(count) ?? []), userId]);
    for (const [unreadCount, ids] of byCount) {
      this.realtime.toUsers(ids, SERVER_EVENTS.notificationNew, {
        networkId: notice.networkId,
        unreadCount,
        kind: notice.kind,
        subjectType: notice.subjectType,
        subjectId: notice.subjectId,
      });
    }
  }

  private async pushUnread(userId: string, networkId: string): Promise<void> {
    const unreadCount = await this.notifications.unreadCount(userId, networkId);
    this.realtime.toUsers([userId], SERVER_EVENTS.notificationsUnread, { networkId, unreadCount });
  }
}
