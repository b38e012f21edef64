import type { MeasureKind } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { useFormatMonth } from '../../i18n/format';
import { useMeasureFormat } from '../../measures/format';
import type { PointData } from '../chart-data';
import { useShownCount } from './shown-count';

interface ChartTooltipProps {
  kind: MeasureKind;
  byMonth: Map<string, PointData>;
  active?: boolean;
  label?: string | number;
}

/** The month under the pointer (or keyboard focus): its value, its counts and what marks it. */
export function ChartTooltip({ kind, byMonth, active, label }: ChartTooltipProps) {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth();
  const { format } = useMeasureFormat();
  const count = useShownCount();
  const point = typeof label === 'string' ? byMonth.get(label) : undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__month">{formatMonth(point.month)}</p>
      <p>
        {point.value !== null
          ? format(kind, point.value)
          : point.excluded === 'SUPPRESSED'
            ? t('charts.table.hidden')
            : t('charts.table.leftOut')}
      </p>
      {(kind === 'PROPORTION' || kind === 'RATE') && (point.numerator || point.denominator) && (
        <p className="muted">
          {t('charts.tooltip.ofTotal', { numerator: count(point.numerator), denominator: count(point.denominator) })}
        </p>
      )}
      {point.beyondLimits && (
        <p className="chart-tooltip__signal">
          {t(point.beyondLimits === 'below' ? 'charts.table.beyondBelow' : 'charts.table.beyondAbove')}
        </p>
      )}
      {point.inLongRun && <p className="chart-tooltip__signal">{t('charts.table.inLongRun')}</p>}
    </div>
  );
}
