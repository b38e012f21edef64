import type { PointData } from '../charts/chart-data';

/** A month of a chart as the server sends it, for tests: phase 0, in control, limits 0.4 to 0.8 around 0.6. */
export const chartPoint = (month: string, value: number | null, extra: Partial<PointData> = {}): PointData => ({
  month,
  value,
  excluded: value === null ? 'MISSING_VALUE' : null,
  numerator: null,
  denominator: null,
  provisional: false,
  phase: 0,
  inBaseline: false,
  centre: 0.6,
  lower: 0.4,
  upper: 0.8,
  beyondLimits: null,
  inLongRun: false,
  ...extra,
});
