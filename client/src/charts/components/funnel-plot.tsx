import type { MeasureKind } from '@commons/shared';
import { AxisBottom, AxisLeft } from '@visx/axis';
import { curveMonotoneX } from '@visx/curve';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatMonth, useLocale } from '../../i18n/format';
import { formatNumber } from '../../measures/format';
import { CheckboxField } from '../../ui/field';
import { toDisplay, useMeasureFormat } from '../../measures/format';
import { axisTicks, niceDomain } from '../chart-data';
import { FUNNEL_WINDOWS, type FunnelWindow } from '../chart-types';
import { CHART_COLOURS } from '../colours';
import { useFollowedState } from '../hooks/use-followed-state';
import { diamondPath } from './point-shapes';
import { useWidth } from './use-width';

export interface FunnelData {
  months: number;
  fromMonth: string;
  toMonth: string;
  target: number | null;
  sitesLeftOut: number;
  /** Overdispersion φ (null with too few sites), whether it is significant, and the φ the limits were widened by. */
  phi: number | null;
  overdispersed: boolean;
  limitsWidenedBy: number | null;
  incompleteMonthsLeftOut: readonly MonthCoverage[];
  incompleteMonthsIncluded: readonly MonthCoverage[];
  sites: readonly {
    site: { id: string; name: string };
    value: number;
    denominator: number;
    position95: string;
    position998: string;
    assessment: string;
  }[];
  curve: readonly { denominator: number; lower95: number; upper95: number; lower998: number; upper998: number }[];
}

interface MonthCoverage {
  month: string;
  sitesReported: number;
  sites: number;
}

interface FunnelPlotProps {
  funnels: readonly FunnelData[];
  window: FunnelWindow;
  onWindowChange: (window: FunnelWindow) => void;
  /** Whether limits are widened for overdispersion when the sites are overdispersed (the default). */
  adjusted?: boolean;
  onAdjustedChange?: (adjusted: boolean) => void;
  kind: MeasureKind;
  measureName: string;
  ownSiteId: string | null;
}

/** A short label for a site on a crowded plot: its first word, or two when the first is short ("St Brigid's"). */
export function shortSiteName(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2) return name;
  return words[0].length <= 3 ? `${words[0]} ${words[1]}` : words[0];
}

/** Where a site lies against the funnel's limits, as a translation key. */
export function funnelPositionKey(site: {
  position95: string;
  position998: string;
}): 'within' | 'above95' | 'below95' | 'above998' | 'below998' {
  if (site.position998 === 'above' || site.position998 === 'below') return `${site.position998}998`;
  if (site.position95 === 'above' || site.position95 === 'below') return `${site.position95}95`;
  return 'within';
}

interface SiteRow {
  id: string;
  name: string;
  short: string;
  denominator: number;
  value: number;
  position: ReturnType<typeof funnelPositionKey>;
  own: boolean;
}

function SiteMark({ cx, cy, site }: { cx: number; cy: number; site: SiteRow }) {
  const ring = site.own ? (
    <circle cx={cx} cy={cy} r={11} fill="none" stroke={CHART_COLOURS.own} strokeWidth={2} />
  ) : null;
  if (site.position === 'above998' || site.position === 'below998') {
    return (
      <g className="funnel-site">
        {ring}
        <path d={diamondPath(cx, cy, 8)} fill={CHART_COLOURS.beyond} stroke="#fff" strokeWidth={1.5} />
      </g>
    );
  }
  if (site.position !== 'within') {
    return (
      <g className="funnel-site">
        {ring}
        <path
          d={`M${cx},${cy - 7} L${cx + 7},${cy + 6} L${cx - 7},${cy + 6} Z`}
          fill={CHART_COLOURS.run}
          stroke="#fff"
          strokeWidth={1.5}
        />
      </g>
    );
  }
  return (
    <g className="funnel-site">
      {ring}
      <circle cx={cx} cy={cy} r={5} fill={CHART_COLOURS.value} stroke="#fff" strokeWidth={1.5} />
    </g>
  );
}

