import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Network } from '../networks/models/network.model';
import { Site } from '../networks/models/site.model';
import { toNetwork } from '../networks/network.service';
import { Ctx, CurrentViewer } from '../platform/auth/current-viewer.decorator';
import { Public } from '../platform/auth/public.decorator';
import type { Viewer } from '../platform/auth/viewer';
import type { RequestContext } from '../platform/graphql/request-context';
import { ProfileInput } from './dto/profile.input';
import { MembersService } from './members.service';
import { Profile, ViewerMembership } from './models/profile.model';
import { SiteRequest } from './models/site-request.model';
import { SiteRequestsService } from './site-requests.service';

@Resolver(() => Profile)
export class ProfileResolver {
  constructor(private readonly members: MembersService) {}

  @Public()
  @Query(() => Profile, { nullable: true, description: 'The signed-in member, or null when signed out.' })
  me(@Ctx() ctx: RequestContext) {
    return ctx.viewer ? this.members.profile(ctx.viewer) : null;
  }

  @Mutation(() => Profile)
  updateProfile(@CurrentViewer() viewer: Viewer, @Args('input') input: ProfileInput) {
    return this.members.updateProfile(viewer, input);
  }

  @ResolveField(() => [ViewerMembership], { description: 'The networks the member belongs to.' })
  memberships(@CurrentViewer() viewer: Viewer) {
    return this.members.viewerMemberships(viewer);
  }
}

@Resolver(() => ViewerMembership)
export class ViewerMembershipResolver {
  constructor(private readonly siteRequests: SiteRequestsService) {}

  @ResolveField(() => SiteRequest, {
    nullable: true,
    description:
      'Her newest request to join a site of this network, whatever became of it (PENDING: waiting for confirmation); null when she never asked.',
  })
  siteRequest(@Parent() membership: ViewerMembership, @CurrentViewer() viewer: Viewer) {
    return this.siteRequests.latestOwn(viewer, membership.networkId);
  }

  @ResolveField(() => Network)
  async network(@Parent() membership: ViewerMembership, @Ctx() ctx: RequestContext) {
    const row = await ctx.loaders.network.load(membership.networkId);
    return row && toNetwork(row);
  }

  @ResolveField(() => Site, { nullable: true })
  site(@Parent() membership: ViewerMembership, @Ctx() ctx: RequestContext) {
    return membership.siteId ? ctx.loaders.site.load(membership.siteId) : null;
  }
}
