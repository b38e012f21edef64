import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '../../platform/graphql/enums';
import { PageArgs } from '../../platform/graphql/pagination';

@InputType()
export class DirectoryFilter {
  @Field(() => Role, { nullable: true }) role?: Role | null;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field(() => String, { nullable: true }) interest?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of a name.' }) search?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Only members who share at least one of the viewer's interests.",
  })
  likeMe?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Include deactivated members (network admins only).' })
  includeDeactivated?: boolean | null;
}

@ArgsType()
export class DirectoryArgs extends PageArgs {
  @Field(() => ID) networkId: string;
  @Field(() => DirectoryFilter, { nullable: true }) filter?: DirectoryFilter | null;
}
