import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../platform/graphql/enums';

@ObjectType({ description: "One of the viewer's networks and her place in it." })
export class ViewerMembership {
  @Field(() => ID) id: string;
  @Field(() => Role) role: Role;
  @Field() joinedAt: Date;
  @Field() active: boolean;
  networkId: string;
  siteId: string | null;
}

@ObjectType({ description: 'The signed-in member.' })
export class Profile {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) pronouns: string | null;
  @Field() bio: string;
  @Field(() => [String]) interests: string[];
  @Field(() => String, { nullable: true, description: 'Preferred language; null follows the browser.' }) locale:
    string | null;
}
