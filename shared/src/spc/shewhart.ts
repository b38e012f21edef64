import { mean, movingRanges, nearlyEqual, sum } from './numeric';
import type { Side } from './types';

// Sources:
//   Montgomery DC. Introduction to Statistical Quality Control, 6th ed. Wiley 2009:
//     p chart §7.2 (varying sample size §7.2.2), c and u charts §7.3, individuals chart §6.4
//     (σ = MRbar / d2 with d2 = 1.128 for moving ranges of two).
//   Provost LP, Murray SK. The Health Care Data Guide. Jossey-Bass 2011, ch. 5 (I chart constants
//     2.66 and 3.27 applied to the average moving range).
//   Laney DB. Improved control charts for attributes. Quality Engineering 2002;14(4):531–537 (p′ chart).

const SIGMA_MULTIPLIER = 3;
/** d2 for moving ranges of two consecutive points (Montgomery, Appendix VI). */
const D2 = 1.128;
/** Individuals limits: 3 / d2 rounded as in Provost & Murray. */
const I_CHART_FACTOR = 2.66;
/** Upper limit of the moving-range chart: D4 for n = 2. */
const MR_UPPER_FACTOR = 3.267;

/** Events (numerator) out of a subgroup size or exposure (denominator > 0). */
export interface Subgroup {
  numerator: number;
  denominator: number;
}

/**
 * A centre line and 3-sigma limits, one lower and one upper per charted subgroup, in the unit of the
 * plotted values. A null limit could not be estimated (too few points to measure variation).
 */
export interface ControlLimits {
  centre: number;
  lower: (number | null)[];
  upper: (number | null)[];
}

/** Individuals limits plus the moving-range chart (MRbar and its upper limit), in the unit of the values. */
export interface XmrLimits extends ControlLimits {
  movingRangeCentre: number | null;
  movingRangeUpper: number | null;
}

