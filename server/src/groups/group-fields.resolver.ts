import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Action, can } from '@commons/shared';
import { Ctx } from '../platform/auth/current-viewer.decorator';
import type { RequestContext } from '../platform/graphql/request-context';
import { canSee, toResource } from '../resources/resources.service';
import { GroupLoaders } from './group.loaders';
import { groupScope } from './groups.service';
import { GroupMember, GroupPerson, GroupViewerMembership, ShelfItem, WorkingGroup } from './models/group.model';

@Resolver(() => WorkingGroup)
export class WorkingGroupFieldsResolver {
  constructor(private readonly loaders: GroupLoaders) {}

  @ResolveField(() => Int, { description: 'Active members (invitees not counted).' })
  memberCount(@Parent() group: WorkingGroup, @Ctx() ctx: RequestContext) {
    return this.loaders.of(ctx).memberCount.load(group.id);
  }

  @ResolveField(() => [GroupMember], {
    description:
      'Its members, owners first, then by name. Pending invitations are listed to owners and admins (and to the invitee, her own).',
  })
  async members(@Parent() group: WorkingGroup, @Ctx() ctx: RequestContext): Promise<GroupMember[]> {
    const loaders = this.loaders.of(ctx);
    const [rows, actor, own] = await Promise.all([
      loaders.members.load(group.id),
      loaders.actor.load(group.networkId),
      loaders.viewerMembership.load(group.id),
    ]);
    const seesInvitations = can(actor, 'group.removeMember', groupScope(group, own));
    return rows
      .filter((row) => row.status === 'ACTIVE' || seesInvitations || row.userId === ctx.viewer?.userId)
      .map((row) => ({
        userId: row.userId,
        name: row.name,
        networkRole: row.networkRole,
        role: row.role,
        status: row.status,
        since: row.joinedAt ?? row.createdAt,
        invitedById: row.invitedById,
      }));
  }

  @ResolveField(() => GroupViewerMembership, {
    nullable: true,
    description: "The viewer's place in it: null when she is neither in it nor invited.",
  })
  async viewerMembership(
    @Parent() group: WorkingGroup,
    @Ctx() ctx: RequestContext,
  ): Promise<GroupViewerMembership | null> {
    const row = await this.loaders.of(ctx).viewerMembership.load(group.id);
    return row ? { role: row.role, status: row.status, invitedById: row.invitedById } : null;
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the viewer may join it now: an open group she is not in, or an invite-only one she is invited to (joining accepts). False once archived.',
  })
  async viewerCanJoin(@Parent() group: WorkingGroup, @Ctx() ctx: RequestContext) {
    const own = await this.loaders.of(ctx).viewerMembership.load(group.id);
    return !group.archived && ((await this.viewerMay(group, ctx, 'group.join')) || own?.status === 'INVITED');
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may leave it (she is in it; archived groups too).' })
  viewerCanLeave(@Parent() group: WorkingGroup, @Ctx() ctx: RequestContext) {
    return this.viewerMay(group, ctx, 'group.leave');
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the viewer may invite members (owners and admins; anyone in it when it is open). False once archived.',
  })
  viewerCanInvite(@Parent() group: WorkingGroup, @Ctx() ctx: RequestContext) {
    return this.viewerMayWhileOpen(group, ctx, 'group.invite');
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the viewer may edit its name, purpose and visibility (owners and admins). False once archived.',
  })
  viewerCanEdit(@Parent() group: WorkingGroup, @Ctx() ctx: RequestContext) {
    return this.viewerMayWhileOpen(group, ctx, 'group.edit');
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the viewer may archive it (owners and admins). False once archived.',
  })
  viewerCanArchive(@Parent() group: WorkingGroup, @Ctx() ctx: RequestContext) {
    return this.viewerMayWhileOpen(group, ctx, 'group.archive');
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the viewer may remove members and withdraw invitations (owners and admins). False once archived.',
  })
  viewerCanRemoveMembers(@Parent() group: WorkingGroup, @Ctx() ctx: RequestContext) {
    return this.viewerMayWhileOpen(group, ctx, 'group.removeMember');
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the viewer may make members owners and owners members (owners and admins). False once archived.',
  })
  viewerCanSetMemberRoles(@Parent() group: WorkingGroup, @Ctx() ctx: RequestContext) {
    return this.viewerMayWhileOpen(group, ctx, 'group.setMemberRole');
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the viewer may put a resource on its shelf (those in it). False once archived.',
  })
  viewerCanShelve(@Parent() group: WorkingGroup, @Ctx() ctx: RequestContext) {
    return this.viewerMayWhileOpen(group, ctx, 'group.shelve');
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the viewer may take a resource off its shelf (those in it, and admins). False once archived.',
  })
  viewerCanUnshelve(@Parent() group: WorkingGroup, @Ctx() ctx: RequestContext) {
    return this.viewerMayWhileOpen(group, ctx, 'group.unshelve');
  }

  @ResolveField(() => [ShelfItem], {
    description: 'Resources on its shelf that the viewer may see, most recently added first.',
  })
  async shelf(@Parent() group: WorkingGroup, @Ctx() ctx: RequestContext): Promise<ShelfItem[]> {
    const loaders = this.loaders.of(ctx);
    const [rows, actor] = await Promise.all([loaders.shelf.load(group.id), loaders.actor.load(group.networkId)]);
    if (!actor) return [];
    return rows
      .filter((row) => row.resource.networkId === group.networkId && canSee(actor, row.resource))
      .map((row) => ({ resource: toResource(row.resource), addedAt: row.addedAt, addedById: row.addedById }));
  }

  @ResolveField(() => GroupPerson, { description: 'Who started it.' })
  async createdBy(@Parent() group: WorkingGroup, @Ctx() ctx: RequestContext): Promise<GroupPerson> {
    return { userId: group.createdById, name: await this.loaders.of(ctx).userName.load(group.createdById) };
  }

  /** What the policy says about the viewer doing `action` with the group. */
  private async viewerMay(group: WorkingGroup, ctx: RequestContext, action: Action): Promise<boolean> {
    const loaders = this.loaders.of(ctx);
    const [actor, own] = await Promise.all([
      loaders.actor.load(group.networkId),
      loaders.viewerMembership.load(group.id),
    ]);
    return can(actor, action, groupScope(group, own));
  }

  /** The same, for what an archived group no longer allows anyone. */
  private async viewerMayWhileOpen(group: WorkingGroup, ctx: RequestContext, action: Action): Promise<boolean> {
    return !group.archived && (await this.viewerMay(group, ctx, action));
  }
}

@Resolver(() => ShelfItem)
export class ShelfItemResolver {
  constructor(private readonly loaders: GroupLoaders) {}

  @ResolveField(() => GroupPerson, { description: 'Who put it on the shelf.' })
  async addedBy(@Parent() item: ShelfItem, @Ctx() ctx: RequestContext): Promise<GroupPerson> {
    return { userId: item.addedById, name: await this.loaders.of(ctx).userName.load(item.addedById) };
  }
}

@Resolver(() => GroupViewerMembership)
export class GroupViewerMembershipResolver {
  constructor(private readonly loaders: GroupLoaders) {}

  @ResolveField(() => GroupPerson, {
    nullable: true,
    description: 'Who invited her (null when she started or joined the group herself).',
  })
  async invitedBy(
    @Parent() membership: GroupViewerMembership,
    @Ctx() ctx: RequestContext,
  ): Promise<GroupPerson | null> {
    if (!membership.invitedById) return null;
    return { userId: membership.invitedById, name: await this.loaders.of(ctx).userName.load(membership.invitedById) };
  }
}
