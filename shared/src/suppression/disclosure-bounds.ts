/** An integer interval `[lo, hi]`; `hi` may be `Infinity`. */
export interface IntegerBounds {
  readonly lo: number;
  readonly hi: number;
}

/** Integer unknowns with boxes, some summing to published totals, some ordered pairwise. */
export interface BoundsSystem {
  readonly boxes: readonly IntegerBounds[];
  /** Each entry: the listed variables add up to `total`. */
  readonly sums: readonly { readonly vars: readonly number[]; readonly total: number }[];
  /** Each pair `[a, b]` means `x[a] <= x[b]` (a proportion's numerator never exceeds its denominator). */
  readonly atMost: readonly (readonly [number, number])[];
}

/** Outcome of {@link tightenBounds}. */
export type TightenedBounds =
  | { readonly kind: 'settled'; readonly bounds: readonly IntegerBounds[] }
  | { readonly kind: 'infeasible' }
  | { readonly kind: 'unsettled' };

const MAX_ROUNDS = 100;

/**
 * Returns the bounds an observer can infer for every variable of `system` by repeatedly
 * tightening each box against the sums and the pairwise orderings until nothing changes
 * (bounds propagation). For one sum over integer boxes this is exactly the set of values
 * some solution takes. Returns `unsettled` if it has not converged after a fixed number
 * of rounds, so callers can treat that as unsafe.
 */
export function tightenBounds(system: BoundsSystem): TightenedBounds {
  const lo = system.boxes.map((box) => box.lo);
  const hi = system.boxes.map((box) => box.hi);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    const narrow = (v: number, newLo: number, newHi: number) => {
      if (newLo > lo[v]!) {
        lo[v] = newLo;
        changed = true;
      }
      if (newHi < hi[v]!) {
        hi[v] = newHi;
        changed = true;
      }
    };
    for (const { vars, total } of system.sums) {
      let loSum = 0;
      let finiteHiSum = 0;
      let unboundedCount = 0;
      for (const v of vars) {
        loSum += lo[v]!;
        if (hi[v] === Infinity) unboundedCount++;
        else finiteHiSum += hi[v]!;
      }
      for (const v of vars) {
        const ownHi = hi[v]!;
        const othersLo = loSum - lo[v]!;
        const othersUnbounded = unboundedCount - (ownHi === Infinity ? 1 : 0) > 0;
        const othersHi = othersUnbounded ? Infinity : finiteHiSum - (ownHi === Infinity ? 0 : ownHi);
        narrow(v, total - othersHi, total - othersLo);
      }
    }
    for (const [a, b] of system.atMost) {
      narrow(a, lo[a]!, hi[b]!);
      narrow(b, lo[a]!, hi[b]!);
    }
    if (lo.some((l, v) => l > hi[v]!)) return { kind: 'infeasible' };
    if (!changed) return { kind: 'settled', bounds: lo.map((l, v) => ({ lo: l, hi: hi[v]! })) };
  }
  return { kind: 'unsettled' };
}
