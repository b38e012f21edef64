import type { Actor, Scope } from './policy';

/** What a thread can be about. One thread model serves all four. */
export const THREAD_SUBJECT_TYPES = ['CHANGE_IDEA', 'RESOURCE', 'GROUP', 'SITE'] as const;
export type ThreadSubjectType = (typeof THREAD_SUBJECT_TYPES)[number];

/**
 * What the policy needs to know about a thread's subject, read fresh for every request and
 * every live event (a member removed from a group mid-session is refused at her next event).
 */
export type ThreadSubjectFacts =
  | { type: 'CHANGE_IDEA' }
  | { type: 'RESOURCE'; hidden: boolean; authorId: string }
  | { type: 'SITE'; siteId: string }
  | {
      type: 'GROUP';
      visibility: 'OPEN' | 'INVITE_ONLY';
      /** The actor is an active member of the group (an invitation not yet accepted is not). */
      isMember: boolean;
      archived: boolean;
    };

/** What a thread action touches. `authorId` (in Scope) is the author of the message acted on. */
export interface ThreadScope {
  thread?: ThreadSubjectFacts;
}

export const THREAD_ACTIONS = ['thread.read', 'thread.post', 'message.edit', 'message.delete'] as const;
export type ThreadAction = (typeof THREAD_ACTIONS)[number];

const isAdmin = (actor: Actor) => actor.role === 'NETWORK_ADMIN';

/**
 * Who may read a thread follows who may see its subject: every member for a change idea; for a
 * resource, every member unless it is hidden (then its author and the admins, as for the
 * resource itself); a site's thread is for the members of that site and the admins; an open
 * group's thread may be read by any member (anyone may join an open group), an invite-only
 * group's only by its active members. Admins get no way into an invite-only group: its members
 * chose who hears them.
 */
function mayRead(actor: Actor, facts: ThreadSubjectFacts): boolean {
  switch (facts.type) {
    case 'CHANGE_IDEA':
      return true;
    case 'RESOURCE':
      return !facts.hidden || isAdmin(actor) || facts.authorId === actor.userId;
    case 'SITE':
      return isAdmin(actor) || (actor.siteId !== null && actor.siteId === facts.siteId);
    case 'GROUP':
      return facts.isMember || facts.visibility === 'OPEN';
  }
}

/** Posting needs reading, and in a group, being one of its active members while it is not archived. */
function mayPost(actor: Actor, facts: ThreadSubjectFacts): boolean {
  if (!mayRead(actor, facts)) return false;
  if (facts.type === 'GROUP') return facts.isMember && !facts.archived;
  return true;
}

const withThread =
  (rule: (actor: Actor, facts: ThreadSubjectFacts, scope: Scope) => boolean) => (actor: Actor, scope: Scope) =>
    scope.thread !== undefined && rule(actor, scope.thread, scope);

/** The thread rules of the policy (see `can`). */
export const THREAD_RULES: Record<ThreadAction, (actor: Actor, scope: Scope) => boolean> = {
  'thread.read': withThread(mayRead),
  'thread.post': withThread(mayPost),
  // Only the author changes her words, and only while she may still post there.
  'message.edit': withThread((actor, facts, scope) => mayPost(actor, facts) && scope.authorId === actor.userId),
  // The author takes her message back; admins moderate any thread they can read.
  'message.delete': withThread(
    (actor, facts, scope) =>
      (scope.authorId === actor.userId && mayPost(actor, facts)) || (isAdmin(actor) && mayRead(actor, facts)),
  ),
};
