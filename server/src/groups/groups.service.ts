import { Injectable } from '@nestjs/common';
import {
  type Actor,
  can,
  type GroupAction,
  type GroupStanding,
  groupInputSchema,
  groupRoleSchema,
  type Scope,
} from '@commons/shared';
import { NotificationsService } from '../notifications/notifications.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { conflict, invalid, notFound, parseInput, requireId } from '../platform/graphql/app-error';
import { pageInfo, toPage } from '../platform/graphql/pagination';
import { ResourcesService } from '../resources/resources.service';
import { ThreadsService } from '../threads/threads.service';
import type { GroupInput, GroupsArgs } from './dto/group.input';
import { GroupRepository, type GroupMembershipRow } from './group.repository';
import { type GroupRow } from './group.select';
import type { GroupRole, WorkingGroup, WorkingGroupConnection } from './models/group.model';

/** A group the viewer may see, with the viewer as an actor of its network and her place in the group. */
export interface VisibleGroup {
  row: GroupRow;
  actor: Actor;
  membership: GroupMembershipRow | null;
  scope: Scope;
}

export function toGroup(row: GroupRow): WorkingGroup {
  return { ...row, archived: row.archivedAt !== null };
}

/** A member's place in a group, as the policy sees it. */
export function standingOf(
  membership: Pick<GroupMembershipRow, 'role' | 'status'> | null | undefined,
): GroupStanding | null {
  if (!membership) return null;
  return membership.status === 'INVITED' ? 'INVITED' : membership.role;
}

export const groupScope = (
  row: Pick<GroupRow, 'visibility'>,
  membership: Pick<GroupMembershipRow, 'role' | 'status'> | null | undefined,
): Scope => ({
  groupVisibility: row.visibility,
  groupStanding: standingOf(membership),
});

const archived = (_row: GroupRow) => invalid('groupId', 'group_archived');
const lastOwner = (who: 'you are' | 'she is') =>
  who === 'you are' ? invalid('groupId', 'you_are_last_owner') : invalid('userId', 'last_owner');

/**
 * Working groups: any member starts one (and owns it); members join open groups, leave, and
 * bring others in; owners and network admins run them. An invite-only group is NOT_FOUND for
 * anyone but its members, its invitees and the network's admins. An active group always keeps
 * an owner. Its shelf holds commons resources its members may see.
 */
