import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Actor } from '@commons/shared';
import { Role } from '../../platform/graphql/enums';
import { PageInfo } from '../../platform/graphql/pagination';
import { FieldCost } from '../../platform/graphql/field-cost';

@ObjectType({ description: "A person in a network's directory." })
export class Member {
  @Field(() => ID, { description: 'The membership id.' }) id: string;
  @Field(() => ID) userId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) pronouns: string | null;
  @Field() bio: string;
  @Field(() => [String]) interests: string[];
  @Field(() => [String], { description: 'Interests the viewer shares with this member.' }) sharedInterests: string[];
  @Field(() => Role) role: Role;
  @Field() joinedAt: Date;
  @Field() active: boolean;
  @Field(() => String, { nullable: true, description: 'Shown to network admins and to the member herself.' })
  email: string | null;
  siteId: string | null;
  /** The member it was loaded for, to answer the viewer fields. */
  seenBy: Actor;
}

@ObjectType()
export class MemberConnection {
  @Field(() => [Member], { complexity: FieldCost.pageItems }) nodes: Member[];
  @Field(() => Int) totalCount: number;
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType()
export class InterestCount {
  @Field() interest: string;
  @Field(() => Int) count: number;
}
