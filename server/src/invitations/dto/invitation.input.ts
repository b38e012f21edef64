import { Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '../../platform/graphql/enums';

@InputType()
export class InvitationInput {
  @Field() email: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
}
