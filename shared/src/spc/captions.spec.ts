import { describe, expect, it } from 'vitest';
import { describeSignal, signalAssessment, type SpcSignal } from './captions';
import { parseMonthKey } from './month-key';

describe('signalAssessment', () => {
  it.each([
    ['above', 'UP', 'improvement'],
    ['below', 'UP', 'deterioration'],
    ['above', 'DOWN', 'deterioration'],
    ['below', 'DOWN', 'improvement'],
  ] as const)('%s with direction %s is an %s', (side, direction, assessment) => {
    expect(signalAssessment(side, direction)).toBe(assessment);
  });
});

describe('describeSignal', () => {
  const march = parseMonthKey('2026-03');
  const october = parseMonthKey('2026-10');

  it.each<[SpcSignal, string]>([
    [
      {
        key: 'longRun',
        phase: 0,
        side: 'above',
        length: 8,
        fromMonth: march,
        toMonth: october,
        centre: 'median',
        assessment: 'improvement',
      },
      '8 months in a row above the median (2026-03 to 2026-10): this is unlikely to be chance. This is an improvement.',
    ],
    [
      { key: 'fewCrossings', phase: 0, crossings: 1, expectedAtLeast: 3, months: 12, centre: 'average', assessment: 'neutral' },
      'Over 12 months the line crossed the average only 1 time, where chance alone would give at least 3: ' +
        'the level has probably shifted.',
    ],
    [
      { key: 'beyondLimits', phase: 1, month: march, side: 'below', assessment: 'deterioration' },
      'In 2026-03 the value was below the range expected from month-to-month variation: this is unlikely to be chance. ' +
        'This is a deterioration.',
    ],
    [
      { key: 'pointExcluded', month: march, reason: 'ZERO_DENOMINATOR' },
      '2026-03 is left out: nobody was eligible that month, so there is nothing to measure.',
    ],
    [
      { key: 'limitsUnavailable', phase: 0, reason: 'TOO_FEW_POINTS' },
      'There are too few months in this period to work out the expected range.',
    ],
  ])('describes %j', (signal, text) => {
    expect(describeSignal(signal)).toBe(text);
  });

  it('pluralises crossings', () => {
    const signal: SpcSignal = { key: 'fewCrossings', phase: 0, crossings: 0, expectedAtLeast: 2, months: 10, centre: 'median', assessment: 'neutral' };
    expect(describeSignal(signal)).toContain('only 0 times');
  });
});
