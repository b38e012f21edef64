import { Injectable } from '@nestjs/common';
import { can, SITE_REQUEST_ROLES, siteRequestDeclineSchema } from '@commons/shared';
import { NetworkService } from '../networks/network.service';
import { NotificationsService } from '../notifications/notifications.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { conflict, invalid, notFound, parseInput, requireId } from '../platform/graphql/app-error';
import type { Role } from '../platform/graphql/enums';
import { pageInfo, toPage } from '../platform/graphql/pagination';
import type { SiteRequestsArgs } from './dto/site-requests.args';
import type { SiteRequest, SiteRequestConnection } from './models/site-request.model';
import { SiteRequestRepository, type SiteRequestRow } from './site-request.repository';
import { UserRepository } from './user.repository';

export function toSiteRequest(row: SiteRequestRow, memberRole: Role | null = null): SiteRequest {
  return {
    id: row.id,
    status: row.status,
    siteId: row.siteId,
    siteName: row.site.name,
    member: { userId: row.user.id, name: row.user.name, role: memberRole },
    requestedAt: row.requestedAt,
    answeredBy: row.answeredBy ? { userId: row.answeredBy.id, name: row.answeredBy.name, role: null } : null,
    answeredAt: row.answeredAt,
    reason: row.reason,
  };
}

const alreadyAnswered = () => conflict('already_answered', 'This request was answered or withdrawn meanwhile.');

/**
 * Joining a site, for patients, families and researchers: their choice of a site is a request
 * that the site's lead (or a network admin) confirms or declines. The member's site (Membership.siteId,
 * the one every "own site" rule reads) changes only when a request is confirmed, so nothing of the
 * requested site's own data opens before. Every request stays on record with who asked, who
 * answered, when and why; the answerers are notified of a request, the member of its answer.
 */
