import type { Actor, Scope } from './policy';

/** Who may join a working group: any member (OPEN), or those invited (INVITE_ONLY). */
export const GROUP_VISIBILITIES = ['OPEN', 'INVITE_ONLY'] as const;
export type GroupVisibility = (typeof GROUP_VISIBILITIES)[number];

/** A member's place in a working group: OWNER or MEMBER once she takes part, INVITED before she answers. */
export type GroupStanding = 'OWNER' | 'MEMBER' | 'INVITED';

/** What a working-group or notification action touches, beyond the site. */
export interface GroupScope {
  groupVisibility?: GroupVisibility;
  /** The actor's place in the group; null when she has none. */
  groupStanding?: GroupStanding | null;
}

export const GROUP_ACTIONS = [
  'group.list',
  'group.start',
  'group.view',
  'group.join',
  'group.leave',
  'group.invite',
  'group.respondToInvitation',
  'group.removeMember',
  'group.setMemberRole',
  'group.edit',
  'group.archive',
  'group.shelve',
  'group.unshelve',
  'notification.list',
  'notification.markRead',
] as const;

export type GroupAction = (typeof GROUP_ACTIONS)[number];

const isAdmin = (actor: Actor) => actor.role === 'NETWORK_ADMIN';
const isOwner = (scope: Scope) => scope.groupStanding === 'OWNER';
const takesPart = (scope: Scope) => scope.groupStanding === 'OWNER' || scope.groupStanding === 'MEMBER';
const isOpen = (scope: Scope) => scope.groupVisibility === 'OPEN';

/** The working-group and notification rules of the policy (see `can`). */
export const GROUP_RULES: Record<GroupAction, (actor: Actor, scope: Scope) => boolean> = {
  // Self-organisation: any member starts a group and browses the open ones.
  'group.list': () => true,
  'group.start': () => true,
  // An invite-only group exists only for its members, its invitees and the network's admins.
  'group.view': (actor, scope) => isOpen(scope) || scope.groupStanding != null || isAdmin(actor),
  // An invite-only group is joined by accepting an invitation, by admins too: they steward it, they are not in it.
  'group.join': (_actor, scope) => scope.groupStanding == null && isOpen(scope),
  'group.leave': (_actor, scope) => takesPart(scope),
  // Anyone in an open group may bring people in (anyone may join it anyway); an invite-only
  // group's owners decide who is in it, and admins may invite on the network's behalf.
  'group.invite': (actor, scope) => isAdmin(actor) || isOwner(scope) || (takesPart(scope) && isOpen(scope)),
  'group.respondToInvitation': (actor, scope) =>
    scope.groupStanding === 'INVITED' && scope.targetUserId === actor.userId,
  'group.removeMember': (actor, scope) => isAdmin(actor) || isOwner(scope),
  'group.setMemberRole': (actor, scope) => isAdmin(actor) || isOwner(scope),
  'group.edit': (actor, scope) => isAdmin(actor) || isOwner(scope),
  'group.archive': (actor, scope) => isAdmin(actor) || isOwner(scope),
  // The shelf is the members' own; admins may take a resource off it.
  'group.shelve': (_actor, scope) => takesPart(scope),
  'group.unshelve': (actor, scope) => takesPart(scope) || isAdmin(actor),
  // Notifications are personal: a member reads and marks only her own.
  'notification.list': () => true,
  'notification.markRead': (actor, scope) => scope.targetUserId === actor.userId,
};
