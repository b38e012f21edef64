import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { can, RESOURCE_LIMITS } from '@commons/shared';
import { Site } from '../networks/models/site.model';
import { Ctx, CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import type { RequestContext } from '../platform/graphql/request-context';
import { markdownText, renderMarkdown } from '../platform/markdown/markdown';
import {
  LineageNode,
  Resource,
  ResourceAuthor,
  ResourceLineage,
  ResourceUse,
  ResourceVersion,
} from './models/resource.model';
import { ResourceLoaders } from './resource.loaders';
import { licenceAllowsAdaptation, ResourcesService } from './resources.service';
import { FieldCost } from '../platform/graphql/field-cost';

const siteOf = (ctx: RequestContext, siteId: string | null) => (siteId ? ctx.loaders.site.load(siteId) : null);
const authorOf = async (loaders: ResourceLoaders, ctx: RequestContext, userId: string): Promise<ResourceAuthor> => ({
  userId,
  name: await loaders.of(ctx).userName.load(userId),
});

@Resolver(() => Resource)
export class ResourceFieldsResolver {
  constructor(
    private readonly service: ResourcesService,
    private readonly loaders: ResourceLoaders,
  ) {}

  @ResolveField(() => String, {
    description: 'The body rendered from Markdown and sanitised: safe to insert as HTML.',
    complexity: FieldCost.renderedHtml(RESOURCE_LIMITS.bodyMax),
  })
  bodyHtml(@Parent() resource: Resource) {
    return renderMarkdown(resource.body);
  }

  @ResolveField(() => String, {
    description: 'The body as plain text.',
    complexity: FieldCost.largeText(RESOURCE_LIMITS.bodyMax),
  })
  bodyText(@Parent() resource: Resource) {
    return markdownText(resource.body);
  }

  @ResolveField(() => ResourceAuthor)
  author(@Parent() resource: Resource, @Ctx() ctx: RequestContext) {
    return authorOf(this.loaders, ctx, resource.authorId);
  }

  @ResolveField(() => Site, { nullable: true, description: 'The site the resource comes from.' })
  site(@Parent() resource: Resource, @Ctx() ctx: RequestContext) {
    return siteOf(ctx, resource.siteId);
  }

  @ResolveField(() => Resource, {
    nullable: true,
    description: 'What it was adapted from, when the viewer may see that.',
  })
  adaptedFrom(@Parent() resource: Resource, @CurrentViewer() viewer: Viewer) {
    return resource.adaptedFromId ? this.service.visibleOrNull(viewer, resource.adaptedFromId) : null;
  }

  @ResolveField(() => [ResourceVersion], { description: 'Every version, newest first.' })
  history(@Parent() resource: Resource, @CurrentViewer() viewer: Viewer) {
    return this.service.history(viewer, resource);
  }

  @ResolveField(() => ResourceLineage)
  lineage(@Parent() resource: Resource, @CurrentViewer() viewer: Viewer) {
    return this.service.lineage(viewer, resource);
  }

  @ResolveField(() => [ResourceUse], { description: 'The sites that used it, first first.' })
  async uses(@Parent() resource: Resource, @Ctx() ctx: RequestContext): Promise<ResourceUse[]> {
    return (await this.loaders.of(ctx).uses.load(resource.id)).map((row) => ({
      ...row,
      networkId: resource.networkId,
    }));
  }

  @ResolveField(() => Boolean)
  async viewerMarkedHelpful(@Parent() resource: Resource, @Ctx() ctx: RequestContext) {
    return (await this.loaders.of(ctx).viewerMarks.load(resource.id)).helpful;
  }

  @ResolveField(() => Boolean)
  async viewerBookmarked(@Parent() resource: Resource, @Ctx() ctx: RequestContext) {
    return (await this.loaders.of(ctx).viewerMarks.load(resource.id)).bookmarked;
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may edit it (its author, or a network admin).' })
  async viewerCanEdit(@Parent() resource: Resource, @Ctx() ctx: RequestContext) {
    return can(await this.loaders.of(ctx).actor.load(resource.networkId), 'resource.edit', {
      authorId: resource.authorId,
    });
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the viewer may adapt it for her own site: any member may, unless its licence is all rights reserved and she is not its author. ' +
      "Which other sites she may adapt it for is the policy's resource.adapt.",
  })
  async viewerCanAdapt(@Parent() resource: Resource, @Ctx() ctx: RequestContext) {
    const actor = await this.loaders.of(ctx).actor.load(resource.networkId);
    if (!actor || !can(actor, 'resource.adapt', { siteId: actor.siteId })) return false;
    return licenceAllowsAdaptation(resource, actor.userId);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may hide it (network admins).' })
  async viewerCanHide(@Parent() resource: Resource, @Ctx() ctx: RequestContext) {
    return can(await this.loaders.of(ctx).actor.load(resource.networkId), 'resource.hide', {
      authorId: resource.authorId,
    });
  }
}

@Resolver(() => ResourceVersion)
export class ResourceVersionResolver {
  constructor(private readonly loaders: ResourceLoaders) {}

  @ResolveField(() => ResourceAuthor)
  editedBy(@Parent() version: ResourceVersion, @Ctx() ctx: RequestContext) {
    return authorOf(this.loaders, ctx, version.editedById);
  }

  @ResolveField(() => Site, { nullable: true })
  site(@Parent() version: ResourceVersion, @Ctx() ctx: RequestContext) {
    return siteOf(ctx, version.siteId);
  }
}

@Resolver(() => ResourceUse)
export class ResourceUseResolver {
  constructor(private readonly loaders: ResourceLoaders) {}

  @ResolveField(() => Site)
  site(@Parent() use: ResourceUse, @Ctx() ctx: RequestContext) {
    return ctx.loaders.site.load(use.siteId);
  }

  @ResolveField(() => ResourceAuthor)
  recordedBy(@Parent() use: ResourceUse, @Ctx() ctx: RequestContext) {
    return authorOf(this.loaders, ctx, use.recordedById);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the viewer may take this use back (members of its site, and network admins).',
  })
  async viewerCanRemove(@Parent() use: ResourceUse, @Ctx() ctx: RequestContext) {
    return can(await this.loaders.of(ctx).actor.load(use.networkId), 'resource.markUsed', { siteId: use.siteId });
  }
}

@Resolver(() => LineageNode)
export class LineageNodeResolver {
  constructor(private readonly loaders: ResourceLoaders) {}

  @ResolveField(() => Site, { nullable: true })
  site(@Parent() node: LineageNode, @Ctx() ctx: RequestContext) {
    return siteOf(ctx, node.siteId);
  }

  @ResolveField(() => ResourceAuthor)
  author(@Parent() node: LineageNode, @Ctx() ctx: RequestContext) {
    return authorOf(this.loaders, ctx, node.authorId);
  }
}
