import { describe, expect, it } from 'vitest';
import { fieldIssues } from './issues';
import { closingTimeProblem, dotVotesSchema, positionInputSchema, proposalInputSchema } from './proposals';

const ID = '7b4c1c9e-2a4f-4c55-9f0e-6f1b7e2d9a10';
const fieldsOf = (result: { success: boolean; error?: any }) =>
  result.success ? [] : fieldIssues(result.error).map((i) => i.field);

describe('proposalInputSchema', () => {
  const consent = {
    kind: 'CONSENT',
    question: 'Test the huddle at Riverside in May?',
    details: '',
    closesAt: '2026-05-01T12:00:00+02:00',
    options: [],
    dotsPerMember: null,
  };
  const dots = {
    ...consent,
    kind: 'DOT_VOTE',
    question: 'Which idea do we test next?',
    options: ['Lab texts', 'School plan', 'Peer mentors'],
    dotsPerMember: 2,
  };

  it('accepts a consent proposal and a dot vote', () => {
    expect(proposalInputSchema.safeParse(consent).success).toBe(true);
    expect(proposalInputSchema.safeParse(dots).success).toBe(true);
  });

  it.each([
    [consent, { question: 'ok' }, 'question'],
    [consent, { closesAt: 'tomorrow' }, 'closesAt'],
    [consent, { options: ['a', 'b'] }, 'options'],
    [consent, { kind: 'POLL' }, 'kind'],
    [consent, { details: 'x\u0000' }, 'details'],
    [dots, { options: ['Lab texts'] }, 'options'],
    [dots, { options: ['Lab texts', 'lab texts'] }, 'options'],
    [dots, { options: ['Lab texts', ' '] }, 'options.1'],
    [dots, { dotsPerMember: null }, 'dotsPerMember'],
    [dots, { dotsPerMember: 11 }, 'dotsPerMember'],
  ])('%o with %o is refused on %s', (base, overrides, field) => {
    expect(fieldsOf(proposalInputSchema.safeParse({ ...base, ...overrides }))).toEqual([field]);
  });

  it('closes between 5 minutes and 60 days after it opens', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    expect(closingTimeProblem(new Date('2026-05-01T12:04:59Z'), now)).toEqual({
      code: 'closes_too_soon',
      params: { minutes: 5 },
    });
    expect(closingTimeProblem(new Date('2026-05-01T12:05:00Z'), now)).toBeNull();
    expect(closingTimeProblem(new Date('2026-06-30T12:00:00Z'), now)).toBeNull();
    expect(closingTimeProblem(new Date('2026-06-30T12:00:01Z'), now)).toEqual({
      code: 'closes_too_late',
      params: { days: 60 },
    });
  });
});

describe('positionInputSchema', () => {
  it('a reason is optional, except for a block', () => {
    expect(positionInputSchema.safeParse({ position: 'AGREE', reason: '' }).success).toBe(true);
    expect(positionInputSchema.safeParse({ position: 'DISAGREE', reason: '' }).success).toBe(true);
    expect(fieldsOf(positionInputSchema.safeParse({ position: 'BLOCK', reason: '  ' }))).toEqual(['reason']);
    expect(positionInputSchema.safeParse({ position: 'BLOCK', reason: 'Families were not asked.' }).success).toBe(true);
    expect(fieldsOf(positionInputSchema.safeParse({ position: 'MAYBE', reason: '' }))).toEqual(['position']);
  });
});

describe('dotVotesSchema', () => {
  it('each option once, 0-10 dots each', () => {
    expect(dotVotesSchema.safeParse([{ optionId: ID, dots: 2 }]).success).toBe(true);
    expect(dotVotesSchema.safeParse([]).success).toBe(true);
    expect(
      fieldsOf(
        dotVotesSchema.safeParse([
          { optionId: ID, dots: 1 },
          { optionId: ID, dots: 1 },
        ]),
      ),
    ).toEqual(['']);
    expect(fieldsOf(dotVotesSchema.safeParse([{ optionId: ID, dots: -1 }]))).toEqual(['0.dots']);
  });
});
