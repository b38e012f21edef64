import type { MonthKey } from './month-key';
import type { Direction, ExclusionReason, Side } from './types';

/** Whether a signal moves the measure the desired way, the other way, or has no single direction. */
export type Assessment = 'improvement' | 'deterioration' | 'neutral';

/** What the centre line is, in words a reader knows: the median (run chart) or the average (control charts). */
export type CentreName = 'median' | 'average';

/**
 * A caption as data for the client to translate (no English inside). Signals: `longRun`,
 * `fewCrossings`, `beyondLimits`. Notices about the data: `pointExcluded`, `limitsUnavailable`.
 */
export type SpcSignal =
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
  | { key: 'limitsUnavailable'; phase: number; reason: 'NO_DATA' | 'TOO_FEW_POINTS' };

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

/** Returns a plain English sentence for a signal or notice, for tests, logs and as the default text. */
export function describeSignal(signal: SpcSignal): string {
  switch (signal.key) {
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
  }
}
