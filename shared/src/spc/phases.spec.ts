import { describe, expect, it } from 'vitest';
import { addMonths, parseMonthKey, type MonthKey } from './month-key';
import { defaultChartType, spcChart, spcColumns, type SpcChart, type SpcOptions } from './phases';
import type { ChartPoint, ChartType } from './types';

const START = parseMonthKey('2024-01');
const month = (index: number): MonthKey => addMonths(START, index);
const valuePoints = (values: readonly number[]): ChartPoint[] =>
  values.map((value, index) => ({ month: month(index), value }));
const ratioPoints = (numerators: readonly number[], denominators: readonly number[]): ChartPoint[] =>
  numerators.map((numerator, index) => ({ month: month(index), numerator, denominator: denominators[index] }));

const MEAN_UP: SpcOptions = { kind: 'MEAN', direction: 'UP', chart: 'I' };

/** Fails when any number anywhere in the chart is NaN or infinite. */
function expectOnlyFiniteNumbers(chart: SpcChart): void {
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'number') expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
    }
  };
  visit(chart, 'chart');
}

// 12 baseline months around 10 (mean 122/12 = 10.1667, MRbar 15/11 = 1.3636, limits
// 10.1667 ± 3 × 1.3636 / 1.128 = [6.539974, 13.793359]), then 8 months around 13.5 after a change.
const BEFORE = [10, 11, 9, 10, 12, 10, 9, 11, 10, 10, 11, 9];
const AFTER = [13, 13, 14, 13, 13, 14, 13, 14];

describe('spcChart with a frozen baseline', () => {
  const chart = spcChart(valuePoints([...BEFORE, ...AFTER]), { ...MEAN_UP, baseline: { firstPoints: 12 } });

  it('keeps the baseline centre line and limits for the later months', () => {
    expect(chart.phases).toHaveLength(1);
    expect(chart.phases[0].centre).toBeCloseTo(10.166667, 6);
    expect(chart.phases[0].movingRangeCentre).toBeCloseTo(1.363636, 6);
    expect(chart.phases[0].movingRangeUpper).toBeCloseTo(4.455, 6);
    expect(chart.phases[0].baselineMonths).toEqual(BEFORE.map((_, index) => month(index)));
    for (const point of chart.points) {
      expect(point.centre).toBeCloseTo(10.166667, 6);
      expect(point.upper).toBeCloseTo(13.793359, 6);
      expect(point.lower).toBeCloseTo(6.539974, 6);
    }
    expect(chart.points.map((point) => point.inBaseline)).toEqual([
      ...BEFORE.map(() => true),
      ...AFTER.map(() => false),
    ]);
  });

  it('flags the months above the frozen limits and the long run after the change as improvements', () => {
    expect(chart.signals).toEqual([
      { key: 'beyondLimits', phase: 0, month: '2025-03', side: 'above', assessment: 'improvement' },
      { key: 'beyondLimits', phase: 0, month: '2025-06', side: 'above', assessment: 'improvement' },
      { key: 'beyondLimits', phase: 0, month: '2025-08', side: 'above', assessment: 'improvement' },
      {
        key: 'longRun',
        phase: 0,
        side: 'above',
        length: 8,
        fromMonth: '2025-01',
        toMonth: '2025-08',
        centre: 'average',
        assessment: 'improvement',
      },
    ]);
    expect(chart.phases[0].runs).toMatchObject({
      usefulObservations: 20,
      longestRun: 8,
      longestRunLimit: 7,
      crossings: 9,
    });
    expect(chart.points.map((point) => point.inLongRun)).toEqual([
      ...BEFORE.map(() => false),
      ...AFTER.map(() => true),
    ]);
  });

  it('gives the same chart for a baseline given as months', () => {
    const byMonths = spcChart(valuePoints([...BEFORE, ...AFTER]), {
      ...MEAN_UP,
      baseline: { from: month(0), to: month(11) },
    });
    expect(byMonths).toEqual(chart);
  });

  it('labels the same signals as deteriorations when lower is better', () => {
    const downward = spcChart(valuePoints([...BEFORE, ...AFTER]), {
      ...MEAN_UP,
      direction: 'DOWN',
      baseline: { firstPoints: 12 },
    });
    const assessments = downward.signals.map((signal) => ('assessment' in signal ? signal.assessment : null));
    expect(assessments).toEqual(['deterioration', 'deterioration', 'deterioration', 'deterioration']);
  });

  it('gives I charts a moving range per point', () => {
    expect(chart.points.slice(0, 3).map((point) => point.movingRange)).toEqual([null, 1, 2]);
  });
});

