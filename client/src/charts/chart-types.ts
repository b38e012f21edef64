import type { ChartType, MeasureKind } from '@commons/shared';

/** The charts that fit each kind of measure, the usual control chart first (as the SPC engine allows them). */
const CHART_TYPES_BY_KIND: Record<MeasureKind, readonly ChartType[]> = {
  PROPORTION: ['P', 'P_PRIME', 'I', 'RUN'],
  RATE: ['U', 'I', 'RUN'],
  COUNT: ['C', 'I', 'RUN'],
  MEAN: ['I', 'RUN'],
};

/** The chart types a measure of `kind` may be drawn with. */
export function chartTypesFor(kind: MeasureKind): readonly ChartType[] {
  return CHART_TYPES_BY_KIND[kind];
}

/** True when `value` is a chart type that fits `kind` (so a hand-edited address cannot ask for a wrong one). */
export function isChartTypeFor(kind: MeasureKind, value: unknown): value is ChartType {
  return typeof value === 'string' && (CHART_TYPES_BY_KIND[kind] as readonly string[]).includes(value);
}

/** True for control charts, whose centre line is an average with limits; a run chart has a median and none. */
export function hasLimits(chart: ChartType): boolean {
  return chart !== 'RUN';
}

/** The periods the funnel plot compares sites over, in months. */
export const FUNNEL_WINDOWS = [3, 6, 12] as const;
export type FunnelWindow = (typeof FUNNEL_WINDOWS)[number];
