import type { MeasureKind } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { useMeasureFormat } from '../../measures/format';
import { progressFraction } from '../progress';
import { JourneyBar } from './journey-bar';

export interface SiteProgressRow {
  site: { id: string; name: string };
  value: number | null;
  suppressed: boolean;
}

interface SiteProgressProps {
  rows: readonly SiteProgressRow[];
  kind: MeasureKind;
  baseline: number;
  target: number;
  ownSiteId: string | null;
}

/** Every site's latest value on the way from baseline to target; the member's own site first and marked. */
export function SiteProgress({ rows, kind, baseline, target, ownSiteId }: SiteProgressProps) {
  const { t } = useTranslation();
  const { format } = useMeasureFormat();
  const ordered = [...rows].sort((a, b) => Number(b.site.id === ownSiteId) - Number(a.site.id === ownSiteId));
  return (
    <ul className="site-progress">
      {ordered.map((row) => {
        const own = row.site.id === ownSiteId;
        return (
          <li key={row.site.id} className={`site-progress__row ${own ? 'site-progress__row--own' : ''}`}>
            <p className="site-progress__name">
              {row.site.name}
              {own && <span className="badge badge--pending site-progress__own">{t('aim.sites.yourSite')}</span>}
            </p>
            <p className="site-progress__value">
              {row.suppressed ? (
                <span className="muted">{t('aim.sites.hidden')}</span>
              ) : row.value === null ? (
                <span className="muted">{t('aim.sites.noData')}</span>
              ) : (
                <>
                  {format(kind, row.value)}
                  {(progressFraction(baseline, target, row.value) ?? 0) < 0 && (
                    <span className="site-progress__note"> · {t('aim.sites.belowStart')}</span>
                  )}
                  {(progressFraction(baseline, target, row.value) ?? 0) >= 1 && (
                    <span className="site-progress__note"> · {t('aim.sites.reached')}</span>
                  )}
                </>
              )}
            </p>
            {!row.suppressed && row.value !== null && (
              <JourneyBar baseline={baseline} target={target} value={row.value} highlight={own} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