/** p′ limits plus σz, the ratio of observed to binomial variation (1 = none extra, unitless). */
export interface LaneyLimits extends ControlLimits {
  sigmaZ: number | null;
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

function pooledRatio(subgroups: readonly Subgroup[]): number | null {
  const denominator = sum(subgroups.map((subgroup) => subgroup.denominator));
  return denominator > 0 ? sum(subgroups.map((subgroup) => subgroup.numerator)) / denominator : null;
}

function limitsFromSigmas(centre: number, sigmas: readonly number[], floor: number, ceiling: number): ControlLimits {
  return {
    centre,
    lower: sigmas.map((sigma) => clamp(centre - SIGMA_MULTIPLIER * sigma, floor, ceiling)),
    upper: sigmas.map((sigma) => clamp(centre + SIGMA_MULTIPLIER * sigma, floor, ceiling)),
  };
}

const binomialSigma = (proportion: number, size: number): number => Math.sqrt((proportion * (1 - proportion)) / size);

/**
 * Returns p chart limits (proportions 0–1) for each of `subgroups`, with the centre
 * p̄ = Σnumerators / Σdenominators over `baseline` (default: the subgroups themselves) and
 * σi = √(p̄(1 − p̄)/ni) (Montgomery §7.2.2); limits are clamped to [0, 1]. Null when the baseline is empty.
 */
export function pChartLimits(
  subgroups: readonly Subgroup[],
  baseline: readonly Subgroup[] = subgroups,
): ControlLimits | null {
  const centre = pooledRatio(baseline);
  if (centre === null) return null;
  const sigmas = subgroups.map((subgroup) => binomialSigma(centre, subgroup.denominator));
  return limitsFromSigmas(centre, sigmas, 0, 1);
}

/**
 * Returns u chart limits (events per unit of denominator) for each of `subgroups`, with the centre
 * ū = Σnumerators / Σdenominators over `baseline` and σi = √(ū/ni) (Montgomery §7.3); the lower
 * limit is clamped at 0. Null when the baseline is empty.
 */
export function uChartLimits(
  subgroups: readonly Subgroup[],
  baseline: readonly Subgroup[] = subgroups,
): ControlLimits | null {
  const centre = pooledRatio(baseline);
  if (centre === null) return null;
  const sigmas = subgroups.map((subgroup) => Math.sqrt(centre / subgroup.denominator));
  return limitsFromSigmas(centre, sigmas, 0, Infinity);
}

/**
 * Returns c chart limits (counts) for each of `counts`, with the centre c̄ = mean of the `baseline`
 * counts and σ = √c̄ (Montgomery §7.3); the lower limit is clamped at 0. Null when the baseline is empty.
 */
export function cChartLimits(counts: readonly number[], baseline: readonly number[] = counts): ControlLimits | null {
  const centre = mean(baseline);
  if (centre === null) return null;
  return limitsFromSigmas(centre, counts.map(() => Math.sqrt(centre)), 0, Infinity);
}

/**
 * Returns individuals (XmR) chart limits in the unit of the values: centre = mean of `baseline`,
 * limits = mean ± 2.66 × MRbar, and the moving-range chart's upper limit 3.267 × MRbar (Provost &
 * Murray ch. 5; Montgomery §6.4). Limits are null with fewer than two baseline values; the whole
 * result is null when the baseline is empty.
 */
export function xmrLimits(values: readonly number[], baseline: readonly number[] = values): XmrLimits | null {
  const centre = mean(baseline);
  if (centre === null) return null;
  const movingRangeCentre = mean(movingRanges(baseline));
  const halfWidth = movingRangeCentre === null ? null : I_CHART_FACTOR * movingRangeCentre;
  return {
    centre,
    lower: values.map(() => (halfWidth === null ? null : centre - halfWidth)),
    upper: values.map(() => (halfWidth === null ? null : centre + halfWidth)),
    movingRangeCentre,
    movingRangeUpper: movingRangeCentre === null ? null : MR_UPPER_FACTOR * movingRangeCentre,
  };
}

/**
 * Returns Laney p′ chart limits (proportions 0–1) for each of `subgroups`: with p̄ and σpi as for the
 * p chart (over `baseline`), zi = (pi − p̄)/σpi, σz = mean |zi − zi−1| / 1.128 and limits
 * p̄ ± 3·σpi·σz clamped to [0, 1] (Laney 2002). Limits are null with fewer than two baseline
 * subgroups; the whole result is null when the baseline is empty.
 */
export function laneyPChartLimits(
  subgroups: readonly Subgroup[],
  baseline: readonly Subgroup[] = subgroups,
): LaneyLimits | null {
  const centre = pooledRatio(baseline);
  if (centre === null) return null;
  const zScores = baseline.map((subgroup) => {
    const sigma = binomialSigma(centre, subgroup.denominator);
    // σ is 0 only when p̄ is 0 or 1, and then every proportion equals p̄: no deviation at all.
    return sigma === 0 ? 0 : (subgroup.numerator / subgroup.denominator - centre) / sigma;
  });
  const averageMovingRange = mean(movingRanges(zScores));
  if (averageMovingRange === null) {
    return { centre, lower: subgroups.map(() => null), upper: subgroups.map(() => null), sigmaZ: null };
  }
  const sigmaZ = averageMovingRange / D2;
  const sigmas = subgroups.map((subgroup) => binomialSigma(centre, subgroup.denominator) * sigmaZ);
  return { ...limitsFromSigmas(centre, sigmas, 0, 1), sigmaZ };
}

/**
 * Returns 'above' or 'below' when `value` lies strictly outside the limits (a Shewhart 3-sigma
 * signal), else null; a missing limit never signals and values within rounding of a limit are inside.
 */
export function beyondLimitsSide(value: number, lower: number | null, upper: number | null): Side | null {
  if (upper !== null && value > upper && !nearlyEqual(value, upper)) return 'above';
  if (lower !== null && value < lower && !nearlyEqual(value, lower)) return 'below';
  return null;
}
