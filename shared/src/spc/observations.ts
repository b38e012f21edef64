import type { MonthKey } from './month-key';
import type { ChartPoint, ExclusionReason, MeasureKind } from './types';

/**
 * A point read for charting: `value` is a proportion (0–1) for PROPORTION, events per unit of
 * denominator for RATE, the mean for MEAN and the count for COUNT. `denominator` is the
 * subgroup size for PROPORTION and RATE (else null). Excluded points have a null value.
 */
export type Observation =
  | { month: MonthKey; value: number; numerator: number | null; denominator: number | null; excluded: null }
  | { month: MonthKey; value: null; numerator: null; denominator: null; excluded: ExclusionReason };

const isNumber = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value);

function excluded(month: MonthKey, reason: ExclusionReason): Observation {
  return { month, value: null, numerator: null, denominator: null, excluded: reason };
}

function ratio(point: ChartPoint, numeratorMayExceedDenominator: boolean): Observation {
  const { month, numerator, denominator } = point;
  if (numerator === undefined || denominator === undefined) return excluded(month, 'MISSING_VALUE');
  if (!isNumber(numerator) || !isNumber(denominator) || numerator < 0 || denominator < 0) {
    return excluded(month, 'INVALID_VALUE');
  }
  if (denominator === 0) return excluded(month, 'ZERO_DENOMINATOR');
  if (!numeratorMayExceedDenominator && numerator > denominator) return excluded(month, 'INVALID_VALUE');
  return { month, value: numerator / denominator, numerator, denominator, excluded: null };
}

function plain(month: MonthKey, value: number): Observation {
  return { month, value, numerator: null, denominator: null, excluded: null };
}

function count(point: ChartPoint): Observation {
  const counted = point.value ?? point.numerator;
  if (counted === undefined) return excluded(point.month, 'MISSING_VALUE');
  if (!isNumber(counted) || counted < 0) return excluded(point.month, 'INVALID_VALUE');
  return plain(point.month, counted);
}

function average(point: ChartPoint): Observation {
  const { month, value, numerator, denominator } = point;
  if (value !== undefined) return isNumber(value) ? plain(month, value) : excluded(month, 'INVALID_VALUE');
  if (numerator === undefined || denominator === undefined) return excluded(month, 'MISSING_VALUE');
  if (!isNumber(numerator) || !isNumber(denominator) || denominator < 0) return excluded(month, 'INVALID_VALUE');
  if (denominator === 0) return excluded(month, 'ZERO_DENOMINATOR');
  return plain(month, numerator / denominator);
}

/** Returns the observation (plotted value, or why the point is left out) for one point of a measure. */
export function observePoint(kind: MeasureKind, point: ChartPoint): Observation {
  switch (kind) {
    case 'PROPORTION':
      return ratio(point, false);
    case 'RATE':
      return ratio(point, true);
    case 'COUNT':
      return count(point);
    case 'MEAN':
      return average(point);
  }
}
