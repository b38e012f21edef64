import { describe, expect, it } from 'vitest';
import reference from './fixtures/qicharts2-cases.json';
import { addMonths, parseMonthKey } from './month-key';
import { spcChart, type SpcOptions } from './phases';
import type { ChartPoint, ChartType, MeasureKind } from './types';

// Every series of fixtures/qicharts2-cases.json (what R's qicharts2 0.8.1 computes with its
// defaults; see fixtures/README.md) goes through the engine with the same options. Centre lines
// and limits must agree to 1e-6 at every month, and signals and the runs summary of every part
// exactly.

interface ReferencePoint {
  part: number;
  y: number | null;
  cl: number | null;
  lcl: number | null;
  ucl: number | null;
  'sigma.signal': boolean;
  baseline: boolean;
}

interface ReferenceSummary {
  part: number;
  'n.useful': number;
  'longest.run': number | null;
  'longest.run.max': number | null;
  'n.crossings': number | null;
  'n.crossings.min': number | null;
  'runs.signal': number;
  'sigma.signal': number;
  CL: number | null;
}

interface ReferenceCase {
  name: string;
  chart: 'run' | 'i' | 'p' | 'pp' | 'u' | 'c';
  y: (number | null)[];
  n?: (number | null)[];
  part?: number;
  freeze?: number;
  qicharts2: { points: ReferencePoint[]; summary: ReferenceSummary[] };
}

const CASES = reference.cases as ReferenceCase[];
const TOLERANCE = 1e-6;
const FIRST_MONTH = parseMonthKey('2024-01');

const ENGINE_CHART: Record<ReferenceCase['chart'], { kind: MeasureKind; chart: ChartType }> = {
  run: { kind: 'MEAN', chart: 'RUN' },
  i: { kind: 'MEAN', chart: 'I' },
  p: { kind: 'PROPORTION', chart: 'P' },
  pp: { kind: 'PROPORTION', chart: 'P_PRIME' },
  u: { kind: 'RATE', chart: 'U' },
  c: { kind: 'COUNT', chart: 'C' },
};

function engineInput(reference: ReferenceCase): { points: ChartPoint[]; options: SpcOptions } {
  const { kind, chart } = ENGINE_CHART[reference.chart];
  const points = reference.y.map((y, index): ChartPoint => {
    const month = addMonths(FIRST_MONTH, index);
    if (y === null) return { month };
    if (reference.n) {
      const n = reference.n[index];
      return n === null ? { month } : { month, numerator: y, denominator: n };
    }
    return { month, value: y };
  });
  const options: SpcOptions = { kind, chart, direction: 'UP' };
  if (reference.part !== undefined) options.phaseStarts = [addMonths(FIRST_MONTH, reference.part)];
  if (reference.freeze !== undefined) options.baseline = { firstPoints: reference.freeze };
  return { points, options };
}

/** Null where the reference is null, else within the tolerance. */
function expectClose(actual: number | null, expected: number | null, what: string): void {
  if (expected === null) {
    expect(actual, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs(actual! - expected), `${what}: ${actual} vs qicharts2 ${expected}`).toBeLessThanOrEqual(TOLERANCE);
}

describe('the SPC engine agrees with qicharts2 0.8.1', () => {
  it('holds all 16 reference cases', () => {
    expect(CASES).toHaveLength(16);
  });

  describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_, reference) => {
    const { points, options } = engineInput(reference);
    const chart = spcChart(points, options);

    it('plots the same values, centre lines and limits at every month', () => {
      expect(chart.points).toHaveLength(reference.qicharts2.points.length);
      reference.qicharts2.points.forEach((expected, index) => {
        const actual = chart.points[index];
        const at = `${reference.name} point ${index + 1}`;
        expectClose(actual.value, expected.y, `${at} value`);
        expect(actual.phase, `${at} part`).toBe(expected.part - 1);
        expectClose(actual.centre, expected.cl, `${at} centre`);
        expectClose(actual.lower, expected.lcl, `${at} lower limit`);
        expectClose(actual.upper, expected.ucl, `${at} upper limit`);
        // qicharts2 flags every month up to `freeze` as baseline, months without data included;
        // the engine flags only the months whose values set the limits.
        if (actual.value !== null) expect(actual.inBaseline, `${at} baseline`).toBe(expected.baseline);
      });
    });

    it('finds the same points beyond the limits', () => {
      const expected = reference.qicharts2.points.flatMap((point, index) => (point['sigma.signal'] ? [index + 1] : []));
      const actual = chart.points.flatMap((point, index) => (point.beyondLimits !== null ? [index + 1] : []));
      expect(actual).toEqual(expected);
    });

    it('gives the same runs summary for every part', () => {
      expect(chart.phases).toHaveLength(reference.qicharts2.summary.length);
      reference.qicharts2.summary.forEach((expected, index) => {
        const phase = chart.phases[index];
        const useful = expected['n.useful'];
        expect({
          part: index + 1,
          nUseful: phase.runs.usefulObservations,
          longestRun: useful ? phase.runs.longestRun : null,
          longestRunMax: phase.runs.longestRunLimit,
          crossings: useful ? phase.runs.crossings : null,
          crossingsMin: phase.runs.crossingsLimit,
          runsSignal: phase.runs.signal ? 1 : 0,
          sigmaSignals: chart.points.filter((point) => point.phase === index && point.beyondLimits !== null).length,
        }).toEqual({
          part: expected.part,
          nUseful: useful,
          longestRun: expected['longest.run'],
          longestRunMax: expected['longest.run.max'],
          crossings: expected['n.crossings'],
          crossingsMin: expected['n.crossings.min'],
          runsSignal: expected['runs.signal'],
          sigmaSignals: expected['sigma.signal'],
        });
        expectClose(phase.centre, expected.CL, `${reference.name} part ${index + 1} centre`);
      });
    });
  });
});
