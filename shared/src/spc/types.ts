import type { MonthKey } from './month-key';

/** How a measure is computed, which decides how a point's value is read and which chart fits it. */
export type MeasureKind = 'PROPORTION' | 'RATE' | 'MEAN' | 'COUNT';

/** Which way is better for a measure: a higher value ('UP') or a lower one ('DOWN'). */
export type Direction = 'UP' | 'DOWN';

/** Run chart, Shewhart p, Laney p′, u, c, or individuals (XmR) chart. */
export type ChartType = 'RUN' | 'P' | 'P_PRIME' | 'U' | 'C' | 'I';

/** Which side of a centre line or limit a point lies on. */
export type Side = 'above' | 'below';

/**
 * One month of a measure. PROPORTION and RATE read `numerator` / `denominator`; COUNT reads
 * `value` (else `numerator`); MEAN reads `value` (else `numerator` / `denominator`).
 */
export interface ChartPoint {
  month: MonthKey;
  numerator?: number;
  denominator?: number;
  value?: number;
}

/** Why a point was left out of the calculations. */
export type ExclusionReason = 'ZERO_DENOMINATOR' | 'MISSING_VALUE' | 'INVALID_VALUE';
