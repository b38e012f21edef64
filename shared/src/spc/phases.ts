import { levelShift, signalAssessment, type CentreName, type SpcSignal } from './captions';
import { compareMonthKeys, isMonthKey, type MonthKey } from './month-key';
import { median } from './numeric';
import { observePoint, type Observation } from './observations';
import { runsAnalysis, type Run, type RunsAnalysis } from './run-chart';
import {
  beyondLimitsSide,
  cChartLimits,
  laneyPChartLimits,
  pChartLimits,
  uChartLimits,
  xmrLimits,
  type ControlLimits,
  type Subgroup,
} from './shewhart';
import type { ChartPoint, ChartType, Direction, ExclusionReason, MeasureKind, Side } from './types';

/** The period whose values set the centre line and limits: the first k points, or the months from..to (inclusive). */
export type Baseline = { firstPoints: number } | { from: MonthKey; to: MonthKey };

/** What to chart and how to split and freeze it. */
export interface SpcOptions {
  kind: MeasureKind;
  direction: Direction;
  /** Defaults to `defaultChartType(kind)`. */
  chart?: ChartType;
  /**
   * Freezes the centre line and limits of the phase that holds the baseline on the baseline's
   * points and extends them to the rest of that phase; other phases use all their own points.
   * `firstPoints` counts months charted (including excluded ones) from the start of the first phase.
   */
  baseline?: Baseline;
  /** Months at which a new phase begins (e.g. when a change was adopted); each phase is computed on its own. */
  phaseStarts?: readonly MonthKey[];
  /**
   * Months drawn but not yet complete (e.g. not every site has reported a pooled month): they set
   * no centre line or limits, break moving ranges, and take no part in any signal.
   */
  provisionalMonths?: readonly MonthKey[];
  /**
   * I and p′ charts: leave moving ranges above 3.267 × their average out of the average moving
   * range (Nelson 1982). Default true, as in qicharts2; false gives the unscreened textbook limits.
   */
  screenMovingRanges?: boolean;
}

/** One month as drawn: value, centre line, limits (all in the measure's unit) and its signal flags. */
export interface SpcPoint {
  month: MonthKey;
  /** Proportion 0–1, events per unit of denominator, mean or count; null when excluded. */
  value: number | null;
  excluded: ExclusionReason | null;
  /** True for a month with a value that is drawn but not yet complete (see `SpcOptions.provisionalMonths`). */
  provisional: boolean;
  /** 0-based index into `SpcChart.phases`. */
  phase: number;
  /** True when this point's value helped set its phase's centre line and limits. */
  inBaseline: boolean;
  centre: number | null;
  /**
   * 3-sigma limits; null for run charts, when they cannot be estimated, and for months without a
   * value on charts whose limits depend on the month's denominator (p, p′, u).
   */
  lower: number | null;
  upper: number | null;
  /** I charts only: |value − previous month's value in the phase|; null when either month has none. */
  movingRange: number | null;
  /** Side when the value lies outside the 3-sigma limits. */
  beyondLimits: Side | null;
  /** True when the point belongs to a run longer than expected by chance. */
  inLongRun: boolean;
}

/** One phase: its months, frozen values and the runs analysis over all its points. */
export interface SpcPhase {
  index: number;
  fromMonth: MonthKey;
  toMonth: MonthKey;
  /** Months whose values set the centre line and limits. */
  baselineMonths: MonthKey[];
  centre: number | null;
  /** I charts only: average moving range and the moving-range chart's upper limit (3.267 × it). */
  movingRangeCentre: number | null;
  movingRangeUpper: number | null;
  /** I and p′ charts: moving ranges above the moving-range limit left out of the limits (screening). */
  movingRangesScreenedOut: number;
  /** P′ charts only: σz, observed over binomial variation (unitless). */
  sigmaZ: number | null;
  /** Run indices are positions in `SpcChart.points`. */
  runs: RunsAnalysis;
}

/** A whole chart: per-point values and lines to draw, phases, and captions for every signal and notice. */
export interface SpcChart {
  chart: ChartType;
  kind: MeasureKind;
  direction: Direction;
  points: SpcPoint[];
  phases: SpcPhase[];
  signals: SpcSignal[];
}

