import type { MeasureKind } from '@commons/shared';
import { toDisplay } from '../measures/format';

/** A number as the API shows it: its value, or the label that stands for a withheld one ("<11"). */
export interface ShownCountData {
  value: number | null;
  label: string | null;
}

/** One month of a series as the API sends it. Values are in the stored unit (proportions 0–1). */
export interface PointData {
  month: string;
  value: number | null;
  excluded: string | null;
  numerator: ShownCountData | null;
  denominator: ShownCountData | null;
  /** Network series: a month not every site has reported yet (drawn, left out of limits and signals). */
  provisional: boolean;
  /** Network series, months not every site has reported: how many have, out of how many. */
  sitesReported?: number | null;
  sites?: number | null;
  phase: number;
  inBaseline: boolean;
  centre: number | null;
  lower: number | null;
  upper: number | null;
  beyondLimits: string | null;
  inLongRun: boolean;
}

/** What a small multiple draws of a point: no counts, no baseline flag. */
export type CompactPointData = Pick<
  PointData,
  'month' | 'value' | 'excluded' | 'phase' | 'centre' | 'lower' | 'upper' | 'beyondLimits' | 'inLongRun'
> &
  Partial<Pick<PointData, 'provisional' | 'sitesReported' | 'sites'>>;

/**
 * How a point is marked: beyond the limits, a provisional month (not every site has reported it),
 * or not at all. A long run is marked once, as a band over its months (`longRunSpans`), not on each point.
 */
export type PointMark = 'beyond' | 'provisional' | null;

/**
 * A row for the chart library, values in the shown unit (percent, per 1,000, …). Centre line and
 * limits get one key per phase (`centre_0`, `upper_1`, …) so the lines break between phases.
 */
export interface ChartRow {
  month: string;
  value: number | null;
  mark: PointMark;
  excluded: string | null;
  /** Network series: "6/8" when not every site has reported the month. */
  coverage?: string | null;
  [phaseLine: `${'centre' | 'upper' | 'lower'}_${number}`]: number | null;
}

export function pointMark(
  point: Pick<PointData, 'beyondLimits' | 'value'> & Partial<Pick<PointData, 'provisional'>>,
): PointMark {
  if (point.value === null) return null;
  if (point.provisional) return 'provisional';
  return point.beyondLimits ? 'beyond' : null;
}

/** An unusually long run, drawn once as a band from its first to its last month. */
export interface LongRunSpan {
  from: string;
  to: string;
  side: 'above' | 'below';
}

/**
 * The unusually long runs of a series, one span each: consecutive months of one phase flagged
 * `inLongRun` on the same side of the centre line. Months without a value or on the centre line
 * neither count nor break a run.
 */
export function longRunSpans(points: readonly CompactPointData[]): LongRunSpan[] {
  const spans: (LongRunSpan & { phase: number })[] = [];
  let open: (LongRunSpan & { phase: number }) | null = null;
  for (const point of points) {
    if (point.value === null || point.centre === null || point.value === point.centre) continue;
    const side = point.value > point.centre ? 'above' : 'below';
    if (!point.inLongRun) {
      open = null;
      continue;
    }
    if (open && open.phase === point.phase && open.side === side) {
      open.to = point.month;
    } else {
      open = { from: point.month, to: point.month, side, phase: point.phase };
      spans.push(open);
    }
  }
  return spans.map(({ from, to, side }) => ({ from, to, side }));
}

const shownValue = (kind: MeasureKind, value: number | null) => (value === null ? null : toDisplay(kind, value));

/** The number of phases of a series (1 without phase starts). */
export function phaseCount(points: readonly Pick<PointData, 'phase'>[]): number {
  return points.reduce((max, p) => Math.max(max, p.phase + 1), 1);
}

/**
 * The chart rows of a series, in the shown unit. A phase's lines reach on to the first month of
 * the next phase, where the phase line is drawn, so they do not stop a month short of it.
 */
export function chartRows(points: readonly CompactPointData[], kind: MeasureKind): ChartRow[] {
  const phases = phaseCount(points);
  return points.map((point, index) => {
    const row: ChartRow = {
      month: point.month,
      value: shownValue(kind, point.value),
      mark: pointMark(point),
      excluded: point.excluded,
    };
    if (point.sitesReported != null && point.sites != null) row.coverage = `${point.sitesReported}/${point.sites}`;
    const previous = index > 0 ? points[index - 1] : null;
    const startsPhase = previous !== null && previous.phase !== point.phase;
    for (let phase = 0; phase < phases; phase++) {
      const source = point.phase === phase ? point : startsPhase && previous.phase === phase ? previous : null;
      row[`centre_${phase}`] = source ? shownValue(kind, source.centre) : null;
      row[`upper_${phase}`] = source ? shownValue(kind, source.upper) : null;
      row[`lower_${phase}`] = source ? shownValue(kind, source.lower) : null;
    }
    return row;
  });
}

