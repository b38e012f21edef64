import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '../../platform/graphql/enums';
import { PageArgs } from '../../platform/graphql/pagination';
import { ResourceKind } from '../../resources/models/resource.model';
import { SearchSort, SearchType } from '../models/search.model';

@InputType({
  description:
    'Values within one filter are alternatives; filters combine. Kinds, tags, audiences, sites and authors describe resources: ' +
    'with any of them set, only resources are found. The date range applies to every type.',
})
export class SearchFilterInput {
  @Field(() => [ResourceKind], { nullable: true }) kinds?: ResourceKind[] | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => [Role], { nullable: true }) audiences?: Role[] | null;
  @Field(() => [ID], { nullable: true }) siteIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) authorIds?: string[] | null;
  @Field(() => Date, { nullable: true, description: 'Created at or after.' }) createdFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Created at or before.' }) createdTo?: Date | null;
}

@ArgsType()
export class SearchArgs extends PageArgs {
  @Field(() => ID) networkId: string;
  @Field({ defaultValue: '', description: 'What the member typed; the last word also matches as a prefix.' })
  query: string;
  @Field(() => [SearchType], {
    defaultValue: [SearchType.RESOURCE],
    description:
      'What to search. With several types, hits are merged by score (or by the sort). Facets count resources only.',
  })
  types: SearchType[];
  @Field(() => SearchFilterInput, { nullable: true }) filter?: SearchFilterInput | null;
  @Field(() => SearchSort, { defaultValue: SearchSort.RELEVANCE }) sort: SearchSort;
}