type CurvePoint = { denominator: number } & Record<LimitKey, number>;
type LimitKey = 'lower95' | 'upper95' | 'lower998' | 'upper998';

const FUNNEL_HEIGHT = 380;
const FUNNEL_MARGIN = { top: 16, right: 90, bottom: 24, left: 4, valueAxis: 52, sizeAxis: 30 };
const AXIS_COLOUR = '#666';
const textProps = (fill: string, fontSize: number) => ({ fill, fontSize, fontFamily: 'inherit' });
/** Labels inside the plot keep a white edge, so a curve running under them does not cross out a letter. */
const halo = { stroke: '#fff', strokeWidth: 3, strokeLinejoin: 'round', paintOrder: 'stroke' } as const;

/** Size ticks from 0 to the largest size: round steps (at most five, each at least 70 px wide), and the largest size itself where its label fits. */
function sizeTicks(max: number, plotWidth: number): number[] {
  const ticks = axisTicks([0, max], Math.min(5, Math.max(1, Math.floor(plotWidth / 70)))).filter((tick) => tick <= max);
  if (((max - ticks[ticks.length - 1]) / max) * plotWidth >= 50) ticks.push(max);
  return ticks;
}

/** The funnel itself: the sites against their sizes, the limits as curves, the network value as a line. */
function FunnelChart({
  title,
  description,
  curve,
  sites,
  domain,
  networkValue,
  networkLabel,
  valueTick,
  sizeTick,
  sizeLabel,
}: {
  title: string;
  description: string;
  curve: readonly CurvePoint[];
  sites: readonly SiteRow[];
  domain: [number, number];
  networkValue: number | null;
  networkLabel: string;
  valueTick: (value: number) => string;
  sizeTick: (value: number) => string;
  sizeLabel: string;
}) {
  const [wrapper, width] = useWidth<HTMLDivElement>();
  const ids = useId();
  const m = FUNNEL_MARGIN;
  const left = m.left + m.valueAxis;
  const plotWidth = Math.max(0, width - left - m.right);
  const plotHeight = FUNNEL_HEIGHT - m.top - m.bottom - m.sizeAxis;
  const maxSize = Math.max(0, ...curve.map((p) => p.denominator), ...sites.map((s) => s.denominator)) || 1;
  const x = scaleLinear({ domain: [0, maxSize], range: [0, plotWidth] });
  const y = scaleLinear({ domain, range: [plotHeight, 0] });
  const xTicks = sizeTicks(maxSize, plotWidth);
  const yTicks = axisTicks(domain);
  const clipId = `${ids}-plot`;
  return (
    <div ref={wrapper} className="chart-plot" style={{ height: FUNNEL_HEIGHT }}>
      {width > 0 && (
        <svg
          className="chart-surface"
          width={width}
          height={FUNNEL_HEIGHT}
          viewBox={`0 0 ${width} ${FUNNEL_HEIGHT}`}
          role="img"
          aria-labelledby={`${ids}-title`}
          aria-describedby={`${ids}-desc`}
        >
          <title id={`${ids}-title`}>{title}</title>
          <desc id={`${ids}-desc`}>{description}</desc>
          <defs>
            <clipPath id={clipId}>
              <rect x={-2} y={-2} width={plotWidth + 4} height={plotHeight + 4} />
            </clipPath>
          </defs>
          <Group left={left} top={m.top}>
            {yTicks.map((value) => (
              <line
                key={`row-${value}`}
                x1={0}
                x2={plotWidth}
                y1={y(value)}
                y2={y(value)}
                stroke={CHART_COLOURS.grid}
              />
            ))}
            {xTicks.map((value) => (
              <line
                key={`column-${value}`}
                x1={x(value)}
                x2={x(value)}
                y1={0}
                y2={plotHeight}
                stroke={CHART_COLOURS.grid}
              />
            ))}
          </Group>
          <AxisLeft
            left={left}
            top={m.top}
            scale={y}
            tickValues={yTicks}
            tickFormat={(value) => valueTick(Number(value))}
            stroke={AXIS_COLOUR}
            tickStroke={AXIS_COLOUR}
            tickLength={6}
            tickLabelProps={{ ...textProps(CHART_COLOURS.centre, 13), textAnchor: 'end', dx: -2, dy: '0.33em' }}
          />
          <AxisBottom
            left={left}
            top={m.top + plotHeight}
            scale={x}
            tickValues={xTicks}
            tickFormat={(value) => sizeTick(Number(value))}
            stroke={AXIS_COLOUR}
            tickStroke={AXIS_COLOUR}
            tickLength={6}
            tickLabelProps={{ ...textProps(CHART_COLOURS.centre, 13), textAnchor: 'middle' }}
          />
          <text
            x={left + plotWidth / 2}
            y={m.top + plotHeight + m.sizeAxis + 14}
            textAnchor="middle"
            {...textProps(CHART_COLOURS.centre, 13)}
          >
            {sizeLabel}
          </text>
          <Group left={left} top={m.top}>
            {networkValue !== null && (
              <g className="funnel-network">
                <line
                  x1={0}
                  x2={plotWidth}
                  y1={y(networkValue)}
                  y2={y(networkValue)}
                  stroke={CHART_COLOURS.centre}
                  strokeWidth={1.5}
                />
                <text
                  x={plotWidth - 5}
                  y={y(networkValue) - 5}
                  textAnchor="end"
                  {...textProps(CHART_COLOURS.centre, 12)}
                  {...halo}
                >
                  {networkLabel}
                </text>
              </g>
            )}
            <g clipPath={`url(#${clipId})`}>
              {(['upper998', 'upper95', 'lower95', 'lower998'] as const).map((key) => (
                <LinePath<CurvePoint>
                  key={key}
                  className={`funnel-limit funnel-limit--${key}`}
                  data={[...curve]}
                  x={(p) => x(p.denominator)}
                  y={(p) => y(p[key])}
                  curve={curveMonotoneX}
                  stroke={key.endsWith('998') ? CHART_COLOURS.funnel998 : CHART_COLOURS.funnel95}
                  strokeDasharray={key.endsWith('998') ? undefined : '5 3'}
                  strokeWidth={1.5}
                  fill="none"
                />
              ))}
            </g>
            {sites.map((site) => {
              const cx = x(site.denominator);
              const cy = y(Math.min(Math.max(site.value, domain[0]), domain[1]));
              return (
                <g key={site.id}>
                  <SiteMark cx={cx} cy={cy} site={site} />
                  <text x={cx + 10} y={cy} dy="0.355em" {...textProps(CHART_COLOURS.centre, 12)} {...halo}>
                    {site.short}
                  </text>
                </g>
              );
            })}
          </Group>
        </svg>
      )}
    </div>
  );
}

