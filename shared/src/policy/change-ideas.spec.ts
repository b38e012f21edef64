import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles';
import { type DecisionParticipantFacts, decisionQuorumProblem } from './change-ideas';
import { type Actor, can } from './policy';

const SITE_A = 'site-a';
const SITE_B = 'site-b';
const actor = (role: Role, siteId: string | null = SITE_A, userId = 'me'): Actor => ({
  userId,
  role,
  siteId,
  active: true,
});
const person = (userId: string, role: Role, coDesigner = false): DecisionParticipantFacts => ({
  userId,
  role,
  coDesigner,
});

describe('can: change ideas', () => {
  it.each(ROLES)('a %s reads, proposes and endorses change ideas and reads PDSA cycles', (role) => {
    for (const action of ['changeIdea.view', 'changeIdea.propose', 'changeIdea.endorse', 'pdsa.view'] as const) {
      expect(can(actor(role), action)).toBe(true);
    }
  });

  it.each(ROLES)("a %s edits an idea she proposes or co-designs; only an admin edits others'", (role) => {
    expect(can(actor(role), 'changeIdea.edit', { isProposer: true })).toBe(true);
    expect(can(actor(role), 'changeIdea.edit', { isCoDesigner: true })).toBe(true);
    expect(can(actor(role), 'changeIdea.edit', {})).toBe(role === 'NETWORK_ADMIN');
  });

  it.each(ROLES)('a %s invites co-designers when she takes part, or as a site lead or admin', (role) => {
    const steward = role === 'SITE_LEAD' || role === 'NETWORK_ADMIN';
    expect(can(actor(role), 'changeIdea.inviteCoDesigner', { isCoDesigner: true })).toBe(true);
    expect(can(actor(role), 'changeIdea.inviteCoDesigner', { isProposer: true })).toBe(true);
    expect(can(actor(role), 'changeIdea.inviteCoDesigner', {})).toBe(steward);
    expect(can(actor(role), 'changeIdea.recordDecision', {})).toBe(steward);
    expect(can(actor(role), 'changeIdea.recordDecision', { isCoDesigner: true })).toBe(true);
  });

  it('only the invited member answers her invitation', () => {
    expect(can(actor('PATIENT_PARTNER'), 'changeIdea.respondToInvitation', { targetUserId: 'me' })).toBe(true);
    expect(can(actor('NETWORK_ADMIN'), 'changeIdea.respondToInvitation', { targetUserId: 'someone' })).toBe(false);
  });

  it('a deactivated member does nothing', () => {
    expect(can({ ...actor('NETWORK_ADMIN'), active: false }, 'changeIdea.propose')).toBe(false);
  });
});

describe('can: changeIdea.decide (the together rule)', () => {
  const cases: [string, Role, DecisionParticipantFacts[], boolean][] = [
    [
      'the proposer with a site lead',
      'PATIENT_PARTNER',
      [person('me', 'PATIENT_PARTNER', true), person('lead', 'SITE_LEAD')],
      true,
    ],
    [
      'a site lead with the proposer',
      'SITE_LEAD',
      [person('me', 'SITE_LEAD'), person('p', 'PATIENT_PARTNER', true)],
      true,
    ],
    ['a co-designer with an admin', 'CLINICIAN', [person('me', 'CLINICIAN', true), person('a', 'NETWORK_ADMIN')], true],
    [
      'an admin with a co-designer and others',
      'NETWORK_ADMIN',
      [person('me', 'NETWORK_ADMIN'), person('c', 'FAMILY_MEMBER', true), person('r', 'RESEARCHER')],
      true,
    ],
    ['an admin alone', 'NETWORK_ADMIN', [person('me', 'NETWORK_ADMIN')], false],
    [
      'an admin with another admin, no co-designer',
      'NETWORK_ADMIN',
      [person('me', 'NETWORK_ADMIN'), person('a2', 'NETWORK_ADMIN')],
      false,
    ],
    ['an admin who proposed the idea, alone', 'NETWORK_ADMIN', [person('me', 'NETWORK_ADMIN', true)], false],
    [
      'an admin who proposed it, with another admin',
      'NETWORK_ADMIN',
      [person('me', 'NETWORK_ADMIN', true), person('a2', 'NETWORK_ADMIN')],
      true,
    ],
    ['a site lead co-designing, alone', 'SITE_LEAD', [person('me', 'SITE_LEAD', true)], false],
    [
      'the proposer with co-designers but no steward',
      'PATIENT_PARTNER',
      [person('me', 'PATIENT_PARTNER', true), person('c', 'CLINICIAN', true)],
      false,
    ],
    [
      'a site lead and an admin, neither co-designing',
      'SITE_LEAD',
      [person('me', 'SITE_LEAD'), person('a', 'NETWORK_ADMIN')],
      false,
    ],
    [
      'a co-designer naming others but not herself',
      'CLINICIAN',
      [person('p', 'PATIENT_PARTNER', true), person('lead', 'SITE_LEAD')],
      false,
    ],
    [
      'a member without standing recording it',
      'RESEARCHER',
      [person('me', 'RESEARCHER'), person('p', 'PATIENT_PARTNER', true), person('lead', 'SITE_LEAD')],
      false,
    ],
  ];

  it.each(cases)('%s: %s', (_label, role, participants, allowed) => {
    expect(can(actor(role), 'changeIdea.decide', { participants })).toBe(allowed);
  });

  it('is refused without participants', () => {
    expect(can(actor('NETWORK_ADMIN'), 'changeIdea.decide', {})).toBe(false);
  });

  it.each([
    [[person('p', 'PATIENT_PARTNER', true)], 'ACTOR_NOT_PARTICIPANT'],
    [[person('me', 'RESEARCHER')], 'ACTOR_WITHOUT_STANDING'],
    [[person('me', 'SITE_LEAD'), person('a', 'NETWORK_ADMIN')], 'NO_CO_DESIGNER'],
    [[person('me', 'CLINICIAN', true)], 'NO_STEWARD'],
    [[person('me', 'NETWORK_ADMIN', true)], 'NEEDS_TWO_PEOPLE'],
    [[person('me', 'CLINICIAN', true), person('lead', 'SITE_LEAD')], null],
  ] as const)('names the problem with %j: %s', (participants, problem) => {
    expect(decisionQuorumProblem('me', participants)).toBe(problem);
  });
});

describe('can: pdsa.write', () => {
  it.each([
    ['SITE_LEAD', SITE_A, {}, true],
    ['CLINICIAN', SITE_A, {}, true],
    ['SITE_LEAD', SITE_B, {}, false],
    ['CLINICIAN', SITE_B, {}, false],
    ['PATIENT_PARTNER', SITE_A, {}, false],
    ['PATIENT_PARTNER', SITE_A, { isCoDesigner: true }, true],
    ['FAMILY_MEMBER', SITE_A, { isProposer: true }, true],
    ['PATIENT_PARTNER', SITE_B, { isCoDesigner: true }, false],
    ['RESEARCHER', SITE_A, { isCoDesigner: true }, true],
    ['RESEARCHER', SITE_A, {}, false],
    ['NETWORK_ADMIN', SITE_B, {}, true],
  ] as const)('a %s of site A writing a cycle at %s with %j: %s', (role, siteId, scope, allowed) => {
    expect(can(actor(role), 'pdsa.write', { siteId, ...scope })).toBe(allowed);
  });

  it("a co-designer without a site writes no site's cycle", () => {
    expect(can(actor('RESEARCHER', null), 'pdsa.write', { siteId: SITE_A, isCoDesigner: true })).toBe(false);
  });
});
