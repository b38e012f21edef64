import type { Role } from '@commons/shared';
import { describe, expect, it } from 'vitest';
import { decisionCandidates, participantsProblem, togetherPair } from './decision-rule';

const person = (userId: string, role: Role) => ({ userId, name: userId, role });

describe('decisionCandidates', () => {
  it('puts the viewer first, then co-designers, then site leads and admins, each person once', () => {
    const candidates = decisionCandidates(
      { ...person('lead', 'SITE_LEAD'), coDesigner: false },
      [person('elin', 'PATIENT_PARTNER'), person('aisha', 'CLINICIAN'), person('maya', 'NETWORK_ADMIN')],
      [
        person('lead', 'SITE_LEAD'),
        person('maya', 'NETWORK_ADMIN'),
        person('other-lead', 'SITE_LEAD'),
        person('researcher', 'RESEARCHER'),
      ],
    );
    expect(candidates.map((c) => [c.userId, c.coDesigner, c.isViewer])).toEqual([
      ['lead', false, true],
      ['elin', true, false],
      ['aisha', true, false],
      ['maya', true, false],
      ['other-lead', false, false],
    ]);
  });
});

describe('the together rule, before sending', () => {
  const coDesigners = [person('elin', 'PATIENT_PARTNER'), person('aisha', 'CLINICIAN')];
  const stewards = [person('lead', 'SITE_LEAD'), person('admin', 'NETWORK_ADMIN')];

  it('asks a site lead alone for a co-designer', () => {
    const candidates = decisionCandidates({ ...person('lead', 'SITE_LEAD'), coDesigner: false }, coDesigners, stewards);
    expect(participantsProblem('lead', candidates, new Set())).toBe('NO_CO_DESIGNER');
    expect(participantsProblem('lead', candidates, new Set(['admin']))).toBe('NO_CO_DESIGNER');
    expect(participantsProblem('lead', candidates, new Set(['elin']))).toBeNull();
    expect(togetherPair(candidates, new Set(['elin']))).toMatchObject({
      coDesigner: { userId: 'elin' },
      steward: { userId: 'lead' },
    });
  });

  it('asks a co-designer for a site lead or admin', () => {
    const candidates = decisionCandidates({ ...person('aisha', 'CLINICIAN'), coDesigner: true }, coDesigners, stewards);
    expect(participantsProblem('aisha', candidates, new Set(['elin']))).toBe('NO_STEWARD');
    expect(participantsProblem('aisha', candidates, new Set(['admin']))).toBeNull();
  });

  it('never lets an admin who proposed the idea decide alone', () => {
    const candidates = decisionCandidates(
      { ...person('admin', 'NETWORK_ADMIN'), coDesigner: true },
      [person('admin', 'NETWORK_ADMIN')],
      stewards,
    );
    expect(participantsProblem('admin', candidates, new Set())).toBe('NEEDS_TWO_PEOPLE');
    expect(togetherPair(candidates, new Set())).toBeNull();
    expect(participantsProblem('admin', candidates, new Set(['lead']))).toBeNull();
  });

  it('says a member without standing may not record', () => {
    const candidates = decisionCandidates(
      { ...person('researcher', 'RESEARCHER'), coDesigner: false },
      coDesigners,
      stewards,
    );
    expect(participantsProblem('researcher', candidates, new Set(['elin', 'lead']))).toBe('ACTOR_WITHOUT_STANDING');
  });
});