describe('spcChart over a shift in one phase', () => {
  // One phase over BEFORE and AFTER: the average 229/20 = 11.45 lies between the two levels. The
  // months before the change sit below it (11 of 12), the 8 after above it: a run of 8 (> 7) ends
  // the phase. That is a shift up in Jan 2025, not a deterioration of the first year.
  const chart = spcChart(valuePoints([...BEFORE, ...AFTER]), MEAN_UP);

  it('says the level moved, where, and that it is an improvement', () => {
    expect(chart.signals).toEqual([
      {
        key: 'shift',
        phase: 0,
        side: 'above',
        month: '2025-01',
        before: 11,
        after: 8,
        centre: 'average',
        assessment: 'improvement',
      },
    ]);
  });

  it('no longer says the shift once the chart is split there', () => {
    const split = spcChart(valuePoints([...BEFORE, ...AFTER]), { ...MEAN_UP, phaseStarts: [month(12)] });
    expect(split.signals.filter((signal) => signal.key === 'shift')).toEqual([]);
  });

  it('reads a long run that begins the phase as a shift away from it', () => {
    // 9 months around 20, then 7 around 10 (higher is worse): a run of 9 above (> 7 for 16
    // months) begins the phase and the 7 after it all lie below: the level moved down in Oct 2024.
    // Every month also lies beyond limits that straddle both levels; the shift says why.
    const down = spcChart(valuePoints([20, 21, 19, 20, 22, 21, 20, 19, 21, 10, 11, 9, 10, 12, 10, 11]), {
      ...MEAN_UP,
      direction: 'DOWN',
    });
    expect(down.signals).toEqual([
      {
        key: 'shift',
        phase: 0,
        side: 'below',
        month: '2024-10',
        before: 9,
        after: 7,
        centre: 'average',
        assessment: 'improvement',
      },
    ]);
  });

  it('keeps a long run in the middle of a phase as a run', () => {
    const middle = spcChart(
      valuePoints([10, 12, 9, 13, 10, 15, 15, 16, 15, 16, 15, 16, 15, 16, 11, 9, 12, 8, 13, 10]),
      { ...MEAN_UP, chart: 'RUN' },
    );
    expect(middle.signals.map((signal) => signal.key)).toContain('longRun');
    expect(middle.signals.map((signal) => signal.key)).not.toContain('shift');
  });

  it('judges runs against a frozen baseline as before, without a shift', () => {
    const frozen = spcChart(valuePoints([...BEFORE, ...AFTER]), { ...MEAN_UP, baseline: { firstPoints: 12 } });
    expect(frozen.signals.map((signal) => signal.key)).not.toContain('shift');
  });
});

