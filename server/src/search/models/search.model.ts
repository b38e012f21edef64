import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../platform/graphql/pagination';
import { ChangeIdea } from '../../change-ideas/models/change-idea.model';
import { WorkingGroup } from '../../groups/models/group.model';
import { Resource } from '../../resources/models/resource.model';
import { FieldCost } from '../../platform/graphql/field-cost';

export enum SearchType {
  RESOURCE = 'RESOURCE',
  CHANGE_IDEA = 'CHANGE_IDEA',
  GROUP = 'GROUP',
}
registerEnumType(SearchType, {
  name: 'SearchType',
  description:
    'What a search finds: RESOURCE (the commons), CHANGE_IDEA (every member sees every idea), GROUP (open groups, and invite-only ones ' +
    'only for their members, invitees and network admins).',
});

export enum SearchSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  MOST_USED = 'MOST_USED',
}
registerEnumType(SearchSort, {
  name: 'SearchSort',
  description: 'RELEVANCE (newest first when nothing is typed), NEWEST, or MOST_USED (by sites that used it).',
});

@ObjectType({ description: 'A piece of text; `match` pieces matched the query and are shown highlighted.' })
export class TextSegment {
  @Field() text: string;
  @Field() match: boolean;
}

@ObjectType()
export class SearchHit {
  @Field(() => SearchType) type: SearchType;
  @Field(() => ID) id: string;
  @Field(() => Float, { description: 'Relevance; only its order within one answer means anything.' }) score: number;
  @Field(() => [TextSegment], {
    description: 'The title with the matching words marked.',
    complexity: FieldCost.computedList,
  })
  title: TextSegment[];
  @Field(() => [TextSegment], {
    description: 'A passage around the matching words.',
    complexity: FieldCost.computedList,
  })
  snippet: TextSegment[];
  @Field(() => Resource, { nullable: true, description: 'The resource, for RESOURCE hits.' }) resource: Resource | null;
  @Field(() => ChangeIdea, { nullable: true, description: 'The change idea, for CHANGE_IDEA hits.' })
  changeIdea: ChangeIdea | null;
  @Field(() => WorkingGroup, { nullable: true, description: 'The working group, for GROUP hits.' })
  group: WorkingGroup | null;
}

@ObjectType({ description: 'One value of a filter and how many results choosing it would give.' })
export class FacetValue {
  @Field() value: string;
  @Field(() => Int) count: number;
  @Field({ description: "What to show: a site's or an author's name; otherwise the value itself." }) label: string;
}

@ObjectType({
  description:
    'Counts per filter value, over resources only (change ideas and groups have no kind, tag, audience, site or author). ' +
    "Each filter's counts apply the other filters but not itself.",
})
export class SearchFacets {
  @Field(() => [FacetValue], { complexity: FieldCost.computedList }) kinds: FacetValue[];
  @Field(() => [FacetValue], { description: 'The 20 most frequent.', complexity: FieldCost.computedList })
  tags: FacetValue[];
  @Field(() => [FacetValue], { complexity: FieldCost.computedList }) audiences: FacetValue[];
  @Field(() => [FacetValue], { complexity: FieldCost.computedList }) sites: FacetValue[];
  @Field(() => [FacetValue], { description: 'The 20 most frequent.', complexity: FieldCost.computedList })
  authors: FacetValue[];
}

@ObjectType()
export class SearchResults {
  @Field(() => [SearchHit], { complexity: FieldCost.pageItems }) nodes: SearchHit[];
  @Field(() => Int, { description: 'Matches of every type searched.' }) totalCount: number;
  @Field({
    description:
      'Whether totalCount and the facet counts count every match. False for a broad query (a common word, the first letters ' +
      'typed): the PostgreSQL engine then ranks and counts the best matches it looked at (the most used and newest first), ' +
      'so the counts are lower bounds, to show as "200+"; Meilisearch estimates its total.',
  })
  exactCounts: boolean;
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => SearchFacets) facets: SearchFacets;
}
