import { changePasswordSchema } from '@commons/shared';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { type FormErrors, NO_ERRORS, toFormErrors, validateWith } from '../../graphql/errors';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { focusFirstInvalid, TextField } from '../../ui/field';
import { ChangePasswordDocument } from '../documents';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** The current password and a new one; her other devices are signed out. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<(typeof FIELDS)[number]>>(NO_ERRORS);
  const [status, setStatus] = useState<string | null>(null);
  const [{ fetching }, change] = useMutation(ChangePasswordDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    const input = { currentPassword, newPassword };
    const invalid = validateWith(changePasswordSchema, input, FIELDS, t);
    if (invalid) {
      setErrors(invalid);
      focusFirstInvalid(formRef.current);
      return;
    }
    const result = await change({ input });
    if (result.error || result.data === undefined) {
      setErrors(toFormErrors(result.error, FIELDS, t));
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors(NO_ERRORS);
    setCurrentPassword('');
    setNewPassword('');
    setStatus(t('account.password.changed', { count: result.data.changePassword }));
  }

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate aria-labelledby="change-password-title">
      <h3 id="change-password-title">{t('account.password.title')}</h3>
      <FormAlert messages={errors.form} />
      <TextField
        label={t('account.fields.currentPassword')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.target.value)}
        error={errors.fields.currentPassword}
        required
      />
      <TextField
        label={t('account.fields.newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={t('account.fields.newPasswordHint')}
        value={newPassword}
        onChange={(e) => setNewPassword(e.target.value)}
        error={errors.fields.newPassword}
        required
      />
      <button type="submit" className="button" disabled={fetching}>
        {t('account.password.submit')}
      </button>
      <StatusMessage>{status}</StatusMessage>
    </form>
  );
}
