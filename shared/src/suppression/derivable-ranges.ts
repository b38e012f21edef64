/** An integer range `[lo, hi]`; `hi` may be `Infinity`. Empty when `lo > hi`. */
export interface IntegerRange {
  readonly lo: number;
  readonly hi: number;
}

/**
 * Returns every value `ranges[target]` can take when each number lies in its range and,
 * if `total` is not null, all of them add up to `total`. Exact for integers: whatever
 * lies in the returned range is reached by some choice of the others.
 */
export function rangeUnderSum(ranges: readonly IntegerRange[], target: number, total: number | null): IntegerRange {
  const own = ranges[target];
  if (total === null) return own;
  let othersLo = 0;
  let othersHi = 0;
  ranges.forEach((range, index) => {
    if (index === target) return;
    othersLo += range.lo;
    othersHi += range.hi;
  });
  return { lo: Math.max(own.lo, total - othersHi), hi: Math.min(own.hi, total - othersLo) };
}

/** Ranges of one site's proportion: its numerator and denominator. */
export interface ProportionRanges {
  readonly numerator: IntegerRange;
  readonly denominator: IntegerRange;
}

/** Network totals a viewer knows; null when withheld. */
export interface ProportionTotals {
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/**
 * Returns every value the `component` of `sites[target]` can take when each number lies in
 * its range, every numerator is at most its denominator, and the numerators and the
 * denominators add up to `totals` (each constraint dropped when its total is null).
 *
 * Exact for integers. The other sites' possible (numerator sum, denominator sum) pairs are
 * the Minkowski sum of their polygons {n in N, d in D, n <= d}; a sum of polygons only has
 * edge directions its terms have, so it is cut out by the summed support values in the
 * directions ±n, ±d and n - d. The whole system (two sums, differences, bounds) is totally
 * unimodular, so its integer solutions fill the same ranges (Schrijver, Theory of Linear
 * and Integer Programming, ch. 19).
 */
export function rangeUnderProportionSums(
  sites: readonly ProportionRanges[],
  target: number,
  component: 'numerator' | 'denominator',
  totals: ProportionTotals,
): IntegerRange {
  let minNumerators = 0;
  let maxNumerators = 0;
  let minDenominators = 0;
  let maxDenominators = 0;
  let maxExcess = 0; // largest numerator minus denominator the others can reach, never above 0
  sites.forEach(({ numerator: n, denominator: d }, index) => {
    if (index === target) return;
    minNumerators += n.lo;
    maxNumerators += Math.min(n.hi, d.hi);
    minDenominators += Math.max(d.lo, n.lo);
    maxDenominators += d.hi;
    maxExcess += Math.min(0, n.hi - d.lo);
  });

  // The target's own numerator n and denominator d, cut by what the others can add up to.
  const { numerator: n, denominator: d } = sites[target];
  let nLo = n.lo;
  let nHi = n.hi;
  let dLo = d.lo;
  let dHi = d.hi;
  let maxGap = Infinity; // largest d - n allowed
  const { numerator: s1, denominator: s2 } = totals;
  if (s1 !== null) {
    nLo = Math.max(nLo, s1 - maxNumerators);
    nHi = Math.min(nHi, s1 - minNumerators);
  }
  if (s2 !== null) {
    dLo = Math.max(dLo, s2 - maxDenominators);
    dHi = Math.min(dHi, s2 - minDenominators);
  }
  // The others' numerators minus their denominators is at most maxExcess.
  if (s1 !== null && s2 !== null) maxGap = maxExcess + s2 - s1;
  else if (s2 !== null) dHi = Math.min(dHi, maxExcess + s2 - minNumerators);
  else if (s1 !== null) nLo = Math.max(nLo, s1 - maxDenominators - maxExcess);

  // Now {n in [nLo, nHi], d in [dLo, dHi], 0 <= d - n <= maxGap}; project it.
  if (maxGap < 0) return { lo: 1, hi: 0 };
  if (component === 'numerator') {
    if (dLo > dHi) return { lo: 1, hi: 0 };
    return { lo: Math.max(nLo, dLo - maxGap), hi: Math.min(nHi, dHi) };
  }
  if (nLo > nHi) return { lo: 1, hi: 0 };
  return { lo: Math.max(dLo, nLo), hi: Math.min(dHi, nHi + maxGap) };
}
