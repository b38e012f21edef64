import type { MonthKey } from './month-key';
import type { Run } from './run-chart';
import type { Direction, ExclusionReason, Side } from './types';

/** Whether a signal moves the measure the desired way, the other way, or has no single direction. */
export type Assessment = 'improvement' | 'deterioration' | 'neutral';

/** What the centre line is, in words a reader knows: the median (run chart) or the average (control charts). */
export type CentreName = 'median' | 'average';

/**
 * A caption as data for the client to translate (no English inside). Signals: `shift`, `longRun`,
 * `fewCrossings`, `beyondLimits`. Notices about the data: `pointExcluded`, `limitsUnavailable`,
 * `incompleteMonth`.
 */
export type SpcSignal =
  | {
      /**
       * The level moved during a phase whose centre line spans both levels: a long run begins or
       * ends the phase and the months on its other side sit mostly on the other side of the line.
       * Said as a shift at `month`, with the offer to start a new phase there.
       */
      key: 'shift';
      phase: number;
      /** The side of the centre line the level moved to ('above': it moved up). */
      side: Side;
      /** The first month at the new level. */
      month: MonthKey;
      /** Months on the old side before `month`, and on the new side from `month` on. */
      before: number;
      after: number;
      centre: CentreName;
      assessment: Assessment;
    }
  | {
      key: 'longRun';
      phase: number;
      side: Side;
      /** Months in the run (points on the centre line are not counted). */
      length: number;
      fromMonth: MonthKey;
      toMonth: MonthKey;
      centre: CentreName;
      assessment: Assessment;
    }
  | {
      key: 'fewCrossings';
      phase: number;
      crossings: number;
      /** Fewest crossings expected by chance. */
      expectedAtLeast: number;
      /** Months counted (those not on the centre line). */
      months: number;
      centre: CentreName;
      assessment: 'neutral';
    }
  | { key: 'beyondLimits'; phase: number; month: MonthKey; side: Side; assessment: Assessment }
  | { key: 'pointExcluded'; month: MonthKey; reason: ExclusionReason }
  | { key: 'limitsUnavailable'; phase: number; reason: 'NO_DATA' | 'TOO_FEW_POINTS' }
  | {
      /** A pooled month that not every site has reported yet: drawn, left out of limits and signals. */
      key: 'incompleteMonth';
      month: MonthKey;
      sitesReported: number;
      sites: number;
      /** False when the viewer asked to count incomplete months after all. */
      leftOut: boolean;
    };

/** Returns 'improvement' when `side` is the desired one ('above' for UP, 'below' for DOWN), else 'deterioration'. */
export function signalAssessment(side: Side, direction: Direction): Assessment {
  const desired: Side = direction === 'UP' ? 'above' : 'below';
  return side === desired ? 'improvement' : 'deterioration';
}

const EXCLUSION_TEXT: Record<ExclusionReason, string> = {
  ZERO_DENOMINATOR: 'nobody was eligible that month, so there is nothing to measure',
  MISSING_VALUE: 'no data was reported for that month',
  INVALID_VALUE: 'the reported numbers are not possible (for example more events than people)',
};

function assessmentSentence(assessment: Assessment): string {
  if (assessment === 'improvement') return ' This is an improvement.';
  if (assessment === 'deterioration') return ' This is a deterioration.';
  return '';
}

const times = (count: number): string => `${count} ${count === 1 ? 'time' : 'times'}`;
const months = (count: number): string => `${count} ${count === 1 ? 'month' : 'months'}`;
const opposite = (side: Side): Side => (side === 'above' ? 'below' : 'above');

/** Where a phase's level moved, read from its runs: see the `shift` signal. */
export interface LevelShift {
  side: Side;
  /** Index (as in the runs) of the first point at the new level. */
  index: number;
  before: number;
  after: number;
  /** The long runs the shift explains (on the old side before it, on the new side after it), from `longRuns`. */
  runs: Run[];
}

/** Fewest months on the far side of a run that begins or ends a phase, for a shift to be read. */
const SHIFT_MIN_OTHER_SIDE = 3;