const CHARTS_BY_KIND: Record<MeasureKind, readonly ChartType[]> = {
  PROPORTION: ['P', 'P_PRIME', 'I', 'RUN'],
  RATE: ['U', 'I', 'RUN'],
  COUNT: ['C', 'I', 'RUN'],
  MEAN: ['I', 'RUN'],
};

/** Returns the usual control chart for a measure kind: P for proportions, U for rates, C for counts, I for means. */
export function defaultChartType(kind: MeasureKind): ChartType {
  return CHARTS_BY_KIND[kind][0];
}

interface PhaseLimits {
  centre: number | null;
  /** One per position of the phase (months without a value included). */
  lower: (number | null)[];
  upper: (number | null)[];
  movingRangeCentre: number | null;
  movingRangeUpper: number | null;
  movingRangesScreenedOut: number;
  sigmaZ: number | null;
}

type Included = Extract<Observation, { excluded: null }>;

const isIncluded = (observation: Observation): observation is Included => observation.excluded === null;

function asSubgroup(observation: Included): Subgroup {
  if (observation.numerator === null || observation.denominator === null) {
    throw new Error(`No numerator and denominator for ${observation.month}`);
  }
  return { numerator: observation.numerator, denominator: observation.denominator };
}

/** Limits for the included positions of a phase, back at their positions (null elsewhere). */
function atPositions(observations: readonly Observation[], included: readonly (number | null)[]): (number | null)[] {
  let next = 0;
  return observations.map((observation) => (isIncluded(observation) ? included[next++] : null));
}

/**
 * Limits for every position of one phase, computed from its baseline positions. Months without a
 * value break moving ranges. I and c chart limits are the same every month, so months without a
 * value get them too (as qicharts2 draws them); p, p′ and u limits depend on a month's denominator.
 */
function phaseLimits(
  chart: ChartType,
  observations: readonly Observation[],
  inBaseline: readonly boolean[],
  provisional: readonly boolean[],
  screened: boolean,
): PhaseLimits {
  // The baseline months in order, null where a month has no value or is provisional.
  const baselineObservations = observations.flatMap((observation, position) =>
    inBaseline[position] ? [isIncluded(observation) && !provisional[position] ? observation : null] : [],
  );
  const included = observations.filter(isIncluded);
  const baseline = baselineObservations.filter((observation): observation is Included => observation !== null);
  const values = included.map((observation) => observation.value);
  const baselineValues = baseline.map((observation) => observation.value);
  const none = { movingRangeCentre: null, movingRangeUpper: null, movingRangesScreenedOut: 0, sigmaZ: null };
  const noLimits = { ...none, centre: null, lower: observations.map(() => null), upper: observations.map(() => null) };
  const perPosition = (limits: ControlLimits | null) =>
    limits === null
      ? noLimits
      : {
          ...none,
          centre: limits.centre,
          lower: atPositions(observations, limits.lower),
          upper: atPositions(observations, limits.upper),
        };
  const everyPosition = (limits: ControlLimits | null) =>
    limits === null || values.length === 0
      ? noLimits
      : {
          ...none,
          centre: limits.centre,
          lower: observations.map(() => limits.lower[0]),
          upper: observations.map(() => limits.upper[0]),
        };
  const valueOrNull = (observation: Observation | null) => observation?.value ?? null;
  const subgroupOrNull = (observation: Observation | null) =>
    observation !== null && isIncluded(observation) ? asSubgroup(observation) : null;
  switch (chart) {
    case 'RUN':
      return { ...noLimits, centre: median(baselineValues) };
    case 'P':
      return perPosition(pChartLimits(included.map(asSubgroup), baseline.map(asSubgroup)));
    case 'U':
      return perPosition(uChartLimits(included.map(asSubgroup), baseline.map(asSubgroup)));
    case 'C':
      return everyPosition(cChartLimits(values, baselineValues));
    case 'P_PRIME': {
      const limits = laneyPChartLimits(observations.map(subgroupOrNull), baselineObservations.map(subgroupOrNull), {
        screened,
      });
      if (limits === null) return noLimits;
      const { centre, lower, upper, sigmaZ, movingRangesScreenedOut } = limits;
      return { ...none, centre, lower, upper, sigmaZ, movingRangesScreenedOut };
    }
    case 'I': {
      const limits = xmrLimits(observations.map(valueOrNull), baselineObservations.map(valueOrNull), { screened });
      if (limits === null) return noLimits;
      const { centre, lower, upper, movingRangeCentre, movingRangeUpper, movingRangesScreenedOut } = limits;
      return { ...none, centre, lower, upper, movingRangeCentre, movingRangeUpper, movingRangesScreenedOut };
    }
  }
}

