import type { PointMark } from '../chart-data';
import { CHART_COLOURS, RUN_BAND_OPACITY } from '../colours';

/** A diamond centred on (cx, cy). */
export const diamondPath = (cx: number, cy: number, r: number) =>
  `M${cx},${cy - r} L${cx + r},${cy} L${cx},${cy + r} L${cx - r},${cy} Z`;

/**
 * The mark of one month on a chart: a small dot; a red diamond beyond the limits; a hollow circle
 * for a month not every site has reported yet. Long runs are marked by a band, not here.
 */
export function PointShape({ cx, cy, mark, size = 1 }: { cx: number; cy: number; mark: PointMark; size?: number }) {
  if (mark === 'beyond')
    return <path d={diamondPath(cx, cy, 7 * size)} fill={CHART_COLOURS.beyond} stroke="#fff" strokeWidth={1.5} />;
  if (mark === 'provisional')
    return (
      <circle
        cx={cx}
        cy={cy}
        r={4.5 * size}
        fill="#fff"
        stroke={CHART_COLOURS.value}
        strokeWidth={2}
        strokeDasharray="2 1.5"
      />
    );
  return <circle cx={cx} cy={cy} r={3.5 * size} fill={CHART_COLOURS.value} stroke="#fff" strokeWidth={1} />;
}

/** A legend swatch: the same shapes, in a tiny inline SVG. */
export function LegendSwatch({
  kind,
}: {
  kind: 'point' | 'beyond' | 'run' | 'provisional' | 'centre' | 'limits' | 'target' | 'phase' | 'baseline';
}) {
  const line = (stroke: string, dash?: string, width = 2) => (
    <line x1={2} y1={9} x2={26} y2={9} stroke={stroke} strokeWidth={width} strokeDasharray={dash} />
  );
  return (
    <svg width={28} height={18} viewBox="0 0 28 18" aria-hidden="true" focusable="false" className="legend__swatch">
      {kind === 'point' && (
        <>
          {line(CHART_COLOURS.value)}
          <PointShape cx={14} cy={9} mark={null} />
        </>
      )}
      {kind === 'beyond' && <PointShape cx={14} cy={9} mark="beyond" />}
      {kind === 'run' && (
        <>
          <rect x={2} y={2} width={24} height={14} fill={CHART_COLOURS.runFill} fillOpacity={RUN_BAND_OPACITY} />
          <path d="M2,6 L2,2 L26,2 L26,6" fill="none" stroke={CHART_COLOURS.run} strokeWidth={1.5} />
        </>
      )}
      {kind === 'provisional' && <PointShape cx={14} cy={9} mark="provisional" />}
      {kind === 'centre' && line(CHART_COLOURS.centre, undefined, 1.5)}
      {kind === 'limits' && line(CHART_COLOURS.limits, '5 3', 1.5)}
      {kind === 'target' && line(CHART_COLOURS.target, '8 3 2 3', 2)}
      {kind === 'phase' && <line x1={14} y1={1} x2={14} y2={17} stroke={CHART_COLOURS.phase} strokeWidth={2} />}
      {kind === 'baseline' && (
        <rect x={2} y={2} width={24} height={14} fill={CHART_COLOURS.baseline} stroke={CHART_COLOURS.grid} />
      )}
    </svg>
  );
}
