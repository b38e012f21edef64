import type { ChartType, MeasureKind } from '@commons/shared';
import { AxisBottom, AxisLeft } from '@visx/axis';
import { curveLinear, curveStep } from '@visx/curve';
import { Group } from '@visx/group';
import { scaleLinear, scalePoint } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { type KeyboardEvent, type PointerEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatMonth } from '../../i18n/format';
import { toDisplay, useMeasureFormat } from '../../measures/format';
import {
  axisTicks,
  baselineRange,
  type ChartRow,
  chartRows,
  type CompactPointData,
  longRunSpans,
  monthTickIndexes,
  phaseCount,
  phaseStartMonths,
  type PointData,
  valueDomain,
} from '../chart-data';
import { hasLimits } from '../chart-types';
import type { PdsaBand } from '../pdsa-bands';
import { CHART_COLOURS, RUN_BAND_OPACITY } from '../colours';
import { ChartTooltip } from './chart-tooltip';
import { PointShape } from './point-shapes';
import { useWidth } from './use-width';

interface SpcChartBaseProps {
  kind: MeasureKind;
  chartType: ChartType;
  /** The measure's target, in the stored unit. */
  target: number | null;
  /** The chart's accessible name (its SVG title) and description. */
  title: string;
  description: string;
  height?: number;
  /** A shared value range, so small multiples compare at a glance. */
  domain?: [number, number];
  /** PDSA cycles shaded at their months, each labelled with its letter from the list under the chart. */
  bands?: readonly PdsaBand[];
}

/** A full chart needs every point's counts (its tooltip) and baseline flags; a compact one draws only the line, limits and signals. */
export type SpcChartProps = SpcChartBaseProps &
  (
    | { points: readonly PointData[]; compact?: false }
    /** A small chart for the small multiples: no axis labels, no tooltip, not a tab stop. */
    | { points: readonly CompactPointData[]; compact: true }
  );

/** Space around the plot: the margins, the value axis on the left and the month axis under it. */
const LAYOUT = {
  full: { top: 20, right: 24, bottom: 8, left: 4, valueAxis: 52, monthAxis: 30, fontSize: 13 },
  compact: { top: 6, right: 6, bottom: 2, left: 0, valueAxis: 38, monthAxis: 0, fontSize: 11 },
} as const;
const AXIS_COLOUR = '#666';
/** Labels of the month axis keep at least this much space between them. */
const MONTH_LABEL_GAP = 24;

/** The month shown in the tooltip, whether the pointer or the keyboard chose it, and where the pointer is. */
interface Inspected {
  index: number;
  shown: boolean;
  pointerY: number | null;
}

/**
 * A run chart or control chart of one series: the monthly values, the centre line and limits of
 * each phase as steps (p-chart limits vary with each month's denominator), the target, phase
 * starts and the frozen baseline. Months left out are gaps in the line. Points beyond the limits
 * are marked by shape and colour; an unusually long run is marked once, by a light band with a
 * bracket over its months; a network month not every site has reported is a hollow point with
 * "reported/sites" above it. A full chart is a tab stop: the arrow keys go from month to month
 * (Enter hides or shows the month), as the pointer does, and the month's numbers are shown
 * beside it and read out.
 */
