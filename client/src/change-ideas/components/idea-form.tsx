import { CHANGE_IDEA_LIMITS, changeIdeaEditSchema, changeIdeaInputSchema } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { errorCode } from '../../graphql/errors';
import { FormAlert } from '../../ui/feedback';
import { TextAreaField, TextField } from '../../ui/field';
import type { DriverOption } from '../hooks/use-driver-options';
import { DriverPicker } from './driver-picker';
import { useForm } from '../../ui/use-form';

const ProposeChangeIdeaDocument = graphql(`
  mutation ProposeChangeIdea($networkId: ID!, $input: ChangeIdeaInput!) {
    proposeChangeIdea(networkId: $networkId, input: $input) {
      id
      title
    }
  }
`);

const EditChangeIdeaDocument = graphql(`
  mutation EditChangeIdea($ideaId: ID!, $input: EditChangeIdeaInput!) {
    editChangeIdea(ideaId: $ideaId, input: $input) {
      id
      title
      version
    }
  }
`);

const FIELDS = ['title', 'problem', 'idea', 'driverIds', 'nextDecisionOn'] as const;

export interface IdeaFormValues {
  title: string;
  problem: string;
  idea: string;
  driverIds: string[];
  nextDecisionOn: string;
}

export const EMPTY_IDEA: IdeaFormValues = { title: '', problem: '', idea: '', driverIds: [], nextDecisionOn: '' };

interface IdeaFormProps {
  networkId: string;
  drivers: readonly DriverOption[];
  /** The idea to edit, at the version the member sees; a new proposal when absent. */
  editing?: { ideaId: string; version: number; values: IdeaFormValues };
  initial?: Partial<IdeaFormValues>;
  onDone: (saved: { id: string; title: string } | null) => void;
  /** Someone else saved the idea first: the page reloads it. */
  onConflict?: () => void;
}

/** Proposes a change idea (title, the problem, the idea in Markdown, the drivers it should move), or edits one. */
export function IdeaForm({ networkId, drivers, editing, initial, onDone, onConflict }: IdeaFormProps) {
  const { t } = useTranslation();
  const form = useForm(FIELDS);
  const { errors } = form;
  const [values, setValues] = useState<IdeaFormValues>({ ...EMPTY_IDEA, ...initial, ...editing?.values });
  const [proposeState, propose] = useMutation(ProposeChangeIdeaDocument);
  const [editState, edit] = useMutation(EditChangeIdeaDocument);
  const busy = proposeState.fetching || editState.fetching;
  const text = (name: 'title' | 'problem' | 'idea' | 'nextDecisionOn') => ({
    value: values[name],
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
    error: errors.fields[name],
  });

  async function submit() {
    const input = { ...values, nextDecisionOn: values.nextDecisionOn || null };
    const result = await form.submit({
      check: () =>
        editing
          ? form.validate(changeIdeaEditSchema, { ...input, expectedVersion: editing.version })
          : form.validate(changeIdeaInputSchema, input),
      send: async () => {
        const result = editing
          ? await edit({ ideaId: editing.ideaId, input: { ...input, expectedVersion: editing.version } })
          : await propose({ networkId, input });
        return {
          error: result.error,
          saved: result.data
            ? 'editChangeIdea' in result.data
              ? result.data.editChangeIdea
              : result.data.proposeChangeIdea
            : null,
        };
      },
      onError: (error) => void (errorCode(error) === 'CONFLICT' && onConflict?.()),
    });
    if (result?.saved) onDone(result.saved);
  }

  return (
    <form {...form.formProps(submit)} className="idea-form">
      <FormAlert messages={errors.form} />
      <TextField
        label={t('ideas.form.title')}
        hint={t('ideas.form.titleHint')}
        {...text('title')}
        limit={CHANGE_IDEA_LIMITS.titleMax}
        required
      />
      <TextAreaField
        label={t('ideas.form.problem')}
        hint={t('ideas.form.problemHint')}
        rows={5}
        {...text('problem')}
        limit={CHANGE_IDEA_LIMITS.problemMax}
        required
      />
      <TextAreaField
        label={t('ideas.form.idea')}
        hint={t('ideas.form.ideaHint')}
        rows={9}
        {...text('idea')}
        limit={CHANGE_IDEA_LIMITS.ideaMax}
        required
      />
      <DriverPicker
        drivers={drivers}
        selected={values.driverIds}
        onChange={(driverIds) => setValues((current) => ({ ...current, driverIds }))}
        error={errors.fields.driverIds}
      />
      <TextField
        label={t('ideas.form.nextDecisionOn')}
        hint={t('ideas.form.nextDecisionOnHint')}
        type="date"
        className="field--short"
        {...text('nextDecisionOn')}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {editing ? t('ideas.form.save') : t('ideas.form.propose')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
