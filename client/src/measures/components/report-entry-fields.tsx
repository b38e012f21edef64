import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MonthReportFieldsFragment } from '../../gql/graphql';
import { useFormatDateTime } from '../../i18n/format';
import { TextField } from '../../ui/field';
import { useMeasureFormat } from '../format';
import { type EntryField, entryNumbers, fieldKey, fieldsFor, type FormEntry } from '../report-form';
import { MeasureDefinitionList } from './measure-definition';
import { RevisionHistory } from './revision-history';

export type ReportEntryData = MonthReportFieldsFragment['entries'][number];

interface ReportEntryFieldsProps {
  entry: ReportEntryData;
  form: FormEntry;
  errors: Partial<Record<string, string>>;
  onChange: (field: EntryField, text: string) => void;
  chartHref: string;
}

/** The value a row's numbers give, as it will be charted ("That is 70.7%"), or null while incomplete. */
export function usePreview(form: FormEntry): string | null {
  const { t } = useTranslation();
  const { format } = useMeasureFormat();
  const numbers = entryNumbers(form);
  const valid = (n: number | null): n is number => n !== null && Number.isFinite(n) && n >= 0;
  switch (form.kind) {
    case 'PROPORTION':
      return valid(numbers.numerator) &&
        valid(numbers.denominator) &&
        numbers.denominator > 0 &&
        numbers.numerator <= numbers.denominator
        ? t('report.preview', { value: format('PROPORTION', numbers.numerator / numbers.denominator) })
        : null;
    case 'RATE':
      return valid(numbers.numerator) && valid(numbers.denominator) && numbers.denominator > 0
        ? t('report.preview', { value: format('RATE', numbers.numerator / numbers.denominator) })
        : null;
    default:
      return null;
  }
}

/** One measure of the month form: its inputs by kind, its definition, its status and history. */
export function ReportEntryFields({ entry, form, errors, onChange, chartHref }: ReportEntryFieldsProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const { measure } = entry;
  const preview = usePreview(form);
  const statusKey = entry.status ?? 'NONE';

  return (
    <fieldset className="report-entry">
      <legend className="report-entry__legend">{measure.name}</legend>
      <p className="report-entry__status">
        <span className={`badge badge--status-${statusKey.toLowerCase()}`}>{t(`report.status.${statusKey}`)}</span>
        {entry.updatedByName && entry.updatedAt && (
          <span className="muted small">
            {' '}
            {t('report.lastSaved', { name: entry.updatedByName, when: formatDateTime(entry.updatedAt) })}
          </span>
        )}
      </p>
      <div className="report-entry__body">
        <div className="report-entry__inputs">
          {fieldsFor(measure.kind).map((field) => (
            <TextField
              key={field}
              label={t(`report.field.${measure.kind}.${field}`, { unit: measure.unit })}
              inputMode={field === 'value' && measure.kind === 'MEAN' ? 'decimal' : 'numeric'}
              autoComplete="off"
              value={form.text[field]}
              onChange={(e) => onChange(field, e.target.value)}
              error={errors[fieldKey(measure.id, field)]}
              className="field--number"
            />
          ))}
          {preview && <p className="report-entry__preview">{preview}</p>}
        </div>
        <details className="report-entry__definition">
          <summary>{t('report.definition')}</summary>
          {measure.definition && <p>{measure.definition}</p>}
          <MeasureDefinitionList measure={measure} />
        </details>
      </div>
      {entry.history.length > 0 && <RevisionHistory history={entry.history} kind={measure.kind} />}
      {entry.status === 'SUBMITTED' && (
        <p className="report-entry__chart">
          <Link to={chartHref} aria-label={t('report.seeOnChartOf', { name: measure.name })}>
            {t('report.seeOnChart')}
          </Link>
        </p>
      )}
    </fieldset>
  );
}
