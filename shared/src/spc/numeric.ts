import type { Side } from './types';

// Sums of many floating-point values drift by a few units in the last place; differences
// this small are treated as equality so that identical data never produce a signal.
const RELATIVE_TOLERANCE = 1e-12;

/** True when `a` and `b` differ by no more than floating-point rounding (relative 1e-12). */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** Returns which side of `reference` the value lies on, or null when it is (nearly) equal. */
export function sideOf(value: number, reference: number): Side | null {
  if (nearlyEqual(value, reference)) return null;
  return value > reference ? 'above' : 'below';
}

/** Returns the sum of the values (0 for none). */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Returns the arithmetic mean, or null when there are no values. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

/** Returns the median (mean of the two middle values for an even count), or null when there are no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Returns the absolute differences between consecutive values (one fewer than the values). */
export function movingRanges(values: readonly number[]): number[] {
  return values.slice(1).map((value, index) => Math.abs(value - values[index]));
}
