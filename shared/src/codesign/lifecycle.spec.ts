import { describe, expect, it } from 'vitest';
import { ROLES } from '../roles';
import {
  allowedTransitions,
  CHANGE_IDEA_STATUSES,
  type ChangeIdeaStatus,
  hasPatientOrFamilyVoice,
  isAllowedTransition,
  isOpenChangeIdea,
  participantGroupOf,
  roleCounts,
} from './lifecycle';

describe('change idea lifecycle', () => {
  //            to: PROPOSED CO_DESIGN TESTING ADOPTED ADAPTED ABANDONED
  const table: Record<ChangeIdeaStatus, string> = {
    PROPOSED: '    -        yes       -       -       -       yes',
    CO_DESIGN: '   -        -         yes     -       -       yes',
    TESTING: '     -        yes       -       yes     yes     yes',
    ADOPTED: '     -        -         -       -       -       -',
    ADAPTED: '     -        -         yes     -       -       -',
    ABANDONED: '   -        yes       -       -       -       -',
  };
  const cases = CHANGE_IDEA_STATUSES.flatMap((from) =>
    table[from]
      .trim()
      .split(/\s+/)
      .map((cell, i) => [from, CHANGE_IDEA_STATUSES[i], cell === 'yes'] as const),
  );

  it.each(cases)('%s → %s: %s', (from, to, allowed) => {
    expect(isAllowedTransition(from, to)).toBe(allowed);
    expect(allowedTransitions(from).includes(to)).toBe(allowed);
  });

  it('follows the main path from proposal to adoption', () => {
    const path: ChangeIdeaStatus[] = ['PROPOSED', 'CO_DESIGN', 'TESTING', 'ADOPTED'];
    for (let i = 1; i < path.length; i += 1) expect(isAllowedTransition(path[i - 1], path[i])).toBe(true);
  });

  it('never moves an idea to the status it has', () => {
    for (const status of CHANGE_IDEA_STATUSES) expect(isAllowedTransition(status, status)).toBe(false);
  });

  it('lets an open idea be abandoned, and nothing leave adoption', () => {
    for (const status of ['PROPOSED', 'CO_DESIGN', 'TESTING'] as const) {
      expect(isOpenChangeIdea(status)).toBe(true);
      expect(isAllowedTransition(status, 'ABANDONED')).toBe(true);
    }
    expect(allowedTransitions('ADOPTED')).toEqual([]);
    expect(isOpenChangeIdea('ADOPTED')).toBe(false);
  });
});

describe('participation by role', () => {
  it('counts every role in the order of ROLES, zeros included', () => {
    expect(roleCounts(['CLINICIAN', 'PATIENT_PARTNER', 'CLINICIAN'])).toEqual([
      { role: 'PATIENT_PARTNER', count: 1 },
      { role: 'FAMILY_MEMBER', count: 0 },
      { role: 'CLINICIAN', count: 2 },
      { role: 'RESEARCHER', count: 0 },
      { role: 'SITE_LEAD', count: 0 },
      { role: 'NETWORK_ADMIN', count: 0 },
    ]);
  });

  it.each([
    [['PATIENT_PARTNER'], true],
    [['FAMILY_MEMBER', 'CLINICIAN'], true],
    [['CLINICIAN', 'RESEARCHER', 'SITE_LEAD', 'NETWORK_ADMIN'], false],
    [[], false],
  ] as const)('a patient or family voice among %j: %s', (roles, voice) => {
    expect(hasPatientOrFamilyVoice(roles)).toBe(voice);
  });

  it('puts every role in exactly one group', () => {
    expect(ROLES.map(participantGroupOf)).toEqual([
      'PATIENTS',
      'FAMILIES',
      'CLINICIANS',
      'RESEARCHERS',
      'SITE_TEAMS',
      'NETWORK_STAFF',
    ]);
  });
});
