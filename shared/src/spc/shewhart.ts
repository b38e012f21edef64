import { mean, nearlyEqual, sum } from './numeric';
import type { Side } from './types';

// Sources:
//   Montgomery DC. Introduction to Statistical Quality Control, 6th ed. Wiley 2009:
//     p chart §7.2 (varying sample size §7.2.2), c and u charts §7.3, individuals chart §6.4
//     (σ = MRbar / d2 with d2 = 1.128 for moving ranges of two).
//   Nelson LS. Control charts for individual measurements. J Qual Technol 1982;14(3):172–173
//     (moving ranges above 3.267 × their average left out of the average: "screened" moving ranges).
//   Anhøj J. qicharts2 0.8.1 (R package), whose defaults these functions reproduce to 1e-6
//     (see qicharts2-parity.spec.ts).
//   Laney DB. Improved control charts for attributes. Quality Engineering 2002;14(4):531–537 (p′ chart).

const SIGMA_MULTIPLIER = 3;
/** d2 for moving ranges of two consecutive points (Montgomery, Appendix VI). */
const D2 = 1.128;
/** Upper limit of the moving-range chart, D4 for n = 2; also the screening threshold (Nelson 1982). */
const MR_UPPER_FACTOR = 3.267;

/** Events (numerator) out of a subgroup size or exposure (denominator > 0). */
export interface Subgroup {
  numerator: number;
  denominator: number;
}

/**
 * A centre line and 3-sigma limits, one lower and one upper per charted subgroup, in the unit of the
 * plotted values. A null limit could not be estimated (too few points to measure variation, or no
 * subgroup that month).
 */
export interface ControlLimits {
  centre: number;
  lower: (number | null)[];
  upper: (number | null)[];
}

/** How the average moving range is estimated from the baseline's moving ranges. */
export interface MovingRangeOptions {
  /**
   * Leave moving ranges above 3.267 × their average out of the average (Nelson 1982), so one
   * outlier does not widen the limits. Default true, as qicharts2 does after `library(qicharts2)`.
   */
  screened?: boolean;
}

/** Individuals limits plus the moving-range chart, in the unit of the values. */
export interface XmrLimits extends ControlLimits {
  /** Average of every moving range of the baseline (the moving-range chart's centre line). */
  movingRangeCentre: number | null;
  /** 3.267 × movingRangeCentre: the moving-range chart's upper limit and the screening threshold. */
  movingRangeUpper: number | null;
  /** Moving ranges left out of the average by screening (0 when unscreened). */
  movingRangesScreenedOut: number;
}

