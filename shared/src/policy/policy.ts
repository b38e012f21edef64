import { type Role, SITE_REQUEST_ROLES, SITE_TEAM_ROLES } from '../roles';
import { CHANGE_IDEA_ACTIONS, CHANGE_IDEA_RULES, type CoDesignScope } from './change-ideas';
import { GROUP_ACTIONS, GROUP_RULES, type GroupScope } from './groups';
import { PROPOSAL_ACTIONS, PROPOSAL_RULES } from './proposals';
import { THREAD_ACTIONS, THREAD_RULES, type ThreadScope } from './threads';

/** What a member is, for authorisation: their role and site in one network. */
export interface Actor {
  userId: string;
  role: Role;
  siteId: string | null;
  active: boolean;
}

/** A member as an actor of the policy, from her membership of one network. */
export function actorOf(
  member: { id: string },
  membership: { role: Role; active: boolean; site: { id: string } | null | undefined },
): Actor {
  return { userId: member.id, role: membership.role, siteId: membership.site?.id ?? null, active: membership.active };
}

/** What an action touches: the site it concerns and, for membership changes, the target. */
export interface Scope extends CoDesignScope, GroupScope, ThreadScope {
  siteId?: string | null;
  /** The role a membership would get (invitations, role changes). */
  targetRole?: Role;
  /** The member an action is about, when it is about someone. */
  targetUserId?: string;
  /** Who wrote the thing acted on (a resource), when it has an author. */
  authorId?: string;
}

/** Every action the policy knows. Later capabilities add theirs here. */
export const ACTIONS = [
  'network.view',
  'network.configure',
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
  'profile.requestSite',
  'siteRequest.list',
  'siteRequest.answer',
  'aim.view',
  'aim.edit',
  'measure.define',
  'measure.viewReports',
  'measure.viewUnsuppressed',
  'measure.report',
  'completeness.viewAll',
  'resource.view',
  'resource.post',
  'resource.edit',
  'resource.viewHidden',
  'resource.hide',
  'resource.adapt',
  'resource.markHelpful',
  'resource.bookmark',
  'resource.markUsed',
  'tag.curate',
  ...CHANGE_IDEA_ACTIONS,
  ...GROUP_ACTIONS,
  ...THREAD_ACTIONS,
  ...PROPOSAL_ACTIONS,
] as const;

export type Action = (typeof ACTIONS)[number];

type Rule = (actor: Actor, scope: Scope) => boolean;

const anyMember: Rule = () => true;
const adminOnly: Rule = (actor) => actor.role === 'NETWORK_ADMIN';
const sameSite = (actor: Actor, scope: Scope) => actor.siteId !== null && scope.siteId === actor.siteId;
const isAuthor = (actor: Actor, scope: Scope) => scope.authorId !== undefined && scope.authorId === actor.userId;
/** A resource is for no site in particular, or for the actor's own site; admins place it anywhere. */
const ownSiteOrNone = (actor: Actor, scope: Scope) =>
  adminOnly(actor, scope) || !scope.siteId || sameSite(actor, scope);

/** Roles a site lead may give when inviting to her own site. */
export const SITE_LEAD_INVITABLE_ROLES: readonly Role[] = ['PATIENT_PARTNER', 'FAMILY_MEMBER', 'CLINICIAN'];

const RULES: Record<Action, Rule> = {
  'network.view': anyMember,
  // Network-wide settings (how long decisions wait for confirmations) are the admins' to set.
  'network.configure': adminOnly,
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
  'invitation.revoke': (actor, scope) =>
    adminOnly(actor, scope) || (actor.role === 'SITE_LEAD' && sameSite(actor, scope)),
  // An admin may not demote or deactivate herself: a network must never lose its last admin by accident.
  'member.changeRole': (actor, scope) => adminOnly(actor, scope) && scope.targetUserId !== actor.userId,
  'member.deactivate': (actor, scope) => adminOnly(actor, scope) && scope.targetUserId !== actor.userId,
  // A member's site opens that site's own data to her (its unsuppressed counts, its thread). A
  // care-team member's site also decides which site's data she may write, so only an admin moves
  // her. Patients, families and researchers ask to join a site and its lead or an admin confirms;
  // leaving a site needs nobody. Admins see every site in full anyway and set their own.
  'profile.setOwnSite': (actor, scope) =>
    adminOnly(actor, scope) || (SITE_REQUEST_ROLES.includes(actor.role) && !scope.siteId),
  'profile.requestSite': (actor) => SITE_REQUEST_ROLES.includes(actor.role),
  // Requests to join a site are answered by that site's lead or by a network admin.
  'siteRequest.list': (actor) => actor.role === 'NETWORK_ADMIN' || actor.role === 'SITE_LEAD',
  'siteRequest.answer': (actor, scope) =>
    adminOnly(actor, scope) || (actor.role === 'SITE_LEAD' && sameSite(actor, scope)),
  'aim.view': anyMember,
  // The aim, its driver diagram and the measure definitions are the network's shared frame.
  'aim.edit': adminOnly,
  'measure.define': adminOnly,
  'measure.viewReports': anyMember,
  // Other sites' small counts are suppressed; a member sees her own site in full, and network
  // admins, who steward the data, see every site in full.
  'measure.viewUnsuppressed': (actor, scope) => adminOnly(actor, scope) || sameSite(actor, scope),
  // A site's care team reports its months; network admins may enter data for any site.
  'measure.report': (actor, scope) =>
    adminOnly(actor, scope) || (SITE_TEAM_ROLES.includes(actor.role) && sameSite(actor, scope)),
  'completeness.viewAll': adminOnly,
  // The commons belongs to every member: anyone reads, posts, adapts, marks helpful and bookmarks.
  'resource.view': anyMember,
  'resource.post': ownSiteOrNone,
  'resource.adapt': ownSiteOrNone,
  'resource.markHelpful': anyMember,
  'resource.bookmark': anyMember,
  // Authors keep their resources up to date; admins steward the whole commons.
  'resource.edit': (actor, scope) => adminOnly(actor, scope) || isAuthor(actor, scope),
  // A hidden resource stays visible, with the reason, to the admins and to its author.
  'resource.viewHidden': (actor, scope) => adminOnly(actor, scope) || isAuthor(actor, scope),
  'resource.hide': adminOnly,
  // "We used this" is evidence of spread: a member speaks for her own site, admins for any.
  'resource.markUsed': (actor, scope) => adminOnly(actor, scope) || sameSite(actor, scope),
  'tag.curate': adminOnly,
  ...CHANGE_IDEA_RULES,
  ...GROUP_RULES,
  ...THREAD_RULES,
  ...PROPOSAL_RULES,
};

/**
 * Whether `actor` may perform `action` within `scope` of the actor's network.
 * Returns false for a missing or deactivated membership: non-members may do nothing.
 */
export function can(actor: Actor | null | undefined, action: Action, scope: Scope = {}): boolean {
  if (!actor || !actor.active) return false;
  return RULES[action](actor, scope);
}

/** True when the member reports monthly measures: her own site's (site team) or any site's (network admins). */
export function mayReport(actor: Actor | null | undefined): boolean {
  return !!actor && can(actor, 'measure.report', { siteId: actor.siteId });
}
