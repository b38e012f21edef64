import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GroupMembershipStatus, GroupRole, GroupVisibility } from '../../generated/prisma/enums';
import { Role } from '../../platform/graphql/enums';
import { PageInfo } from '../../platform/graphql/pagination';
import { Resource } from '../../resources/models/resource.model';
import { FieldCost } from '../../platform/graphql/field-cost';

registerEnumType(GroupVisibility, {
  name: 'GroupVisibility',
  description:
    'OPEN: any member may join. INVITE_ONLY: by invitation, and seen only by its members, invitees and admins.',
});
registerEnumType(GroupRole, {
  name: 'GroupRole',
  description: 'OWNER: runs the group (edits, invites, removes, archives). MEMBER: takes part.',
});
registerEnumType(GroupMembershipStatus, {
  name: 'GroupMembershipStatus',
  description: 'INVITED until she accepts (ACTIVE) or declines.',
});

export { GroupMembershipStatus, GroupRole, GroupVisibility };

@ObjectType({ description: 'A member as she appears in a working group.' })
export class GroupPerson {
  @Field(() => ID) userId: string;
  @Field() name: string;
}

@ObjectType({ description: 'A member of a working group, or a member invited to it.' })
export class GroupMember {
  @Field(() => ID) userId: string;
  @Field() name: string;
  @Field(() => Role, {
    nullable: true,
    description: 'Her role in the network (null if she is no longer a member of it).',
  })
  networkRole: Role | null;
  @Field(() => GroupRole) role: GroupRole;
  @Field(() => GroupMembershipStatus) status: GroupMembershipStatus;
  @Field({ description: 'When she joined, or was invited.' }) since: Date;
  invitedById: string | null;
}

@ObjectType({ description: "The viewer's place in a group." })
export class GroupViewerMembership {
  @Field(() => GroupRole) role: GroupRole;
  @Field(() => GroupMembershipStatus) status: GroupMembershipStatus;
  invitedById: string | null;
}

@ObjectType({ description: "A resource of the commons on a group's shelf." })
export class ShelfItem {
  @Field(() => Resource) resource: Resource;
  @Field() addedAt: Date;
  addedById: string;
}

@ObjectType({
  description:
    'A working group any member may start: open to all, or by invitation. Its thread is a Thread with subjectType GROUP.',
})
export class WorkingGroup {
  @Field(() => ID) id: string;
  @Field(() => ID) networkId: string;
  @Field() name: string;
  @Field({ description: 'What the group is for.' }) purpose: string;
  @Field(() => GroupVisibility) visibility: GroupVisibility;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was archived: it is kept, read-only.' })
  archivedAt: Date | null;
  @Field() archived: boolean;
  createdById: string;
}

@ObjectType()
export class WorkingGroupConnection {
  @Field(() => [WorkingGroup], { complexity: FieldCost.pageItems }) nodes: WorkingGroup[];
  @Field(() => Int) totalCount: number;
  @Field(() => PageInfo) pageInfo: PageInfo;
}
