import { GROUP_LIMITS, groupInputSchema, type GroupVisibility } from '@commons/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from '@urql/core';
import { FormAlert } from '../../ui/feedback';
import { TextAreaField, TextField } from '../../ui/field';
import { useForm } from '../../ui/use-form';

export interface GroupFormValues {
  name: string;
  purpose: string;
  visibility: GroupVisibility;
}

const FIELDS = ['name', 'purpose', 'visibility'] as const;

export const EMPTY_GROUP: GroupFormValues = { name: '', purpose: '', visibility: 'OPEN' };

interface GroupFormProps {
  initial: GroupFormValues;
  submitLabel: string;
  busyLabel: string;
  /** Sends the values; resolves with the server's error, or null when it saved. */
  onSubmit: (values: GroupFormValues) => Promise<CombinedError | null>;
  onCancel?: () => void;
}

/** A group's name, purpose and who may join, checked here and by the server; problems appear next to their fields. */
export function GroupForm({ initial, submitLabel, busyLabel, onSubmit, onCancel }: GroupFormProps) {
  const { t } = useTranslation();
  const form = useForm(FIELDS);
  const { errors } = form;
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof GroupFormValues>(key: K, value: GroupFormValues[K]) =>
    setValues((before) => ({ ...before, [key]: value }));

  async function submit() {
    await form.submit({
      check: () => form.validate(groupInputSchema, values),
      send: async () => {
        setBusy(true);
        const error = await onSubmit({ ...values, name: values.name.trim(), purpose: values.purpose.trim() });
        setBusy(false);
        return { error: error ?? undefined };
      },
    });
  }

  return (
    <form {...form.formProps(submit)} className="panel group-form">
      <FormAlert messages={errors.form} />
      <TextField
        label={t('groups.form.name')}
        name="name"
        value={values.name}
        onChange={(e) => set('name', e.target.value)}
        error={errors.fields.name}
        hint={t('groups.form.nameHint', { min: GROUP_LIMITS.nameMin, max: GROUP_LIMITS.nameMax })}
        limit={GROUP_LIMITS.nameMax}
        required
      />
      <TextAreaField
        label={t('groups.form.purpose')}
        name="purpose"
        value={values.purpose}
        onChange={(e) => set('purpose', e.target.value)}
        error={errors.fields.purpose}
        hint={t('groups.form.purposeHint')}
        limit={GROUP_LIMITS.purposeMax}
        rows={5}
      />
      <VisibilityChoice
        value={values.visibility}
        onChange={(visibility) => set('visibility', visibility)}
        error={errors.fields.visibility}
      />
      <p className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </p>
    </form>
  );
}

const VISIBILITIES: readonly GroupVisibility[] = ['OPEN', 'INVITE_ONLY'];

function VisibilityChoice({
  value,
  onChange,
  error,
}: {
  value: GroupVisibility;
  onChange: (value: GroupVisibility) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="field visibility-choice" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{t('groups.form.visibility')}</legend>
      {VISIBILITIES.map((visibility) => (
        <div key={visibility} className="visibility-choice__option">
          {/* eslint-disable-next-line jsx-a11y/role-supports-aria-props -- aria-invalid is global in ARIA 1.2 and screen readers announce it on radios; focusFirstInvalid() finds the control by it */}
          <input
            type="radio"
            id={`${id}-${visibility}`}
            name="visibility"
            value={visibility}
            checked={value === visibility}
            onChange={() => onChange(visibility)}
            aria-describedby={`${id}-${visibility}-hint`}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor={`${id}-${visibility}`}>{t(`groups.visibility.${visibility}`)}</label>
          <p id={`${id}-${visibility}-hint`} className="field__hint">
            {t(`groups.visibility.hint.${visibility}`)}
          </p>
        </div>
      ))}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
