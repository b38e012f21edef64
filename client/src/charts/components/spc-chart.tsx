import type { ChartType, MeasureKind } from '@commons/shared';
import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormatMonth } from '../../i18n/format';
import { toDisplay, useMeasureFormat } from '../../measures/format';
import {
  axisTicks,
  baselineRange,
  type ChartRow,
  chartRows,
  type CompactPointData,
  longRunSpans,
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

interface DotProps {
  cx?: number | null;
  cy?: number | null;
  index?: number;
  payload?: ChartRow;
}

/**
 * A run chart or control chart of one series: the monthly values, the centre line and limits of
 * each phase as steps (p-chart limits vary with each month's denominator), the target, phase
 * starts and the frozen baseline. Months left out are gaps in the line. Points beyond the limits
 * are marked by shape and colour; an unusually long run is marked once, by a light band with a
 * bracket over its months; a network month not every site has reported is a hollow point with
 * "reported/sites" above it.
 */
export function SpcChart(props: SpcChartProps) {
  const { points, kind, chartType, target, title, description, height = 360, domain, bands = [] } = props;
  const compact = props.compact === true;
  const { t } = useTranslation();
  const formatMonth = useFormatMonth();
  const { tick, format } = useMeasureFormat();
  const rows = useMemo(() => chartRows(points, kind), [points, kind]);
  const phases = phaseCount(points);
  const starts = phaseStartMonths(points);
  const full = props.compact ? null : props.points;
  const baseline = full ? baselineRange(full) : null;
  const shownTarget = target === null ? null : toDisplay(kind, target);
  const yDomain = domain ?? valueDomain(kind, rows, [shownTarget]);
  const limits = hasLimits(chartType);
  const byMonth = useMemo(() => new Map((full ?? []).map((p) => [p.month, p])), [full]);
  const runs = useMemo(() => longRunSpans(points), [points]);
  const scale = compact ? 0.7 : 1;

  const dot = ({ cx, cy, index, payload }: DotProps): ReactElement => {
    if (cx == null || cy == null || !payload || payload.value === null) return <g key={`dot-${index}`} />;
    // In the small multiples only signal points are drawn, so a signal stands out at a glance.
    if (compact && !payload.mark) return <g key={`dot-${index}`} />;
    return (
      <g key={`dot-${index}`}>
        <PointShape cx={cx} cy={cy} mark={payload.mark} size={scale} />
        {!compact && payload.coverage && (
          <text x={cx} y={cy - 10} textAnchor="middle" fontSize={11} fill={CHART_COLOURS.centre}>
            {payload.coverage}
          </text>
        )}
      </g>
    );
  };

  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart
        data={rows}
        margin={compact ? { top: 6, right: 6, bottom: 2, left: 0 } : { top: 20, right: 24, bottom: 8, left: 4 }}
        title={title}
        desc={description}
        accessibilityLayer={!compact}
        role={compact ? 'img' : undefined}
      >
        <CartesianGrid stroke={CHART_COLOURS.grid} vertical={false} />
        {baseline && (
          <ReferenceArea
            x1={baseline.from}
            x2={baseline.to}
            fill={CHART_COLOURS.baseline}
            fillOpacity={0.8}
            label={{
              value: t('charts.legend.baseline'),
              position: 'insideTop',
              fill: CHART_COLOURS.centre,
              fontSize: 12,
            }}
          />
        )}
        {runs.map((run) => (
          <ReferenceArea key={`run-${run.from}`} x1={run.from} x2={run.to} shape={RunBandShape} ifOverflow="visible" />
        ))}
        {bands.map((band, index) => (
          <ReferenceArea
            key={band.cycleId}
            x1={band.from}
            x2={band.to}
            shape={PdsaBandShape}
            label={{
              value: band.marker,
              position: 'insideTop',
              offset: 6 + (index % 3) * 16,
              fill: CHART_COLOURS.pdsa,
              fontSize: 13,
              fontWeight: 700,
            }}
          />
        ))}
        <XAxis
          dataKey="month"
          tickFormatter={(month: string) => formatMonth(month)}
          interval="preserveStartEnd"
          minTickGap={24}
          hide={compact}
          tick={{ fill: CHART_COLOURS.centre, fontSize: 13 }}
        />
        <YAxis
          domain={yDomain}
          allowDataOverflow
          tickFormatter={(value: number) => tick(kind, value)}
          width={compact ? 38 : 52}
          ticks={axisTicks(yDomain, compact ? 2 : 5)}
          tick={{ fill: CHART_COLOURS.centre, fontSize: compact ? 11 : 13 }}
        />
        {shownTarget !== null && (
          <ReferenceLine
            y={shownTarget}
            stroke={CHART_COLOURS.target}
            strokeWidth={2}
            strokeDasharray="8 3 2 3"
            ifOverflow="extendDomain"
            label={
              compact
                ? undefined
                : {
                    value: t('charts.legend.targetValue', { value: format(kind, target!) }),
                    position: 'insideTopRight',
                    fill: CHART_COLOURS.target,
                    fontSize: 12,
                  }
            }
          />
        )}
        {starts.map((month, index) => (
          <ReferenceLine
            key={month}
            x={month}
            stroke={CHART_COLOURS.phase}
            strokeWidth={2}
            label={
              compact
                ? undefined
                : {
                    value: t('charts.phaseLabel', { number: index + 2 }),
                    position: 'insideTopLeft',
                    fill: CHART_COLOURS.centre,
                    fontSize: 12,
                  }
            }
          />
        ))}
        {Array.from({ length: phases }, (_, phase) => [
          <Line
            key={`centre_${phase}`}
            dataKey={`centre_${phase}`}
            type="step"
            stroke={CHART_COLOURS.centre}
            strokeWidth={compact ? 1 : 1.5}
            dot={false}
            activeDot={false}
            connectNulls={false}
            isAnimationActive={false}
            name={t(limits ? 'charts.legend.average' : 'charts.legend.median')}
          />,
          ...(limits
            ? (['upper', 'lower'] as const).map((side) => (
                <Line
                  key={`${side}_${phase}`}
                  dataKey={`${side}_${phase}`}
                  type="step"
                  stroke={CHART_COLOURS.limits}
                  strokeWidth={compact ? 1 : 1.5}
                  strokeDasharray="5 3"
                  dot={false}
                  activeDot={false}
                  connectNulls={false}
                  isAnimationActive={false}
                  name={t(`charts.legend.${side}Limit`)}
                />
              ))
            : []),
        ])}
        <Line
          dataKey="value"
          type="linear"
          stroke={CHART_COLOURS.value}
          strokeWidth={compact ? 1.5 : 2}
          dot={dot}
          activeDot={compact ? false : { r: 6, stroke: CHART_COLOURS.value, fill: '#fff', strokeWidth: 2 }}
          connectNulls={false}
          isAnimationActive={false}
          name={t('charts.legend.value')}
        />
        {full && <Tooltip content={<ChartTooltip kind={kind} byMonth={byMonth} />} isAnimationActive={false} />}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** A PDSA cycle's span: a light amber band with a solid edge where it starts, wide enough to see when it lasts one month. */
function PdsaBandShape({
  x = 0,
  y = 0,
  width = 0,
  height = 0,
}: {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}) {
  const shown = Math.max(width, 10);
  const left = width < 10 ? x - shown / 2 : x;
  return (
    <g className="pdsa-band">
      <rect x={left} y={y} width={shown} height={height} fill={CHART_COLOURS.pdsaFill} fillOpacity={0.45} />
      <line
        x1={left}
        y1={y}
        x2={left}
        y2={y + height}
        stroke={CHART_COLOURS.pdsa}
        strokeWidth={2}
        strokeDasharray="2 3"
      />
    </g>
  );
}

/** An unusually long run: a light band over its months with a bracket along the top, drawn once for the run. */
function RunBandShape({
  x = 0,
  y = 0,
  width = 0,
  height = 0,
}: {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}) {
  return (
    <g className="run-band">
      <rect x={x} y={y} width={width} height={height} fill={CHART_COLOURS.runFill} fillOpacity={RUN_BAND_OPACITY} />
      <path
        d={`M${x},${y + 6} L${x},${y + 1} L${x + width},${y + 1} L${x + width},${y + 6}`}
        fill="none"
        stroke={CHART_COLOURS.run}
        strokeWidth={1.5}
      />
    </g>
  );
}
