import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasureChartsQuery } from '../../gql/graphql';
import { useLocale } from '../../i18n/format';
import { valueAxisLabel } from '../../measures/format';
import { SelectField } from '../../ui/field';
import { baselineRange, phaseCount } from '../chart-data';
import { hasLimits } from '../chart-types';
import { pdsaBands } from '../pdsa-bands';
import { ChartDataTable } from './chart-data-table';
import { ChartLegend } from './chart-legend';
import { PdsaAnnotations } from './pdsa-annotations';
import { SignalCaptions } from './signal-captions';
import { SpcChart } from './spc-chart';

type Charts = MeasureChartsQuery['measureCharts'];

interface MainChartProps {
  charts: Charts;
  networkSlug: string;
  siteParam: string | null;
  ownSiteId: string | null;
  onSite: (site: string | null) => void;
  /** Starts a new phase at a month where the level moved. */
  onSplit: (month: string) => void;
  busy: boolean;
}

/** The chart of the network or one site, with its legend, its signals in words and its numbers as a table. */
export function MainChart({ charts, networkSlug, siteParam, ownSiteId, onSite, onSplit, busy }: MainChartProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const { measure } = charts;
  const wanted = siteParam ?? ownSiteId ?? 'network';
  // While another site loads, the last one shown stays (the section is marked busy).
  const siteSeries = charts.selectedSite?.site ? charts.selectedSite : null;
  const series = siteSeries ?? charts.network;
  const where = series.site?.name ?? t('charts.network');
  const limits = hasLimits(series.chartType);
  const title = t('charts.mainTitle', { measure: measure.name, where });
  const months = useMemo(() => series.points.map((point) => point.month), [series.points]);
  const pdsa = useMemo(
    () => pdsaBands(charts.pdsaAnnotations, series.site?.id ?? null, months),
    [charts.pdsaAnnotations, series.site, months],
  );
  const siteOptions = [
    { value: 'network', label: t('charts.network') },
    ...charts.sites
      .filter((s) => s.site)
      .map((s) => ({
        value: s.site!.id,
        label: s.site!.id === ownSiteId ? t('charts.ownSite', { site: s.site!.name }) : s.site!.name,
      })),
  ];

  return (
    <section id="main-chart" className="panel main-chart" aria-labelledby="main-chart-heading" aria-busy={busy}>
      <div className="section-header">
        <h2 id="main-chart-heading" tabIndex={-1}>
          {where}
        </h2>
        <SelectField
          label={t('charts.show')}
          value={siteOptions.some((option) => option.value === wanted) ? wanted : 'network'}
          onChange={(e) => onSite(e.target.value === (ownSiteId ?? 'network') ? null : e.target.value)}
          options={siteOptions}
          className="field--inline"
        />
      </div>
      <p className="muted small">
        {t(`charts.type.${series.chartType}`)} · {valueAxisLabel(measure.kind, measure.unit, locale, t)}
        {!series.fullyVisible && ` · ${t('charts.partlyHidden')}`}
      </p>
      <figure className="chart-figure">
        <SpcChart
          points={series.points}
          kind={measure.kind}
          chartType={series.chartType}
          target={measure.target}
          title={title}
          description={t('charts.description', { count: series.points.length })}
          bands={pdsa.flatMap(({ band }) => (band ? [band] : []))}
        />
        <figcaption>
          <ChartLegend
            limits={limits}
            target={measure.target !== null}
            phases={phaseCount(series.points) > 1}
            baseline={baselineRange(series.points) !== null}
            provisional={series.points.some((point) => point.provisional)}
          />
        </figcaption>
      </figure>
      <PdsaAnnotations site={where} networkSlug={networkSlug} items={pdsa} />
      <SignalCaptions signals={series.signals} points={series.points} onSplit={onSplit} />
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable((value) => !value)}
      >
        {showTable ? t('charts.table.hide') : t('charts.table.show')}
      </button>
      <div id={tableId} hidden={!showTable}>
        {showTable && (
          <ChartDataTable
            points={series.points}
            kind={measure.kind}
            unit={measure.unit}
            limits={limits}
            caption={t('charts.table.caption', { measure: measure.name, where })}
            threshold={charts.suppressionThreshold}
          />
        )}
      </div>
    </section>
  );
}
