import {
  type ChartType,
  type Direction,
  fieldIssue,
  MEASURE_KINDS,
  measureDefinitionSchema,
  type MeasureKind,
} from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { chartTypesFor } from '../../charts/chart-types';
import { graphql } from '../../gql';
import type { MeasureDefinitionFragment } from '../../gql/graphql';
import { useLocale } from '../../i18n/format';
import { FormAlert } from '../../ui/feedback';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { fromDisplay, inputUnitLabel, toDisplay } from '../format';
import { parseNumberText } from '../report-form';
import { useForm } from '../../ui/use-form';

const CreateMeasureDocument = graphql(`
  mutation CreateMeasure($networkId: ID!, $input: MeasureInput!) {
    createMeasure(networkId: $networkId, input: $input) {
      ...MeasureDefinition
    }
  }
`);

const UpdateMeasureDocument = graphql(`
  mutation UpdateMeasure($measureId: ID!, $input: MeasureInput!) {
    updateMeasure(measureId: $measureId, input: $input) {
      ...MeasureDefinition
    }
  }
`);

const FIELDS = [
  'key',
  'name',
  'definition',
  'numeratorDefinition',
  'denominatorDefinition',
  'inclusions',
  'exclusions',
  'kind',
  'direction',
  'unit',
  'target',
  'defaultChart',
] as const;

interface MeasureFormProps {
  networkId: string;
  /** The measure to edit; a new one when absent. */
  measure?: MeasureDefinitionFragment;
  onDone: (saved: MeasureDefinitionFragment | null) => void;
}

/** Network admins: define a measure or change its definition. The kind is fixed once the measure exists. */
export function MeasureForm({ networkId, measure, onDone }: MeasureFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm(FIELDS);
  const { errors } = form;
  const [values, setValues] = useState({
    key: measure?.key ?? '',
    name: measure?.name ?? '',
    definition: measure?.definition ?? '',
    numeratorDefinition: measure?.numeratorDefinition ?? '',
    denominatorDefinition: measure?.denominatorDefinition ?? '',
    inclusions: measure?.inclusions ?? '',
    exclusions: measure?.exclusions ?? '',
    unit: measure?.unit ?? '',
  });
  const [kind, setKind] = useState<MeasureKind>(measure?.kind ?? 'PROPORTION');
  const [direction, setDirection] = useState<Direction>(measure?.direction ?? 'UP');
  const [defaultChart, setDefaultChart] = useState<ChartType>(measure?.defaultChart ?? chartTypesFor(kind)[0]);
  const [target, setTarget] = useState(
    measure?.target == null ? '' : String(Number(toDisplay(measure.kind, measure.target).toFixed(4))),
  );
  const [createState, create] = useMutation(CreateMeasureDocument);
  const [updateState, update] = useMutation(UpdateMeasureDocument);
  const text = (name: keyof typeof values) =>
    form.field(name, values[name], (value) => setValues((current) => ({ ...current, [name]: value })));

  async function submit() {
    const targetNumber = parseNumberText(target);
    const notANumber = targetNumber !== null && Number.isNaN(targetNumber);
    const input = {
      ...values,
      kind,
      direction,
      defaultChart,
      target: targetNumber === null || notANumber ? null : fromDisplay(kind, targetNumber),
    };
    const result = await form.submit({
      check: () =>
        notANumber
          ? form.fromIssues([fieldIssue('target', 'not_a_number')])
          : form.validate(measureDefinitionSchema, input),
      send: async () => {
        const sent = measure ? await update({ measureId: measure.id, input }) : await create({ networkId, input });
        return {
          error: sent.error,
          saved: sent.data ? ('updateMeasure' in sent.data ? sent.data.updateMeasure : sent.data.createMeasure) : null,
        };
      },
    });
    if (result?.saved) onDone(result.saved);
  }

  const unitLabel = inputUnitLabel(kind, values.unit, locale, t);
  return (
    <form {...form.formProps(submit)} className="measure-form">
      <FormAlert messages={errors.form} />
      <TextField label={t('measures.form.name')} {...text('name')} required />
      <TextField
        label={t('measures.form.key')}
        hint={t('measures.form.keyHint')}
        {...text('key')}
        required
        className="field--short"
      />
      <TextAreaField
        label={t('measures.form.definition')}
        hint={t('measures.form.definitionHint')}
        {...text('definition')}
      />
      <SelectField
        label={t('measures.form.kind')}
        hint={measure ? t('measures.form.kindLocked') : t('measures.form.kindHint')}
        value={kind}
        disabled={Boolean(measure)}
        onChange={(e) => {
          const next = e.target.value as MeasureKind;
          setKind(next);
          if (!chartTypesFor(next).includes(defaultChart)) setDefaultChart(chartTypesFor(next)[0]);
        }}
        options={MEASURE_KINDS.map((value) => ({ value, label: t(`measures.kind.${value}`) }))}
        error={errors.fields.kind}
      />
      {kind !== 'COUNT' && (
        <TextAreaField label={t(`measures.definition.numerator.${kind}`)} {...text('numeratorDefinition')} />
      )}
      {kind !== 'COUNT' && (
        <TextAreaField label={t(`measures.definition.denominator.${kind}`)} {...text('denominatorDefinition')} />
      )}
      <TextAreaField label={t('measures.definition.inclusions')} {...text('inclusions')} />
      <TextAreaField label={t('measures.definition.exclusions')} {...text('exclusions')} />
      <div className="form-row">
        <SelectField
          label={t('measures.form.direction')}
          value={direction}
          onChange={(e) => setDirection(e.target.value as Direction)}
          options={(['UP', 'DOWN'] as const).map((value) => ({ value, label: t(`measures.direction.${value}`) }))}
          error={errors.fields.direction}
        />
        <TextField label={t('measures.form.unit')} hint={t('measures.form.unitHint')} {...text('unit')} />
      </div>
      <div className="form-row">
        <TextField
          label={unitLabel ? t('measures.form.targetIn', { unit: unitLabel }) : t('measures.form.target')}
          hint={t('measures.form.targetHint')}
          inputMode="decimal"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          error={errors.fields.target}
        />
        <SelectField
          label={t('measures.form.defaultChart')}
          value={defaultChart}
          onChange={(e) => setDefaultChart(e.target.value as ChartType)}
          options={chartTypesFor(kind).map((value) => ({ value, label: t(`charts.type.${value}`) }))}
          error={errors.fields.defaultChart}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={createState.fetching || updateState.fetching}>
          {measure ? t('measures.form.save') : t('measures.form.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
