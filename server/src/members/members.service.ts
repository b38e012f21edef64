import { Injectable } from '@nestjs/common';
import { type Actor, can, directoryFilterSchema, profileSchema, SITE_TEAM_ROLES } from '@commons/shared';
import { NetworkService } from '../networks/network.service';
import { AccessService } from '../platform/auth/access.service';
import { RealtimeService } from '../platform/realtime/realtime.service';
import type { Viewer } from '../platform/auth/viewer';
import { invalid, notFound, parseInput, requireId } from '../platform/graphql/app-error';
import type { Role } from '../platform/graphql/enums';
import { type PageArgs, pageInfo, toPage } from '../platform/graphql/pagination';
import type { DirectoryFilter } from './dto/directory.args';
import type { ProfileInput } from './dto/profile.input';
import { MemberRepository, type MemberRow } from './member.repository';
import { SiteRequestRepository } from './site-request.repository';
import type { Member, MemberConnection } from './models/member.model';
import { UserRepository } from './user.repository';

@Injectable()
export class MembersService {
  constructor(
    private readonly members: MemberRepository,
    private readonly users: UserRepository,
    private readonly networks: NetworkService,
    private readonly access: AccessService,
    private readonly realtime: RealtimeService,
    private readonly siteRequests: SiteRequestRepository,
  ) {}

  async profile(viewer: Viewer) {
    const profile = await this.users.findProfile(viewer.userId);
    if (!profile) throw notFound('Member');
    return profile;
  }

  async updateProfile(viewer: Viewer, input: ProfileInput) {
    const profile = parseInput(
      profileSchema,
      { ...input, pronouns: input.pronouns ?? null, locale: input.locale ?? null },
      'input',
    );
    return this.users.updateProfile(viewer.userId, profile);
  }

  async viewerMemberships(viewer: Viewer) {
    const memberships = await this.users.memberships(viewer.userId);
    return memberships.map((m) => ({ ...m, active: m.deactivatedAt === null }));
  }

  async directory(
    viewer: Viewer,
    networkId: string,
    filter: DirectoryFilter | null | undefined,
    pageArgs: PageArgs,
  ): Promise<MemberConnection> {
    const actor = await this.access.require(viewer, networkId, 'member.list');
    const page = toPage(pageArgs);
    const parsed = parseInput(directoryFilterSchema, filter ?? {}, 'filter');
    if (filter?.includeDeactivated) this.access.check(actor, 'member.listDeactivated');
    const myInterests = await this.myInterests(viewer);
    if (filter?.likeMe && myInterests.length === 0) return { nodes: [], totalCount: 0, pageInfo: pageInfo(page, 0, 0) };
    const { rows, totalCount } = await this.members.directory(
      {
        networkId,
        role: parsed.role ?? null,
        siteId: parsed.siteId ?? null,
        interest: parsed.interest ?? null,
        anyInterests: filter?.likeMe ? myInterests : null,
        excludeUserId: filter?.likeMe ? viewer.userId : null,
        search: parsed.search || null,
        includeDeactivated: Boolean(filter?.includeDeactivated),
      },
      page,
    );
    return {
      nodes: rows.map((row) => this.toMember(row, actor, myInterests)),
      totalCount,
      pageInfo: pageInfo(page, rows.length, totalCount),
    };
  }

  async member(viewer: Viewer, networkId: string, userId: string): Promise<Member> {
    const actor = await this.access.require(viewer, networkId, 'member.view');
    requireId(userId, 'userId');
    const row = await this.members.find(networkId, userId);
    if (!row || (row.deactivatedAt && !can(actor, 'member.listDeactivated'))) throw notFound('Member');
    return this.toMember(row, actor, await this.myInterests(viewer));
  }

  async interests(viewer: Viewer, networkId: string, limit: number) {
    await this.access.require(viewer, networkId, 'member.list');
    return this.members.interestCounts(networkId, Math.min(Math.max(limit, 1), 100));
  }

  async setMySite(viewer: Viewer, networkId: string, siteId: string | null): Promise<Member> {
    if (siteId) requireId(siteId, 'siteId');
    const actor = await this.access.require(viewer, networkId, 'profile.setOwnSite', { siteId });
    if (siteId) await this.networks.assertSiteInNetwork(siteId, networkId, 'siteId');
    const row = await this.members.find(networkId, viewer.userId);
    if (!row) throw notFound('Member');
    return this.toMember(await this.members.update(row.id, { siteId }), actor, row.user.interests);
  }

  async changeRole(
    viewer: Viewer,
    networkId: string,
    userId: string,
    role: Role,
    siteId: string | null,
  ): Promise<Member> {
    requireId(userId, 'userId');
    if (siteId) requireId(siteId, 'siteId');
    const actor = await this.access.require(viewer, networkId, 'member.changeRole', {
      targetUserId: userId,
      targetRole: role,
      siteId,
    });
    if (SITE_TEAM_ROLES.includes(role) && !siteId) throw invalid('siteId', 'site_required');
    if (siteId) await this.networks.assertSiteInNetwork(siteId, networkId, 'siteId');
    const row = await this.requireMember(networkId, userId);
    // The admin settles the member's role and site: a request of hers still waiting is withdrawn with it.
    const member = await this.siteRequests.transaction(async (db) => {
      const updated = await this.members.update(row.id, { role, siteId }, db);
      const waiting = await this.siteRequests.findPending(db, userId, networkId);
      if (waiting)
        await this.siteRequests.close(db, waiting.id, {
          status: 'CANCELLED',
          answeredById: actor.userId,
          at: new Date(),
        });
      return updated;
    });
    return this.toMember(member, actor, []);
  }

  async deactivate(viewer: Viewer, networkId: string, userId: string): Promise<Member> {
    const actor = await this.access.require(viewer, networkId, 'member.deactivate', { targetUserId: userId });
    const row = await this.requireMember(networkId, userId);
    if (row.deactivatedAt) return this.toMember(row, actor, []);
    const member = await this.members.deactivate(row.id, userId, new Date());
    this.realtime.endUser(userId, 'deactivated');
    return this.toMember(member, actor, []);
  }

  async reactivate(viewer: Viewer, networkId: string, userId: string): Promise<Member> {
    const actor = await this.access.require(viewer, networkId, 'member.deactivate', { targetUserId: userId });
    const row = await this.requireMember(networkId, userId);
    return this.toMember(await this.members.update(row.id, { deactivatedAt: null }), actor, []);
  }

  private async requireMember(networkId: string, userId: string) {
    requireId(userId, 'userId');
    const row = await this.members.find(networkId, userId);
    if (!row) throw notFound('Member');
    return row;
  }

  private async myInterests(viewer: Viewer): Promise<string[]> {
    return (await this.users.findProfile(viewer.userId))?.interests ?? [];
  }

  private toMember(row: MemberRow, actor: Actor, viewerInterests: string[]): Member {
    const mine = new Set(viewerInterests);
    const isSelf = row.user.id === actor.userId;
    return {
      id: row.id,
      userId: row.user.id,
      name: row.user.name,
      pronouns: row.user.pronouns,
      bio: row.user.bio,
      interests: row.user.interests,
      sharedInterests: isSelf ? [] : row.user.interests.filter((interest) => mine.has(interest)),
      role: row.role,
      siteId: row.siteId,
      joinedAt: row.joinedAt,
      active: row.deactivatedAt === null,
      email: isSelf || can(actor, 'member.viewEmail') ? row.user.email : null,
      seenBy: actor,
    };
  }
}
