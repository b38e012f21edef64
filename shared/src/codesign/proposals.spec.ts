import { describe, expect, it } from 'vitest';
import { ROLES } from '../roles';
import {
  consentTally,
  dotTally,
  dotVoteProblem,
  hasUnresolvedBlock,
  isProposalOpen,
  VOICE_GROUP_NAMES,
  voiceGroupOf,
} from './proposals';

describe('voice groups', () => {
  it('every role is tallied in exactly one group; patients and families together', () => {
    expect(ROLES.map(voiceGroupOf)).toEqual([
      'PATIENTS_AND_FAMILIES',
      'PATIENTS_AND_FAMILIES',
      'CLINICIANS',
      'RESEARCHERS',
      'SITE_TEAMS',
      'NETWORK_STAFF',
    ]);
    expect(VOICE_GROUP_NAMES).toEqual([
      'PATIENTS_AND_FAMILIES',
      'CLINICIANS',
      'SITE_TEAMS',
      'RESEARCHERS',
      'NETWORK_STAFF',
    ]);
  });
});

describe('consentTally', () => {
  it('counts positions per group, every group listed with zeros', () => {
    const tally = consentTally([
      { role: 'PATIENT_PARTNER', position: 'AGREE' },
      { role: 'FAMILY_MEMBER', position: 'BLOCK' },
      { role: 'CLINICIAN', position: 'AGREE' },
      { role: 'CLINICIAN', position: 'ABSTAIN' },
      { role: 'SITE_LEAD', position: 'DISAGREE' },
    ]);
    expect(tally).toEqual([
      { group: 'PATIENTS_AND_FAMILIES', agree: 1, abstain: 0, disagree: 0, block: 1 },
      { group: 'CLINICIANS', agree: 1, abstain: 1, disagree: 0, block: 0 },
      { group: 'SITE_TEAMS', agree: 0, abstain: 0, disagree: 1, block: 0 },
      { group: 'RESEARCHERS', agree: 0, abstain: 0, disagree: 0, block: 0 },
      { group: 'NETWORK_STAFF', agree: 0, abstain: 0, disagree: 0, block: 0 },
    ]);
  });
});

describe('dotTally', () => {
  it("adds dots per option in the options' order, per group", () => {
    const tally = dotTally(
      ['a', 'b', 'c'],
      [
        { role: 'PATIENT_PARTNER', optionId: 'b', dots: 2 },
        { role: 'FAMILY_MEMBER', optionId: 'b', dots: 1 },
        { role: 'CLINICIAN', optionId: 'a', dots: 3 },
      ],
    );
    expect(tally.map((o) => [o.optionId, o.total])).toEqual([
      ['a', 3],
      ['b', 3],
      ['c', 0],
    ]);
    expect(tally[1].byGroup.find((g) => g.group === 'PATIENTS_AND_FAMILIES')!.dots).toBe(3);
    expect(tally[0].byGroup.find((g) => g.group === 'CLINICIANS')!.dots).toBe(3);
    expect(tally[2].byGroup).toHaveLength(5);
  });
});

describe('dotVoteProblem', () => {
  it.each([
    [
      [
        { optionId: 'a', dots: 2 },
        { optionId: 'b', dots: 1 },
      ],
      null,
    ],
    [[{ optionId: 'a', dots: 3 }], null],
    [[], null],
    [
      [
        { optionId: 'a', dots: 2 },
        { optionId: 'b', dots: 2 },
      ],
      'TOO_MANY_DOTS',
    ],
    [[{ optionId: 'z', dots: 1 }], 'UNKNOWN_OPTION'],
  ])('%j with 3 dots: %s', (votes, problem) => {
    expect(dotVoteProblem(votes, ['a', 'b'], 3)).toBe(problem);
  });
});

describe('blocks and closing', () => {
  it('a block stands until its member changes her position', () => {
    expect(hasUnresolvedBlock([{ position: 'AGREE' }, { position: 'BLOCK' }])).toBe(true);
    expect(hasUnresolvedBlock([{ position: 'AGREE' }, { position: 'DISAGREE' }])).toBe(false);
  });

  it('a proposal is open before its closing time unless closed early', () => {
    const closesAt = new Date('2026-05-01T12:00:00Z');
    expect(isProposalOpen({ closesAt, closedAt: null }, new Date('2026-05-01T11:59:59Z'))).toBe(true);
    expect(isProposalOpen({ closesAt, closedAt: null }, closesAt)).toBe(false);
    expect(
      isProposalOpen({ closesAt, closedAt: new Date('2026-04-30T00:00:00Z') }, new Date('2026-04-30T01:00:00Z')),
    ).toBe(false);
  });
});