/** p′ limits plus σz, the ratio of observed to binomial variation (1 = none extra, unitless). */
export interface LaneyLimits extends ControlLimits {
  sigmaZ: number | null;
  /** Moving ranges of the z-scores left out of σz by screening (0 when unscreened). */
  movingRangesScreenedOut: number;
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

function assertSubgroups(subgroups: readonly Subgroup[], name: string, proportions: boolean): void {
  subgroups.forEach(({ numerator, denominator }, index) => {
    if (!Number.isFinite(numerator) || numerator < 0) {
      throw new RangeError(`${name}[${index}].numerator must be a finite number ≥ 0: ${numerator}`);
    }
    if (!Number.isFinite(denominator) || denominator <= 0) {
      throw new RangeError(`${name}[${index}].denominator must be a finite number > 0: ${denominator}`);
    }
    if (proportions && numerator > denominator) {
      throw new RangeError(
        `${name}[${index}].numerator must not exceed its denominator: ${numerator} > ${denominator}`,
      );
    }
  });
}

function assertCounts(counts: readonly number[], name: string): void {
  counts.forEach((count, index) => {
    if (!Number.isFinite(count) || count < 0)
      throw new RangeError(`${name}[${index}] must be a finite number ≥ 0: ${count}`);
  });
}

function assertValues(values: readonly (number | null)[], name: string): void {
  values.forEach((value, index) => {
    if (value !== null && !Number.isFinite(value))
      throw new RangeError(`${name}[${index}] must be a finite number or null: ${value}`);
  });
}

function pooledRatio(subgroups: readonly Subgroup[]): number | null {
  const denominator = sum(subgroups.map((subgroup) => subgroup.denominator));
  return denominator > 0 ? sum(subgroups.map((subgroup) => subgroup.numerator)) / denominator : null;
}

function limitsFromSigmas(
  centre: number,
  sigmas: readonly (number | null)[],
  floor: number,
  ceiling: number,
): ControlLimits {
  return {
    centre,
    lower: sigmas.map((sigma) => (sigma === null ? null : clamp(centre - SIGMA_MULTIPLIER * sigma, floor, ceiling))),
    upper: sigmas.map((sigma) => (sigma === null ? null : clamp(centre + SIGMA_MULTIPLIER * sigma, floor, ceiling))),
  };
}

const binomialSigma = (proportion: number, size: number): number => Math.sqrt((proportion * (1 - proportion)) / size);

/**
 * Moving ranges between neighbours in a sequence where null is a month without a value: a range
 * is never taken across a missing month.
 */
export function adjacentMovingRanges(values: readonly (number | null)[]): number[] {
  const ranges: number[] = [];
  for (let index = 1; index < values.length; index++) {
    const previous = values[index - 1];
    const current = values[index];
    if (previous !== null && current !== null) ranges.push(Math.abs(current - previous));
  }
  return ranges;
}

/**
 * The average moving range used to estimate σ: the plain mean, or with `screened` the mean of
 * the ranges below 3.267 × that mean (Nelson 1982; qicharts2 `qic.screenedmr`). Null without ranges.
 */
function averageMovingRange(
  ranges: readonly number[],
  screened: boolean,
): { all: number; used: number; screenedOut: number } | null {
  const all = mean(ranges);
  if (all === null) return null;
  // With every range 0 there is nothing to screen (and nothing would be left below 0).
  if (!screened || all === 0) return { all, used: all, screenedOut: 0 };
  const kept = ranges.filter((range) => range < MR_UPPER_FACTOR * all);
  return { all, used: mean(kept)!, screenedOut: ranges.length - kept.length };
}

/**
 * Returns p chart limits (proportions 0–1) for each of `subgroups`, with the centre
 * p̄ = Σnumerators / Σdenominators over `baseline` (default: the subgroups themselves) and
 * σi = √(p̄(1 − p̄)/ni) (Montgomery §7.2.2); limits are clamped to [0, 1]. Null when the baseline is
 * empty. Throws a RangeError for a numerator or denominator that is not a number, a negative one,
 * a denominator of 0 or a numerator above its denominator.
 */
export function pChartLimits(
  subgroups: readonly Subgroup[],
  baseline: readonly Subgroup[] = subgroups,
): ControlLimits | null {
  assertSubgroups(subgroups, 'subgroups', true);
  assertSubgroups(baseline, 'baseline', true);
  const centre = pooledRatio(baseline);
  if (centre === null) return null;
  const sigmas = subgroups.map((subgroup) => binomialSigma(centre, subgroup.denominator));
  return limitsFromSigmas(centre, sigmas, 0, 1);
}

/**
 * Returns u chart limits (events per unit of denominator) for each of `subgroups`, with the centre
 * ū = Σnumerators / Σdenominators over `baseline` and σi = √(ū/ni) (Montgomery §7.3); the lower
 * limit is clamped at 0. Null when the baseline is empty. Throws a RangeError for a count that is
 * not a number or negative, or an exposure that is not positive.
 */
export function uChartLimits(
  subgroups: readonly Subgroup[],
  baseline: readonly Subgroup[] = subgroups,
): ControlLimits | null {
  assertSubgroups(subgroups, 'subgroups', false);
  assertSubgroups(baseline, 'baseline', false);
  const centre = pooledRatio(baseline);
  if (centre === null) return null;
  const sigmas = subgroups.map((subgroup) => Math.sqrt(centre / subgroup.denominator));
  return limitsFromSigmas(centre, sigmas, 0, Infinity);
}

/**
 * Returns c chart limits (counts) for each of `counts`, with the centre c̄ = mean of the `baseline`
 * counts and σ = √c̄ (Montgomery §7.3); the lower limit is clamped at 0. Null when the baseline is
 * empty. Throws a RangeError for a count that is not a number or negative.
 */
export function cChartLimits(counts: readonly number[], baseline: readonly number[] = counts): ControlLimits | null {
  assertCounts(counts, 'counts');
  assertCounts(baseline, 'baseline');
  const centre = mean(baseline);
  if (centre === null) return null;
  return limitsFromSigmas(
    centre,
    counts.map(() => Math.sqrt(centre)),
    0,
    Infinity,
  );
}

/**
 * Returns individuals (XmR) chart limits in the unit of the values, one pair per entry of `values`
 * (a null entry is a month without a value; it gets the same limits): centre = mean of the
 * `baseline` values, σ = MR̄ / d2 with d2 = 1.128, limits = centre ± 3σ (Montgomery §6.4, eq. 6.33).
 * MR̄ averages the moving ranges between consecutive baseline months, never across a null, and by
 * default leaves out ranges above 3.267 × their average (Nelson 1982; as qicharts2 does). Limits
 * are null without a moving range; the whole result is null when the baseline has no value.
 * Throws a RangeError for a value that is NaN or infinite.
 */
export function xmrLimits(
  values: readonly (number | null)[],
  baseline: readonly (number | null)[] = values,
  options: MovingRangeOptions = {},
): XmrLimits | null {
  assertValues(values, 'values');
  assertValues(baseline, 'baseline');
  const centre = mean(baseline.filter((value): value is number => value !== null));
  if (centre === null) return null;
  const average = averageMovingRange(adjacentMovingRanges(baseline), options.screened ?? true);
  const halfWidth = average === null ? null : (SIGMA_MULTIPLIER * average.used) / D2;
  return {
    centre,
    lower: values.map(() => (halfWidth === null ? null : centre - halfWidth)),
    upper: values.map(() => (halfWidth === null ? null : centre + halfWidth)),
    movingRangeCentre: average?.all ?? null,
    movingRangeUpper: average === null ? null : MR_UPPER_FACTOR * average.all,
    movingRangesScreenedOut: average?.screenedOut ?? 0,
  };
}

/**
 * Returns Laney p′ chart limits (proportions 0–1) for each of `subgroups` (null: a month without a
 * subgroup, which gets null limits). With p̄ and σpi as for the p chart (over the `baseline`
 * subgroups), zi = (pi − p̄)/σpi, σz = MR̄(z) / 1.128 and limits p̄ ± 3·σpi·σz clamped to [0, 1]
 * (Laney 2002). MR̄(z) averages moving ranges between consecutive baseline months, never across a
 * null, by default screened as for the individuals chart (qicharts2 does the same). Limits are null
 * without a moving range; the whole result is null when the baseline is empty. Throws a RangeError
 * for a subgroup that a p chart could not have (see `pChartLimits`).
 */
export function laneyPChartLimits(
  subgroups: readonly (Subgroup | null)[],
  baseline: readonly (Subgroup | null)[] = subgroups,
  options: MovingRangeOptions = {},
): LaneyLimits | null {
  const present = (list: readonly (Subgroup | null)[]) =>
    list.filter((subgroup): subgroup is Subgroup => subgroup !== null);
  assertSubgroups(present(subgroups), 'subgroups', true);
  assertSubgroups(present(baseline), 'baseline', true);
  const centre = pooledRatio(present(baseline));
  if (centre === null) return null;
  const zScores = baseline.map((subgroup) => {
    if (subgroup === null) return null;
    const sigma = binomialSigma(centre, subgroup.denominator);
    // σ is 0 only when p̄ is 0 or 1, and then every proportion equals p̄: no deviation at all.
    return sigma === 0 ? 0 : (subgroup.numerator / subgroup.denominator - centre) / sigma;
  });
  const average = averageMovingRange(adjacentMovingRanges(zScores), options.screened ?? true);
  if (average === null) {
    const none = subgroups.map(() => null);
    return { centre, lower: none, upper: none, sigmaZ: null, movingRangesScreenedOut: 0 };
  }
  const sigmaZ = average.used / D2;
  const sigmas = subgroups.map((subgroup) =>
    subgroup === null ? null : binomialSigma(centre, subgroup.denominator) * sigmaZ,
  );
  return { ...limitsFromSigmas(centre, sigmas, 0, 1), sigmaZ, movingRangesScreenedOut: average.screenedOut };
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