describe('spcChart with phases', () => {
  const chart = spcChart(valuePoints([...BEFORE, ...AFTER]), { ...MEAN_UP, phaseStarts: [month(12)] });

  it('recomputes each phase on its own points', () => {
    expect(chart.phases.map((phase) => [phase.index, phase.fromMonth, phase.toMonth])).toEqual([
      [0, '2024-01', '2024-12'],
      [1, '2025-01', '2025-08'],
    ]);
    expect(chart.phases[0].centre).toBeCloseTo(10.166667, 6);
    // Phase 2: mean 107/8 = 13.375, MRbar 5/7 = 0.714286, limits 13.375 ± 3 × 0.714286 / 1.128 =
    // 13.375 ± 1.899696 = [11.475304, 15.274696].
    expect(chart.phases[1].centre).toBeCloseTo(13.375, 10);
    expect(chart.points[12].upper).toBeCloseTo(15.274696, 6);
    expect(chart.points[12].lower).toBeCloseTo(11.475304, 6);
    expect(chart.points.map((point) => point.phase)).toEqual([...BEFORE.map(() => 0), ...AFTER.map(() => 1)]);
  });

  it('runs the Anhøj rules within each phase, so the shift itself is no longer a signal', () => {
    expect(chart.signals).toEqual([]);
    expect(chart.phases[1].runs.usefulObservations).toBe(8);
    expect(chart.phases[1].runs.runs[0].indices).toEqual([12, 13]);
    // The first moving range of a phase does not reach back into the previous phase.
    expect(chart.points[12].movingRange).toBeNull();
  });

  it('ignores phase starts outside the data and repeated starts', () => {
    const same = spcChart(valuePoints([...BEFORE, ...AFTER]), {
      ...MEAN_UP,
      phaseStarts: [parseMonthKey('2030-01'), month(12), month(12), parseMonthKey('2020-01')],
    });
    expect(same).toEqual(chart);
  });

  it('freezes a baseline inside a later phase and computes the other phases from all their points', () => {
    const frozen = spcChart(valuePoints([...BEFORE, ...AFTER]), {
      ...MEAN_UP,
      phaseStarts: [month(12)],
      baseline: { from: month(12), to: month(15) },
    });
    // Phase 2 baseline 13, 13, 14, 13: mean 13.25.
    expect(frozen.phases[1].centre).toBeCloseTo(13.25, 10);
    expect(frozen.phases[0].centre).toBeCloseTo(10.166667, 6);
  });

  it('rejects a baseline that spans two phases or holds no points', () => {
    const points = valuePoints([...BEFORE, ...AFTER]);
    expect(() =>
      spcChart(points, { ...MEAN_UP, phaseStarts: [month(12)], baseline: { from: month(10), to: month(13) } }),
    ).toThrow(RangeError);
    expect(() => spcChart(points, { ...MEAN_UP, baseline: { from: month(40), to: month(45) } })).toThrow(RangeError);
    expect(() => spcChart(points, { ...MEAN_UP, baseline: { firstPoints: 0 } })).toThrow(RangeError);
  });
});

describe('spcChart p charts', () => {
  // Montgomery, Introduction to Statistical Quality Control 6th ed., Example 7.1 (orange juice cans,
  // n = 50): samples 15 and 23 lie above UCL = 0.4102. Here a lower proportion of defects is better.
  const ORANGE_JUICE = [
    12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6,
  ];

  it('flags Montgomery Example 7.1 samples 15 and 23 as deteriorations', () => {
    const chart = spcChart(
      ratioPoints(
        ORANGE_JUICE,
        ORANGE_JUICE.map(() => 50),
      ),
      { kind: 'PROPORTION', direction: 'DOWN' },
    );
    expect(chart.chart).toBe('P');
    expect(chart.points[0].upper).toBeCloseTo(0.410239, 6);
    expect(chart.signals).toEqual([
      { key: 'beyondLimits', phase: 0, month: month(14), side: 'above', assessment: 'deterioration' },
      { key: 'beyondLimits', phase: 0, month: month(22), side: 'above', assessment: 'deterioration' },
    ]);
  });

  it('skips a month with a zero denominator, says so, and leaves the other limits unchanged', () => {
    const chart = spcChart(ratioPoints([3, 0, 27], [10, 0, 190]), { kind: 'PROPORTION', direction: 'UP' });
    expect(chart.points[1]).toMatchObject({
      value: null,
      excluded: 'ZERO_DENOMINATOR',
      lower: null,
      upper: null,
      beyondLimits: null,
      inBaseline: false,
    });
    // Same limits as without the empty month: p̄ = 30/200.
    expect(chart.points[1].centre).toBeCloseTo(0.15, 12);
    expect(chart.points[0].upper).toBeCloseTo(0.488748, 6);
    expect(chart.points[2].lower).toBeCloseTo(0.072286, 6);
    expect(chart.signals).toEqual([{ key: 'pointExcluded', month: month(1), reason: 'ZERO_DENOMINATOR' }]);
    expectOnlyFiniteNumbers(chart);
  });

  it('draws per-point limits for varying denominators (Montgomery Example 7.5, dyed cloth u chart)', () => {
    const counts = [14, 12, 20, 11, 7, 10, 21, 16, 19, 23];
    const units = [10, 8, 13, 10, 9.5, 10, 12, 10.5, 12, 12.5];
    const chart = spcChart(ratioPoints(counts, units), { kind: 'RATE', direction: 'DOWN' });
    expect(chart.chart).toBe('U');
    expect(chart.points.map((point) => point.upper)).toEqual(
      [2.555, 2.6886, 2.4159, 2.555, 2.5844, 2.555, 2.4564, 2.5278, 2.4564, 2.4356].map((upper) =>
        expect.closeTo(upper, 3),
      ),
    );
    expect(chart.signals).toEqual([]);
  });

  it('reports σz for a Laney p′ chart', () => {
    const chart = spcChart(
      ratioPoints([130, 152, 98, 171, 140, 120, 160, 110], [1000, 1100, 900, 1200, 1000, 950, 1150, 1000]),
      {
        kind: 'PROPORTION',
        direction: 'UP',
        chart: 'P_PRIME',
      },
    );
    expect(chart.phases[0].sigmaZ).toBeCloseTo(1.561504, 6);
    expect(chart.points[0].upper).toBeCloseTo(0.180099, 6);
    expect(chart.signals).toEqual([]);
  });
});

