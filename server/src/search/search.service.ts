import { Inject, Injectable } from '@nestjs/common';
import { type Actor, can, searchFilterSchema, type SearchType, searchTextSchema } from '@commons/shared';
import { toChangeIdea } from '../change-ideas/change-idea.mapper';
import { GroupsService, toGroup } from '../groups/groups.service';
import { NetworkService } from '../networks/network.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { parseInput } from '../platform/graphql/app-error';
import { pageInfo, toPage } from '../platform/graphql/pagination';
import type { RequestContext } from '../platform/graphql/request-context';
import type { Resource } from '../resources/models/resource.model';
import { canSee, ResourcesService, toResource } from '../resources/resources.service';
import type { SearchArgs } from './dto/search.args';
import type { FacetValue, SearchResults } from './models/search.model';
import {
  type FacetCount,
  type GroupAccess,
  SEARCH_ENGINE,
  type SearchEngine,
  type SearchHit,
  type SearchResult,
} from './search-engine';

/** The one search box: checks membership and input, asks the engine, and returns what the viewer may see. */
@Injectable()
export class SearchService {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly resources: ResourcesService,
    private readonly networks: NetworkService,
    private readonly access: AccessService,
    private readonly groups: GroupsService,
  ) {}

  async search(viewer: Viewer, args: SearchArgs, ctx?: RequestContext): Promise<SearchResults> {
    const actor = await this.access.require(viewer, args.networkId, 'resource.view');
    const page = toPage(args);
    const text = parseInput(searchTextSchema, args.query ?? '', 'query');
    const given = Object.fromEntries(
      Object.entries(args.filter ?? {}).filter(([, value]) => value !== null && value !== undefined),
    );
    const filters = parseInput(searchFilterSchema, given, 'filter');
    const types = (args.types?.length ? [...new Set<SearchType>(args.types)] : ['RESOURCE' as const]).filter(
      (type) => type !== 'CHANGE_IDEA' || can(actor, 'changeIdea.view'),
    );
    const groups: GroupAccess | undefined = types.includes('GROUP')
      ? {
          all: can(actor, 'group.view', { groupVisibility: 'INVITE_ONLY', groupStanding: null }),
          inviteOnlyIds: await this.groups.inviteOnlyGroupIdsOf(args.networkId, actor.userId),
        }
      : undefined;
    const result = await this.engine.search({
      networkId: args.networkId,
      text,
      types,
      filters,
      sort: args.sort,
      hidden: { all: can(actor, 'resource.viewHidden'), authorId: actor.userId },
      groups,
      offset: page.skip,
      limit: page.take,
    });
    const visible = await this.visibleResources(actor, args.networkId, result, ctx);
    const nodes = result.hits
      .filter((hit) => (hit.type === 'RESOURCE' ? visible.has(hit.id) : this.mayFind(hit, args.networkId, groups)))
      .map((hit) => ({
        type: hit.type as SearchResults['nodes'][number]['type'],
        id: hit.id,
        score: hit.score,
        title: hit.title,
        snippet: hit.snippet,
        resource: visible.get(hit.id) ?? null,
        changeIdea: hit.idea ? toChangeIdea(hit.idea) : null,
        group: hit.group ? toGroup(hit.group) : null,
      }));
    const { sites, authors } = await this.facetLabels(args.networkId, result);
    const labelled = (facets: FacetCount[], names?: Map<string, string>): FacetValue[] =>
      facets.map((facet) => ({
        value: facet.value,
        count: facet.count,
        label: facet.label ?? names?.get(facet.value) ?? facet.value,
      }));
    const end = page.skip + result.hits.length;
    return {
      nodes,
      totalCount: result.totalCount,
      exactCounts: result.exact,
      // Counts that are lower bounds cannot say the last page is reached while it is full.
      pageInfo: pageInfo(
        page,
        result.hits.length,
        result.exact || result.hits.length < page.take ? result.totalCount : Math.max(result.totalCount, end + 1),
      ),
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
  private async visibleResources(
    actor: Actor,
    networkId: string,
    found: SearchResult,
    ctx?: RequestContext,
  ): Promise<Map<string, Resource>> {
    const result = { ...found, hits: found.hits.filter((hit) => hit.type === 'RESOURCE') };
    if (!result.hits.every((hit) => hit.row))
      return this.resources.visibleMany(
        actor,
        networkId,
        result.hits.map((hit) => hit.id),
      );
    const visible = new Map<string, Resource>();
    for (const { row } of result.hits) {
      if (!row || row.networkId !== networkId || !canSee(actor, row)) continue;
      visible.set(row.id, toResource({ ...row, bodyText: '' }));
      if (ctx) {
        this.resources.rememberAuthorName(ctx, row.authorId, row.authorName);
        if (row.site) ctx.loaders.site.prime(row.site.id, row.site);
      }
    }
    return visible;
  }

  /** An idea or group hit, checked again against what the engine was asked (its row is read in the search itself). */
  private mayFind(hit: SearchHit, networkId: string, groups: GroupAccess | undefined): boolean {
    if (hit.type === 'CHANGE_IDEA') return hit.idea?.networkId === networkId;
    const row = hit.group;
    if (!row || row.networkId !== networkId || !groups) return false;
    return row.visibility === 'OPEN' || groups.all || groups.inviteOnlyIds.includes(row.id);
  }

  /** Names for the site and author facets the engine did not label. */
  private async facetLabels(networkId: string, result: SearchResult) {
    const unlabelled = (facets: FacetCount[]) =>
      facets.some((facet) => facet.label === undefined || facet.label === null);
    const [sites, authors] = await Promise.all([
      unlabelled(result.facets.sites)
        ? this.networks.sitesOf(networkId).then((rows) => new Map(rows.map((site) => [site.id, site.name])))
        : undefined,
      unlabelled(result.facets.authors)
        ? this.resources.authorNames(result.facets.authors.map((facet) => facet.value))
        : undefined,
    ]);
    return { sites, authors };
  }
}
