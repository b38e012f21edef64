import { type Role, SITE_TEAM_ROLES } from '../roles';
import type { Actor, Scope } from './policy';

/** Roles that steward a change: they join the co-designers in every decision on an idea. */
export const DECISION_STEWARD_ROLES: readonly Role[] = ['SITE_LEAD', 'NETWORK_ADMIN'];

/** One member taking part in a decision on a change idea, as the policy sees her. */
export interface DecisionParticipantFacts {
  userId: string;
  role: Role;
  /** She proposed the idea or co-designs it (an accepted invitation). */
  coDesigner: boolean;
}

/** What a change idea action touches, beyond the site. */
export interface CoDesignScope {
  /** The actor proposed the change idea. */
  isProposer?: boolean;
  /** The actor co-designs the change idea (an accepted invitation). */
  isCoDesigner?: boolean;
  /** Everyone who takes part in a decision on it, the actor included. */
  participants?: readonly DecisionParticipantFacts[];
}

/** Why a decision's participants may not move an idea. */
export type DecisionQuorumProblem =
  'ACTOR_NOT_PARTICIPANT' | 'ACTOR_WITHOUT_STANDING' | 'NO_CO_DESIGNER' | 'NO_STEWARD' | 'NEEDS_TWO_PEOPLE';

const isSteward = (role: Role) => DECISION_STEWARD_ROLES.includes(role);

/**
 * The problem with `participants` moving a change idea when `actorUserId` records the
 * decision, or null when they may. A decision is taken together: the participants include the
 * actor, who is herself a co-designer (or the proposer) or a steward (site lead, network admin);
 * at least one participant is the proposer or a co-designer, and at least one other person is a
 * site lead or network admin. One person never decides alone, whatever her roles: an admin who
 * proposed an idea still needs a co-designer or another steward with her.
 */
export function decisionQuorumProblem(
  actorUserId: string,
  participants: readonly DecisionParticipantFacts[],
): DecisionQuorumProblem | null {
  const actor = participants.find((p) => p.userId === actorUserId);
  if (!actor) return 'ACTOR_NOT_PARTICIPANT';
  if (!actor.coDesigner && !isSteward(actor.role)) return 'ACTOR_WITHOUT_STANDING';
  const coDesigners = participants.filter((p) => p.coDesigner);
  const stewards = participants.filter((p) => isSteward(p.role));
  if (coDesigners.length === 0) return 'NO_CO_DESIGNER';
  if (stewards.length === 0) return 'NO_STEWARD';
  const together = coDesigners.some((c) => stewards.some((s) => s.userId !== c.userId));
  return together ? null : 'NEEDS_TWO_PEOPLE';
}

/** A sentence for each quorum problem, for error messages. */
export const DECISION_QUORUM_MESSAGES: Record<DecisionQuorumProblem, string> = {
  ACTOR_NOT_PARTICIPANT: 'the member recording a decision must take part in it',
  ACTOR_WITHOUT_STANDING: 'only the proposer, a co-designer, a site lead or a network admin may record a decision',
  NO_CO_DESIGNER: 'a decision needs the proposer or a co-designer of the idea',
  NO_STEWARD: 'a decision needs a site lead or a network admin',
  NEEDS_TWO_PEOPLE:
    'a decision needs the proposer or a co-designer together with another member who is a site lead or network admin',
};

export const CHANGE_IDEA_ACTIONS = [
  'changeIdea.view',
  'changeIdea.propose',
  'changeIdea.edit',
  'changeIdea.endorse',
  'changeIdea.inviteCoDesigner',
  'changeIdea.respondToInvitation',
  'changeIdea.recordDecision',
  'changeIdea.decide',
  'changeIdea.answerDecision',
  'changeIdea.withdrawDecision',
  'pdsa.view',
  'pdsa.write',
] as const;

export type ChangeIdeaAction = (typeof CHANGE_IDEA_ACTIONS)[number];

const isAdmin = (actor: Actor) => actor.role === 'NETWORK_ADMIN';
const takesPart = (scope: Scope) => scope.isProposer === true || scope.isCoDesigner === true;
const atSite = (actor: Actor, scope: Scope) => actor.siteId !== null && scope.siteId === actor.siteId;

/** The change idea and PDSA rules of the policy (see `can`). */
export const CHANGE_IDEA_RULES: Record<ChangeIdeaAction, (actor: Actor, scope: Scope) => boolean> = {
  // Distributed leadership: every member reads, proposes and endorses change ideas.
  'changeIdea.view': () => true,
  'changeIdea.propose': () => true,
  'changeIdea.endorse': () => true,
  // The people designing an idea keep its text; admins steward the network's ideas.
  'changeIdea.edit': (actor, scope) => isAdmin(actor) || takesPart(scope),
  // Co-designers grow their circle; site leads and admins bring people in too.
  'changeIdea.inviteCoDesigner': (actor, scope) => takesPart(scope) || isSteward(actor.role),
  'changeIdea.respondToInvitation': (actor, scope) => scope.targetUserId === actor.userId,
  // Who may stand in a decision as its recorder; whether the decision may be taken is 'changeIdea.decide'.
  'changeIdea.recordDecision': (actor, scope) => takesPart(scope) || isSteward(actor.role),
  'changeIdea.decide': (actor, scope) =>
    scope.participants !== undefined && decisionQuorumProblem(actor.userId, scope.participants) === null,
  // A decision takes effect only once the people named in it confirmed themselves: each answers
  // for herself (scope.targetUserId: the participant), nobody for another, not even an admin.
  'changeIdea.answerDecision': (actor, scope) => scope.targetUserId === actor.userId,
  // The member who recorded a pending decision may take it back (scope.authorId: who recorded it).
  'changeIdea.withdrawDecision': (actor, scope) => scope.authorId === actor.userId,
  'pdsa.view': () => true,
  // A cycle is the site's own test: its care team and the idea's co-designers at that site write it.
  'pdsa.write': (actor, scope) =>
    isAdmin(actor) || (atSite(actor, scope) && (SITE_TEAM_ROLES.includes(actor.role) || takesPart(scope))),
};