export function SpcChart(props: SpcChartProps) {
  const { points, kind, chartType, target, title, description, height = 360, domain, bands = [] } = props;
  const compact = props.compact === true;
  const { t } = useTranslation();
  const formatMonth = useFormatMonth();
  const { tick, format } = useMeasureFormat();
  const [wrapper, width] = useWidth<HTMLDivElement>();
  const ids = useId();
  const [inspected, setInspected] = useState<Inspected | null>(null);
  const rows = useMemo(() => chartRows(points, kind), [points, kind]);
  const phases = phaseCount(points);
  const starts = phaseStartMonths(points);
  const full = props.compact ? null : props.points;
  const baseline = full ? baselineRange(full) : null;
  const shownTarget = target === null ? null : toDisplay(kind, target);
  const limits = hasLimits(chartType);
  const byMonth = useMemo(() => new Map((full ?? []).map((p) => [p.month, p])), [full]);
  const runs = useMemo(() => longRunSpans(points), [points]);
  const scale = compact ? 0.7 : 1;
  const layout = compact ? LAYOUT.compact : LAYOUT.full;

  // The value range; a target outside a given range widens it, so the target line is always seen.
  const given = domain ?? valueDomain(kind, rows, [shownTarget]);
  const yDomain: [number, number] =
    shownTarget === null ? given : [Math.min(given[0], shownTarget), Math.max(given[1], shownTarget)];
  const left = layout.left + layout.valueAxis;
  const plotWidth = Math.max(0, width - left - layout.right);
  const plotHeight = Math.max(0, height - layout.top - layout.bottom - layout.monthAxis);
  const months = rows.map((row) => row.month);
  const x = scalePoint({ domain: months, range: [0, plotWidth] });
  const y = scaleLinear({ domain: yDomain, range: [plotHeight, 0] });
  const xOf = (month: string) => x(month) ?? 0;
  const valueTicks = axisTicks(yDomain, compact ? 2 : 5);
  const monthLabelWidth = Math.max(0, ...months.map((month) => formatMonth(month).length)) * layout.fontSize * 0.6;
  const monthTicks = monthTickIndexes(months.length, x.step(), monthLabelWidth + MONTH_LABEL_GAP).map((i) => months[i]);
  const clipId = `${ids}-plot`;
  const titleId = `${ids}-title`;
  const descId = `${ids}-desc`;

  const inspectedRow = inspected?.shown ? rows[inspected.index] : undefined;
  const inspect = (index: number, pointerY: number | null) =>
    setInspected({ index: Math.min(Math.max(index, 0), rows.length - 1), shown: true, pointerY });

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const px = event.clientX - box.left - left;
    const py = event.clientY - box.top - layout.top;
    if (rows.length === 0 || px < 0 || px > plotWidth || py < 0 || py > plotHeight) {
      if (inspected?.shown) setInspected({ ...inspected, shown: false });
      return;
    }
    let nearest = 0;
    for (let index = 1; index < months.length; index++)
      if (Math.abs(xOf(months[index]) - px) < Math.abs(xOf(months[nearest]) - px)) nearest = index;
    inspect(nearest, py);
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (rows.length === 0) return;
    const at = inspected?.index ?? -1;
    const moves: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowLeft: at < 0 ? rows.length - 1 : at - 1,
      Home: 0,
      End: rows.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      inspect(moves[event.key], null);
    } else if (event.key === 'Enter' && inspected) {
      event.preventDefault();
      setInspected({ ...inspected, shown: !inspected.shown, pointerY: null });
    }
  };

  // Beside the month inspected, on the side with more room, so it never leaves the chart.
  const tooltip = (() => {
    if (!full || !inspectedRow) return null;
    const px = left + xOf(inspectedRow.month);
    const py =
      layout.top +
      (inspected?.pointerY ??
        (inspectedRow.value !== null
          ? y(Math.min(Math.max(inspectedRow.value, yDomain[0]), yDomain[1]))
          : plotHeight / 2));
    return {
      left: px,
      top: py,
      transform: `translate(${px > width / 2 ? 'calc(-100% - 10px)' : '10px'}, ${py > height / 2 ? 'calc(-100% - 10px)' : '10px'})`,
    };
  })();

  const label = (extra: { fill: string; fontSize: number; fontWeight?: number }) => ({
    fontFamily: 'inherit',
    ...extra,
  });
  // Labels inside the plot keep a white edge, so a line running under them does not cross out a letter.
  const halo = { stroke: '#fff', strokeWidth: 3, strokeLinejoin: 'round', paintOrder: 'stroke' } as const;

  return (
    <div ref={wrapper} className="chart-plot" style={{ height }}>
      {width > 0 && (
        <svg
          className="chart-surface"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role={compact ? 'img' : 'application'}
          aria-labelledby={titleId}
          aria-describedby={descId}
          tabIndex={compact ? undefined : 0}
          onPointerMove={compact ? undefined : onPointerMove}
          onPointerDown={compact ? undefined : onPointerMove}
          onPointerLeave={
            compact
              ? undefined
              : (event) => {
                  if (event.pointerType === 'mouse' && inspected?.shown) setInspected({ ...inspected, shown: false });
                }
          }
          onFocus={compact ? undefined : () => inspect(inspected?.index ?? 0, null)}
          onBlur={compact || !inspected ? undefined : () => setInspected({ ...inspected, shown: false })}
          onKeyDown={compact ? undefined : onKeyDown}
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description}</desc>
          <defs>
            <clipPath id={clipId}>
              <rect x={-2} y={-2} width={plotWidth + 4} height={plotHeight + 4} />
            </clipPath>
          </defs>
          <Group left={left} top={layout.top}>
            {valueTicks.map((value) => (
              <line
                key={`grid-${value}`}
                className="chart-grid"
                x1={0}
                x2={plotWidth}
                y1={y(value)}
                y2={y(value)}
                stroke={CHART_COLOURS.grid}
              />
            ))}
            {baseline && (
              <rect
                className="baseline-area"
                x={xOf(baseline.from)}
                y={0}
                width={xOf(baseline.to) - xOf(baseline.from)}
                height={plotHeight}
                fill={CHART_COLOURS.baseline}
                fillOpacity={0.8}
              />
            )}
            {runs.map((run) => (
              <RunBand
                key={`run-${run.from}`}
                x={xOf(run.from)}
                width={xOf(run.to) - xOf(run.from)}
                height={plotHeight}
              />
            ))}
            {bands.map((band) => (
              <PdsaBandShape
                key={band.cycleId}
                x={xOf(band.from)}
                width={xOf(band.to) - xOf(band.from)}
                height={plotHeight}
              />
            ))}
            {inspectedRow && (
              <line
                className="chart-cursor"
                x1={xOf(inspectedRow.month)}
                x2={xOf(inspectedRow.month)}
                y1={0}
                y2={plotHeight}
                stroke="#ccc"
              />
            )}
          </Group>
          <AxisLeft
            left={left}
            top={layout.top}
            scale={y}
            tickValues={valueTicks}
            tickFormat={(value) => tick(kind, Number(value))}
            stroke={AXIS_COLOUR}
            tickStroke={AXIS_COLOUR}
            tickLength={6}
            tickLabelProps={{
              ...label({ fill: CHART_COLOURS.centre, fontSize: layout.fontSize }),
              textAnchor: 'end',
              dx: -2,
              dy: '0.33em',
            }}
          />
          {!compact && (
            <AxisBottom
              left={left}
              top={layout.top + plotHeight}
              scale={x}
              tickValues={monthTicks}
              tickFormat={(month) => formatMonth(month)}
              stroke={AXIS_COLOUR}
              tickStroke={AXIS_COLOUR}
              tickLength={6}
              tickLabelProps={(month, index) => {
                // The latest month's label ends at the chart's edge rather than run past it.
                const overflows =
                  index === monthTicks.length - 1 && left + xOf(month) + monthLabelWidth / 2 > width - 2;
                return {
                  ...label({ fill: CHART_COLOURS.centre, fontSize: layout.fontSize }),
                  textAnchor: overflows ? 'end' : 'middle',
                  dx: overflows ? width - 2 - left - xOf(month) : 0,
                };
              }}
            />
          )}
          <Group left={left} top={layout.top}>
            {shownTarget !== null && (
              <g className="target-line">
                <line
                  x1={0}
                  x2={plotWidth}
                  y1={y(shownTarget)}
                  y2={y(shownTarget)}
                  stroke={CHART_COLOURS.target}
                  strokeWidth={2}
                  strokeDasharray="8 3 2 3"
                />
                {!compact && (
                  <text
                    x={plotWidth - 5}
                    y={y(shownTarget) + 5}
                    dy="0.71em"
                    textAnchor="end"
                    {...label({ fill: CHART_COLOURS.target, fontSize: 12 })}
                    {...halo}
                  >
                    {t('charts.legend.targetValue', { value: format(kind, target!) })}
                  </text>
                )}
              </g>
            )}
            {starts.map((month, index) => (
              <g key={month} className="phase-line">
                <line
                  x1={xOf(month)}
                  x2={xOf(month)}
                  y1={0}
                  y2={plotHeight}
                  stroke={CHART_COLOURS.phase}
                  strokeWidth={2}
                />
                {!compact && (
                  <text
                    x={xOf(month) + 5}
                    y={5}
                    dy="0.71em"
                    {...label({ fill: CHART_COLOURS.centre, fontSize: 12 })}
                    {...halo}
                  >
                    {t('charts.phaseLabel', { number: index + 2 })}
                  </text>
                )}
              </g>
            ))}
            <g clipPath={`url(#${clipId})`}>
              {Array.from({ length: phases }, (_, phase) =>
                (limits ? (['centre', 'upper', 'lower'] as const) : (['centre'] as const)).map((line) => {
                  const key = `${line}_${phase}` as const;
                  return (
                    <LinePath<ChartRow>
                      key={key}
                      className={`chart-line chart-line--${line}`}
                      data={rows}
                      x={(row) => xOf(row.month)}
                      y={(row) => y(row[key] ?? 0)}
                      defined={(row) => row[key] != null}
                      curve={curveStep}
                      stroke={line === 'centre' ? CHART_COLOURS.centre : CHART_COLOURS.limits}
                      strokeWidth={compact ? 1 : 1.5}
                      strokeDasharray={line === 'centre' ? undefined : '5 3'}
                      fill="none"
                    />
                  );
                }),
              )}
              <LinePath<ChartRow>
                className="chart-line chart-line--value"
                data={rows}
                x={(row) => xOf(row.month)}
                y={(row) => y(row.value ?? 0)}
                defined={(row) => row.value !== null}
                curve={curveLinear}
                stroke={CHART_COLOURS.value}
                strokeWidth={compact ? 1.5 : 2}
                fill="none"
              />
            </g>
            {rows.map((row) => {
              // In the small multiples only signal points are drawn, so a signal stands out at a glance.
              if (row.value === null || row.value < yDomain[0] || row.value > yDomain[1]) return null;
              if (compact && !row.mark) return null;
              const cx = xOf(row.month);
              const cy = y(row.value);
              return (
                <g key={`dot-${row.month}`} className="chart-point">
                  <PointShape cx={cx} cy={cy} mark={row.mark} size={scale} />
                  {!compact && row.coverage && (
                    <text
                      x={cx}
                      y={cy - 10}
                      textAnchor="middle"
                      {...label({ fill: CHART_COLOURS.centre, fontSize: 11 })}
                      {...halo}
                    >
                      {row.coverage}
                    </text>
                  )}
                </g>
              );
            })}
            {baseline && (
              <text
                x={(xOf(baseline.from) + xOf(baseline.to)) / 2}
                y={5}
                dy="0.71em"
                textAnchor="middle"
                {...label({ fill: CHART_COLOURS.centre, fontSize: 12 })}
                {...halo}
              >
                {t('charts.legend.baseline')}
              </text>
            )}
            {bands.map((band, index) => (
              <text
                key={`marker-${band.cycleId}`}
                x={(xOf(band.from) + xOf(band.to)) / 2}
                y={6 + (index % 3) * 16}
                dy="0.71em"
                textAnchor="middle"
                {...label({ fill: CHART_COLOURS.pdsa, fontSize: 13, fontWeight: 700 })}
                {...halo}
              >
                {band.marker}
              </text>
            ))}
            {inspectedRow && inspectedRow.value !== null && (
              <circle
                className="chart-active-point"
                cx={xOf(inspectedRow.month)}
                cy={y(Math.min(Math.max(inspectedRow.value, yDomain[0]), yDomain[1]))}
                r={6}
                stroke={CHART_COLOURS.value}
                fill="#fff"
                strokeWidth={2}
              />
            )}
          </Group>
        </svg>
      )}
      {full && (
        <>
          {tooltip && inspectedRow && (
            <div className="chart-tooltip-position" style={tooltip} aria-hidden="true">
              <ChartTooltip kind={kind} byMonth={byMonth} active label={inspectedRow.month} />
            </div>
          )}
          {/* Keyboard users hear the month they move to; the box beside the point shows it to the eye. */}
          <div className="visually-hidden" aria-live="polite">
            {inspectedRow && inspected?.pointerY === null && (
              <ChartTooltip kind={kind} byMonth={byMonth} active label={inspectedRow.month} />
            )}
          </div>
        </>
      )}
    </div>
  );
}

/** A PDSA cycle's span: a light amber band with a solid edge where it starts, wide enough to see when it lasts one month. */
function PdsaBandShape({ x, width, height }: { x: number; width: number; height: number }) {
  const shown = Math.max(width, 10);
  const left = width < 10 ? x - shown / 2 : x;
  return (
    <g className="pdsa-band">
      <rect x={left} y={0} width={shown} height={height} fill={CHART_COLOURS.pdsaFill} fillOpacity={0.45} />
      <line x1={left} y1={0} x2={left} y2={height} stroke={CHART_COLOURS.pdsa} strokeWidth={2} strokeDasharray="2 3" />
    </g>
  );
}

/** An unusually long run: a light band over its months with a bracket along the top, drawn once for the run. */
function RunBand({ x, width, height }: { x: number; width: number; height: number }) {
  return (
    <g className="run-band">
      <rect x={x} y={0} width={width} height={height} fill={CHART_COLOURS.runFill} fillOpacity={RUN_BAND_OPACITY} />
      <path
        d={`M${x},6 L${x},1 L${x + width},1 L${x + width},6`}
        fill="none"
        stroke={CHART_COLOURS.run}
        strokeWidth={1.5}
      />
    </g>
  );
}
