import { sideOf } from './numeric';
import type { Side } from './types';

// Sources for the run rules (the "Anhøj rules"):
//   Anhøj J, Olesen AV. Run charts revisited: a simulation study of run chart rules for detection
//   of non-random variation in health care processes. PLoS ONE 2014;9(11):e113825.
//   Schilling MF. The surprising predictability of long runs. Math Mag 2012;85:141–149 (longest run).
//   Chen Z. A note on the runs test. Model Assisted Stat Appl 2010;5:73–77 (number of crossings).

const CROSSINGS_PERCENTILE = 0.05;

/**
 * Returns the smallest k with P(X ≤ k) ≥ `probability` for X ~ Binomial(`trials`, ½), the same
 * definition as R's `qbinom`. Computed exactly with integer binomial coefficients; `probability`
 * is read to 15 decimal places (so 0.05 is exactly 1/20).
 */
export function binomialHalfQuantile(probability: number, trials: number): number {
  if (!Number.isInteger(trials) || trials < 0) throw new RangeError(`Trials must be a whole number ≥ 0: ${trials}`);
  if (!(probability >= 0 && probability <= 1)) throw new RangeError(`Probability must be in [0, 1]: ${probability}`);
  const scale = 10n ** 15n;
  const scaledProbability = BigInt(Math.round(probability * 1e15));
  const outcomes = 1n << BigInt(trials);
  let coefficient = 1n; // C(trials, k)
  let cumulative = 0n; // sum of C(trials, i) for i ≤ k
  for (let k = 0; k < trials; k++) {
    cumulative += coefficient;
    if (cumulative * scale >= scaledProbability * outcomes) return k;
    coefficient = (coefficient * BigInt(trials - k)) / BigInt(k + 1);
  }
  return trials;
}

/**
 * Returns the longest run (in points) expected by chance among `usefulObservations` points not on
 * the centre line: round(log2(n) + 3) (Schilling 2012; Anhøj & Olesen 2014). A longer run is a signal.
 */
export function longestRunLimit(usefulObservations: number): number {
  if (!Number.isInteger(usefulObservations) || usefulObservations < 1) {
    throw new RangeError(`Useful observations must be a whole number ≥ 1: ${usefulObservations}`);
  }
  return Math.round(Math.log2(usefulObservations) + 3);
}

/**
 * Returns the fewest crossings of the centre line expected by chance among `usefulObservations`
 * points: the 5th percentile of Binomial(n − 1, ½) (Chen 2010; Anhøj & Olesen 2014). Fewer is a signal.
 */
export function crossingsLimit(usefulObservations: number): number {
  if (!Number.isInteger(usefulObservations) || usefulObservations < 1) {
    throw new RangeError(`Useful observations must be a whole number ≥ 1: ${usefulObservations}`);
  }
  return binomialHalfQuantile(CROSSINGS_PERCENTILE, usefulObservations - 1);
}

/** Consecutive points on one side of the centre line; `indices` are positions in the analysed series. */
export interface Run {
  side: Side;
  indices: number[];
}

/** The Anhøj runs analysis of a series against a centre line. */
export interface RunsAnalysis {
  /** Points with a value that are not on the centre line (n in the rules). */
  usefulObservations: number;
  runs: Run[];
  /** Length in points of the longest run; 0 when there are no useful observations. */
  longestRun: number;
  /** Longest run expected by chance; null when there are no useful observations. */
  longestRunLimit: number | null;
  /** Number of times consecutive useful points lie on opposite sides of the centre line. */
  crossings: number;
  /** Fewest crossings expected by chance; null when there are no useful observations. */
  crossingsLimit: number | null;
  /** Runs longer than `longestRunLimit`, each a signal. */
  longRuns: Run[];
  fewCrossings: boolean;
  /** True when there is a long run or too few crossings. */
  signal: boolean;
}

function runsOf(values: readonly (number | null)[], centre: number): Run[] {
  const runs: Run[] = [];
  values.forEach((value, index) => {
    // Missing points and points on the centre line neither count towards nor break a run.
    const side = value === null ? null : sideOf(value, centre);
    if (side === null) return;
    const current = runs[runs.length - 1];
    if (current?.side === side) current.indices.push(index);
    else runs.push({ side, indices: [index] });
  });
  return runs;
}

/**
 * Returns the Anhøj runs analysis (longest run, crossings and their limits, signals) of `values`
 * against `centre` (a median for run charts, the centre line for control charts). Null values and a
 * null centre are allowed and yield no signal; a NaN or infinite value or centre throws a RangeError.
 */
export function runsAnalysis(values: readonly (number | null)[], centre: number | null): RunsAnalysis {
  values.forEach((value, index) => {
    if (value !== null && !Number.isFinite(value))
      throw new RangeError(`values[${index}] must be a finite number or null: ${value}`);
  });
  if (centre !== null && !Number.isFinite(centre))
    throw new RangeError(`centre must be a finite number or null: ${centre}`);
  const runs = centre === null ? [] : runsOf(values, centre);
  const usefulObservations = runs.reduce((total, run) => total + run.indices.length, 0);
  const longestRun = Math.max(0, ...runs.map((run) => run.indices.length));
  const crossings = Math.max(0, runs.length - 1);
  if (usefulObservations === 0) {
    const none = { longestRunLimit: null, crossingsLimit: null, longRuns: [], fewCrossings: false, signal: false };
    return { usefulObservations, runs, longestRun, crossings, ...none };
  }
  const runLimit = longestRunLimit(usefulObservations);
  const crossingLimit = crossingsLimit(usefulObservations);
  const longRuns = runs.filter((run) => run.indices.length > runLimit);
  const fewCrossings = crossings < crossingLimit;
  return {
    usefulObservations,
    runs,
    longestRun,
    longestRunLimit: runLimit,
    crossings,
    crossingsLimit: crossingLimit,
    longRuns,
    fewCrossings,
    signal: longRuns.length > 0 || fewCrossings,
  };
}
