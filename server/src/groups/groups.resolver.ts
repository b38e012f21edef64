import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { pagedComplexity } from '../platform/graphql/pagination';
import { GroupInput, GroupsArgs } from './dto/group.input';
import { GroupsService } from './groups.service';
import { GroupRole, WorkingGroup, WorkingGroupConnection } from './models/group.model';

const groupId = () => Args('groupId', { type: () => ID });
const userId = () => Args('userId', { type: () => ID });

@Resolver(() => WorkingGroup)
export class GroupsResolver {
  constructor(private readonly service: GroupsService) {}

  @Query(() => WorkingGroupConnection, {
    description:
      "A network's working groups the viewer may see (open ones, and invite-only ones she is in or invited to; admins see all), by name.",
    complexity: pagedComplexity,
  })
  groups(@CurrentViewer() viewer: Viewer, @Args() args: GroupsArgs) {
    return this.service.list(viewer, args);
  }

  @Query(() => WorkingGroup, {
    description: 'A group; an invite-only group is NOT_FOUND for anyone but its members, invitees and admins.',
  })
  group(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(viewer, id);
  }

  @Mutation(() => WorkingGroup, { description: 'Any member starts a working group; she becomes its owner.' })
  startGroup(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('input') input: GroupInput,
  ) {
    return this.service.start(viewer, networkId, input);
  }

  @Mutation(() => WorkingGroup, {
    description: "Owners and network admins edit a group's name, purpose and visibility.",
  })
  editGroup(@CurrentViewer() viewer: Viewer, @groupId() id: string, @Args('input') input: GroupInput) {
    return this.service.edit(viewer, id, input);
  }

  @Mutation(() => WorkingGroup, { description: 'Owners and network admins archive a group: kept, read-only.' })
  archiveGroup(@CurrentViewer() viewer: Viewer, @groupId() id: string) {
    return this.service.archive(viewer, id);
  }

  @Mutation(() => WorkingGroup, {
    description: "Joins an open group (or accepts the viewer's invitation to any group).",
  })
  joinGroup(@CurrentViewer() viewer: Viewer, @groupId() id: string) {
    return this.service.join(viewer, id);
  }

  @Mutation(() => WorkingGroup, {
    description: 'Leaves a group. Its last owner is refused (BAD_USER_INPUT) until she hands over or archives it.',
  })
  leaveGroup(@CurrentViewer() viewer: Viewer, @groupId() id: string) {
    return this.service.leave(viewer, id);
  }

  @Mutation(() => WorkingGroup, {
    description:
      'Invites a member of the network: owners and admins to any group, members to an open group. The invitee is notified (GROUP_INVITE).',
  })
  inviteToGroup(@CurrentViewer() viewer: Viewer, @groupId() id: string, @userId() user: string) {
    return this.service.invite(viewer, id, user);
  }

  @Mutation(() => WorkingGroup, { description: 'The viewer accepts or declines her invitation to a group.' })
  respondToGroupInvitation(
    @CurrentViewer() viewer: Viewer,
    @groupId() id: string,
    @Args('accept', { type: () => Boolean }) accept: boolean,
  ) {
    return this.service.respond(viewer, id, accept);
  }

  @Mutation(() => WorkingGroup, {
    description: 'Owners and admins remove a member or withdraw an invitation; a group keeps at least one owner.',
  })
  removeGroupMember(@CurrentViewer() viewer: Viewer, @groupId() id: string, @userId() user: string) {
    return this.service.removeMember(viewer, id, user);
  }

  @Mutation(() => WorkingGroup, {
    description:
      'Owners and admins make a member an owner, or an owner a member (handing over); a group keeps at least one owner.',
  })
  setGroupMemberRole(
    @CurrentViewer() viewer: Viewer,
    @groupId() id: string,
    @userId() user: string,
    @Args('role', { type: () => GroupRole }) role: GroupRole,
  ) {
    return this.service.setMemberRole(viewer, id, user, role);
  }

  @Mutation(() => WorkingGroup, {
    description: "A member puts a commons resource she may see on the group's shelf; hidden resources are refused.",
  })
  addToGroupShelf(
    @CurrentViewer() viewer: Viewer,
    @groupId() id: string,
    @Args('resourceId', { type: () => ID }) resourceId: string,
  ) {
    return this.service.shelve(viewer, id, resourceId);
  }

  @Mutation(() => WorkingGroup, { description: "A member (or an admin) takes a resource off the group's shelf." })
  removeFromGroupShelf(
    @CurrentViewer() viewer: Viewer,
    @groupId() id: string,
    @Args('resourceId', { type: () => ID }) resourceId: string,
  ) {
    return this.service.unshelve(viewer, id, resourceId);
  }
}
