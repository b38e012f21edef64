import type { MeasureKind } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { useFormatMonth } from '../../i18n/format';
import { useMeasureFormat } from '../../measures/format';
import { isReportDue } from '../../measures/months';
import type { PointData } from '../chart-data';
import { useShownCount } from './shown-count';

interface ChartDataTableProps {
  points: readonly PointData[];
  kind: MeasureKind;
  unit: string;
  /** Whether the chart has control limits (a run chart has a median only). */
  limits: boolean;
  caption: string;
  /** Counts from 1 to this are withheld for other sites (the label reads "<threshold+1"). */
  threshold: number;
}

/** The columns of counts a kind of measure has: numerator and denominator, patients, or none. */
export function countColumns(kind: MeasureKind): ('numerator' | 'denominator')[] {
  if (kind === 'PROPORTION' || kind === 'RATE') return ['numerator', 'denominator'];
  if (kind === 'MEAN') return ['denominator'];
  return [];
}

/**
 * The numbers behind a chart as a table: the text alternative for screen readers and for anyone
 * who wants the exact values. Withheld counts keep their labels ("<11"); nothing hidden is shown.
 */
export function ChartDataTable({ points, kind, unit, limits, caption, threshold }: ChartDataTableProps) {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth();
  const { format } = useMeasureFormat();
  const count = useShownCount();
  const columns = countColumns(kind);
  const shown = (value: number | null) => (value === null ? '—' : format(kind, value));
  const withheld = points.some((p) => p.numerator?.label || p.denominator?.label || p.excluded === 'SUPPRESSED');

  const notes = (point: PointData) =>
    [
      point.beyondLimits
        ? t(point.beyondLimits === 'below' ? 'charts.table.beyondBelow' : 'charts.table.beyondAbove')
        : null,
      point.inLongRun ? t('charts.table.inLongRun') : null,
      point.excluded === 'SUPPRESSED' ? t('charts.table.hiddenNote') : null,
      point.excluded === 'MISSING_VALUE' && !isReportDue(point.month) ? t('charts.table.notDue') : null,
      point.excluded &&
      point.excluded !== 'SUPPRESSED' &&
      (point.excluded !== 'MISSING_VALUE' || isReportDue(point.month))
        ? t(`charts.caption.reason.${point.excluded as 'MISSING_VALUE' | 'ZERO_DENOMINATOR' | 'INVALID_VALUE'}`)
        : null,
      point.sitesReported != null && point.sites != null
        ? t(point.provisional ? 'charts.table.incompleteLeftOut' : 'charts.table.incomplete', {
            reported: point.sitesReported,
            sites: point.sites,
          })
        : null,
      point.inBaseline &&
      points.some((p) => !p.inBaseline && p.phase === point.phase && p.value !== null && !p.provisional)
        ? t('charts.table.inBaseline')
        : null,
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('charts.table.month')}</th>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {t(`charts.table.${column}.${kind}`)}
              </th>
            ))}
            <th scope="col">
              {unit && (kind === 'MEAN' || kind === 'COUNT')
                ? t('charts.table.valueIn', { unit })
                : t('charts.table.value')}
            </th>
            <th scope="col">{t(limits ? 'charts.legend.average' : 'charts.legend.median')}</th>
            {limits && <th scope="col">{t('charts.table.range')}</th>}
            <th scope="col">{t('charts.table.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.month} className={point.beyondLimits || point.inLongRun ? 'data-table__signal' : undefined}>
              <th scope="row">{formatMonth(point.month)}</th>
              {columns.map((column) => (
                <td key={column} className="data-table__number">
                  {count(point[column])}
                </td>
              ))}
              <td className="data-table__number">
                {point.value !== null
                  ? format(kind, point.value)
                  : point.excluded === 'SUPPRESSED'
                    ? t('charts.table.hidden')
                    : '—'}
              </td>
              <td className="data-table__number">{shown(point.centre)}</td>
              {limits && (
                <td className="data-table__number">
                  {point.lower === null && point.upper === null
                    ? '—'
                    : t('charts.table.rangeValue', { lower: shown(point.lower), upper: shown(point.upper) })}
                </td>
              )}
              <td>{notes(point)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {withheld && (
        <p className="small muted">{t('charts.table.withheldNote', { label: `<${threshold + 1}`, threshold })}</p>
      )}
    </div>
  );
}
