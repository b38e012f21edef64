import { describe, expect, it } from 'vitest';
import { binomialHalfQuantile, crossingsLimit, longestRunLimit, runsAnalysis } from './run-chart';

describe('binomialHalfQuantile', () => {
  // Exact: P(X ≤ 1) = 10/512 < 0.05 ≤ P(X ≤ 2) = 46/512 for X ~ Bin(9, ½), so the 5th percentile is 2.
  // The other values match R's qbinom(0.05, n, 0.5) (checked with scipy.stats.binom.ppf).
  it.each([
    [0, 0],
    [1, 0],
    [5, 1],
    [9, 2],
    [19, 6],
    [23, 8],
    [29, 10],
    [99, 41],
  ])('5th percentile of Bin(%i, ½) is %i', (trials, quantile) => {
    expect(binomialHalfQuantile(0.05, trials)).toBe(quantile);
  });

  it('gives the median and the extremes', () => {
    expect(binomialHalfQuantile(0.5, 10)).toBe(5);
    expect(binomialHalfQuantile(0, 10)).toBe(0);
    expect(binomialHalfQuantile(1, 10)).toBe(10);
  });

  it('stays exact far beyond floating-point range (2^2000 outcomes)', () => {
    // Symmetry: the 50th percentile of Bin(2000, ½) is 1000.
    expect(binomialHalfQuantile(0.5, 2000)).toBe(1000);
  });

  it('rejects impossible arguments', () => {
    expect(() => binomialHalfQuantile(0.05, -1)).toThrow(RangeError);
    expect(() => binomialHalfQuantile(0.05, 2.5)).toThrow(RangeError);
    expect(() => binomialHalfQuantile(1.5, 10)).toThrow(RangeError);
    expect(() => binomialHalfQuantile(Number.NaN, 10)).toThrow(RangeError);
  });
});

describe('longestRunLimit and crossingsLimit', () => {
  // Anhøj J, Olesen AV. Run charts revisited. PLoS ONE 2014;9(11):e113825, Table 1 (critical values
  // for longest run and number of crossings), rows n = 10, 20 and 24; the other rows follow from
  // round(log2(n) + 3) and qbinom(0.05, n − 1, 0.5), checked by hand.
  it.each([
    [10, 6, 2],
    [11, 6, 2],
    [12, 7, 3],
    [14, 7, 4],
    [20, 7, 6],
    [22, 7, 7],
    [24, 8, 8],
    [30, 8, 10],
    [50, 9, 19],
    [100, 10, 41],
  ])('n = %i: longest run ≤ %i, crossings ≥ %i', (n, runLimit, crossings) => {
    expect(longestRunLimit(n)).toBe(runLimit);
    expect(crossingsLimit(n)).toBe(crossings);
  });

  it('cannot signal with very few points', () => {
    expect(longestRunLimit(1)).toBe(3);
    expect(crossingsLimit(1)).toBe(0);
    expect(longestRunLimit(2)).toBe(4);
    expect(crossingsLimit(2)).toBe(0);
  });

  it('rejects zero or fractional counts', () => {
    expect(() => longestRunLimit(0)).toThrow(RangeError);
    expect(() => crossingsLimit(0)).toThrow(RangeError);
    expect(() => longestRunLimit(2.5)).toThrow(RangeError);
  });
});

