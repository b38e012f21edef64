import { fieldIssue } from '@commons/shared';
import type { MeasureKind } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { useFormatMonth, useLocale } from '../../i18n/format';
import { fromDisplay, inputUnitLabel, toDisplay } from '../../measures/format';
import { networkMonths } from '../../measures/months';
import { parseNumberText } from '../../measures/report-form';
import { useNetwork } from '../../networks/network-context';
import { FormAlert } from '../../ui/feedback';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { useForm } from '../../ui/use-form';

const AimMeasuresDocument = graphql(`
  query AimMeasures($networkId: ID!) {
    measures(networkId: $networkId) {
      id
      name
      kind
      unit
    }
  }
`);

const UpdateAimDocument = graphql(`
  mutation UpdateAim($networkId: ID!, $input: AimInput!) {
    updateAim(networkId: $networkId, input: $input) {
      id
      statement
    }
  }
`);

const FIELDS = [
  'statement',
  'outcomeMeasureId',
  'baselineValue',
  'baselineFrom',
  'baselineTo',
  'targetValue',
  'dueDate',
] as const;

export interface AimValues {
  statement: string;
  outcomeMeasureId: string | null;
  kind: MeasureKind | null;
  baselineValue: number;
  baselineFrom: string;
  baselineTo: string;
  targetValue: number;
  dueDate: string;
}

/** Network admins: set or change the shared aim. Values are typed as shown (percent for proportions). */
export function AimForm({ aim, onDone }: { aim: AimValues | null; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const formatMonth = useFormatMonth('long');
  const [{ data }] = useQuery({ query: AimMeasuresDocument, variables: { networkId: network.id } });
  const measures = data?.measures ?? [];
  const months = networkMonths(network.startedOn);
  const form = useForm(FIELDS);
  const { errors } = form;
  const locale = useLocale();
  // Typed values are plain numbers in the shown unit (no grouping), so they read back exactly.
  const shown = (value: number | undefined) =>
    value === undefined ? '' : String(Number((aim?.kind ? toDisplay(aim.kind, value) : value).toFixed(4)));
  const [statement, setStatement] = useState(aim?.statement ?? '');
  const [measureId, setMeasureId] = useState(aim?.outcomeMeasureId ?? '');
  const [baseline, setBaseline] = useState(shown(aim?.baselineValue));
  const [baselineFrom, setBaselineFrom] = useState(aim?.baselineFrom ?? months[0]);
  const [baselineTo, setBaselineTo] = useState(aim?.baselineTo ?? months[Math.min(5, months.length - 1)]);
  const [target, setTarget] = useState(shown(aim?.targetValue));
  const [dueDate, setDueDate] = useState(aim?.dueDate ?? '');
  const [{ fetching }, update] = useMutation(UpdateAimDocument);
  const measure = measures.find((m) => m.id === measureId);
  const unit = measure ? inputUnitLabel(measure.kind, measure.unit, locale, t) : '';
  const monthOptions = months.map((month) => ({ value: month, label: formatMonth(month) }));

  async function submit() {
    const baselineNumber = parseNumberText(baseline);
    const targetNumber = parseNumberText(target);
    const issues = [
      ...(statement.trim() ? [] : [fieldIssue('statement', 'required')]),
      ...(baselineNumber === null
        ? [fieldIssue('baselineValue', 'required')]
        : Number.isNaN(baselineNumber)
          ? [fieldIssue('baselineValue', 'not_a_number')]
          : []),
      ...(targetNumber === null
        ? [fieldIssue('targetValue', 'required')]
        : Number.isNaN(targetNumber)
          ? [fieldIssue('targetValue', 'not_a_number')]
          : []),
      ...(dueDate ? [] : [fieldIssue('dueDate', 'required')]),
    ];
    const stored = (value: number) => (measure ? fromDisplay(measure.kind, value) : value);
    const send = () =>
      update({
        networkId: network.id,
        input: {
          statement,
          outcomeMeasureId: measureId || null,
          baselineValue: stored(baselineNumber!),
          baselineFrom,
          baselineTo,
          targetValue: stored(targetNumber!),
          dueDate,
        },
      });
    if (await form.submit({ check: () => form.fromIssues(issues), send })) onDone(true);
  }

  return (
    <form {...form.formProps(submit)} className="panel aim-form">
      <h2>{aim ? t('aim.form.editTitle') : t('aim.form.createTitle')}</h2>
      <FormAlert messages={errors.form} />
      <TextAreaField
        label={t('aim.form.statement')}
        hint={t('aim.form.statementHint')}
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
        error={errors.fields.statement}
        required
      />
      <SelectField
        label={t('aim.form.outcomeMeasure')}
        hint={t('aim.form.outcomeMeasureHint')}
        value={measureId}
        onChange={(e) => setMeasureId(e.target.value)}
        error={errors.fields.outcomeMeasureId}
        options={[
          { value: '', label: t('aim.form.noMeasure') },
          ...measures.map((m) => ({ value: m.id, label: m.name })),
        ]}
      />
      <div className="form-row">
        <TextField
          label={unit ? t('aim.form.baselineValueIn', { unit }) : t('aim.form.baselineValue')}
          inputMode="decimal"
          value={baseline}
          onChange={(e) => setBaseline(e.target.value)}
          error={errors.fields.baselineValue}
          required
        />
        <TextField
          label={unit ? t('aim.form.targetValueIn', { unit }) : t('aim.form.targetValue')}
          inputMode="decimal"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          error={errors.fields.targetValue}
          required
        />
      </div>
      <div className="form-row">
        <SelectField
          label={t('aim.form.baselineFrom')}
          value={baselineFrom}
          onChange={(e) => setBaselineFrom(e.target.value)}
          options={monthOptions}
          error={errors.fields.baselineFrom}
        />
        <SelectField
          label={t('aim.form.baselineTo')}
          value={baselineTo}
          onChange={(e) => setBaselineTo(e.target.value)}
          options={monthOptions}
          error={errors.fields.baselineTo}
        />
      </div>
      <TextField
        label={t('aim.form.dueDate')}
        type="date"
        value={dueDate}
        onChange={(e) => setDueDate(e.target.value)}
        error={errors.fields.dueDate}
        required
        className="field--short"
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={fetching}>
          {t('aim.form.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
