import type { GroupStanding } from '@commons/shared';
import type { GroupSummaryFieldsFragment } from '../gql/graphql';

/** The viewer's place in a group, as the policy names it. */
export function standingIn(group: Pick<GroupSummaryFieldsFragment, 'viewerMembership'>): GroupStanding | null {
  const own = group.viewerMembership;
  if (!own) return null;
  return own.status === 'INVITED' ? 'INVITED' : own.role;
}
