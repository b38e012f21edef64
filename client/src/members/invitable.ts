import { type Actor, can, ROLES, type Role } from '@commons/shared';

/** The sites (null: network-wide) an actor may invite to with `role`. */
export function invitableSites(actor: Actor, role: Role, siteIds: readonly string[]): (string | null)[] {
  return [null, ...siteIds].filter((siteId) => can(actor, 'member.invite', { siteId, targetRole: role }));
}

/** The roles an actor may invite with, to at least one site or network-wide. */
export function invitableRoles(actor: Actor, siteIds: readonly string[]): Role[] {
  return ROLES.filter((role) => invitableSites(actor, role, siteIds).length > 0);
}
