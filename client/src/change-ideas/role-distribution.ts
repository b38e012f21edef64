import { PARTICIPANT_GROUPS, type ParticipantGroup, participantGroupOf, type Role } from '@commons/shared';

/** One group of the distribution: how many, and its share of everyone. */
export interface GroupShare {
  group: ParticipantGroup;
  count: number;
  /** 0-1: the group's part of the total (0 when nobody is counted). */
  share: number;
  /** 0-1: the bar's length, relative to the largest group, so the largest bar fills the width. */
  relative: number;
}

/**
 * Counts by role (endorsements, co-designers) gathered into the groups members recognise:
 * patients, families, clinicians, researchers, site teams and network staff, every group listed
 * in that order, zeros included.
 */
export function groupDistribution(byRole: readonly { role: Role; count: number }[]): GroupShare[] {
  const counts = new Map<ParticipantGroup, number>();
  for (const { role, count } of byRole)
    counts.set(participantGroupOf(role), (counts.get(participantGroupOf(role)) ?? 0) + count);
  const groups = Object.keys(PARTICIPANT_GROUPS) as ParticipantGroup[];
  const total = groups.reduce((sum, group) => sum + (counts.get(group) ?? 0), 0);
  const largest = Math.max(0, ...counts.values());
  return groups.map((group) => {
    const count = counts.get(group) ?? 0;
    return { group, count, share: total ? count / total : 0, relative: largest ? count / largest : 0 };
  });
}