/**
 * Reads a shift of level from a phase's runs: a long run that begins the phase, or one that ends it
 * (or both, on opposite sides), with most of the phase's other useful months on the other side of the
 * centre line. Then the centre line lies between two levels and its runs say that the level moved,
 * not that the early months were worse (or better) than usual. Null when the runs show no such shift.
 * Not for a frozen baseline, whose centre line is the reference the later months are judged against.
 */
export function levelShift(runs: readonly Run[], longRuns: readonly Run[]): LevelShift | null {
  if (runs.length < 2 || longRuns.length === 0) return null;
  const first = runs[0];
  const last = runs[runs.length - 1];
  const isLong = (run: Run) => longRuns.some((long) => long.indices[0] === run.indices[0]);
  const points = runs.flatMap((run) => run.indices.map((index) => ({ index, side: run.side })));
  const count = (predicate: (point: { index: number; side: Side }) => boolean) => points.filter(predicate).length;
  let shift: { from: Side; index: number; runs: Run[] } | null = null;
  if (isLong(first) && isLong(last) && first.side !== last.side) {
    shift = { from: first.side, index: last.indices[0], runs: [first, last] };
  } else if (isLong(first)) {
    const start = runs[1].indices[0];
    const later = points.filter((point) => point.index >= start);
    const otherSide = later.filter((point) => point.side !== first.side).length;
    if (otherSide >= SHIFT_MIN_OTHER_SIDE && otherSide * 2 > later.length)
      shift = { from: first.side, index: start, runs: [first] };
  } else if (isLong(last)) {
    const earlier = points.filter((point) => point.index < last.indices[0]);
    const otherSide = earlier.filter((point) => point.side !== last.side).length;
    if (otherSide >= SHIFT_MIN_OTHER_SIDE && otherSide * 2 > earlier.length) {
      shift = { from: opposite(last.side), index: last.indices[0], runs: [last] };
    }
  }
  if (shift === null) return null;
  const { from, index } = shift;
  const to = opposite(from);
  // Every long run on the old side before the shift, or on the new side after it, is the shift itself.
  const explained = longRuns.filter((run) => (run.indices[0] < index ? run.side === from : run.side === to));
  return {
    side: to,
    index,
    before: count((point) => point.index < index && point.side === from),
    after: count((point) => point.index >= index && point.side === to),
    runs: explained,
  };
}

/** Returns a plain English sentence for a signal or notice, for tests, logs and as the default text. */
export function describeSignal(signal: SpcSignal): string {
  switch (signal.key) {
    case 'shift': {
      const moved = signal.side === 'above' ? 'up' : 'down';
      return (
        `The level moved ${moved} around ${signal.month}: ${months(signal.before)} ${opposite(signal.side)} the ${signal.centre} ` +
        `before it and ${months(signal.after)} ${signal.side} it since, which is unlikely to be chance.` +
        `${assessmentSentence(signal.assessment)} Consider starting a new phase in ${signal.month}.`
      );
    }
    case 'longRun':
      return (
        `${signal.length} months in a row ${signal.side} the ${signal.centre} ` +
        `(${signal.fromMonth} to ${signal.toMonth}): this is unlikely to be chance.${assessmentSentence(signal.assessment)}`
      );
    case 'fewCrossings':
      return (
        `Over ${signal.months} months the line crossed the ${signal.centre} only ${times(signal.crossings)}, ` +
        `where chance alone would give at least ${signal.expectedAtLeast}: the level has probably shifted.`
      );
    case 'beyondLimits':
      return (
        `In ${signal.month} the value was ${signal.side} the range expected from month-to-month variation: ` +
        `this is unlikely to be chance.${assessmentSentence(signal.assessment)}`
      );
    case 'pointExcluded':
      return `${signal.month} is left out: ${EXCLUSION_TEXT[signal.reason]}.`;
    case 'limitsUnavailable':
      return signal.reason === 'NO_DATA'
        ? 'There is no usable data in this period to draw a centre line.'
        : 'There are too few months in this period to work out the expected range.';
    case 'incompleteMonth':
      return (
        `${signal.month} has reports from ${signal.sitesReported} of ${signal.sites} sites so far` +
        (signal.leftOut ? ': it is shown, but left out of the centre line, limits and signals.' : '.')
      );
  }
}