@Injectable()
export class GroupsService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly resources: ResourcesService,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
    private readonly threads: ThreadsService,
  ) {}

  /** The invite-only groups of a network `userId` is a member of or invited to (what a search may show her). */
  inviteOnlyGroupIdsOf(networkId: string, userId: string): Promise<string[]> {
    return this.groups.inviteOnlyGroupIdsOf(networkId, userId);
  }

  /** Takes members who may no longer read the group's thread out of it live (on every node). */
  private async recheckThread(groupId: string) {
    await this.threads.recheckLiveAccess('GROUP', groupId);
  }

  /** The group when the viewer may see it; otherwise NOT_FOUND, whether or not it exists. */
  async visible(viewer: Viewer, groupId: string, field = 'groupId'): Promise<VisibleGroup> {
    const row = await this.groups.find(requireId(groupId, field));
    if (!row) throw notFound('Group');
    const actor = await this.access.actorIn(viewer, row.networkId);
    if (!actor) throw notFound('Group');
    const membership = await this.groups.membership(row.id, viewer.userId);
    const scope = groupScope(row, membership);
    if (!can(actor, 'group.view', scope)) throw notFound('Group');
    return { row, actor, membership, scope };
  }

  async get(viewer: Viewer, groupId: string): Promise<WorkingGroup> {
    return toGroup((await this.visible(viewer, groupId, 'id')).row);
  }

  async list(viewer: Viewer, args: GroupsArgs): Promise<WorkingGroupConnection> {
    const actor = await this.access.require(viewer, args.networkId, 'group.list');
    const page = toPage(args);
    const { rows, totalCount } = await this.groups.list(
      {
        networkId: args.networkId,
        viewerId: viewer.userId,
        seesAll: can(actor, 'group.view', { groupVisibility: 'INVITE_ONLY', groupStanding: null }),
        mine: args.mine,
        includeArchived: args.includeArchived,
      },
      page,
    );
    return { nodes: rows.map(toGroup), totalCount, pageInfo: pageInfo(page, rows.length, totalCount) };
  }

  /** Starts a group; the viewer becomes its owner. */
  async start(viewer: Viewer, networkId: string, input: GroupInput): Promise<WorkingGroup> {
    const actor = await this.access.require(viewer, networkId, 'group.start');
    const data = parseInput(groupInputSchema, input, 'input');
    const row = await this.groups.transaction((db) =>
      this.groups.create(db, { ...data, networkId, ownerId: actor.userId, at: new Date() }),
    );
    return toGroup(row);
  }

  async edit(viewer: Viewer, groupId: string, input: GroupInput): Promise<WorkingGroup> {
    const group = await this.writable(viewer, groupId, 'group.edit');
    const data = parseInput(groupInputSchema, input, 'input');
    return toGroup(await this.groups.update(group.row.id, { ...data, at: new Date() }));
  }

  /** Archives the group: it stays, read-only, out of the default list. */
  async archive(viewer: Viewer, groupId: string): Promise<WorkingGroup> {
    const { row, actor, scope } = await this.visible(viewer, groupId);
    this.check(actor, 'group.archive', scope);
    if (row.archivedAt) return toGroup(row);
    const at = new Date();
    return toGroup(await this.groups.update(row.id, { archivedAt: at, at }));
  }

  /** Joins an open group; for an invitee, joining accepts her invitation. */
  async join(viewer: Viewer, groupId: string): Promise<WorkingGroup> {
    const { row, actor, membership, scope } = await this.visible(viewer, groupId);
    if (membership?.status === 'ACTIVE') return toGroup(row);
    if (membership?.status === 'INVITED') return this.respond(viewer, groupId, true);
    this.check(actor, 'group.join', scope);
    if (row.archivedAt) throw archived(row);
    await this.groups.transaction((db) =>
      this.groups.addMember(db, { groupId: row.id, userId: actor.userId, at: new Date() }),
    );
    return toGroup(row);
  }

  /** Leaves the group. Its last owner must first hand over or archive it. */
  async leave(viewer: Viewer, groupId: string): Promise<WorkingGroup> {
    const { row, actor, membership, scope } = await this.visible(viewer, groupId);
    this.check(actor, 'group.leave', scope);
    await this.groups.transaction(async (db) => {
      await this.groups.lock(db, row.id);
      if (membership?.role === 'OWNER' && !row.archivedAt) {
        const owners = await this.groups.ownerIds(db, row.id);
        if (owners.length === 1 && owners[0] === actor.userId) throw lastOwner('you are');
      }
      await this.groups.remove(db, row.id, actor.userId, 'ACTIVE');
    });
    await this.recheckThread(row.id);
    return toGroup(row);
  }

  /** Invites a member of the network (notified with GROUP_INVITE); inviting someone already in or invited changes nothing. */
  async invite(viewer: Viewer, groupId: string, userId: string): Promise<WorkingGroup> {
    const { row, actor } = await this.writable(viewer, groupId, 'group.invite');
    requireId(userId, 'userId');
    if (userId === actor.userId) throw invalid('userId', 'not_yourself');
    if (!(await this.groups.activeNetworkMembers(row.networkId, [userId])).has(userId)) {
      throw invalid('userId', 'not_in_network', { kind: 'member' });
    }
    const actorName = (await this.groups.userNames([actor.userId])).get(actor.userId) ?? '';
    await this.groups.transaction(async (db) => {
      const invited = await this.groups.invite(db, {
        groupId: row.id,
        userId,
        invitedById: actor.userId,
        at: new Date(),
      });
      if (!invited) return;
      await this.notifications.notify(db, {
        networkId: row.networkId,
        kind: 'GROUP_INVITE',
        subjectType: 'GROUP',
        subjectId: row.id,
        actorId: actor.userId,
        payload: { groupId: row.id, groupName: row.name, visibility: row.visibility, actorName },
        recipients: [userId],
      });
    });
    return toGroup(row);
  }

  /** The viewer accepts or declines her invitation. */
  async respond(viewer: Viewer, groupId: string, accept: boolean): Promise<WorkingGroup> {
    const { row, actor, membership, scope } = await this.visible(viewer, groupId);
    if (membership?.status !== 'INVITED') throw notFound('Invitation');
    this.check(actor, 'group.respondToInvitation', { ...scope, targetUserId: membership.userId });
    if (accept && row.archivedAt) throw archived(row);
    const answered = await this.groups.transaction((db) =>
      accept
        ? this.groups.accept(db, row.id, actor.userId, new Date())
        : this.groups.remove(db, row.id, actor.userId, 'INVITED'),
    );
    if (!answered) throw conflict('already_answered', 'This invitation was answered meanwhile.');
    return toGroup(row);
  }

  /** Removes a member, or withdraws an invitation. Owners and admins; a group keeps at least one owner. */
  async removeMember(viewer: Viewer, groupId: string, userId: string): Promise<WorkingGroup> {
    const { row, actor } = await this.writable(viewer, groupId, 'group.removeMember');
    requireId(userId, 'userId');
    if (userId === actor.userId) throw invalid('userId', 'remove_yourself');
    await this.groups.transaction(async (db) => {
      await this.groups.lock(db, row.id);
      const target = await this.groups.membership(row.id, userId, db);
      if (!target) throw notFound('Group member');
      if (target.role === 'OWNER' && target.status === 'ACTIVE') {
        const owners = await this.groups.ownerIds(db, row.id);
        if (owners.length === 1) throw lastOwner('she is');
      }
      await this.groups.remove(db, row.id, userId);
    });
    await this.recheckThread(row.id);
    return toGroup(row);
  }

  /** Makes an active member an owner, or an owner a member again (handing over). A group keeps at least one owner. */
  async setMemberRole(viewer: Viewer, groupId: string, userId: string, role: GroupRole): Promise<WorkingGroup> {
    const { row } = await this.writable(viewer, groupId, 'group.setMemberRole');
    requireId(userId, 'userId');
    const newRole = parseInput(groupRoleSchema, role, 'role');
    await this.groups.transaction(async (db) => {
      await this.groups.lock(db, row.id);
      const target = await this.groups.membership(row.id, userId, db);
      if (!target || target.status !== 'ACTIVE') throw notFound('Group member');
      if (target.role === newRole) return;
      if (target.role === 'OWNER') {
        const owners = await this.groups.ownerIds(db, row.id);
        if (owners.length === 1) throw lastOwner('she is');
      }
      await this.groups.setRole(db, row.id, userId, newRole);
    });
    return toGroup(row);
  }

  /** Puts a resource the viewer may see on the group's shelf. Hidden resources are refused. */
  async shelve(viewer: Viewer, groupId: string, resourceId: string): Promise<WorkingGroup> {
    const { row, actor } = await this.writable(viewer, groupId, 'group.shelve');
    const resource = (await this.resources.visible(viewer, resourceId, 'resourceId')).row;
    if (resource.networkId !== row.networkId) throw invalid('resourceId', 'not_in_network', { kind: 'resource' });
    if (resource.hiddenAt) throw invalid('resourceId', 'resource_hidden');
    await this.groups.shelve(row.id, resource.id, actor.userId, new Date());
    return toGroup(row);
  }

  async unshelve(viewer: Viewer, groupId: string, resourceId: string): Promise<WorkingGroup> {
    const { row } = await this.writable(viewer, groupId, 'group.unshelve');
    await this.groups.unshelve(row.id, requireId(resourceId, 'resourceId'));
    return toGroup(row);
  }

  /** The visible group, when `action` is allowed and the group is not archived. */
  private async writable(viewer: Viewer, groupId: string, action: GroupAction): Promise<VisibleGroup> {
    const group = await this.visible(viewer, groupId);
    this.check(group.actor, action, group.scope);
    if (group.row.archivedAt) throw archived(group.row);
    return group;
  }

  private check(actor: Actor, action: GroupAction, scope: Scope) {
    this.access.check(actor, action, scope);
  }
}
