import { describe, expect, it } from 'vitest';
import {
  axisTicks,
  baselineRange,
  chartRows,
  excludedMonths,
  longRunSpans,
  monthTickIndexes,
  phaseStartMonths,
  type PointData,
  pointMark,
  valueDomain,
} from './chart-data';
import { chartPoint } from '../test-support/chart-points';

const point = (month: string, value: number | null, extra: Partial<PointData> = {}): PointData =>
  chartPoint(month, value, { inBaseline: value !== null, ...extra });

describe('chartRows', () => {
  it('shows proportions in percent, with centre and limits keyed by phase so lines break between phases', () => {
    const rows = chartRows(
      [
        point('2026-01', 0.5),
        point('2026-02', null),
        point('2026-03', 0.9, { phase: 1, centre: 0.7, beyondLimits: 'above' }),
      ],
      'PROPORTION',
    );
    expect(rows[0]).toEqual({
      month: '2026-01',
      value: 50,
      mark: null,
      excluded: null,
      centre_0: 60,
      upper_0: 80,
      lower_0: 40,
      centre_1: null,
      upper_1: null,
      lower_1: null,
    });
    expect(rows[1].value).toBeNull();
    expect(rows[2]).toMatchObject({ value: 90, mark: 'beyond', centre_1: 70 });
  });

  it("carries each phase's lines on to the month the next phase starts, so they reach the phase line", () => {
    // A frozen first phase (centre 60%) and a second from March: the first phase's lines must not stop in February.
    const rows = chartRows(
      [
        point('2026-01', 0.5),
        point('2026-02', 0.6, { inBaseline: false }),
        point('2026-03', 0.9, { phase: 1, centre: 0.7, upper: 0.9, lower: 0.5 }),
        point('2026-04', 0.8, { phase: 1, centre: 0.7 }),
      ],
      'PROPORTION',
    );
    expect(rows[2]).toMatchObject({ centre_0: 60, upper_0: 80, lower_0: 40, centre_1: 70, upper_1: 90, lower_1: 50 });
    expect(rows[3]).toMatchObject({ centre_0: null, centre_1: 70 });
  });

  it('marks points beyond the limits and months not every site has reported, and says how many have', () => {
    expect(pointMark({ value: 1, beyondLimits: 'above' })).toBe('beyond');
    expect(pointMark({ value: 1, beyondLimits: null })).toBeNull();
    expect(pointMark({ value: null, beyondLimits: 'above' })).toBeNull();
    expect(pointMark({ value: 1, beyondLimits: null, provisional: true })).toBe('provisional');
    const [row] = chartRows([point('2026-01', 0.5, { provisional: true, sitesReported: 3, sites: 8 })], 'PROPORTION');
    expect(row).toMatchObject({ mark: 'provisional', coverage: '3/8' });
  });
});

describe('longRunSpans', () => {
  it('gives each unusually long run one span, split by phase and side, not broken by gaps or points on the line', () => {
    const spans = longRunSpans([
      point('2026-01', 0.5, { inLongRun: true }),
      point('2026-02', null),
      point('2026-03', 0.6, { inLongRun: false }),
      point('2026-04', 0.55, { inLongRun: true }),
      point('2026-05', 0.7, { inLongRun: true }),
      point('2026-06', 0.75, { inLongRun: true }),
      point('2026-07', 0.65, { phase: 1, inLongRun: true }),
      point('2026-08', 0.5, { inLongRun: false }),
    ]);
    expect(spans).toEqual([
      { from: '2026-01', to: '2026-04', side: 'below' },
      { from: '2026-05', to: '2026-06', side: 'above' },
      { from: '2026-07', to: '2026-07', side: 'above' },
    ]);
  });
});

describe('phases, baseline and gaps', () => {
  const points = [
    point('2026-01', 0.5, { inBaseline: true }),
    point('2026-02', 0.6, { inBaseline: true }),
    point('2026-03', 0.7, { inBaseline: false }),
    point('2026-04', null, { excluded: 'SUPPRESSED', inBaseline: false }),
    point('2026-05', 0.8, { phase: 1 }),
    point('2026-06', null, { phase: 1 }),
  ];

  it('finds where new phases start', () => {
    expect(phaseStartMonths(points)).toEqual(['2026-05']);
  });

  it('finds a frozen baseline, but not when every month with a value sets the lines', () => {
    expect(baselineRange(points)).toEqual({ from: '2026-01', to: '2026-02' });
    expect(baselineRange([point('2026-01', 0.5), point('2026-02', 0.6), point('2026-03', null)])).toBeNull();
  });

  it('tells months hidden for privacy from months left out for other reasons', () => {
    expect(excludedMonths(points)).toEqual({
      suppressed: ['2026-04'],
      other: [{ month: '2026-06', reason: 'MISSING_VALUE' }],
    });
  });
});

describe('valueDomain', () => {
  it('rounds to a readable step, never below 0 and never above 100%', () => {
    expect(
      valueDomain('PROPORTION', chartRows([point('2026-01', 0.62, { upper: 0.97, lower: 0.31 })], 'PROPORTION'), [80]),
    ).toEqual([20, 100]);
    expect(valueDomain('COUNT', [], [])).toEqual([0, 1]);
    expect(valueDomain('MEAN', chartRows([point('2026-01', 12, { centre: 14, lower: 2, upper: 26 })], 'MEAN'))).toEqual(
      [0, 30],
    );
  });
});

describe('axisTicks', () => {
  it('puts ticks on round numbers', () => {
    expect(axisTicks([55, 80])).toEqual([55, 60, 65, 70, 75, 80]);
    expect(axisTicks([20, 100], 2)).toEqual([50, 100]);
    expect(axisTicks([0, 0.3])).toEqual([0, 0.1, 0.2, 0.3]);
  });
});

describe('monthTickIndexes', () => {
  it('labels every month when there is room, else every 2, 3, 4, 6 or 12 months, and always the first and last', () => {
    expect(monthTickIndexes(5, 100, 90)).toEqual([0, 1, 2, 3, 4]);
    // 25 months 41 px apart, labels 94 px wide: every third month, the last one too.
    expect(monthTickIndexes(25, 41, 94)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24]);
    // The last month would touch the one before it: it takes its place.
    expect(monthTickIndexes(26, 41, 94)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 25]);
    // A phone: 25 months 10 px apart.
    expect(monthTickIndexes(25, 10, 94)).toEqual([0, 12, 24]);
    expect(monthTickIndexes(1, 0, 94)).toEqual([0]);
    expect(monthTickIndexes(0, 10, 94)).toEqual([]);
  });
});
