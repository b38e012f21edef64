import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatDay } from '../../i18n/format';
import { CHART_COLOURS } from '../colours';
import type { PdsaAnnotationData, PdsaBand } from '../pdsa-bands';

interface PdsaAnnotationsProps {
  site: string;
  networkSlug: string;
  items: readonly { annotation: PdsaAnnotationData; marker: string; band: PdsaBand | null }[];
}

/**
 * The PDSA cycles shaded on a site's chart, as a list under it: each with the letter on the
 * chart, its dates, where it stands, and a link to its change idea. Screen readers get the same
 * as sighted readers.
 */
export function PdsaAnnotations({ site, networkSlug, items }: PdsaAnnotationsProps) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  const headingId = useId();
  if (items.length === 0) return null;
  return (
    <section className="pdsa-annotations" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('charts.pdsa.title', { site })}</h3>
      <p className="muted small">
        <svg width={18} height={14} viewBox="0 0 18 14" aria-hidden="true" focusable="false" className="legend__swatch">
          <rect x={1} y={1} width={16} height={12} fill={CHART_COLOURS.pdsaFill} fillOpacity={0.45} />
          <line x1={1} y1={1} x2={1} y2={13} stroke={CHART_COLOURS.pdsa} strokeWidth={2} strokeDasharray="2 3" />
        </svg>{' '}
        {t('charts.pdsa.intro')}
      </p>
      <ul className="pdsa-annotations__list">
        {items.map(({ annotation, marker, band }) => (
          <li key={annotation.cycleId}>
            <span className="pdsa-annotations__marker" aria-hidden="true">
              {marker}
            </span>
            <span>
              <span className="visually-hidden">{t('charts.pdsa.marker', { marker })} </span>
              <Link to={`/n/${networkSlug}/ideas/${annotation.ideaId}`}>
                {t('charts.pdsa.cycle', { number: annotation.number, title: annotation.title })}
              </Link>
              <span className="muted">
                {' · '}
                {t('charts.pdsa.idea', { idea: annotation.ideaTitle })}
                {' · '}
                {annotation.endOn
                  ? t('charts.pdsa.dates', { start: formatDay(annotation.startOn), end: formatDay(annotation.endOn) })
                  : t('charts.pdsa.running', { start: formatDay(annotation.startOn) })}
                {' · '}
                {annotation.act ? t(`charts.pdsa.act.${annotation.act}`) : t(`charts.pdsa.stage.${annotation.stage}`)}
                {!band && ` · ${t('charts.pdsa.outside')}`}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