function assertMonthKey(value: unknown, what: string): void {
  if (!isMonthKey(value)) throw new RangeError(`${what} is not a month key (YYYY-MM): ${JSON.stringify(value)}`);
}

function assertMonthKeys(points: readonly ChartPoint[], options: SpcOptions): void {
  points.forEach((point) => assertMonthKey(point.month, 'A point month'));
  (options.phaseStarts ?? []).forEach((start) => assertMonthKey(start, 'A phase start'));
  (options.provisionalMonths ?? []).forEach((month) => assertMonthKey(month, 'A provisional month'));
  if (options.baseline && 'from' in options.baseline) {
    assertMonthKey(options.baseline.from, 'The baseline start');
    assertMonthKey(options.baseline.to, 'The baseline end');
  }
}

function sortedByMonth(points: readonly ChartPoint[]): ChartPoint[] {
  const sorted = [...points].sort((a, b) => compareMonthKeys(a.month, b.month));
  sorted.forEach((point, index) => {
    if (index > 0 && point.month === sorted[index - 1].month) throw new RangeError(`Two points for ${point.month}`);
  });
  return sorted;
}

/** Splits month-ordered observations at the phase starts; starts outside the data add no phase. */
function splitIntoPhases(observations: readonly Observation[], phaseStarts: readonly MonthKey[]): Observation[][] {
  const starts = [...phaseStarts].sort(compareMonthKeys);
  const phases: Observation[][] = [];
  let nextStart = 0;
  for (const observation of observations) {
    let startsHere = phases.length === 0;
    while (nextStart < starts.length && compareMonthKeys(starts[nextStart], observation.month) <= 0) {
      nextStart++;
      startsHere = true;
    }
    if (startsHere) phases.push([]);
    phases[phases.length - 1].push(observation);
  }
  return phases;
}

/** For each phase, which of its points form the baseline. */
function baselineFlags(phases: readonly Observation[][], baseline: Baseline | undefined): boolean[][] {
  const everyPoint = phases.map((phase) => phase.map(() => true));
  if (baseline === undefined) return everyPoint;
  if ('firstPoints' in baseline) {
    const { firstPoints } = baseline;
    if (!Number.isInteger(firstPoints) || firstPoints < 1) {
      throw new RangeError(`Baseline must hold at least one point: ${firstPoints}`);
    }
    return everyPoint.map((flags, phase) => (phase === 0 ? flags.map((_, index) => index < firstPoints) : flags));
  }
  const inRange = (month: MonthKey) =>
    compareMonthKeys(baseline.from, month) <= 0 && compareMonthKeys(month, baseline.to) <= 0;
  const phasesWithBaseline = phases.map((phase) => phase.some((observation) => inRange(observation.month)));
  const count = phasesWithBaseline.filter(Boolean).length;
  if (count === 0) throw new RangeError(`No points in the baseline ${baseline.from} to ${baseline.to}`);
  if (count > 1) throw new RangeError(`The baseline ${baseline.from} to ${baseline.to} spans more than one phase`);
  return phases.map((phase, index) =>
    phasesWithBaseline[index] ? phase.map((observation) => inRange(observation.month)) : everyPoint[index],
  );
}

