import { Inject, Injectable } from '@nestjs/common';
import { type Actor, can, searchFilterSchema, searchTextSchema } from '@commons/shared';
import { NetworkService } from '../networks/network.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { parseInput } from '../platform/graphql/app-error';
import { pageInfo, toPage } from '../platform/graphql/pagination';
import type { RequestContext } from '../platform/graphql/request-context';
import type { Resource } from '../resources/models/resource.model';
import { ResourceLoaders } from '../resources/resource.loaders';
import { ResourceRepository } from '../resources/resource.repository';
import { canSee, ResourcesService, toResource } from '../resources/resources.service';
import type { SearchArgs } from './dto/search.args';
import type { FacetValue, SearchResults } from './models/search.model';
import { type FacetCount, SEARCH_ENGINE, type SearchEngine, type SearchResult } from './search-engine';

/** The one search box: checks membership and input, asks the engine, and returns what the viewer may see. */
@Injectable()
export class SearchService {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly resources: ResourcesService,
    private readonly resourceRows: ResourceRepository,
    private readonly resourceLoaders: ResourceLoaders,
    private readonly networks: NetworkService,
    private readonly access: AccessService,
  ) {}

  async search(viewer: Viewer, args: SearchArgs, ctx?: RequestContext): Promise<SearchResults> {
    const actor = await this.access.require(viewer, args.networkId, 'resource.view');
    const page = toPage(args);
    const text = parseInput(searchTextSchema, args.query ?? '', 'query');
    const given = Object.fromEntries(Object.entries(args.filter ?? {}).filter(([, value]) => value !== null && value !== undefined));
    const filters = parseInput(searchFilterSchema, given, 'filter');
    const result = await this.engine.search({
      networkId: args.networkId,
      text,
      types: args.types?.length ? args.types : ['RESOURCE'],
      filters,
      sort: args.sort,
      hidden: { all: can(actor, 'resource.viewHidden'), authorId: actor.userId },
      offset: page.skip,
      limit: page.take,
    });
    const visible = await this.visibleResources(actor, args.networkId, result, ctx);
    const nodes = result.hits
      .filter((hit) => visible.has(hit.id))
      .map((hit) => ({
        type: hit.type as SearchResults['nodes'][number]['type'],
        id: hit.id,
        score: hit.score,
        title: hit.title,
        snippet: hit.snippet,
        resource: visible.get(hit.id) ?? null,
      }));
    const { sites, authors } = await this.facetLabels(args.networkId, result);
    const labelled = (facets: FacetCount[], names?: Map<string, string>): FacetValue[] =>
      facets.map((facet) => ({ value: facet.value, count: facet.count, label: facet.label ?? names?.get(facet.value) ?? facet.value }));
    const end = page.skip + result.hits.length;
    return {
      nodes,
      totalCount: result.totalCount,
      exactCounts: result.exact,
      // Counts that are lower bounds cannot say the last page is reached while it is full.
      pageInfo: pageInfo(page, result.hits.length, result.exact || result.hits.length < page.take ? result.totalCount : Math.max(result.totalCount, end + 1)),
      facets: {
        kinds: labelled(result.facets.kinds),
        tags: labelled(result.facets.tags),
        audiences: labelled(result.facets.audiences),
        sites: labelled(result.facets.sites, sites),
        authors: labelled(result.facets.authors, authors),
      },
    };
  }

  /**
   * The hits' resources the viewer may see. An engine that read the rows in the search itself
   * (PostgreSQL) hands them over, with their authors' names and sites, which this request's
   * loaders then need not fetch again; otherwise (Meilisearch may lag behind) the rows are read.
   */
  private async visibleResources(actor: Actor, networkId: string, result: SearchResult, ctx?: RequestContext): Promise<Map<string, Resource>> {
    if (!result.hits.every((hit) => hit.row)) return this.resources.visibleMany(actor, networkId, result.hits.map((hit) => hit.id));
    const visible = new Map<string, Resource>();
    for (const { row } of result.hits) {
      if (!row || row.networkId !== networkId || !canSee(actor, row)) continue;
      visible.set(row.id, toResource({ ...row, bodyText: '' }));
      if (ctx) {
        this.resourceLoaders.of(ctx).userName.prime(row.authorId, row.authorName);
        if (row.site) ctx.loaders.site.prime(row.site.id, row.site);
      }
    }
    return visible;
  }

  /** Names for the site and author facets the engine did not label. */
  private async facetLabels(networkId: string, result: SearchResult) {
    const unlabelled = (facets: FacetCount[]) => facets.some((facet) => facet.label === undefined || facet.label === null);
    const [sites, authors] = await Promise.all([
      unlabelled(result.facets.sites) ? this.networks.sitesOf(networkId).then((rows) => new Map(rows.map((site) => [site.id, site.name]))) : undefined,
      unlabelled(result.facets.authors) ? this.resourceRows.userNames(result.facets.authors.map((facet) => facet.value)) : undefined,
    ]);
    return { sites, authors };
  }
}
