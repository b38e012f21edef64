import { describe, expect, it } from 'vitest';
import type { Role } from '../roles';
import {
  type DecisionAnswer,
  decisionExpiresAt,
  effectiveDecisionStatus,
  needsPatientVoiceReason,
  pendingDecisionOutcome,
} from './decisions';

describe('pendingDecisionOutcome', () => {
  // The recorder (a clinician co-designing the idea), a patient co-designer, and a site lead of another site.
  const recorder = { userId: 'clinician', role: 'CLINICIAN' as Role, coDesigner: true };
  const patient = { userId: 'patient', role: 'PATIENT_PARTNER' as Role, coDesigner: true };
  const lead = { userId: 'lead', role: 'SITE_LEAD' as Role, coDesigner: false };
  const answered = (patientAnswer: DecisionAnswer, leadAnswer: DecisionAnswer) => [
    { ...recorder, answer: 'CONFIRMED' as DecisionAnswer },
    { ...patient, answer: patientAnswer },
    { ...lead, answer: leadAnswer },
  ];

  it.each<[DecisionAnswer, DecisionAnswer, string]>([
    ['WAITING', 'WAITING', 'WAITING'],
    // Another co-designer alone does not make it: the rule needs a steward too.
    ['CONFIRMED', 'WAITING', 'WAITING'],
    // The site lead confirming meets the rule with the recorder: the patient has not answered yet.
    ['WAITING', 'CONFIRMED', 'READY'],
    ['CONFIRMED', 'CONFIRMED', 'READY'],
    ['DECLINED', 'WAITING', 'DECLINED'],
    ['DECLINED', 'CONFIRMED', 'DECLINED'],
    // Being named is never a confirmation.
    ['NAMED', 'NAMED', 'WAITING'],
  ])('patient %s, site lead %s: %s', (patientAnswer, leadAnswer, outcome) => {
    expect(pendingDecisionOutcome('clinician', answered(patientAnswer, leadAnswer))).toBe(outcome);
  });

  it('a steward recording needs a co-designer other than herself to confirm', () => {
    const admin = { userId: 'admin', role: 'NETWORK_ADMIN' as Role, coDesigner: true };
    expect(
      pendingDecisionOutcome('admin', [
        { ...admin, answer: 'CONFIRMED' },
        { ...lead, answer: 'WAITING' },
      ]),
    ).toBe('WAITING');
    expect(
      pendingDecisionOutcome('admin', [
        { ...admin, answer: 'CONFIRMED' },
        { ...lead, answer: 'CONFIRMED' },
      ]),
    ).toBe('READY');
    expect(pendingDecisionOutcome('admin', [])).toBe('WAITING');
  });
});

describe('decision expiry', () => {
  const proposedAt = new Date('2026-03-30T22:30:00Z');

  it('is a whole number of days later, at the same time (UTC, across a daylight-saving change)', () => {
    expect(decisionExpiresAt(proposedAt, 14).toISOString()).toBe('2026-04-13T22:30:00.000Z');
  });

  it('a pending decision reads as expired from its expiry on; others keep their status', () => {
    const expiresAt = decisionExpiresAt(proposedAt, 1);
    expect(effectiveDecisionStatus({ status: 'PENDING', expiresAt }, new Date(expiresAt.getTime() - 1))).toBe(
      'PENDING',
    );
    expect(effectiveDecisionStatus({ status: 'PENDING', expiresAt }, expiresAt)).toBe('EXPIRED');
    expect(effectiveDecisionStatus({ status: 'TAKEN', expiresAt }, new Date(expiresAt.getTime() + 1))).toBe('TAKEN');
    expect(effectiveDecisionStatus({ status: 'TAKEN', expiresAt: null }, new Date())).toBe('TAKEN');
  });
});

describe('needsPatientVoiceReason', () => {
  const voices = (coDesignerRoles: Role[], positionRoles: Role[] = []) => ({ coDesignerRoles, positionRoles });

  it.each([
    ['TESTING', voices(['CLINICIAN', 'SITE_LEAD']), true],
    ['ADOPTED', voices(['CLINICIAN'], ['RESEARCHER']), true],
    ['TESTING', voices(['CLINICIAN', 'FAMILY_MEMBER']), false],
    ['ADOPTED', voices(['CLINICIAN'], ['PATIENT_PARTNER']), false],
    ['CO_DESIGN', voices(['CLINICIAN']), false],
    ['ADAPTED', voices(['CLINICIAN']), false],
    ['ABANDONED', voices([]), false],
  ] as const)('moving to %s with %j: %s', (toStatus, given, needed) => {
    expect(needsPatientVoiceReason(toStatus, given)).toBe(needed);
  });
});
