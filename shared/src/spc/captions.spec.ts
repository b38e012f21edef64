import { describe, expect, it } from 'vitest';
import { describeSignal, levelShift, signalAssessment, type SpcSignal } from './captions';
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
      {
        key: 'fewCrossings',
        phase: 0,
        crossings: 1,
        expectedAtLeast: 3,
        months: 12,
        centre: 'average',
        assessment: 'neutral',
      },
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
    [
      {
        key: 'shift',
        phase: 0,
        side: 'above',
        month: october,
        before: 11,
        after: 1,
        centre: 'average',
        assessment: 'improvement',
      },
      'The level moved up around 2026-10: 11 months below the average before it and 1 month above it since, ' +
        'which is unlikely to be chance. This is an improvement. Consider starting a new phase in 2026-10.',
    ],
    [
      { key: 'incompleteMonth', month: october, sitesReported: 1, sites: 8, leftOut: true },
      '2026-10 has reports from 1 of 8 sites so far: it is shown, but left out of the centre line, limits and signals.',
    ],
  ])('describes %j', (signal, text) => {
    expect(describeSignal(signal)).toBe(text);
  });

  it('pluralises crossings', () => {
    const signal: SpcSignal = {
      key: 'fewCrossings',
      phase: 0,
      crossings: 0,
      expectedAtLeast: 2,
      months: 10,
      centre: 'median',
      assessment: 'neutral',
    };
    expect(describeSignal(signal)).toContain('only 0 times');
  });
});

describe('levelShift', () => {
  const run = (side: 'above' | 'below', from: number, length: number) => ({
    side,
    indices: Array.from({ length }, (_, i) => from + i),
  });

  it('reads long runs on opposite sides at both ends as one shift', () => {
    const runs = [run('below', 0, 9), run('above', 9, 2), run('below', 11, 1), run('above', 12, 9)];
    expect(levelShift(runs, [runs[0], runs[3]])).toEqual({
      side: 'above',
      index: 12,
      before: 10,
      after: 9,
      runs: [runs[0], runs[3]],
    });
  });

  it('explains every long run on the old side before it and on the new side after it', () => {
    const runs = [
      run('below', 0, 10),
      run('above', 10, 2),
      run('below', 12, 1),
      run('above', 13, 9),
      run('below', 22, 1),
    ];
    const shift = levelShift(runs, [runs[0], runs[3]]);
    expect(shift).toMatchObject({ side: 'above', index: 10, before: 10, runs: [runs[0], runs[3]] });
  });

  it('needs most of the other months on the other side', () => {
    const runs = [run('below', 0, 8), run('above', 8, 2), run('below', 10, 3), run('above', 13, 1)];
    expect(levelShift(runs, [runs[0]])).toBeNull();
  });

  it('needs a long run', () => {
    expect(levelShift([run('below', 0, 3), run('above', 3, 3)], [])).toBeNull();
  });
});
