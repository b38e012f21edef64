import { signalAssessment, type Assessment } from './captions';
import { chiSquaredUpperTail } from './chi-squared';
import { sum } from './numeric';
import { beyondLimitsSide } from './shewhart';
import type { Direction, ExclusionReason, Side } from './types';

// Source: Spiegelhalter DJ. Funnel plots for comparing institutional performance. Statistics in
// Medicine 2005;24:1185–1202. Limits use the normal approximation around the pooled target θ:
// proportions θ ± z·√(θ(1 − θ)/n), rates (Poisson) θ ± z·√(θ/n), with z = 1.96 (95%) and 3.09 (99.8%).
// Overdispersion (§6.3, multiplicative model): zi = (yi − θ)/√(V(θ)/ni) for each unit, winsorised
// at their 10th and 90th percentiles; φ̂ = Σ zi² / I; limits θ ± z·√(φ̂·V(θ)/n). Whether the units
// are overdispersed is tested by comparing I·φ̂ with χ² on I − 1 degrees of freedom (θ is estimated
// from the same units, as in Pearson's test of homogeneity), at the 5% level.

/** z for the 95% limits (two-sided). */
export const FUNNEL_Z_95 = 1.96;
/** z for the 99.8% limits (two-sided). */
export const FUNNEL_Z_998 = 3.09;

/** A funnel compares proportions (events out of people, 0–1) or rates (events per unit of exposure). */
export type FunnelKind = 'PROPORTION' | 'RATE';

/** One site's totals over the comparison window (the caller sums the months). */
export interface FunnelSite {
  site: string;
  numerator: number;
  denominator: number;
}

/** Lower and upper funnel limits, in the unit of the plotted values. */
export interface FunnelBand {
  lower: number;
  upper: number;
}

/** Where a site lies relative to a pair of funnel limits. */
export type FunnelPosition = 'within' | Side;

/** A site on the funnel: its value (proportion 0–1 or events per unit), limits at its denominator and positions. */
export interface FunnelSiteResult extends FunnelSite {
  value: number;
  band95: FunnelBand;
  band998: FunnelBand;
  position95: FunnelPosition;
  position998: FunnelPosition;
  /** Relative to the desired direction when outside the 95% limits, else 'neutral'. */
  assessment: Assessment;
}

/** Share of z-scores winsorised at each end before φ is estimated (Spiegelhalter 2005 uses 10%). */
export const OVERDISPERSION_WINSORISING = 0.1;
/** Significance level of the test for overdispersion. */
export const OVERDISPERSION_SIGNIFICANCE = 0.05;
/** Fewest sites from which overdispersion is estimated; with fewer, the limits stay unadjusted. */
export const OVERDISPERSION_MIN_SITES = 4;

/** How much more the sites vary than chance alone would make them (Spiegelhalter 2005 §6.3). */
export interface FunnelOverdispersion {
  /** φ̂, the mean squared winsorised z-score: about 1 when the sites vary as chance alone would. */
  phi: number;
  /** Sites the estimate is based on (I). */
  sites: number;
  /** P(χ²(I − 1) > I·φ̂): how likely this much spread is from chance alone. */
  pValue: number;
  /** True when pValue < OVERDISPERSION_SIGNIFICANCE. */
  overdispersed: boolean;
}

/** A funnel plot: the pooled target, each usable site, and the sites left out with the reason. */
export interface FunnelPlot {
  kind: FunnelKind;
  /** Σnumerators / Σdenominators over usable sites; null when there are none. */
  target: number | null;
  sites: FunnelSiteResult[];
  excluded: { site: string; reason: ExclusionReason }[];
  /** The estimate of overdispersion; null with too few sites or a target of 0 (or 1 for proportions). */
  overdispersion: FunnelOverdispersion | null;
  /** φ̂ when the limits were widened by √φ̂ for overdispersion, else null (plain limits). */
  limitsWidenedBy: number | null;
}

/** Options of a funnel plot. */
export interface FunnelOptions {
  /** Widen the limits by √φ̂ when the sites are overdispersed. Default true. */
  adjustForOverdispersion?: boolean;
}

/** One x position of the funnel curves, for drawing. */
export interface FunnelCurvePoint {
  denominator: number;
  band95: FunnelBand;
  band998: FunnelBand;
}

const unitVariance = (kind: FunnelKind, target: number): number =>
  kind === 'PROPORTION' ? target * (1 - target) : target;

function assertTarget(kind: FunnelKind, target: number): void {
  const valid = Number.isFinite(target) && target >= 0 && (kind === 'RATE' || target <= 1);
  if (!valid)
    throw new RangeError(`target must be a finite number ≥ 0${kind === 'PROPORTION' ? ' and ≤ 1' : ''}: ${target}`);
}

function assertPhi(phi: number): void {
  if (!Number.isFinite(phi) || phi <= 0) throw new RangeError(`phi must be a finite number > 0: ${phi}`);
}

/**
 * Returns the funnel limits at one denominator around `target` for a given z (Spiegelhalter 2005,
 * normal approximation), widened by √`phi` for overdispersion (default 1: none): proportions are
 * clamped to [0, 1], rates to ≥ 0. Throws a RangeError for a denominator that is not positive, a
 * target outside its range, or a phi that is not positive.
 */
export function funnelLimits(kind: FunnelKind, target: number, denominator: number, z: number, phi = 1): FunnelBand {
  if (!(denominator > 0) || !Number.isFinite(denominator))
    throw new RangeError(`denominator must be a finite number > 0: ${denominator}`);
  assertTarget(kind, target);
  assertPhi(phi);
  const halfWidth = z * Math.sqrt((phi * unitVariance(kind, target)) / denominator);
  const ceiling = kind === 'PROPORTION' ? 1 : Infinity;
  return { lower: Math.max(0, target - halfWidth), upper: Math.min(ceiling, target + halfWidth) };
}

