import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { can } from '@commons/shared';
import { Site } from '../networks/models/site.model';
import { Ctx, CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { Role } from '../platform/graphql/enums';
import { pagedComplexity } from '../platform/graphql/pagination';
import type { RequestContext } from '../platform/graphql/request-context';
import { DirectoryArgs } from './dto/directory.args';
import { InterestCount, Member, MemberConnection } from './models/member.model';
import { MembersService } from './members.service';

@Resolver(() => Member)
export class MembersResolver {
  constructor(private readonly service: MembersService) {}

  @Query(() => MemberConnection, { description: 'The member directory of a network.', complexity: pagedComplexity })
  members(@CurrentViewer() viewer: Viewer, @Args() args: DirectoryArgs) {
    return this.service.directory(viewer, args.networkId, args.filter, args);
  }

  @Query(() => Member)
  member(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ) {
    return this.service.member(viewer, networkId, userId);
  }

  @Query(() => [InterestCount], { description: 'The most shared interests in a network.' })
  interests(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('first', { type: () => Int, defaultValue: 30 }) first: number,
  ) {
    return this.service.interests(viewer, networkId, first);
  }

  @Mutation(() => Member, {
    description:
      'Network admins set their own site; patient partners, family members and researchers may leave theirs (siteId null) and ask to join one with requestSite; care-team roles have their site set by an admin.',
  })
  setMySite(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('siteId', { type: () => ID, nullable: true }) siteId: string | null,
  ) {
    return this.service.setMySite(viewer, networkId, siteId ?? null);
  }

  @Mutation(() => Member, {
    description:
      "Network admins: change a member's role and site (a request of hers to join a site that still waits is withdrawn).",
  })
  changeMemberRole(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => Role }) role: Role,
    @Args('siteId', { type: () => ID, nullable: true }) siteId: string | null,
  ) {
    return this.service.changeRole(viewer, networkId, userId, role, siteId ?? null);
  }

  @Mutation(() => Member, { description: 'Network admins: deactivate a member and end all of their sessions.' })
  deactivateMember(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ) {
    return this.service.deactivate(viewer, networkId, userId);
  }

  @Mutation(() => Member, { description: 'Network admins: let a deactivated member back in.' })
  reactivateMember(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ) {
    return this.service.reactivate(viewer, networkId, userId);
  }

  @ResolveField(() => Site, { nullable: true })
  site(@Parent() member: Member, @Ctx() ctx: RequestContext) {
    return member.siteId ? ctx.loaders.site.load(member.siteId) : null;
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the viewer may change her role and site (network admins, for anyone but themselves).',
  })
  viewerCanChangeRole(@Parent() member: Member) {
    return can(member.seenBy, 'member.changeRole', { targetUserId: member.userId });
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the viewer may deactivate her or let her back in (network admins, for anyone but themselves).',
  })
  viewerCanDeactivate(@Parent() member: Member) {
    return can(member.seenBy, 'member.deactivate', { targetUserId: member.userId });
  }
}
