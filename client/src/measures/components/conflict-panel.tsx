import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../i18n/format';
import { type ConflictEntry, entryNumbers, type FormEntry } from '../report-form';
import type { ReportEntryData } from './report-entry-fields';
import { useReportNumbers } from './revision-history';

interface ConflictPanelProps {
  theirs: readonly ConflictEntry[];
  entries: readonly FormEntry[];
  measures: readonly ReportEntryData['measure'][];
  onUseTheirs: () => void;
  onKeepMine: () => void;
  busy: boolean;
}

/**
 * A teammate saved the month first: her numbers next to yours, who saved them and when, and the
 * two ways on. Nothing is overwritten until the member chooses.
 */
export function ConflictPanel({ theirs, entries, measures, onUseTheirs, onKeepMine, busy }: ConflictPanelProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const numbers = useReportNumbers();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className="conflict" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('report.conflict.title')}
      </h2>
      <p>{t('report.conflict.body')}</p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{t('report.conflict.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.conflict.measure')}</th>
              <th scope="col">{t('report.conflict.yours')}</th>
              <th scope="col">{t('report.conflict.theirs')}</th>
            </tr>
          </thead>
          <tbody>
            {theirs.map((their) => {
              const measure = measures.find((m) => m.id === their.measureId);
              const mine = entries.find((e) => e.measureId === their.measureId);
              if (!measure) return null;
              return (
                <tr key={their.measureId}>
                  <th scope="row">{measure.name}</th>
                  <td>{mine ? numbers(measure.kind, entryNumbers(mine)) : '—'}</td>
                  <td>
                    <strong>{numbers(measure.kind, their)}</strong>
                    <br />
                    <span className="small">
                      {t('report.conflict.savedBy', {
                        name: their.updatedByName || t('report.conflict.someone'),
                        when: their.updatedAt ? formatDateTime(their.updatedAt) : '',
                      })}
                      {' · '}
                      {t(`report.status.${their.status}`)}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={onUseTheirs} disabled={busy}>
          {t('report.conflict.useTheirs')}
        </button>
        <button type="button" className="button button--secondary" onClick={onKeepMine} disabled={busy}>
          {t('report.conflict.keepMine')}
        </button>
      </div>
    </section>
  );
}
