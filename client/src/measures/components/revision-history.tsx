import type { MeasureKind } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../i18n/format';
import { useMeasureFormat } from '../format';

export interface Revision {
  version: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  status: 'DRAFT' | 'SUBMITTED';
  reason: string | null;
  changedAt: string;
  changedByName: string;
}

/** A report's numbers in words: "41 of 58", "3 per 232", "9.5 (12 patients)", "4", or a dash. */
export function useReportNumbers() {
  const { t } = useTranslation();
  const { number } = useMeasureFormat();
  return (kind: MeasureKind, r: Pick<Revision, 'numerator' | 'denominator' | 'value'>) => {
    const n = (value: number | null) => (value === null ? '—' : number(value, 2));
    if (r.numerator === null && r.denominator === null && r.value === null) return t('report.numbers.empty');
    switch (kind) {
      case 'PROPORTION':
        return t('report.numbers.PROPORTION', { numerator: n(r.numerator), denominator: n(r.denominator) });
      case 'RATE':
        return t('report.numbers.RATE', { numerator: n(r.numerator), denominator: n(r.denominator) });
      case 'MEAN':
        return t('report.numbers.MEAN', { value: n(r.value), denominator: n(r.denominator) });
      case 'COUNT':
        return n(r.value);
    }
  };
}

/** Every saved version of a report, newest first: who, when, old → new numbers, and why. */
export function RevisionHistory({ history, kind }: { history: readonly Revision[]; kind: MeasureKind }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const numbers = useReportNumbers();
  return (
    <details className="history">
      <summary>{t('report.history.summary', { count: history.length })}</summary>
      <ol className="history__list">
        {history.map((revision, index) => {
          const previous = history[index + 1];
          const now = numbers(kind, revision);
          const before = previous ? numbers(kind, previous) : null;
          return (
            <li key={revision.version}>
              <p className="history__who">
                <strong>{formatDateTime(revision.changedAt)}</strong> · {revision.changedByName} ·{' '}
                {t(`report.status.${revision.status}`)}
              </p>
              <p>
                {before === null
                  ? t('report.history.first', { numbers: now })
                  : before === now
                    ? t('report.history.unchanged', { numbers: now })
                    : t('report.history.changed', { before, after: now })}
              </p>
              {revision.reason && (
                <p className="history__reason">{t('report.history.reason', { reason: revision.reason })}</p>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
