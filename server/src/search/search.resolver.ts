import { Args, Query, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import type { RequestContext } from '../platform/graphql/request-context';
import { FieldCost } from '../platform/graphql/field-cost';
import { SearchArgs } from './dto/search.args';
import { SearchResults } from './models/search.model';
import { SearchService } from './search.service';

@Resolver(() => SearchResults)
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Query(() => SearchResults, {
    description:
      'One search box over a network: resources, change ideas and working groups (`types`), with filters and facet counts (resources) and highlights.',
    complexity: FieldCost.paged(FieldCost.search),
  })
  search(@CurrentViewer() viewer: Viewer, @Args() args: SearchArgs, @Ctx() ctx: RequestContext) {
    return this.service.search(viewer, args, ctx);
  }
}
