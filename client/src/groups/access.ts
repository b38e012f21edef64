import { type Actor, can, type GroupStanding } from '@commons/shared';
import type { GroupSummaryFieldsFragment } from '../gql/graphql';

/** The viewer's place in a group, as the policy names it. */
export function standingIn(group: Pick<GroupSummaryFieldsFragment, 'viewerMembership'>): GroupStanding | null {
  const own = group.viewerMembership;
  if (!own) return null;
  return own.status === 'INVITED' ? 'INVITED' : own.role;
}

/** Whether `actor` may take a resource off the group's shelf (members, and admins); never once archived. */
export function mayUnshelve(actor: Actor, group: Pick<GroupSummaryFieldsFragment, 'viewerMembership' | 'visibility' | 'archived'>): boolean {
  return !group.archived && can(actor, 'group.unshelve', { groupStanding: standingIn(group), groupVisibility: group.visibility });
}