/** Moving range of each month to the month before it in the phase; null when either has no value. */
function adjacentRangesByPoint(values: readonly (number | null)[]): (number | null)[] {
  return values.map((value, position) => {
    const previous = position > 0 ? values[position - 1] : null;
    return value === null || previous === null ? null : Math.abs(value - previous);
  });
}

interface ChartedPhase {
  phase: SpcPhase;
  points: SpcPoint[];
  signals: SpcSignal[];
}

function chartPhase(
  chart: ChartType,
  direction: Direction,
  index: number,
  offset: number,
  observations: readonly Observation[],
  inBaseline: readonly boolean[],
  provisional: readonly boolean[],
  screened: boolean,
): ChartedPhase {
  // A provisional month is drawn but counts for nothing: no limits from it, no signal in it.
  const counted = observations.map((observation) => observation.value);
  provisional.forEach((flag, position) => {
    if (flag) counted[position] = null;
  });
  const limits = phaseLimits(chart, observations, inBaseline, provisional, screened);
  const ranges: (number | null)[] = chart === 'I' ? adjacentRangesByPoint(counted) : observations.map(() => null);

  const localRuns = runsAnalysis(counted, limits.centre);
  const shift = (run: Run): Run => ({ ...run, indices: run.indices.map((position) => position + offset) });
  const runs = { ...localRuns, runs: localRuns.runs.map(shift), longRuns: localRuns.longRuns.map(shift) };
  const longRunPositions = new Set(runs.longRuns.flatMap((run) => run.indices));

  const points = observations.map((observation, position): SpcPoint => {
    const lower = limits.lower[position];
    const upper = limits.upper[position];
    const value = counted[position];
    return {
      month: observation.month,
      value: observation.value,
      excluded: observation.excluded,
      provisional: observation.excluded === null && provisional[position],
      phase: index,
      inBaseline: value !== null && inBaseline[position],
      centre: limits.centre,
      lower,
      upper,
      movingRange: ranges[position],
      beyondLimits: value === null ? null : beyondLimitsSide(value, lower, upper),
      inLongRun: longRunPositions.has(position + offset),
    };
  });

  const phase: SpcPhase = {
    index,
    fromMonth: observations[0].month,
    toMonth: observations[observations.length - 1].month,
    baselineMonths: points.filter((point) => point.inBaseline).map((point) => point.month),
    centre: limits.centre,
    movingRangeCentre: limits.movingRangeCentre,
    movingRangeUpper: limits.movingRangeUpper,
    movingRangesScreenedOut: limits.movingRangesScreenedOut,
    sigmaZ: limits.sigmaZ,
    runs,
  };
  return { phase, points, signals: phaseSignals(chart, direction, phase, points, offset) };
}