/**
 * Sites compared over the last 3, 6 or 12 months: each site's value against its size, with the
 * 95% and 99.8% limits around the network value. A site outside the funnel differs by more than
 * chance would explain. When the sites vary more than chance alone would (overdispersion), the
 * limits are widened and the plot says so, with φ; a switch shows the plain limits. Months not
 * every site has reported are left out, and said to be. The table under the plot says the same
 * in words.
 */
export function FunnelPlot({
  funnels,
  window,
  onWindowChange,
  adjusted = true,
  onAdjustedChange,
  kind,
  measureName,
  ownSiteId,
}: FunnelPlotProps) {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth();
  const locale = useLocale();
  const [adjustedShown, setAdjustedShown] = useFollowedState(adjusted);
  const { format, number } = useMeasureFormat();
  const headingId = useId();
  const funnel = funnels.find((f) => f.months === window) ?? funnels[funnels.length - 1];
  const curve = useMemo(
    () =>
      (funnel?.curve ?? []).map((p) => ({
        denominator: p.denominator,
        lower95: toDisplay(kind, Math.max(0, p.lower95)),
        upper95: toDisplay(kind, kind === 'PROPORTION' ? Math.min(1, p.upper95) : p.upper95),
        lower998: toDisplay(kind, Math.max(0, p.lower998)),
        upper998: toDisplay(kind, kind === 'PROPORTION' ? Math.min(1, p.upper998) : p.upper998),
      })),
    [funnel, kind],
  );
  const sites: SiteRow[] = useMemo(
    () =>
      (funnel?.sites ?? []).map((s) => ({
        id: s.site.id,
        name: s.site.name,
        short: shortSiteName(s.site.name),
        denominator: s.denominator,
        value: toDisplay(kind, s.value),
        position: funnelPositionKey(s),
        own: s.site.id === ownSiteId,
      })),
    [funnel, kind, ownSiteId],
  );
  if (!funnel) return null;
  // The legend of the limits says it too, so the plot never shows widened limits without saying so.
  const widenedNote =
    funnel.limitsWidenedBy !== null
      ? ` ${t('charts.funnel.widenedShort', { phi: formatNumber(funnel.limitsWidenedBy, locale, 1) })}`
      : '';

  const values = [...sites.map((s) => s.value), ...curve.flatMap((p) => [p.lower998, p.upper998])];
  const [low, high] = niceDomain(kind, Math.min(...values), Math.max(...values));
  const title = t('charts.funnel.chartTitle', {
    measure: measureName,
    from: formatMonth(funnel.fromMonth),
    to: formatMonth(funnel.toMonth),
  });
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('charts.funnel.title')}</h2>
      <p className="muted">{t('charts.funnel.intro')}</p>
      <fieldset className="segmented">
        <legend>{t('charts.funnel.window')}</legend>
        {FUNNEL_WINDOWS.map((months) => (
          <label key={months} className="segmented__option">
            <input
              type="radio"
              name="funnel-window"
              value={months}
              checked={window === months}
              onChange={() => onWindowChange(months)}
            />
            <span>{t('charts.funnel.months', { count: months })}</span>
          </label>
        ))}
      </fieldset>
      <p className="small">
        {t('charts.funnel.period', { from: formatMonth(funnel.fromMonth), to: formatMonth(funnel.toMonth) })}
      </p>
      {funnel.phi !== null && (
        <p className={`funnel__dispersion ${funnel.limitsWidenedBy !== null ? 'funnel__dispersion--widened' : ''}`}>
          {t(
            funnel.limitsWidenedBy !== null
              ? 'charts.funnel.widened'
              : funnel.overdispersed
                ? 'charts.funnel.overdispersedPlain'
                : 'charts.funnel.notOverdispersed',
            {
              phi: formatNumber(funnel.phi, locale, 1),
            },
          )}
        </p>
      )}
      {funnel.overdispersed && onAdjustedChange && (
        <CheckboxField
          label={t('charts.funnel.adjust')}
          hint={t('charts.funnel.adjustHint')}
          checked={adjustedShown}
          onChange={(e) => {
            setAdjustedShown(e.target.checked);
            onAdjustedChange(e.target.checked);
          }}
        />
      )}
      {funnel.incompleteMonthsLeftOut.map((m) => (
        <p key={`out-${m.month}`} className="small muted">
          {t('charts.funnel.incompleteLeftOut', {
            month: formatMonth(m.month),
            reported: m.sitesReported,
            sites: m.sites,
          })}
        </p>
      ))}
      {funnel.incompleteMonthsIncluded.map((m) => (
        <p key={`in-${m.month}`} className="small muted">
          {t('charts.funnel.incompleteIncluded', {
            month: formatMonth(m.month),
            reported: m.sitesReported,
            sites: m.sites,
          })}
        </p>
      ))}
      {sites.length === 0 ? (
        <p>{t('charts.funnel.noSites')}</p>
      ) : (
        <>
          <FunnelChart
            title={title}
            description={t('charts.funnel.description')}
            curve={curve}
            sites={sites}
            domain={[low, high]}
            networkValue={funnel.target !== null ? toDisplay(kind, funnel.target) : null}
            networkLabel={
              funnel.target !== null ? t('charts.funnel.networkValue', { value: format(kind, funnel.target) }) : ''
            }
            valueTick={(value) => (kind === 'PROPORTION' ? `${number(value, 0)}%` : number(value, 1))}
            sizeTick={(value) => number(value, 0)}
            sizeLabel={t('charts.funnel.xAxis')}
          />
          <ul className="legend" aria-label={t('charts.legend.label')}>
            <li>
              <svg width={28} height={18} aria-hidden="true" focusable="false" className="legend__swatch">
                <line
                  x1={2}
                  y1={9}
                  x2={26}
                  y2={9}
                  stroke={CHART_COLOURS.funnel95}
                  strokeWidth={1.5}
                  strokeDasharray="5 3"
                />
              </svg>
              {t('charts.funnel.limit95')}
              {widenedNote}
            </li>
            <li>
              <svg width={28} height={18} aria-hidden="true" focusable="false" className="legend__swatch">
                <line x1={2} y1={9} x2={26} y2={9} stroke={CHART_COLOURS.funnel998} strokeWidth={1.5} />
              </svg>
              {t('charts.funnel.limit998')}
              {widenedNote}
            </li>
            <li>
              <svg width={28} height={18} aria-hidden="true" focusable="false" className="legend__swatch">
                <path d={`M14,3 L21,15 L7,15 Z`} fill={CHART_COLOURS.run} />
              </svg>
              {t('charts.funnel.outside95')}
            </li>
            <li>
              <svg width={28} height={18} aria-hidden="true" focusable="false" className="legend__swatch">
                <path d={diamondPath(14, 9, 7)} fill={CHART_COLOURS.beyond} />
              </svg>
              {t('charts.funnel.outside998')}
            </li>
            {ownSiteId && (
              <li>
                <svg width={28} height={18} aria-hidden="true" focusable="false" className="legend__swatch">
                  <circle cx={14} cy={9} r={7} fill="none" stroke={CHART_COLOURS.own} strokeWidth={2} />
                </svg>
                {t('charts.funnel.ownSite')}
              </li>
            )}
          </ul>
          <div className="table-scroll" role="region" aria-label={t('charts.funnel.tableCaption')} tabIndex={0}>
            <table className="data-table">
              <caption>{t('charts.funnel.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('charts.funnel.site')}</th>
                  <th scope="col">{t('charts.table.value')}</th>
                  <th scope="col">{t('charts.funnel.size')}</th>
                  <th scope="col">{t('charts.funnel.compared')}</th>
                </tr>
              </thead>
              <tbody>
                {[...(funnel.sites ?? [])]
                  .sort((a, b) => b.value - a.value)
                  .map((s) => {
                    const position = funnelPositionKey(s);
                    return (
                      <tr key={s.site.id}>
                        <th scope="row">
                          {s.site.name}
                          {s.site.id === ownSiteId && (
                            <span className="visually-hidden"> ({t('aim.sites.yourSite')})</span>
                          )}
                        </th>
                        <td className="data-table__number">{format(kind, s.value)}</td>
                        <td className="data-table__number">{number(s.denominator, 0)}</td>
                        <td>
                          {t(`charts.funnel.position.${position}`)}
                          {position !== 'within' && s.assessment === 'improvement' && ` ${t('charts.funnel.better')}`}
                          {position !== 'within' && s.assessment === 'deterioration' && ` ${t('charts.funnel.worse')}`}
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {funnel.sitesLeftOut > 0 && (
        <p className="small muted">{t('charts.funnel.leftOut', { count: funnel.sitesLeftOut })}</p>
      )}
    </section>
  );
}