/** The first month of every phase after the first. */
export function phaseStartMonths(points: readonly Pick<PointData, 'month' | 'phase'>[]): string[] {
  return points
    .filter((point, index) => index > 0 && point.phase !== points[index - 1].phase)
    .map((point) => point.month);
}

/** The frozen baseline of the first phase (first and last month), or null when every point sets the limits. */
export function baselineRange(
  points: readonly Pick<PointData, 'month' | 'phase' | 'inBaseline' | 'value'>[],
): { from: string; to: string } | null {
  // Months left out are never in a baseline, so only the months with a value tell whether it is frozen.
  const first = points.filter((point) => point.phase === 0 && point.value !== null);
  const inBaseline = first.filter((point) => point.inBaseline);
  if (inBaseline.length === 0 || inBaseline.length === first.length) return null;
  return { from: inBaseline[0].month, to: inBaseline[inBaseline.length - 1].month };
}

/** Months left out of a series: withheld to protect privacy, and left out for another reason. */
export function excludedMonths(points: readonly Pick<PointData, 'month' | 'excluded'>[]): {
  suppressed: string[];
  other: { month: string; reason: string }[];
} {
  return {
    suppressed: points.filter((p) => p.excluded === 'SUPPRESSED').map((p) => p.month),
    other: points
      .filter((p) => p.excluded && p.excluded !== 'SUPPRESSED')
      .map((p) => ({ month: p.month, reason: p.excluded! })),
  };
}

/** A step of 1, 2 or 5 times a power of ten, about `rough` in size. */
function niceStep(rough: number): number {
  if (!(rough > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const scaled = rough / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

/** A readable axis range around `min`–`max` (shown unit): rounded to a 1-2-5 step, never below 0, never above 100 for percentages. */
export function niceDomain(kind: MeasureKind, min: number, max: number): [number, number] {
  const step = niceStep((max - min || Math.abs(max) || 1) / 5);
  let low = Math.max(0, Math.floor(min / step) * step);
  let high = Math.ceil(max / step) * step;
  if (high === low) high = low + step;
  if (kind === 'PROPORTION') {
    low = Math.max(0, low);
    high = Math.min(100, high);
  }
  return [low, high];
}

/** Tick values from `low` to `high` at a 1-2-5 step, about `count` intervals apart. */
export function axisTicks([low, high]: [number, number], count = 5): number[] {
  const step = niceStep((high - low) / count);
  const ticks: number[] = [];
  for (let tick = Math.ceil(low / step) * step; tick <= high + step / 1e6; tick += step)
    ticks.push(Number(tick.toFixed(10)));
  return ticks;
}

/** The value axis range for rows and extra values (a target), in the shown unit; see `niceDomain`. */
export function valueDomain(
  kind: MeasureKind,
  rows: readonly ChartRow[],
  extra: readonly (number | null)[] = [],
): [number, number] {
  const numbers: number[] = [];
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (
        key !== 'month' &&
        key !== 'mark' &&
        key !== 'excluded' &&
        key !== 'coverage' &&
        typeof value === 'number' &&
        Number.isFinite(value)
      )
        numbers.push(value);
    }
  }
  for (const value of extra) if (value !== null && Number.isFinite(value)) numbers.push(value);
  if (numbers.length === 0) return kind === 'PROPORTION' ? [0, 100] : [0, 1];
  return niceDomain(kind, Math.min(...numbers), Math.max(...numbers));
}

/**
 * Which months a month axis labels (their indexes), for `count` months `step` pixels apart and
 * labels that need `spacing` pixels each: every 1, 2, 3, 4, 6 or 12 months, whichever is the
 * first to fit, from the first month; the last month is always labelled, in place of the one
 * before it when the two would touch.
 */
export function monthTickIndexes(count: number, step: number, spacing: number): number[] {
  if (count <= 0) return [];
  const every = [1, 2, 3, 4, 6, 12, 24, 36, 60].find((k) => k * step >= spacing) ?? count;
  const indexes: number[] = [];
  for (let index = 0; index < count; index += every) indexes.push(index);
  const last = count - 1;
  if (indexes[indexes.length - 1] !== last) {
    if ((last - indexes[indexes.length - 1]) * step < spacing) indexes.pop();
    indexes.push(last);
  }
  return indexes;
}
