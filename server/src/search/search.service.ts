import { Inject, Injectable } from '@nestjs/common';
import { can, searchFilterSchema, searchTextSchema } from '@commons/shared';
import { NetworkService } from '../networks/network.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { parseInput } from '../platform/graphql/app-error';
import { pageInfo, toPage } from '../platform/graphql/pagination';
import { ResourceRepository } from '../resources/resource.repository';
import { ResourcesService } from '../resources/resources.service';
import type { SearchArgs } from './dto/search.args';
import type { FacetValue, SearchResults } from './models/search.model';
import { type FacetCount, SEARCH_ENGINE, type SearchEngine } from './search-engine';

/** The one search box: checks membership and input, asks the engine, and returns what the viewer may see. */
@Injectable()
export class SearchService {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly resources: ResourcesService,
    private readonly resourceRows: ResourceRepository,
    private readonly networks: NetworkService,
    private readonly access: AccessService,
  ) {}

  async search(viewer: Viewer, args: SearchArgs): Promise<SearchResults> {
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
    // The engine may lag behind (Meilisearch): what the viewer gets is checked against the rows.
    const visible = await this.resources.visibleMany(actor, args.networkId, result.hits.map((hit) => hit.id));
    const nodes = result.hits
      .filter((hit) => visible.has(hit.id))
      .map((hit) => ({ ...hit, type: hit.type as SearchResults['nodes'][number]['type'], resource: visible.get(hit.id) ?? null }));
    const [sites, authors] = await Promise.all([
      this.networks.sitesOf(args.networkId),
      this.resourceRows.userNames(result.facets.authors.map((facet) => facet.value)),
    ]);
    const siteNames = new Map(sites.map((site) => [site.id, site.name]));
    const labelled = (facets: FacetCount[], names?: Map<string, string>): FacetValue[] =>
      facets.map((facet) => ({ ...facet, label: names?.get(facet.value) ?? facet.value }));
    return {
      nodes,
      totalCount: result.totalCount,
      pageInfo: pageInfo(page, result.hits.length, result.totalCount),
      facets: {
        kinds: labelled(result.facets.kinds),
        tags: labelled(result.facets.tags),
        audiences: labelled(result.facets.audiences),
        sites: labelled(result.facets.sites, siteNames),
        authors: labelled(result.facets.authors, authors),
      },
    };
  }
}
