import { type Role, SITE_TEAM_ROLES } from '../roles';

/** What a member is, for authorisation: their role and site in one network. */
export interface Actor {
  userId: string;
  role: Role;
  siteId: string | null;
  active: boolean;
}

/** What an action touches: the site it concerns and, for membership changes, the target. */
export interface Scope {
  siteId?: string | null;
  /** The role a membership would get (invitations, role changes). */
  targetRole?: Role;
  /** The member an action is about, when it is about someone. */
  targetUserId?: string;
}

/** Every action the policy knows. Later capabilities add theirs here. */
export const ACTIONS = [
  'network.view',
  'site.list',
  'member.list',
  'member.view',
  'member.viewEmail',
  'member.listDeactivated',
  'member.invite',
  'invitation.list',
  'invitation.revoke',
  'member.changeRole',
  'member.deactivate',
  'profile.setOwnSite',
  'aim.view',
  'aim.edit',
  'measure.define',
  'measure.viewReports',
  'measure.viewUnsuppressed',
  'measure.report',
  'completeness.viewAll',
] as const;

export type Action = (typeof ACTIONS)[number];

type Rule = (actor: Actor, scope: Scope) => boolean;

const anyMember: Rule = () => true;
const adminOnly: Rule = (actor) => actor.role === 'NETWORK_ADMIN';
const sameSite = (actor: Actor, scope: Scope) => actor.siteId !== null && scope.siteId === actor.siteId;

/** Roles a site lead may give when inviting to her own site. */
export const SITE_LEAD_INVITABLE_ROLES: readonly Role[] = ['PATIENT_PARTNER', 'FAMILY_MEMBER', 'CLINICIAN'];

const RULES: Record<Action, Rule> = {
  'network.view': anyMember,
  'site.list': anyMember,
  'member.list': anyMember,
  'member.view': anyMember,
  'member.viewEmail': adminOnly,
  'member.listDeactivated': adminOnly,
  // Admins invite anyone anywhere; a site lead grows her own site's team, never with leadership roles.
  'member.invite': (actor, scope) =>
    adminOnly(actor, scope) ||
    (actor.role === 'SITE_LEAD' &&
      sameSite(actor, scope) &&
      scope.targetRole !== undefined &&
      SITE_LEAD_INVITABLE_ROLES.includes(scope.targetRole)),
  'invitation.list': (actor) => actor.role === 'NETWORK_ADMIN' || actor.role === 'SITE_LEAD',
  'invitation.revoke': (actor, scope) => adminOnly(actor, scope) || (actor.role === 'SITE_LEAD' && sameSite(actor, scope)),
  // An admin may not demote or deactivate herself: a network must never lose its last admin by accident.
  'member.changeRole': (actor, scope) => adminOnly(actor, scope) && scope.targetUserId !== actor.userId,
  'member.deactivate': (actor, scope) => adminOnly(actor, scope) && scope.targetUserId !== actor.userId,
  // A care-team member's site decides which site's data she may write, so only an admin moves her.
  'profile.setOwnSite': (actor) => !SITE_TEAM_ROLES.includes(actor.role),
  'aim.view': anyMember,
  // The aim, its driver diagram and the measure definitions are the network's shared frame.
  'aim.edit': adminOnly,
  'measure.define': adminOnly,
  'measure.viewReports': anyMember,
  // Other sites' small counts are suppressed; a member sees her own site in full, and network
  // admins, who steward the data, see every site in full.
  'measure.viewUnsuppressed': (actor, scope) => adminOnly(actor, scope) || sameSite(actor, scope),
  // A site's care team reports its months; network admins may enter data for any site.
  'measure.report': (actor, scope) => adminOnly(actor, scope) || (SITE_TEAM_ROLES.includes(actor.role) && sameSite(actor, scope)),
  'completeness.viewAll': adminOnly,
};

/**
 * Whether `actor` may perform `action` within `scope` of the actor's network.
 * Returns false for a missing or deactivated membership: non-members may do nothing.
 */
export function can(actor: Actor | null | undefined, action: Action, scope: Scope = {}): boolean {
  if (!actor || !actor.active) return false;
  return RULES[action](actor, scope);
}
