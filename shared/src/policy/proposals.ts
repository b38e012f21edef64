import { DECISION_STEWARD_ROLES } from './change-ideas';
import type { Actor, Scope } from './policy';
import { THREAD_RULES } from './threads';

export const PROPOSAL_ACTIONS = [
  'proposal.view',
  'proposal.open',
  'proposal.takePosition',
  'proposal.close',
  'proposal.seeWhoIsMissing',
] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

const mayRead = (actor: Actor, scope: Scope) => THREAD_RULES['thread.read'](actor, scope);
const mayPost = (actor: Actor, scope: Scope) => THREAD_RULES['thread.post'](actor, scope);
/** The actor opened the proposal acted on (scope.authorId: its proposer). */
const isProposer = (actor: Actor, scope: Scope) => scope.authorId !== undefined && scope.authorId === actor.userId;

/**
 * The proposal rules of the policy (see `can`). A proposal lives in a thread: whoever may read
 * the thread sees it and its tally, whoever may post there takes a position. Proposals are opened
 * in a change idea's thread by the people taking part in the idea (its proposer and co-designers;
 * scope.isProposer / isCoDesigner) and by its stewards (site leads, network admins). Only the
 * member who opened one closes it and writes its outcome, and sees who has not taken a position.
 */
export const PROPOSAL_RULES: Record<ProposalAction, (actor: Actor, scope: Scope) => boolean> = {
  'proposal.view': mayRead,
  'proposal.open': (actor, scope) =>
    scope.thread?.type === 'CHANGE_IDEA' &&
    mayPost(actor, scope) &&
    (scope.isProposer === true || scope.isCoDesigner === true || DECISION_STEWARD_ROLES.includes(actor.role)),
  'proposal.takePosition': mayPost,
  'proposal.close': (actor, scope) => isProposer(actor, scope) && mayRead(actor, scope),
  'proposal.seeWhoIsMissing': (actor, scope) => isProposer(actor, scope) && mayRead(actor, scope),
};