describe('spcChart run charts', () => {
  it('uses the median as centre and ignores points on it', () => {
    // Median 5; the three 5s are on it, leaving 4 useful points and 3 crossings.
    const chart = spcChart(valuePoints([5, 5, 1, 9, 5, 2, 8]), { kind: 'COUNT', direction: 'DOWN', chart: 'RUN' });
    expect(chart.phases[0].centre).toBe(5);
    expect(chart.phases[0].runs).toMatchObject({ usefulObservations: 4, crossings: 3, longestRun: 1 });
    expect(chart.points.every((point) => point.lower === null && point.upper === null)).toBe(true);
    expect(chart.signals).toEqual([]);
  });

  it('captions a long run below the median as an improvement when lower is better', () => {
    const values = [8, 9, 7, 8, 9, 8, 7, 9, 8, 9, 3, 2, 4, 3, 2, 3, 4, 2];
    const chart = spcChart(valuePoints(values), {
      kind: 'COUNT',
      direction: 'DOWN',
      chart: 'RUN',
      baseline: { firstPoints: 10 },
    });
    expect(chart.phases[0].centre).toBe(8);
    expect(chart.signals).toContainEqual({
      key: 'longRun',
      phase: 0,
      side: 'below',
      length: 8,
      fromMonth: month(10),
      toMonth: month(17),
      centre: 'median',
      assessment: 'improvement',
    });
  });

  it('captions too few crossings', () => {
    const chart = spcChart(valuePoints([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), {
      kind: 'MEAN',
      direction: 'UP',
      chart: 'RUN',
    });
    expect(chart.signals).toEqual([
      {
        key: 'fewCrossings',
        phase: 0,
        crossings: 1,
        expectedAtLeast: 3,
        months: 12,
        centre: 'median',
        assessment: 'neutral',
      },
    ]);
  });
});

describe('spcChart edge cases', () => {
  const CHARTS: [ChartType, SpcOptions['kind']][] = [
    ['RUN', 'MEAN'],
    ['I', 'MEAN'],
    ['C', 'COUNT'],
    ['P', 'PROPORTION'],
    ['P_PRIME', 'PROPORTION'],
    ['U', 'RATE'],
  ];
  const pointsFor = (kind: SpcOptions['kind'], count: number, numerator = 4, denominator = 20): ChartPoint[] =>
    kind === 'PROPORTION' || kind === 'RATE'
      ? ratioPoints(Array(count).fill(numerator), Array(count).fill(denominator))
      : valuePoints(Array(count).fill(numerator / denominator));

  it.each(CHARTS)('%s chart of an empty series is empty', (chart, kind) => {
    expect(spcChart([], { kind, direction: 'UP', chart })).toEqual({
      chart,
      kind,
      direction: 'UP',
      points: [],
      phases: [],
      signals: [],
    });
  });

  it.each(CHARTS)('%s chart of equal values: no NaN, no signals, no crossings', (chart, kind) => {
    const result = spcChart(pointsFor(kind, 24), { kind, direction: 'UP', chart });
    expectOnlyFiniteNumbers(result);
    expect(result.signals).toEqual([]);
    expect(result.phases[0].runs).toMatchObject({ usefulObservations: 0, crossings: 0, signal: false });
    expect(result.points.every((point) => point.beyondLimits === null && !point.inLongRun)).toBe(true);
  });

  it('collapses I chart limits onto the centre when all values are equal', () => {
    const result = spcChart(valuePoints(Array(6).fill(0.1)), MEAN_UP);
    expect(result.phases[0].movingRangeCentre).toBe(0);
    expect(result.points[5].upper).toBeCloseTo(0.1, 12);
    expect(result.points[5].lower).toBeCloseTo(0.1, 12);
  });

  it.each(CHARTS)('%s chart of all-zero numerators: no NaN, no signals', (chart, kind) => {
    const result = spcChart(pointsFor(kind, 12, 0), { kind, direction: 'DOWN', chart });
    expectOnlyFiniteNumbers(result);
    expect(result.signals.filter((signal) => signal.key !== 'limitsUnavailable')).toEqual([]);
  });

  it('charts one point: a centre, limits where the chart allows, and no signals', () => {
    const p = spcChart(ratioPoints([3], [10]), { kind: 'PROPORTION', direction: 'UP' });
    expect(p.points[0]).toMatchObject({ value: 0.3, centre: 0.3, beyondLimits: null, inLongRun: false });
    expect(p.points[0].upper).toBeCloseTo(0.3 + 3 * Math.sqrt(0.021), 12);
    expect(p.signals).toEqual([]);

    const i = spcChart(valuePoints([7]), MEAN_UP);
    expect(i.points[0]).toMatchObject({ value: 7, centre: 7, lower: null, upper: null, movingRange: null });
    expect(i.signals).toEqual([{ key: 'limitsUnavailable', phase: 0, reason: 'TOO_FEW_POINTS' }]);
  });

  it('charts two points: one moving range and no signals', () => {
    const result = spcChart(valuePoints([4, 6]), MEAN_UP);
    expect(result.phases[0].movingRangeCentre).toBe(2);
    expect(result.points[1]).toMatchObject({ centre: 5, lower: 5 - 6 / 1.128, upper: 5 + 6 / 1.128, movingRange: 2 });
    expect(result.signals).toEqual([]);
  });

  it('says when a phase has no usable data at all', () => {
    const result = spcChart(ratioPoints([0, 0], [0, 0]), { kind: 'PROPORTION', direction: 'UP' });
    expect(result.points.every((point) => point.centre === null && point.value === null)).toBe(true);
    expect(result.signals).toEqual([
      { key: 'pointExcluded', month: month(0), reason: 'ZERO_DENOMINATOR' },
      { key: 'pointExcluded', month: month(1), reason: 'ZERO_DENOMINATOR' },
      { key: 'limitsUnavailable', phase: 0, reason: 'NO_DATA' },
    ]);
  });

  it('sorts points by month', () => {
    const result = spcChart([...valuePoints([1, 2, 3])].reverse(), MEAN_UP);
    expect(result.points.map((point) => point.month)).toEqual([month(0), month(1), month(2)]);
  });

  it('rejects repeated or invalid months and a chart that does not fit the measure', () => {
    expect(() => spcChart([...valuePoints([1]), ...valuePoints([2])], MEAN_UP)).toThrow(RangeError);
    expect(() => spcChart([{ month: '2024-13' as MonthKey, value: 1 }], MEAN_UP)).toThrow(RangeError);
    expect(() => spcChart(valuePoints([1]), { ...MEAN_UP, phaseStarts: ['2024' as MonthKey] })).toThrow(RangeError);
    expect(() =>
      spcChart(valuePoints([1]), { ...MEAN_UP, baseline: { from: month(0), to: 'soon' as MonthKey } }),
    ).toThrow(RangeError);
    expect(() => spcChart(valuePoints([1]), { kind: 'MEAN', direction: 'UP', chart: 'P' })).toThrow(RangeError);
    expect(() => spcChart(valuePoints([1]), { kind: 'COUNT', direction: 'UP', chart: 'U' })).toThrow(RangeError);
  });

  it.each([
    ['PROPORTION', 'P'],
    ['RATE', 'U'],
    ['COUNT', 'C'],
    ['MEAN', 'I'],
  ] as const)('defaults a %s measure to a %s chart', (kind, chart) => {
    expect(defaultChartType(kind)).toBe(chart);
  });
});

describe('spcChart with provisional months', () => {
  // The 12 months of BEFORE, then a month with only part of its data, far above the rest.
  const points = valuePoints([...BEFORE, 30]);
  const chart = spcChart(points, { ...MEAN_UP, provisionalMonths: [month(12)] });

  it('draws the month with the limits but sets nothing from it', () => {
    const plain = spcChart(valuePoints(BEFORE), MEAN_UP);
    expect(chart.phases[0].centre).toBe(plain.phases[0].centre);
    expect(chart.points[12]).toMatchObject({
      value: 30,
      provisional: true,
      inBaseline: false,
      beyondLimits: null,
      movingRange: null,
    });
    expect(chart.points[12].upper).toBe(plain.points[0].upper);
    expect(chart.phases[0].baselineMonths).not.toContain(month(12));
  });

  it('gives it no signal and no place in the runs', () => {
    expect(chart.signals).toEqual([]);
    expect(chart.phases[0].runs.usefulObservations).toBe(12);
    const counted = spcChart(points, MEAN_UP);
    expect(counted.signals.map((signal) => signal.key)).toContain('beyondLimits');
  });

  it('breaks moving ranges and leaves a p chart month its own limits', () => {
    const p = spcChart(ratioPoints([10, 12, 40, 11], [100, 100, 100, 100]), {
      kind: 'PROPORTION',
      direction: 'UP',
      chart: 'P_PRIME',
      provisionalMonths: [month(2)],
    });
    expect(p.phases[0].centre).toBeCloseTo(33 / 300, 12);
    expect(p.points[2].upper).not.toBeNull();
    expect(p.points[2].beyondLimits).toBeNull();
  });
});

describe('spcChart I chart moving ranges', () => {
  it('never bridges a month without a value, and draws the limits across it', () => {
    const chart = spcChart(
      [...valuePoints([10, 12]), { month: month(2) }, { month: month(3), value: 20 }, { month: month(4), value: 21 }],
      MEAN_UP,
    );
    expect(chart.points.map((point) => point.movingRange)).toEqual([null, 2, null, null, 1]);
    expect(chart.phases[0].movingRangeCentre).toBe(1.5);
    expect(chart.points[2]).toMatchObject({ value: null, excluded: 'MISSING_VALUE', centre: 15.75 });
    expect(chart.points[2].upper).toBeCloseTo(15.75 + 4.5 / 1.128, 12);
  });

  it('screens moving ranges by default and not when asked', () => {
    const spike = [10, 11, 10, 12, 11, 30, 11, 10, 12, 11, 11, 20];
    const screened = spcChart(valuePoints(spike), MEAN_UP);
    const unscreened = spcChart(valuePoints(spike), { ...MEAN_UP, screenMovingRanges: false });
    expect(screened.phases[0].movingRangesScreenedOut).toBe(2);
    expect(screened.points[0].upper).toBeCloseTo(18.569149, 6);
    expect(unscreened.phases[0].movingRangesScreenedOut).toBe(0);
    expect(unscreened.points[0].upper).toBeCloseTo(26.789652, 6);
    expect(screened.signals.filter((signal) => signal.key === 'beyondLimits')).toHaveLength(2);
    expect(unscreened.signals.filter((signal) => signal.key === 'beyondLimits')).toHaveLength(1);
  });
});

describe('spcColumns', () => {
  it('returns one parallel array per field', () => {
    const chart = spcChart(valuePoints([4, 6]), MEAN_UP);
    expect(spcColumns(chart)).toEqual({
      months: [month(0), month(1)],
      values: [4, 6],
      centre: [5, 5],
      lower: [5 - 6 / 1.128, 5 - 6 / 1.128],
      upper: [5 + 6 / 1.128, 5 + 6 / 1.128],
      beyondLimits: [null, null],
      inLongRun: [false, false],
      phase: [0, 0],
    });
  });
});
