import { describe, expect, it } from 'vitest';
import {
  changeIdeaDecisionSchema,
  decisionAnswerSchema,
  decisionConfirmationDaysSchema,
  changeIdeaInputSchema,
  pdsaCycleEditSchema,
  pdsaCycleInputSchema,
} from './change-ideas';
import { fieldIssues } from './issues';

const ID = '7b4c1c9e-2a4f-4c55-9f0e-6f1b7e2d9a10';
const ID2 = '0d3b3c55-8e3c-4b56-9a47-64f3c1a2b7e1';

const fieldsOf = (result: { success: boolean; error?: any }) =>
  result.success ? [] : fieldIssues(result.error).map((i) => i.field);

describe('changeIdeaInputSchema', () => {
  const valid = {
    title: 'Text reminders before labs',
    problem: 'Half of the lab visits are missed.',
    idea: 'Send a text two days before.',
    driverIds: [ID],
    nextDecisionOn: null,
  };

  it('accepts a proposal and trims its text', () => {
    expect(changeIdeaInputSchema.parse({ ...valid, title: '  Text reminders before labs ' }).title).toBe(
      'Text reminders before labs',
    );
  });

  it.each([
    [{ title: 'ab' }, 'title'],
    [{ problem: '  ' }, 'problem'],
    [{ idea: '' }, 'idea'],
    [{ driverIds: [ID, ID] }, 'driverIds'],
    [{ driverIds: ['x'] }, 'driverIds.0'],
    [{ nextDecisionOn: '2026-02-30' }, 'nextDecisionOn'],
  ])('%o is refused on %s', (overrides, field) => {
    expect(fieldsOf(changeIdeaInputSchema.safeParse({ ...valid, ...overrides }))).toEqual([field]);
  });
});

describe('changeIdeaDecisionSchema', () => {
  const valid = {
    expectedVersion: 1,
    toStatus: 'CO_DESIGN',
    decision: 'Start co-design',
    rationale: 'Families asked for it',
    participantIds: [ID, ID2],
    nextDecisionOn: null,
    patientVoiceReason: '',
    proposalId: null,
  };

  it.each([
    [{ patientVoiceReason: 'x'.repeat(2001) }, 'patientVoiceReason'],
    [{ patientVoiceReason: 'bad \u0000' }, 'patientVoiceReason'],
    [{ proposalId: 'x' }, 'proposalId'],
    [{ expectedVersion: 0 }, 'expectedVersion'],
    [{ toStatus: 'DONE' }, 'toStatus'],
    [{ decision: ' ' }, 'decision'],
    [{ rationale: '' }, 'rationale'],
    [{ participantIds: [] }, 'participantIds'],
    [{ participantIds: [ID, ID] }, 'participantIds'],
  ])('%o is refused on %s', (overrides, field) => {
    expect(fieldsOf(changeIdeaDecisionSchema.safeParse({ ...valid, ...overrides }))).toEqual([field]);
  });

  it('accepts a decision, with a reason for going ahead without a patient voice and the proposal it rests on', () => {
    expect(changeIdeaDecisionSchema.safeParse(valid).success).toBe(true);
    expect(
      changeIdeaDecisionSchema.parse({ ...valid, patientVoiceReason: ' The panel meets in May. ', proposalId: ID })
        .patientVoiceReason,
    ).toBe('The panel meets in May.');
  });
});

describe('PDSA cycles', () => {
  const planned = {
    siteId: ID,
    title: 'Cycle 1: texts for Monday clinic',
    plan: 'Text every family booked on Monday two days ahead.',
    prediction: 'Missed lab visits fall from 10 to 5 of 20.',
    doNotes: '',
    studyNotes: '',
    act: null,
    actNotes: '',
    stage: 'PLAN',
    startOn: '2026-03-02',
    endOn: '2026-03-27',
    measureIds: [ID2],
  };
  const done = {
    ...planned,
    stage: 'ACT',
    doNotes: 'Sent 58 texts.',
    studyNotes: '3 of 20 missed, better than predicted.',
    act: 'ADOPT',
  };

  it('accepts a plan with a prediction and a cycle carried through to its act', () => {
    expect(pdsaCycleInputSchema.safeParse(planned).success).toBe(true);
    expect(pdsaCycleInputSchema.safeParse(done).success).toBe(true);
    expect(pdsaCycleEditSchema.safeParse({ ...done, siteId: undefined, expectedVersion: 2 }).success).toBe(true);
  });

  it.each([
    [{ prediction: '  ' }, ['prediction']],
    [{ plan: '' }, ['plan']],
    [{ startOn: '2026-13-01' }, ['startOn']],
    [{ endOn: '2026-03-01' }, ['endOn']],
    [{ stage: 'STUDY' }, ['doNotes']],
    [{ stage: 'STUDY', doNotes: 'Done', endOn: null }, ['endOn']],
    [{ act: 'ADAPT' }, ['studyNotes', 'stage']],
    [{ stage: 'ACT', doNotes: 'Done', studyNotes: 'Fewer missed' }, ['act']],
    [{ act: 'KEEP' }, ['act']],
    [{ measureIds: [ID2, ID2] }, ['measureIds']],
  ] as const)('%o is refused on %j', (overrides, fields) => {
    expect(fieldsOf(pdsaCycleInputSchema.safeParse({ ...planned, ...overrides }))).toEqual(fields);
  });

  it('asks for the study before the act', () => {
    const result = pdsaCycleInputSchema.safeParse({ ...done, studyNotes: '' });
    expect(result.success).toBe(false);
    expect(fieldIssues(result.error!)).toEqual([
      {
        field: 'studyNotes',
        code: 'study_before_act',
        message: 'must compare what happened with the prediction before the act',
      },
    ]);
  });
});

describe("decision answers and the network's days to confirm", () => {
  it("an answer's comment is optional, trimmed and at most 1000 characters", () => {
    expect(decisionAnswerSchema.parse({ comment: '  ' }).comment).toBe('');
    expect(fieldsOf(decisionAnswerSchema.safeParse({ comment: 'x'.repeat(1001) }))).toEqual(['comment']);
  });

  it.each([
    [0, false],
    [1, true],
    [90, true],
    [91, false],
    [2.5, false],
  ])('%s days: %s', (days, ok) => {
    expect(decisionConfirmationDaysSchema.safeParse(days).success).toBe(ok);
  });
});
