import {
  PDSA_ACTS,
  PDSA_STAGES,
  type PdsaAct,
  type PdsaStage,
  pdsaCycleEditSchema,
  pdsaCycleInputSchema,
} from '@commons/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { PdsaCycleFieldsFragment } from '../../gql/graphql';
import { NO_ERRORS } from '../../graphql/errors';
import { FormAlert } from '../../ui/feedback';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { conflictState } from '../errors';
import { CheckboxGroup } from './checkbox-group';
import { localIsoDate } from '../../ui/local-date';
import { useForm } from '../../ui/use-form';

const CreatePdsaCycleDocument = graphql(`
  mutation CreatePdsaCycle($ideaId: ID!, $input: PdsaCycleInput!) {
    createPdsaCycle(ideaId: $ideaId, input: $input) {
      ...PdsaCycleFields
    }
  }
`);

const UpdatePdsaCycleDocument = graphql(`
  mutation UpdatePdsaCycle($cycleId: ID!, $input: EditPdsaCycleInput!) {
    updatePdsaCycle(cycleId: $cycleId, input: $input) {
      ...PdsaCycleFields
    }
  }
`);

const FIELDS = [
  'siteId',
  'title',
  'stage',
  'startOn',
  'endOn',
  'plan',
  'prediction',
  'doNotes',
  'studyNotes',
  'act',
  'actNotes',
  'measureIds',
] as const;

interface Values {
  siteId: string;
  title: string;
  stage: PdsaStage;
  startOn: string;
  endOn: string;
  plan: string;
  prediction: string;
  doNotes: string;
  studyNotes: string;
  act: PdsaAct | '';
  actNotes: string;
  measureIds: string[];
}

function valuesOf(cycle: PdsaCycleFieldsFragment | undefined, siteId: string): Values {
  return {
    siteId: cycle?.site.id ?? siteId,
    title: cycle?.title ?? '',
    stage: cycle?.stage ?? 'PLAN',
    startOn: cycle?.startOn ?? localIsoDate(),
    endOn: cycle?.endOn ?? '',
    plan: cycle?.plan ?? '',
    prediction: cycle?.prediction ?? '',
    doNotes: cycle?.doNotes ?? '',
    studyNotes: cycle?.studyNotes ?? '',
    act: cycle?.act ?? '',
    actNotes: cycle?.actNotes ?? '',
    measureIds: cycle?.measures.map((m) => m.id) ?? [],
  };
}

interface PdsaCycleFormProps {
  ideaId: string;
  /** The sites the member may start a cycle at (creating only). */
  sites: readonly { id: string; name: string }[];
  measures: readonly { id: string; name: string }[];
  /** The cycle to update, at the version the member sees; a new cycle when absent. */
  cycle?: PdsaCycleFieldsFragment;
  onDone: (saved: PdsaCycleFieldsFragment | null) => void;
  /** Someone saved the cycle first: the page reloads it. */
  onConflict?: () => void;
}

/**
 * A PDSA cycle at a site: the plan with its explicit prediction, what was done, what happened
 * compared with the prediction, and the act (adopt, adapt, abandon); its dates and the measures
 * it should move. Checked with the shared rules before sending.
 */
