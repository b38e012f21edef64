import type { ChartType, MeasureKind } from '@commons/shared';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatMonth } from '../../i18n/format';
import { toDisplay, useMeasureFormat } from '../../measures/format';
import { SIGNAL_KEYS, type SignalData } from '../captions';
import { chartRows, type CompactPointData, valueDomain } from '../chart-data';
import { SpcChart } from './spc-chart';

export interface SiteSeries {
  site: { id: string; name: string } | null;
  fullyVisible: boolean;
  points: readonly CompactPointData[];
  signals: readonly Pick<SignalData, 'key' | 'assessment'>[];
}

interface SmallMultiplesProps {
  series: readonly SiteSeries[];
  kind: MeasureKind;
  chartType: ChartType;
  target: number | null;
  measureName: string;
  ownSiteId: string | null;
  selectedSiteId: string | null;
  onSelect: (siteId: string) => void;
}

/** Which ways a series' signals point: up for the better, down for the worse, or a shift of no single direction. */
export function signalSummary(signals: readonly Pick<SignalData, 'key' | 'assessment'>[]): {
  improvement: boolean;
  deterioration: boolean;
  shift: boolean;
} {
  const real = signals.filter((s) => (SIGNAL_KEYS as readonly string[]).includes(s.key));
  return {
    improvement: real.some((s) => s.assessment === 'improvement'),
    deterioration: real.some((s) => s.assessment === 'deterioration'),
    shift: real.some((s) => s.assessment !== 'improvement' && s.assessment !== 'deterioration'),
  };
}

/** One compact chart per site, on one shared scale, with its signals and privacy marks in words. */
export function SmallMultiples({
  series,
  kind,
  chartType,
  target,
  measureName,
  ownSiteId,
  selectedSiteId,
  onSelect,
}: SmallMultiplesProps) {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth();
  const { format } = useMeasureFormat();
  const domain = useMemo(
    () =>
      valueDomain(
        kind,
        series.flatMap((s) => chartRows(s.points, kind)),
        [target === null ? null : toDisplay(kind, target)],
      ),
    [series, kind, target],
  );
  const headingId = useId();
  const ordered = [...series].sort((a, b) => Number(b.site?.id === ownSiteId) - Number(a.site?.id === ownSiteId));

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('charts.multiples.title')}</h2>
      <p className="muted">{t('charts.multiples.intro')}</p>
      <ul className="multiples">
        {ordered.map((s) => {
          if (!s.site) return null;
          const own = s.site.id === ownSiteId;
          const latest = [...s.points].reverse().find((p) => p.value !== null);
          const summary = signalSummary(s.signals);
          const hidden = s.points.some((p) => p.excluded === 'SUPPRESSED');
          return (
            <li
              key={s.site.id}
              className={`multiple ${own ? 'multiple--own' : ''} ${s.site.id === selectedSiteId ? 'multiple--selected' : ''}`}
            >
              <h3 className="multiple__title">
                {s.site.name}
                {own && <span className="badge badge--pending">{t('aim.sites.yourSite')}</span>}
              </h3>
              <SpcChart
                points={s.points}
                kind={kind}
                chartType={chartType}
                target={target}
                title={t('charts.multiples.chartTitle', { measure: measureName, site: s.site.name })}
                description={t('charts.multiples.chartDescription')}
                height={120}
                compact
                domain={domain}
              />
              <p className="small multiple__latest">
                {latest
                  ? t('charts.multiples.latest', {
                      value: format(kind, latest.value!),
                      month: formatMonth(latest.month),
                    })
                  : hidden
                    ? t('charts.multiples.allHidden')
                    : t('charts.multiples.noData')}
              </p>
              <ul className="multiple__signals small">
                {summary.improvement && (
                  <li className="caption--improvement">
                    <span aria-hidden="true">▲ </span>
                    {t('charts.multiples.improvement')}
                  </li>
                )}
                {summary.deterioration && (
                  <li className="caption--deterioration">
                    <span aria-hidden="true">▼ </span>
                    {t('charts.multiples.deterioration')}
                  </li>
                )}
                {summary.shift && (
                  <li className="caption--neutral">
                    <span aria-hidden="true">◆ </span>
                    {t('charts.multiples.shift')}
                  </li>
                )}
                {!summary.improvement && !summary.deterioration && !summary.shift && (
                  <li className="muted">{t('charts.multiples.noSignal')}</li>
                )}
                {hidden && latest && <li className="multiple__hidden">{t('charts.multiples.hidden')}</li>}
              </ul>
              <button
                type="button"
                className="link-button"
                onClick={() => onSelect(s.site!.id)}
                aria-pressed={s.site.id === selectedSiteId}
                aria-label={t('charts.multiples.showOf', { site: s.site.name })}
              >
                {t('charts.multiples.show')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
