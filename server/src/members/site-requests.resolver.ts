import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { pagedComplexity } from '../platform/graphql/pagination';
import { SiteRequestsArgs } from './dto/site-requests.args';
import { SiteRequest, SiteRequestConnection } from './models/site-request.model';
import { SiteRequestsService } from './site-requests.service';

@Resolver(() => SiteRequest)
export class SiteRequestsResolver {
  constructor(private readonly service: SiteRequestsService) {}

  @Query(() => SiteRequestConnection, {
    description:
      "Requests to join a site that wait for the viewer's answer: to her own site (site leads), to any site (network admins). Oldest first.",
    complexity: pagedComplexity,
  })
  siteRequests(@CurrentViewer() viewer: Viewer, @Args() args: SiteRequestsArgs) {
    return this.service.pending(viewer, args);
  }

  @Mutation(() => SiteRequest, {
    description:
      "Patient partners, family members and researchers: ask to join a site. The site's lead or an admin confirms; until then the viewer's site stays as it is. Replaces a request of hers still waiting.",
  })
  requestSite(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('siteId', { type: () => ID }) siteId: string,
  ) {
    return this.service.request(viewer, networkId, siteId);
  }

  @Mutation(() => SiteRequest, { description: "Withdraws the viewer's request that is still waiting." })
  cancelSiteRequest(@CurrentViewer() viewer: Viewer, @Args('networkId', { type: () => ID }) networkId: string) {
    return this.service.cancel(viewer, networkId);
  }

  @Mutation(() => SiteRequest, {
    description: "The site's lead or a network admin confirms a request: the member's site becomes the requested one.",
  })
  confirmSiteRequest(@CurrentViewer() viewer: Viewer, @Args('requestId', { type: () => ID }) requestId: string) {
    return this.service.confirm(viewer, requestId);
  }

  @Mutation(() => SiteRequest, {
    description: "The site's lead or a network admin declines a request, with an optional reason shown to the member.",
  })
  declineSiteRequest(
    @CurrentViewer() viewer: Viewer,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('reason', { type: () => String, nullable: true, defaultValue: '' }) reason: string | null,
  ) {
    return this.service.decline(viewer, requestId, reason ?? '');
  }
}