export function PdsaCycleForm({ ideaId, sites, measures, cycle, onDone, onConflict }: PdsaCycleFormProps) {
  const { t } = useTranslation();
  const form = useForm(FIELDS);
  const { errors } = form;
  const headingId = useId();
  const [values, setValues] = useState<Values>(() => valuesOf(cycle, sites[0]?.id ?? ''));
  const [conflict, setConflict] = useState(false);
  const [createState, create] = useMutation(CreatePdsaCycleDocument);
  const [updateState, update] = useMutation(UpdatePdsaCycleDocument);
  const set = <K extends keyof Values>(name: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [name]: value }));
  const text = (name: 'title' | 'startOn' | 'endOn' | 'plan' | 'prediction' | 'doNotes' | 'studyNotes' | 'actNotes') =>
    form.field(name, values[name], (value) => set(name, value));

  async function submit() {
    setConflict(false);
    const { siteId, ...content } = values;
    const fields = { ...content, act: values.act || null, endOn: values.endOn || null };
    const result = await form.submit({
      check: () =>
        cycle
          ? form.validate(pdsaCycleEditSchema, { ...fields, expectedVersion: cycle.version })
          : form.validate(pdsaCycleInputSchema, { ...fields, siteId }),
      send: async () => {
        const sent = cycle
          ? await update({ cycleId: cycle.id, input: { ...fields, expectedVersion: cycle.version } })
          : await create({ ideaId, input: { ...fields, siteId } });
        return {
          error: sent.error,
          saved: sent.data
            ? 'updatePdsaCycle' in sent.data
              ? sent.data.updatePdsaCycle
              : sent.data.createPdsaCycle
            : null,
        };
      },
      onError: (error) => {
        if (!conflictState(error)) return undefined;
        setConflict(true);
        onConflict?.();
        return NO_ERRORS;
      },
    });
    if (result?.saved) onDone(result.saved);
  }

  const stageOptions = PDSA_STAGES.map((stage) => ({ value: stage, label: t(`ideas.pdsa.stage.${stage}`) }));
  const actOptions = [
    { value: '', label: t('ideas.pdsa.form.actNone') },
    ...PDSA_ACTS.map((act) => ({ value: act, label: t(`ideas.pdsa.act.${act}`) })),
  ];

  return (
    <form {...form.formProps(submit)} className="pdsa-form" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {cycle
          ? t('ideas.pdsa.form.editTitle', { number: cycle.number, title: cycle.title })
          : t('ideas.pdsa.form.newTitle')}
      </h3>
      {conflict && (
        <div role="alert" className="notice notice--error">
          <p className="notice__title">{t('ideas.pdsa.form.conflictTitle')}</p>
          <p>{t('ideas.pdsa.form.conflictBody')}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => onDone(null)}>
            {t('ideas.pdsa.form.seeTheirs')}
          </button>
        </div>
      )}
      <FormAlert messages={errors.form} />
      <div className="form-row">
        {!cycle && (
          <SelectField
            label={t('ideas.pdsa.form.site')}
            value={values.siteId}
            onChange={(e) => set('siteId', e.target.value)}
            options={sites.map((site) => ({ value: site.id, label: site.name }))}
            error={errors.fields.siteId}
          />
        )}
        <SelectField
          label={t('ideas.pdsa.form.stage')}
          hint={t('ideas.pdsa.form.stageHint')}
          value={values.stage}
          onChange={(e) => set('stage', e.target.value as PdsaStage)}
          options={stageOptions}
          error={errors.fields.stage}
        />
      </div>
      <TextField label={t('ideas.pdsa.form.title')} {...text('title')} required />
      <fieldset className="pdsa-form__part">
        <legend>{t('ideas.pdsa.stage.PLAN')}</legend>
        <TextAreaField
          label={t('ideas.pdsa.form.plan')}
          hint={t('ideas.pdsa.form.planHint')}
          rows={4}
          {...text('plan')}
          required
        />
        <TextAreaField
          label={t('ideas.pdsa.form.prediction')}
          hint={t('ideas.pdsa.form.predictionHint')}
          rows={3}
          {...text('prediction')}
          required
        />
        <div className="form-row">
          <TextField label={t('ideas.pdsa.form.startOn')} type="date" {...text('startOn')} required />
          <TextField
            label={t('ideas.pdsa.form.endOn')}
            hint={t('ideas.pdsa.form.endOnHint')}
            type="date"
            {...text('endOn')}
          />
        </div>
        <CheckboxGroup
          legend={t('ideas.pdsa.form.measures')}
          hint={t('ideas.pdsa.form.measuresHint')}
          options={measures.map((m) => ({ id: m.id, label: m.name }))}
          selected={values.measureIds}
          onChange={(ids) => set('measureIds', ids)}
          error={errors.fields.measureIds}
        />
      </fieldset>
      <fieldset className="pdsa-form__part">
        <legend>{t('ideas.pdsa.stage.DO')}</legend>
        <TextAreaField
          label={t('ideas.pdsa.form.doNotes')}
          hint={t('ideas.pdsa.form.doNotesHint')}
          rows={3}
          {...text('doNotes')}
        />
      </fieldset>
      <fieldset className="pdsa-form__part">
        <legend>{t('ideas.pdsa.stage.STUDY')}</legend>
        <TextAreaField
          label={t('ideas.pdsa.form.studyNotes')}
          hint={t('ideas.pdsa.form.studyNotesHint')}
          rows={3}
          {...text('studyNotes')}
        />
      </fieldset>
      <fieldset className="pdsa-form__part">
        <legend>{t('ideas.pdsa.stage.ACT')}</legend>
        <SelectField
          label={t('ideas.pdsa.form.act')}
          value={values.act}
          onChange={(e) => set('act', e.target.value as PdsaAct | '')}
          options={actOptions}
          error={errors.fields.act}
        />
        <TextAreaField label={t('ideas.pdsa.form.actNotes')} rows={2} {...text('actNotes')} />
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" disabled={createState.fetching || updateState.fetching}>
          {cycle ? t('ideas.pdsa.form.save') : t('ideas.pdsa.form.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
