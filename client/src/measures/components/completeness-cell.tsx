import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export type CellStatus = 'SUBMITTED' | 'LATE' | 'DRAFT' | 'MISSING' | 'NOT_DUE';

/** The icon of each status: a distinct shape, so the grid reads without colour. */
export const STATUS_ICON: Record<CellStatus, string> = {
  SUBMITTED: '✓',
  LATE: '!',
  DRAFT: '✎',
  MISSING: '✗',
  NOT_DUE: '·',
};

export const CELL_STATUSES: readonly CellStatus[] = ['SUBMITTED', 'LATE', 'DRAFT', 'MISSING', 'NOT_DUE'];

interface CompletenessCellProps {
  status: CellStatus;
  submitted: number;
  drafts: number;
  measureCount: number;
  /** "Riverside, March 2026": what a screen reader hears before the status. */
  label: string;
  /** The month form of this site and month, for those who may report it. */
  href?: string;
}

/** One site-month of the completeness grid: an icon and colour for the eye, the status and counts in words. */
export function CompletenessCell({ status, submitted, drafts, measureCount, label, href }: CompletenessCellProps) {
  const { t } = useTranslation();
  const detail = t('completeness.detail', { submitted, total: measureCount, drafts });
  const content = (
    <>
      <span className="cell__icon" aria-hidden="true">
        {STATUS_ICON[status]}
      </span>
      <span className="visually-hidden">
        {label}: {t(`completeness.status.${status}`)}. {detail}
      </span>
    </>
  );
  return (
    <td
      className={`cell cell--${status.toLowerCase().replace('_', '-')}`}
      title={`${t(`completeness.status.${status}`)} · ${detail}`}
    >
      {href ? (
        <Link to={href} className="cell__link">
          {content}
        </Link>
      ) : (
        content
      )}
    </td>
  );
}

/** The key to the grid's icons and colours. */
export function CompletenessLegend() {
  const { t } = useTranslation();
  return (
    <ul className="legend completeness-legend" aria-label={t('completeness.legend')}>
      {CELL_STATUSES.map((status) => (
        <li key={status}>
          <span className={`cell cell--${status.toLowerCase().replace('_', '-')} cell--swatch`} aria-hidden="true">
            <span className="cell__icon">{STATUS_ICON[status]}</span>
          </span>
          {t(`completeness.status.${status}`)}
        </li>
      ))}
    </ul>
  );
}