function phaseSignals(
  chart: ChartType,
  direction: Direction,
  phase: SpcPhase,
  points: readonly SpcPoint[],
  offset: number,
): SpcSignal[] {
  const signals: SpcSignal[] = [];
  const centreName: CentreName = chart === 'RUN' ? 'median' : 'average';
  for (const point of points) {
    if (point.excluded) signals.push({ key: 'pointExcluded', month: point.month, reason: point.excluded });
  }
  if (phase.centre === null) {
    signals.push({ key: 'limitsUnavailable', phase: phase.index, reason: 'NO_DATA' });
  } else if (chart !== 'RUN' && points.some((point) => point.value !== null && point.upper === null)) {
    signals.push({ key: 'limitsUnavailable', phase: phase.index, reason: 'TOO_FEW_POINTS' });
  }
  // Against a frozen baseline the runs are judged against that reference; otherwise a long run that
  // begins or ends the phase means the level moved, which is how a QI lead would say it.
  const frozen = points.some((point) => point.value !== null && !point.provisional && !point.inBaseline);
  const shift = frozen ? null : levelShift(phase.runs.runs, phase.runs.longRuns);
  // Months beyond the limits on the old side before a shift, or on the new side after it, are the
  // shift itself seen through limits that straddle two levels: the shift caption covers them.
  const explainedByShift = (point: SpcPoint, position: number) =>
    shift !== null &&
    point.beyondLimits ===
      (position + offset < shift.index ? (shift.side === 'above' ? 'below' : 'above') : shift.side);
  points.forEach((point, position) => {
    if (point.beyondLimits === null || explainedByShift(point, position)) return;
    const assessment = signalAssessment(point.beyondLimits, direction);
    signals.push({ key: 'beyondLimits', phase: phase.index, month: point.month, side: point.beyondLimits, assessment });
  });
  if (shift) {
    signals.push({
      key: 'shift',
      phase: phase.index,
      side: shift.side,
      month: points[shift.index - offset].month,
      before: shift.before,
      after: shift.after,
      centre: centreName,
      assessment: signalAssessment(shift.side, direction),
    });
  }
  for (const run of phase.runs.longRuns) {
    if (shift?.runs.some((explained) => explained.indices[0] === run.indices[0])) continue;
    signals.push({
      key: 'longRun',
      phase: phase.index,
      side: run.side,
      length: run.indices.length,
      fromMonth: points[run.indices[0] - offset].month,
      toMonth: points[run.indices[run.indices.length - 1] - offset].month,
      centre: centreName,
      assessment: signalAssessment(run.side, direction),
    });
  }
  const { fewCrossings, crossings, crossingsLimit, usefulObservations } = phase.runs;
  // Too few crossings is what a shift looks like; the shift says it better.
  if (fewCrossings && crossingsLimit !== null && shift === null) {
    signals.push({
      key: 'fewCrossings',
      phase: phase.index,
      crossings,
      expectedAtLeast: crossingsLimit,
      months: usefulObservations,
      centre: centreName,
      assessment: 'neutral',
    });
  }
  return signals;
}

/**
 * Returns a run or control chart of monthly points: per-point centre line, 3-sigma limits (in the
 * measure's unit: proportion 0–1, events per unit, mean or count), Shewhart and Anhøj signal flags and
 * phase index, plus captions for every signal. Points are sorted by month; excluded points (e.g. a
 * zero denominator) are kept with a null value and a `pointExcluded` caption. Throws a RangeError for
 * an invalid or repeated month, a chart that does not fit the measure kind, or a baseline outside the
 * data or across phases.
 */
export function spcChart(points: readonly ChartPoint[], options: SpcOptions): SpcChart {
  const { kind, direction } = options;
  const chart = options.chart ?? defaultChartType(kind);
  if (!CHARTS_BY_KIND[kind].includes(chart)) throw new RangeError(`A ${chart} chart does not fit a ${kind} measure`);

  assertMonthKeys(points, options);
  const observations = sortedByMonth(points).map((point) => observePoint(kind, point));
  const phases = splitIntoPhases(observations, options.phaseStarts ?? []);
  const baselines = baselineFlags(phases, options.baseline);

  const provisionalMonths = new Set(options.provisionalMonths ?? []);
  const screened = options.screenMovingRanges ?? true;

  let offset = 0;
  const charted = phases.map((phase, index) => {
    const provisional = phase.map((observation) => provisionalMonths.has(observation.month));
    const result = chartPhase(chart, direction, index, offset, phase, baselines[index], provisional, screened);
    offset += phase.length;
    return result;
  });
  return {
    chart,
    kind,
    direction,
    points: charted.flatMap((result) => result.points),
    phases: charted.map((result) => result.phase),
    signals: charted.flatMap((result) => result.signals),
  };
}

/** Returns the chart as parallel arrays, one entry per month, for chart libraries that take columns. */
export function spcColumns(chart: SpcChart): {
  months: MonthKey[];
  values: (number | null)[];
  centre: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  beyondLimits: (Side | null)[];
  inLongRun: boolean[];
  phase: number[];
} {
  const column = <T>(pick: (point: SpcPoint) => T): T[] => chart.points.map(pick);
  return {
    months: column((point) => point.month),
    values: column((point) => point.value),
    centre: column((point) => point.centre),
    lower: column((point) => point.lower),
    upper: column((point) => point.upper),
    beyondLimits: column((point) => point.beyondLimits),
    inLongRun: column((point) => point.inLongRun),
    phase: column((point) => point.phase),
  };
}