describe('runsAnalysis', () => {
  it.each([
    [[1, Number.NaN, 3], 2, /values\[1\]/],
    [[1, Infinity], 2, /values\[1\]/],
    [[1, 2], Number.NaN, /centre/],
  ])('throws a RangeError naming the argument for %j against %s', (values, centre, message) => {
    expect(() => runsAnalysis(values, centre)).toThrow(RangeError);
    expect(() => runsAnalysis(values, centre)).toThrow(message);
  });

  it('flags a run of 8 above the median among 20 points (limit 7)', () => {
    const values = [3, 2, 4, 1, 3, 2, 4, 1, 2, 3, 7, 8, 9, 7, 8, 9, 7, 8, 3, 2];
    const analysis = runsAnalysis(values, 3.5);
    expect(analysis.usefulObservations).toBe(20);
    expect(analysis.longestRun).toBe(8);
    expect(analysis.longestRunLimit).toBe(7);
    expect(analysis.crossings).toBe(6);
    expect(analysis.crossingsLimit).toBe(6);
    expect(analysis.fewCrossings).toBe(false);
    expect(analysis.longRuns).toEqual([{ side: 'above', indices: [10, 11, 12, 13, 14, 15, 16, 17] }]);
    expect(analysis.signal).toBe(true);
  });

  it('does not flag a run exactly as long as the limit (7 of 20)', () => {
    const values = [1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 9, 9, 9, 9, 9, 9];
    const analysis = runsAnalysis(values, 5);
    expect(analysis.longestRun).toBe(7);
    expect(analysis.longestRunLimit).toBe(7);
    expect(analysis.longRuns).toEqual([]);
    expect(analysis.signal).toBe(false);
  });

  it('flags too few crossings: 12 rising points cross the median once (at least 3 expected)', () => {
    const analysis = runsAnalysis([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 6.5);
    expect(analysis.crossings).toBe(1);
    expect(analysis.crossingsLimit).toBe(3);
    expect(analysis.longestRun).toBe(6);
    expect(analysis.longRuns).toEqual([]);
    expect(analysis.fewCrossings).toBe(true);
    expect(analysis.signal).toBe(true);
  });

  it('ignores points on the centre line: they neither count nor break a run', () => {
    const analysis = runsAnalysis([6, 5, 6, 5, 7], 5);
    expect(analysis.usefulObservations).toBe(3);
    expect(analysis.runs).toEqual([{ side: 'above', indices: [0, 2, 4] }]);
    expect(analysis.crossings).toBe(0);
  });

  it('ignores missing values in the same way', () => {
    const analysis = runsAnalysis([1, null, 1, 9, null, 9], 5);
    expect(analysis.usefulObservations).toBe(4);
    expect(analysis.runs.map((run) => run.indices)).toEqual([
      [0, 2],
      [3, 5],
    ]);
    expect(analysis.crossings).toBe(1);
  });

  it('treats a value within floating-point rounding of the centre as on it', () => {
    const analysis = runsAnalysis([0.1 + 0.2, 0.3], 0.3);
    expect(analysis.usefulObservations).toBe(0);
  });

  it.each([
    ['an empty series', [], 5],
    ['all values equal to the centre', [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4], 4],
    ['no centre line', [1, 2, 3], null],
  ])('gives no signal and no NaN for %s', (_, values, centre) => {
    const analysis = runsAnalysis(values, centre);
    expect(analysis).toMatchObject({
      usefulObservations: 0,
      longestRun: 0,
      longestRunLimit: null,
      crossings: 0,
      crossingsLimit: null,
      longRuns: [],
      fewCrossings: false,
      signal: false,
    });
  });

  it('gives no signal for one or two points', () => {
    expect(runsAnalysis([7], 5).signal).toBe(false);
    expect(runsAnalysis([7, 8], 5).signal).toBe(false);
  });

  // Montgomery, Introduction to Statistical Quality Control 6th ed., Example 7.3 (nonconformities in
  // 26 printed circuit boards, c̄ = 516/26 = 19.846): 8 runs, so 7 crossings against a lower limit of
  // 8 for n = 26 — too few crossings (counted by hand from the published data).
  it('finds too few crossings in the circuit-board counts of Montgomery Example 7.3', () => {
    const counts = [
      21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15,
    ];
    const analysis = runsAnalysis(counts, 516 / 26);
    expect(analysis.usefulObservations).toBe(26);
    expect(analysis.runs.map((run) => run.indices.length)).toEqual([2, 4, 6, 5, 1, 1, 3, 4]);
    expect(analysis.crossings).toBe(7);
    expect(analysis.crossingsLimit).toBe(8);
    expect(analysis.longestRunLimit).toBe(8);
    expect(analysis.fewCrossings).toBe(true);
  });
});