function exclusionReason(kind: FunnelKind, site: FunnelSite): ExclusionReason | null {
  const { numerator, denominator } = site;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || numerator < 0 || denominator < 0) {
    return 'INVALID_VALUE';
  }
  if (denominator === 0) return 'ZERO_DENOMINATOR';
  if (kind === 'PROPORTION' && numerator > denominator) return 'INVALID_VALUE';
  return null;
}

function positionIn(value: number, band: FunnelBand): FunnelPosition {
  return beyondLimitsSide(value, band.lower, band.upper) ?? 'within';
}

/** The p-th quantile (0–1) of sorted values, interpolated between order statistics (R's default, type 7). */
function quantileOfSorted(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/**
 * Returns the overdispersion of `sites` around `target` (Spiegelhalter 2005 §6.3): φ̂ from the
 * z-scores winsorised at their 10th and 90th percentiles, and the χ² test of whether the sites vary
 * more than chance. Null with fewer than OVERDISPERSION_MIN_SITES usable sites, or when the target
 * leaves no variation to compare with (0, or 1 for proportions). Sites must be usable (denominator > 0).
 */
export function funnelOverdispersion(
  kind: FunnelKind,
  sites: readonly FunnelSite[],
  target: number,
): FunnelOverdispersion | null {
  assertTarget(kind, target);
  const variance = unitVariance(kind, target);
  if (sites.length < OVERDISPERSION_MIN_SITES || variance === 0) return null;
  const zScores = sites.map((site) => {
    if (exclusionReason(kind, site) !== null)
      throw new RangeError(`site ${site.site} cannot be charted: ${site.numerator}/${site.denominator}`);
    return (site.numerator / site.denominator - target) / Math.sqrt(variance / site.denominator);
  });
  const sorted = [...zScores].sort((a, b) => a - b);
  const low = quantileOfSorted(sorted, OVERDISPERSION_WINSORISING);
  const high = quantileOfSorted(sorted, 1 - OVERDISPERSION_WINSORISING);
  const winsorised = zScores.map((z) => Math.min(high, Math.max(low, z)));
  const phi = sum(winsorised.map((z) => z * z)) / sites.length;
  const pValue = chiSquaredUpperTail(sites.length * phi, sites.length - 1);
  return { phi, sites: sites.length, pValue, overdispersed: pValue < OVERDISPERSION_SIGNIFICANCE };
}

/**
 * Returns a funnel plot of sites over one window: the pooled target, each site's value with its 95%
 * and 99.8% limits and whether it lies within, above or below each, and the sites left out (zero
 * denominator or impossible numbers). When the sites are overdispersed (see `funnelOverdispersion`)
 * the limits are widened by √φ̂ unless `options.adjustForOverdispersion` is false.
 */
export function funnelPlot(
  kind: FunnelKind,
  sites: readonly FunnelSite[],
  direction: Direction,
  options: FunnelOptions = {},
): FunnelPlot {
  const excluded = sites.flatMap((site) => {
    const reason = exclusionReason(kind, site);
    return reason === null ? [] : [{ site: site.site, reason }];
  });
  const usable = sites.filter((site) => exclusionReason(kind, site) === null);
  if (usable.length === 0)
    return { kind, target: null, sites: [], excluded, overdispersion: null, limitsWidenedBy: null };

  const target = sum(usable.map((site) => site.numerator)) / sum(usable.map((site) => site.denominator));
  const overdispersion = funnelOverdispersion(kind, usable, target);
  const adjust = (options.adjustForOverdispersion ?? true) && overdispersion?.overdispersed === true;
  const phi = adjust ? overdispersion.phi : 1;
  const results = usable.map((site): FunnelSiteResult => {
    const value = site.numerator / site.denominator;
    const band95 = funnelLimits(kind, target, site.denominator, FUNNEL_Z_95, phi);
    const band998 = funnelLimits(kind, target, site.denominator, FUNNEL_Z_998, phi);
    const position95 = positionIn(value, band95);
    const assessment = position95 === 'within' ? 'neutral' : signalAssessment(position95, direction);
    return { ...site, value, band95, band998, position95, position998: positionIn(value, band998), assessment };
  });
  return { kind, target, sites: results, excluded, overdispersion, limitsWidenedBy: adjust ? phi : null };
}

/**
 * Returns `steps` points of the 95% and 99.8% funnel curves around `target` (widened by √`phi`,
 * default 1), with denominators spaced evenly on a log scale from `minDenominator` to
 * `maxDenominator` (both included), where the curves bend most.
 */
export function funnelCurve(
  kind: FunnelKind,
  target: number,
  minDenominator: number,
  maxDenominator: number,
  steps = 100,
  phi = 1,
): FunnelCurvePoint[] {
  if (!(minDenominator > 0) || !(maxDenominator >= minDenominator)) {
    throw new RangeError(`Need 0 < minDenominator ≤ maxDenominator: ${minDenominator}, ${maxDenominator}`);
  }
  if (!Number.isInteger(steps) || steps < 2) throw new RangeError(`Steps must be a whole number ≥ 2: ${steps}`);
  const ratio = maxDenominator / minDenominator;
  const denominators = Array.from({ length: steps }, (_, step) =>
    step === steps - 1 ? maxDenominator : minDenominator * ratio ** (step / (steps - 1)),
  );
  return denominators.map((denominator) => ({
    denominator,
    band95: funnelLimits(kind, target, denominator, FUNNEL_Z_95, phi),
    band998: funnelLimits(kind, target, denominator, FUNNEL_Z_998, phi),
  }));
}
