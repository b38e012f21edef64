import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { pagedComplexity } from '../platform/graphql/pagination';
import {
  AdaptResourceInput,
  BookmarksArgs,
  EditResourceInput,
  NetworkTagInput,
  ResourceInput,
  ResourceUseInput,
} from './dto/resource.input';
import { EngagementService } from './engagement.service';
import { ResourceDiff } from './models/resource-diff.model';
import { NetworkTag, Resource, ResourceConnection } from './models/resource.model';
import { ResourceView } from './models/resource-view.model';
import { ResourcesService } from './resources.service';
import { FieldCost } from '../platform/graphql/field-cost';

@Resolver(() => Resource)
export class ResourcesResolver {
  constructor(
    private readonly service: ResourcesService,
    private readonly engagement: EngagementService,
  ) {}

  @Query(() => Resource, { description: 'A resource of the commons. Hidden ones only for admins and their author.' })
  resource(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(viewer, id);
  }

  @Query(() => ResourceDiff, {
    description: 'The line diff between two versions of a resource.',
    complexity: FieldCost.diff,
  })
  resourceDiff(
    @CurrentViewer() viewer: Viewer,
    @Args('resourceId', { type: () => ID }) resourceId: string,
    @Args('fromVersion', { type: () => Int }) fromVersion: number,
    @Args('toVersion', { type: () => Int }) toVersion: number,
  ) {
    return this.service.diff(viewer, resourceId, fromVersion, toVersion);
  }

  @Query(() => ResourceConnection, {
    description: "The viewer's bookmarked resources in a network, newest first.",
    complexity: pagedComplexity,
  })
  myBookmarks(@CurrentViewer() viewer: Viewer, @Args() args: BookmarksArgs) {
    return this.engagement.bookmarks(viewer, args.networkId, args);
  }

  @Query(() => [NetworkTag], { description: "The tags the network's admins curate." })
  networkTags(@CurrentViewer() viewer: Viewer, @Args('networkId', { type: () => ID }) networkId: string) {
    return this.engagement.networkTags(viewer, networkId);
  }

  @Mutation(() => Resource, { description: 'Shares a resource to the commons.' })
  postResource(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('input') input: ResourceInput,
  ) {
    return this.service.post(viewer, networkId, input);
  }

  @Mutation(() => Resource, { description: 'Saves a new version (authors and network admins).' })
  editResource(
    @CurrentViewer() viewer: Viewer,
    @Args('resourceId', { type: () => ID }) resourceId: string,
    @Args('input') input: EditResourceInput,
  ) {
    return this.service.edit(viewer, resourceId, input);
  }

  @Mutation(() => Resource, {
    description: 'Network admins: hide a resource, saying why. It is kept, and its author still sees it.',
  })
  hideResource(
    @CurrentViewer() viewer: Viewer,
    @Args('resourceId', { type: () => ID }) resourceId: string,
    @Args('reason') reason: string,
  ) {
    return this.service.hide(viewer, resourceId, reason);
  }

  @Mutation(() => Resource, { description: 'Network admins: show a hidden resource again.' })
  unhideResource(@CurrentViewer() viewer: Viewer, @Args('resourceId', { type: () => ID }) resourceId: string) {
    return this.service.unhide(viewer, resourceId);
  }

  @Mutation(() => Resource, {
    description: '"Adapt this": the viewer\'s own copy for her site, recording what it was adapted from.',
  })
  adaptResource(
    @CurrentViewer() viewer: Viewer,
    @Args('resourceId', { type: () => ID }) resourceId: string,
    @Args('input', { type: () => AdaptResourceInput, nullable: true }) input: AdaptResourceInput | null,
  ) {
    return this.service.adapt(viewer, resourceId, input);
  }

  @Mutation(() => Resource, { description: 'Marks (or unmarks) the resource as helpful; one mark per member.' })
  markResourceHelpful(
    @CurrentViewer() viewer: Viewer,
    @Args('resourceId', { type: () => ID }) resourceId: string,
    @Args('helpful', { type: () => Boolean }) helpful: boolean,
  ) {
    return this.engagement.markHelpful(viewer, resourceId, helpful);
  }

  @Mutation(() => Resource, {
    description: '"We used this": records that a site used the resource, with a short note.',
  })
  recordResourceUse(
    @CurrentViewer() viewer: Viewer,
    @Args('resourceId', { type: () => ID }) resourceId: string,
    @Args('input') input: ResourceUseInput,
  ) {
    return this.engagement.recordUse(viewer, resourceId, input);
  }

  @Mutation(() => Resource, { description: 'Takes back a site\'s "we used this".' })
  removeResourceUse(
    @CurrentViewer() viewer: Viewer,
    @Args('resourceId', { type: () => ID }) resourceId: string,
    @Args('siteId', { type: () => ID }) siteId: string,
  ) {
    return this.engagement.removeUse(viewer, resourceId, siteId);
  }

  @Mutation(() => Resource, { description: 'Bookmarks (or un-bookmarks) a resource for the viewer.' })
  bookmarkResource(
    @CurrentViewer() viewer: Viewer,
    @Args('resourceId', { type: () => ID }) resourceId: string,
    @Args('bookmarked', { type: () => Boolean }) bookmarked: boolean,
  ) {
    return this.engagement.bookmark(viewer, resourceId, bookmarked);
  }

  @Mutation(() => Resource, {
    description: 'Counts the viewer opening a resource (once per member and day).',
    deprecationReason: 'Use countResourceView: a client caching answers by type keeps the resource it shows.',
  })
  recordResourceView(@CurrentViewer() viewer: Viewer, @Args('resourceId', { type: () => ID }) resourceId: string) {
    return this.engagement.recordView(viewer, resourceId);
  }

  @Mutation(() => ResourceView, {
    description: 'Counts the viewer opening a resource (once per member and day), answering with the count alone.',
  })
  async countResourceView(
    @CurrentViewer() viewer: Viewer,
    @Args('resourceId', { type: () => ID }) resourceId: string,
  ): Promise<ResourceView> {
    const { id, viewCount } = await this.engagement.recordView(viewer, resourceId);
    return { resourceId: id, viewCount };
  }

  @Mutation(() => NetworkTag, { description: 'Network admins: add a curated tag.' })
  createNetworkTag(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('input') input: NetworkTagInput,
  ) {
    return this.engagement.createTag(viewer, networkId, input);
  }

  @Mutation(() => Boolean, { description: 'Network admins: remove a curated tag (resources keep it as a free tag).' })
  deleteNetworkTag(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('tag') tag: string,
  ) {
    return this.engagement.deleteTag(viewer, networkId, tag);
  }
}
