/**
 * How far a value has come from the baseline toward the target, as a fraction: 0 at the
 * baseline, 1 at the target; below 0 when it moved away, above 1 past the target. Works for
 * aims that go up and for aims that go down. Null when there is no value or no distance to cover.
 */
export function progressFraction(baseline: number, target: number, value: number | null): number | null {
  if (value === null || !Number.isFinite(value) || target === baseline) return null;
  return (value - baseline) / (target - baseline);
}

/** `fraction` limited to the bar (0–1). */
export const clampFraction = (fraction: number) => Math.min(1, Math.max(0, fraction));
