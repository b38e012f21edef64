import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../platform/auth/current-viewer.decorator';
import type { RequestContext } from '../platform/graphql/request-context';
import { Site } from './models/site.model';

@Resolver(() => Site)
export class SiteResolver {
  @ResolveField(() => Int, { description: 'Active members whose site this is.' })
  memberCount(@Parent() site: Site, @Ctx() ctx: RequestContext) {
    return ctx.loaders.activeMemberCountOfSite.load(site.id);
  }
}
