import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Whether this Commons still has to be set up.' })
export class SetupStatus {
  @Field({ description: 'True while no network exists: the web app offers the first-run page instead of sign-in.' })
  needed: boolean;
}

@ObjectType({ description: 'The network the first-run page created; its first admin is signed in.' })
export class CompletedSetup {
  @Field() networkSlug: string;
}
