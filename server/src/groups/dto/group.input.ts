import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageArgs } from '../../platform/graphql/pagination';
import { GroupVisibility } from '../models/group.model';

@InputType()
export class GroupInput {
  @Field() name: string;
  @Field({ defaultValue: '', description: 'What the group is for.' }) purpose: string;
  @Field(() => GroupVisibility, { defaultValue: GroupVisibility.OPEN }) visibility: GroupVisibility;
}

@ArgsType()
export class GroupsArgs extends PageArgs {
  @Field(() => ID) networkId: string;
  @Field({ defaultValue: false, description: 'Only groups the viewer is in or invited to.' }) mine: boolean = false;
  @Field({ defaultValue: false, description: 'Archived groups too.' }) includeArchived: boolean = false;
}
