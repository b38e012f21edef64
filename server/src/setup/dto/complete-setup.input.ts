import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'The first-run page: a new network, its sites and its first network admin.' })
export class CompleteSetupInput {
  @Field({ description: 'The one-time setup code from the link the server printed at start-up.' }) token: string;
  @Field() networkName: string;
  @Field({ description: "The network's address in URLs: lowercase letters, digits and hyphens." }) networkSlug: string;
  @Field({ description: "The network's first month (YYYY-MM): measures are reported from then on." })
  startMonth: string;
  @Field(() => [String], { description: "The names of the network's sites, at least one." }) sites: string[];
  @Field() adminName: string;
  @Field() adminEmail: string;
  @Field() password: string;
}
