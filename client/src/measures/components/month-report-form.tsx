import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { MonthReportFieldsFragment } from '../../gql/graphql';
import { describeError, errorIssues, hasErrors, NO_ERRORS } from '../../graphql/errors';
import { useFormatDay, useFormatMonth } from '../../i18n/format';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { TextAreaField } from '../../ui/field';
import { useForm } from '../../ui/use-form';
import {
  changesSubmitted,
  type ConflictEntry,
  conflictEntries,
  type EntryField,
  formEntry,
  type FormEntry,
  keepingMine,
  reportFormErrors,
  reportIssues,
  toEntryInputs,
  withTheirNumbers,
} from '../report-form';
import { ConflictPanel } from './conflict-panel';
import { ReportEntryFields } from './report-entry-fields';

const SaveMonthReportDocument = graphql(`
  mutation SaveMonthReport($input: SaveMonthReportInput!) {
    saveMonthReport(input: $input) {
      ...MonthReportFields
    }
  }
`);

/** The form rows of a loaded month. */
export function formEntries(report: MonthReportFieldsFragment): FormEntry[] {
  return report.entries.map((entry) =>
    formEntry(
      entry.measure.id,
      entry.measure.kind,
      { numerator: entry.numerator, denominator: entry.denominator, value: entry.value },
      entry.version,
      entry.status,
    ),
  );
}

/** The form's fields are per measure: `reportFormErrors` places every problem itself. */
const NO_FIXED_FIELDS: readonly string[] = [];

/** Whether the button that sent the form asks to submit the month, not to keep a draft. */
const submitsMonth = (event: FormEvent<HTMLFormElement>) =>
  ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value !== 'draft';

type Outcome = 'draft' | 'submitted' | 'theirs' | null;

interface MonthReportFormProps {
  report: MonthReportFieldsFragment;
  networkId: string;
  networkSlug: string;
}

/**
 * Every measure of a site's month on one form. Checked with the shared rules before sending;
 * the server's field errors land on the inputs they name. A teammate's earlier save opens the
 * conflict panel instead of being overwritten.
 */
export function MonthReportForm({ report: loaded, networkId, networkSlug }: MonthReportFormProps) {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth('long');
  const form = useForm(NO_FIXED_FIELDS);
  const { errors } = form;
  const [report, setReport] = useState(loaded);
  const [entries, setEntries] = useState(() => formEntries(loaded));
  const [reason, setReason] = useState('');
  const [conflict, setConflict] = useState<{ theirs: ConflictEntry[]; submit: boolean } | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [{ fetching }, saveReport] = useMutation(SaveMonthReportDocument);
  const formatDay = useFormatDay();
  const anySubmitted = entries.some((entry) => entry.status === 'SUBMITTED');
  // A month opens for submission once it has ended (the server holds the same rule); drafts any time.
  const [openedAt] = useState(Date.now);
  const submissionOpen = openedAt >= Date.parse(report.submissionOpensAt);
  const needsReason = changesSubmitted(entries);
  const month = formatMonth(report.month);
  const chartHref = (measureId: string) =>
    `/n/${networkSlug}/measures/${measureId}?site=${encodeURIComponent(report.site.id)}`;

  const change = (measureId: string, field: EntryField, text: string) => {
    setOutcome(null);
    setEntries((current) =>
      current.map((entry) =>
        entry.measureId === measureId ? { ...entry, text: { ...entry.text, [field]: text } } : entry,
      ),
    );
  };

  async function save(submit: boolean, rows: FormEntry[] = entries) {
    setOutcome(null);
    const measureIds = rows.map((row) => row.measureId);
    const result = await form.submit({
      check: () => {
        const issues = reportIssues(rows, { submit, reason });
        return issues.length ? reportFormErrors(issues, measureIds, t) : null;
      },
      send: () =>
        saveReport({
          input: {
            networkId,
            siteId: report.site.id,
            month: report.month,
            submit,
            reason: reason.trim() || null,
            entries: toEntryInputs(rows),
          },
        }),
      onError: (error) => {
        const theirs = conflictEntries(error);
        if (theirs) {
          setConflict({ theirs, submit });
          return NO_ERRORS;
        }
        const mapped = reportFormErrors(errorIssues(error), measureIds, t);
        return hasErrors(mapped) ? mapped : { fields: {}, form: [describeError(error, t)] };
      },
    });
    if (!result?.data) return;
    const saved = result.data.saveMonthReport;
    setReport(saved);
    setEntries(formEntries(saved));
    setReason('');
    setConflict(null);
    setOutcome(submit ? 'submitted' : 'draft');
  }

  function takeTheirs() {
    if (!conflict) return;
    setEntries(withTheirNumbers(entries, conflict.theirs));
    setConflict(null);
    form.setErrors(NO_ERRORS);
    setOutcome('theirs');
  }

  function keepMine() {
    if (!conflict) return;
    const rows = keepingMine(entries, conflict.theirs);
    setEntries(rows);
    setConflict(null);
    void save(conflict.submit, rows);
  }

  const outcomeMessage =
    outcome === 'submitted' ? (
      <>
        {t('report.submitted', { month, site: report.site.name })}{' '}
        {report.entries[0] && <Link to={chartHref(report.entries[0].measure.id)}>{t('report.seeOnChart')}</Link>}
      </>
    ) : outcome === 'draft' ? (
      t('report.draftSaved', { month })
    ) : outcome === 'theirs' ? (
      t('report.conflict.theirsInForm')
    ) : null;

  return (
    <form
      {...form.formProps((event) => save(submitsMonth(event)))}
      className="month-form"
      aria-label={t('report.formLabel', { month, site: report.site.name })}
    >
      {/* The month is chosen above the form, so a problem with it is said here. */}
      <FormAlert messages={errors.fields.month ? [errors.fields.month, ...errors.form] : errors.form} />
      {conflict && (
        <ConflictPanel
          theirs={conflict.theirs}
          entries={entries}
          measures={report.entries.map((entry) => entry.measure)}
          onUseTheirs={takeTheirs}
          onKeepMine={keepMine}
          busy={fetching}
        />
      )}
      <StatusMessage>{outcomeMessage}</StatusMessage>
      {!submissionOpen && (
        <p className="notice month-form__not-open">
          {t('report.notOpen', { month, date: formatDay(report.submissionOpensAt) })}
        </p>
      )}

      {report.entries.map((entry) => {
        const row = entries.find((e) => e.measureId === entry.measure.id)!;
        return (
          <ReportEntryFields
            key={entry.measure.id}
            entry={entry}
            form={row}
            errors={errors.fields}
            onChange={(field, text) => change(entry.measure.id, field, text)}
            chartHref={chartHref(entry.measure.id)}
          />
        );
      })}

      {anySubmitted && (
        <TextAreaField
          label={t('report.reason')}
          hint={needsReason ? t('report.reasonRequired') : t('report.reasonHint')}
          {...form.field('reason', reason, setReason)}
          required={needsReason}
          rows={3}
        />
      )}
      <div className="button-row month-form__actions">
        {!anySubmitted && (
          <button
            type="submit"
            name="action"
            value="draft"
            className={submissionOpen ? 'button button--secondary' : 'button'}
            disabled={fetching}
          >
            {t('report.saveDraft')}
          </button>
        )}
        {submissionOpen && (
          <button type="submit" name="action" value="submit" className="button" disabled={fetching}>
            {anySubmitted ? t('report.submitChanges') : t('report.submit', { month })}
          </button>
        )}
        {fetching && <span className="muted">{t('report.saving')}</span>}
      </div>
    </form>
  );
}
