import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatMonth } from '../../i18n/format';
import { isReportDue } from '../../measures/months';
import { type CaptionTone, chartCaptions, type SignalData } from '../captions';
import { excludedMonths, phaseCount, type PointData } from '../chart-data';
import { listFormat } from '../../i18n/intl-cache';

const TONE_ICON: Record<CaptionTone, string> = { improvement: '▲', deterioration: '▼', neutral: '◆', notice: 'ℹ' };

/** Lists `months` in words: "Jan 2026, Feb 2026 and Mar 2026". */
export function useMonthList() {
  const { i18n } = useTranslation();
  const formatMonth = useFormatMonth();
  return (months: readonly string[]) =>
    listFormat(i18n.resolvedLanguage ?? 'en', { type: 'conjunction' }).format(
      months.map((month) => formatMonth(month)),
    );
}

/**
 * What a chart shows, in plain words under it: each signal ("8 months in a row above the
 * median: this is unlikely to be chance. This is an improvement."), or that nothing stands out;
 * then notes on months left out, hidden or not reported by every site. A shift offers to start
 * a new phase where the level moved (`onSplit`).
 */
export function SignalCaptions({
  signals,
  points,
  onSplit,
}: {
  signals: readonly SignalData[];
  points: readonly PointData[];
  onSplit?: (month: string) => void;
}) {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth();
  const monthList = useMonthList();
  const headingId = useId();
  // A month whose report is not due yet is not "missing": it just has not happened.
  const shown = signals.filter(
    (s) => !(s.key === 'pointExcluded' && s.reason === 'MISSING_VALUE' && s.month && !isReportDue(s.month)),
  );
  const captions = chartCaptions(shown, t, formatMonth, phaseCount(points));
  const { suppressed } = excludedMonths(points);
  const notes = [
    ...captions.notices.map((c) => c.text),
    ...(suppressed.length
      ? [t('charts.caption.suppressed', { count: suppressed.length, months: monthList(suppressed) })]
      : []),
  ];

  return (
    <section className="captions" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('charts.caption.title')}</h3>
      {captions.signals.length > 0 ? (
        <ul className="captions__list">
          {captions.signals.map((caption) => (
            <li key={caption.text} className={`caption caption--${caption.tone}`}>
              <span className="caption__icon" aria-hidden="true">
                {TONE_ICON[caption.tone]}
              </span>
              <span>
                {caption.text}
                {caption.splitAt && onSplit && (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={() => onSplit(caption.splitAt!)}>
                      {t('charts.caption.split', { month: formatMonth(caption.splitAt) })}
                    </button>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('charts.caption.none')}</p>
      )}
      {notes.length > 0 && (
        <ul className="captions__notes">
          {notes.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