@Injectable()
export class SiteRequestsService {
  constructor(
    private readonly requests: SiteRequestRepository,
    private readonly users: UserRepository,
    private readonly networks: NetworkService,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The viewer asks to join `siteId`; a request of hers still waiting for another site is withdrawn. */
  async request(viewer: Viewer, networkId: string, siteId: string): Promise<SiteRequest> {
    requireId(siteId, 'siteId');
    const actor = await this.access.require(viewer, networkId, 'profile.requestSite', { siteId });
    await this.networks.assertSiteInNetwork(siteId, networkId, 'siteId');
    const actorName = (await this.users.findProfile(viewer.userId))?.name ?? '';
    const row = await this.requests.transaction(async (db) => {
      const membership = await this.requests.lockMembership(db, viewer.userId, networkId);
      if (!membership) throw notFound('Network');
      if (membership.siteId === siteId) throw invalid('siteId', 'already_your_site');
      const waiting = await this.requests.findPending(db, viewer.userId, networkId);
      if (waiting?.siteId === siteId) return waiting;
      const at = new Date();
      if (waiting) await this.requests.close(db, waiting.id, { status: 'CANCELLED', answeredById: viewer.userId, at });
      const created = await this.requests.create(db, { networkId, siteId, userId: viewer.userId, at });
      await this.notifications.notify(db, {
        networkId,
        kind: 'SITE_REQUEST',
        subjectType: 'SITE_REQUEST',
        subjectId: created.id,
        actorId: viewer.userId,
        payload: { requestId: created.id, siteId, siteName: created.site.name, actorName, role: membership.role },
        recipients: await this.requests.answerersOf(db, networkId, siteId),
      });
      return created;
    });
    return toSiteRequest(row, actor.role);
  }

  /** The viewer withdraws her waiting request. */
  async cancel(viewer: Viewer, networkId: string): Promise<SiteRequest> {
    const actor = await this.access.require(viewer, networkId, 'profile.requestSite');
    const row = await this.requests.transaction(async (db) => {
      const waiting = await this.requests.findPending(db, viewer.userId, networkId);
      if (!waiting) throw notFound('Site request');
      const closed = await this.requests.close(db, waiting.id, {
        status: 'CANCELLED',
        answeredById: viewer.userId,
        at: new Date(),
      });
      if (!closed) throw alreadyAnswered();
      return closed;
    });
    return toSiteRequest(row, actor.role);
  }

  /** The viewer's newest request in the network, whatever became of it (null when she never asked). */
  async latestOwn(viewer: Viewer, networkId: string): Promise<SiteRequest | null> {
    const row = await this.requests.latestOf(viewer.userId, networkId);
    return row && toSiteRequest(row);
  }

  /** Waiting requests the viewer may answer: to her own site (site leads), to any site or the one asked for (admins). */
  async pending(viewer: Viewer, args: SiteRequestsArgs): Promise<SiteRequestConnection> {
    const actor = await this.access.require(viewer, args.networkId, 'siteRequest.list');
    const page = toPage(args);
    if (args.siteId) {
      requireId(args.siteId, 'siteId');
      this.access.check(actor, 'siteRequest.answer', { siteId: args.siteId });
    }
    // Requests to every site (admins answer those) or to her own site (site leads).
    const all = can(actor, 'siteRequest.answer', { siteId: null });
    const siteId = all ? (args.siteId ?? null) : actor.siteId;
    if (!all && !can(actor, 'siteRequest.answer', { siteId }))
      return { nodes: [], totalCount: 0, pageInfo: pageInfo(page, 0, 0) };
    const { rows, totalCount } = await this.requests.pending(args.networkId, siteId, page);
    const roles = await this.requests.rolesOf(
      args.networkId,
      rows.map((row) => row.userId),
    );
    return {
      nodes: rows.map((row) => toSiteRequest(row, roles.get(row.userId) ?? null)),
      totalCount,
      pageInfo: pageInfo(page, rows.length, totalCount),
    };
  }

  /** The site's lead or an admin confirms: the member's site becomes the requested one. */
  confirm(viewer: Viewer, requestId: string): Promise<SiteRequest> {
    return this.answer(viewer, requestId, 'CONFIRMED', '');
  }

  /** The site's lead or an admin declines, with an optional reason the member is shown; her site stays as it was. */
  decline(viewer: Viewer, requestId: string, reason: string): Promise<SiteRequest> {
    const parsed = parseInput(siteRequestDeclineSchema, { reason }, '');
    return this.answer(viewer, requestId, 'DECLINED', parsed.reason);
  }

  private async answer(
    viewer: Viewer,
    requestId: string,
    status: 'CONFIRMED' | 'DECLINED',
    reason: string,
  ): Promise<SiteRequest> {
    const found = await this.requests.find(requireId(requestId, 'requestId'));
    const actor = found && (await this.access.actorIn(viewer, found.networkId));
    if (!found || !actor) throw notFound('Site request');
    this.access.check(actor, 'siteRequest.answer', { siteId: found.siteId });
    if (found.status !== 'PENDING') throw alreadyAnswered();
    const actorName = (await this.users.findProfile(viewer.userId))?.name ?? '';
    const { row, role } = await this.requests.transaction(async (db) => {
      const membership = await this.requests.lockMembership(db, found.userId, found.networkId);
      if (!membership) throw conflict('member_inactive', 'The member who asked is no longer an active member.');
      if (status === 'CONFIRMED' && !SITE_REQUEST_ROLES.includes(membership.role)) throw alreadyAnswered();
      const answered = await this.requests.close(db, found.id, {
        status,
        answeredById: viewer.userId,
        at: new Date(),
        reason,
      });
      if (!answered) throw alreadyAnswered();
      if (status === 'CONFIRMED') await this.requests.setConfirmedSite(db, membership.id, found.siteId);
      await this.notifications.notify(db, {
        networkId: found.networkId,
        kind: status === 'CONFIRMED' ? 'SITE_REQUEST_CONFIRMED' : 'SITE_REQUEST_DECLINED',
        subjectType: 'SITE_REQUEST',
        subjectId: found.id,
        actorId: viewer.userId,
        payload: { requestId: found.id, siteId: found.siteId, siteName: found.site.name, actorName, reason },
        recipients: [found.userId],
      });
      return { row: answered, role: membership.role };
    });
    return toSiteRequest(row, role);
  }
}
