import { signalAssessment, type Assessment } from './captions';
import { sum } from './numeric';
import { beyondLimitsSide } from './shewhart';
import type { Direction, ExclusionReason, Side } from './types';

// Source: Spiegelhalter DJ. Funnel plots for comparing institutional performance. Statistics in
// Medicine 2005;24:1185–1202. Limits use the normal approximation around the pooled target θ:
// proportions θ ± z·√(θ(1 − θ)/n), rates (Poisson) θ ± z·√(θ/n), with z = 1.96 (95%) and 3.09 (99.8%).

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

/** A funnel plot: the pooled target, each usable site, and the sites left out with the reason. */
export interface FunnelPlot {
  kind: FunnelKind;
  /** Σnumerators / Σdenominators over usable sites; null when there are none. */
  target: number | null;
  sites: FunnelSiteResult[];
  excluded: { site: string; reason: ExclusionReason }[];
}

/** One x position of the funnel curves, for drawing. */
export interface FunnelCurvePoint {
  denominator: number;
  band95: FunnelBand;
  band998: FunnelBand;
}

/**
 * Returns the funnel limits at one denominator around `target` for a given z (Spiegelhalter 2005,
 * normal approximation): proportions are clamped to [0, 1], rates to ≥ 0.
 */
export function funnelLimits(kind: FunnelKind, target: number, denominator: number, z: number): FunnelBand {
  if (!(denominator > 0)) throw new RangeError(`Denominator must be positive: ${denominator}`);
  const variance = kind === 'PROPORTION' ? target * (1 - target) : target;
  const halfWidth = z * Math.sqrt(variance / denominator);
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

/**
 * Returns a funnel plot of sites over one window: the pooled target, each site's value with its 95%
 * and 99.8% limits and whether it lies within, above or below each, and the sites left out (zero
 * denominator or impossible numbers).
 */
export function funnelPlot(kind: FunnelKind, sites: readonly FunnelSite[], direction: Direction): FunnelPlot {
  const excluded = sites.flatMap((site) => {
    const reason = exclusionReason(kind, site);
    return reason === null ? [] : [{ site: site.site, reason }];
  });
  const usable = sites.filter((site) => exclusionReason(kind, site) === null);
  if (usable.length === 0) return { kind, target: null, sites: [], excluded };

  const target = sum(usable.map((site) => site.numerator)) / sum(usable.map((site) => site.denominator));
  const results = usable.map((site): FunnelSiteResult => {
    const value = site.numerator / site.denominator;
    const band95 = funnelLimits(kind, target, site.denominator, FUNNEL_Z_95);
    const band998 = funnelLimits(kind, target, site.denominator, FUNNEL_Z_998);
    const position95 = positionIn(value, band95);
    const assessment = position95 === 'within' ? 'neutral' : signalAssessment(position95, direction);
    return { ...site, value, band95, band998, position95, position998: positionIn(value, band998), assessment };
  });
  return { kind, target, sites: results, excluded };
}

/**
 * Returns `steps` points of the 95% and 99.8% funnel curves around `target`, with denominators spaced
 * evenly on a log scale from `minDenominator` to `maxDenominator` (both included), where the curves bend most.
 */
export function funnelCurve(
  kind: FunnelKind,
  target: number,
  minDenominator: number,
  maxDenominator: number,
  steps = 100,
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
    band95: funnelLimits(kind, target, denominator, FUNNEL_Z_95),
    band998: funnelLimits(kind, target, denominator, FUNNEL_Z_998),
  }));
}
