import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageArgs } from '../../platform/graphql/pagination';

@ArgsType()
export class SiteRequestsArgs extends PageArgs {
  @Field(() => ID) networkId: string;
  @Field(() => ID, {
    nullable: true,
    description: 'Only requests to this site (admins; a site lead sees those to her own site).',
  })
  siteId?: string | null;
}
