import { useTranslation } from 'react-i18next';
import { LegendSwatch } from './point-shapes';

/** What each line and mark of a chart means, in words next to its shape. */
export function ChartLegend({
  limits,
  target,
  phases,
  baseline,
  provisional = false,
}: {
  limits: boolean;
  target: boolean;
  phases: boolean;
  baseline: boolean;
  provisional?: boolean;
}) {
  const { t } = useTranslation();
  type Swatch = Parameters<typeof LegendSwatch>[0]['kind'];
  const items: [Swatch, string][] = [
    ['point', t('charts.legend.value')],
    ['centre', t(limits ? 'charts.legend.average' : 'charts.legend.median')],
  ];
  if (limits) items.push(['limits', t('charts.legend.limits')]);
  if (target) items.push(['target', t('charts.legend.target')]);
  items.push(['beyond', t('charts.legend.beyond')], ['run', t('charts.legend.run')]);
  if (provisional) items.push(['provisional', t('charts.legend.provisional')]);
  if (phases) items.push(['phase', t('charts.legend.phase')]);
  if (baseline) items.push(['baseline', t('charts.legend.baselineArea')]);
  return (
    <ul className="legend" aria-label={t('charts.legend.label')}>
      {items.map(([kind, label]) => (
        <li key={kind}>
          <LegendSwatch kind={kind} />
          {label}
        </li>
      ))}
    </ul>
  );
}
